import { Command, Option } from "commander";
import { loadConfig } from "../config/index.ts";
import { openStore } from "../store/connection.ts";
import { action } from "./errors.ts";
import { positiveInt } from "./ingest.ts";

export function layoutCommand(): Command {
  return new Command("layout")
    .description("Place the nodes that have no position yet (or, with --reset, lay the whole graph out afresh) and store the explorer's layout on the nodes (x, y); `kg ingest` does this after every ingest")
    .option("--reset", "ignore the stored positions and lay the whole graph out afresh (reads the whole graph)")
    .addOption(new Option("--iterations <n>", "ForceAtlas2 iterations (default: by graph size)").argParser(positiveInt))
    .option("--json", "print the summary as JSON")
    .action(
      action(async (opts: { reset?: boolean; iterations?: number; json?: boolean }) => {
        const { updateLayout } = await import("../pipeline/layout.ts");
        const store = await openStore(loadConfig(), { startLocal: true });
        try {
          const summary = await updateLayout(store, { reset: opts.reset, iterations: opts.iterations });
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(summary)}\n`
              : summary.mode === "full"
                ? `layout: ${summary.nodes} nodes laid out (${summary.placed} newly placed), ${summary.iterations} iterations, ${summary.seconds.toFixed(1)} s\n`
                : `layout: ${summary.nodes} nodes (${summary.placed} newly placed, among ${summary.computed - summary.placed} neighbours that stay), ${summary.iterations} iterations, ${summary.seconds.toFixed(1)} s\n`,
          );
        } finally {
          await store.close();
        }
      }),
    );
}
