performance.mark("kg:script-start");
import "./styles.css";
import { ExplorerApp, showFatal } from "./app.ts";

const app = new ExplorerApp();
app.start().catch((error: unknown) => showFatal(`The explorer could not start: ${(error as Error).message}`));
// Read-only handle for debugging in the console and for the browser tests.
(window as unknown as { kgExplorer: ExplorerApp }).kgExplorer = app;
