import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../config/index.ts";
import { WEB_ROOT } from "./start.ts";

const WEB_DIR = path.join(REPO_ROOT, "web");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether web/dist is missing or older than the app's sources. */
export function webBuildStale(): boolean {
  const index = path.join(WEB_ROOT, "index.html");
  if (!existsSync(index)) return true;
  const sources = Math.max(newestMtime(path.join(WEB_DIR, "src")), statSync(path.join(WEB_DIR, "index.html")).mtimeMs);
  return statSync(index).mtimeMs < sources;
}

/** Builds the explorer with Vite when its build is missing or stale, so `npm start` needs no separate build step. */
export async function ensureWebBuild(log: (line: string) => void): Promise<void> {
  if (!webBuildStale()) return;
  log("building the graph explorer (web/) with Vite…");
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    throw Object.assign(new Error("Vite is not installed, so the explorer cannot be built: run `npm ci` (with dev dependencies)."), {
      userFacing: true,
    });
  }
  await vite.build({ configFile: path.join(WEB_DIR, "vite.config.ts"), logLevel: "warn" });
}
