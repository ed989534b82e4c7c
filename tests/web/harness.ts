import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { build } from "vite";
import { REPO_ROOT } from "../../src/config/index.ts";
import { startServer } from "../../src/server/start.ts";
import type { Store } from "../../src/store/driver.ts";
import { readerFor } from "../server/helpers.ts";
import { launchBrowser, waitForExplorer, watchPage, type BrowserSession } from "./browser.ts";

export const SHOTS = path.join(REPO_ROOT, "test-results", "web");

export type Explorer = {
  baseUrl: string;
  session: BrowserSession;
  open(query?: string): Promise<{ page: Page; errors: string[] }>;
  /** A second browser with another window size (e.g. a phone's 390x844), closed with the explorer. */
  openSized(viewport: { width: number; height: number }, query?: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : [full];
  });
}

/**
 * The web app built as `vite build` does, once per version of its sources: the first test file of a run builds it
 * (into the temporary folder), the others reuse that build. Older builds are removed.
 */
async function webBuild(): Promise<string> {
  const inputs = [...sourceFiles(path.join(REPO_ROOT, "web")).filter((f) => !f.includes(`${path.sep}dist${path.sep}`)), path.join(REPO_ROOT, "package-lock.json")];
  const hash = createHash("sha256");
  for (const file of inputs.sort()) hash.update(file).update(readFileSync(file));
  const key = hash.digest("hex").slice(0, 16);
  const root = path.join(os.tmpdir(), `kg-web-build-${key}`);
  if (existsSync(path.join(root, "index.html"))) return root;
  const scratch = mkdtempSync(path.join(os.tmpdir(), "kg-web-scratch-"));
  await build({ configFile: path.join(REPO_ROOT, "web", "vite.config.ts"), build: { outDir: scratch, emptyOutDir: true }, logLevel: "warn" });
  for (const old of readdirSync(os.tmpdir()).filter((n) => n.startsWith("kg-web-build-"))) {
    const full = path.join(os.tmpdir(), old);
    // Leave builds of the last hour alone: another worktree's test run may be using one.
    if (Date.now() - statSync(full).mtimeMs > 3_600_000) rmSync(full, { recursive: true, force: true });
  }
  try {
    renameSync(scratch, root);
  } catch {
    rmSync(scratch, { recursive: true, force: true });
  }
  return root;
}

/**
 * Serves the web app (built from the current sources) with `kg serve`'s server on the graph that `load` puts in the
 * test Neo4j, and opens a headless Chromium. One server and one browser serve every test of a file.
 */
export async function startExplorer(load: () => Promise<Store>): Promise<Explorer> {
  mkdirSync(SHOTS, { recursive: true });
  const webRoot = await webBuild();
  const store = await load();
  const reader = readerFor(store);
  // The analyst API (compare, timelines, console) on the test store's driver, as `kg serve` wires it.
  const { app, url } = await startServer({ store: reader, port: 0, webRoot, analyst: store });
  const session = await launchBrowser();
  const extra: BrowserSession[] = [];
  const openIn = async (target: BrowserSession, query: string) => {
    const page = await target.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const { errors } = watchPage(page);
    await page.goto(`${url}${query}`);
    await waitForExplorer(page);
    return { page, errors };
  };
  return {
    baseUrl: url,
    session,
    open: (query = "") => openIn(session, query),
    async openSized(viewport, query = "") {
      const sized = await launchBrowser(viewport);
      extra.push(sized);
      return openIn(sized, query);
    },
    async close() {
      for (const s of extra) await s.close();
      await session.close();
      await app.close();
      await reader.close();
      await store.close();
    },
  };
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/** Whether any script planted in the data ran (they all write window.__xss). */
export async function xssRan(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}
