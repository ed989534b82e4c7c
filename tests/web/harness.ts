import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
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
  close(): Promise<void>;
};

/**
 * Builds the web app as `vite build` does (into a scratch folder, so the current sources are tested), serves it with
 * `kg serve`'s server on the graph that `load` puts in the test Neo4j, and opens a headless Chromium.
 */
export async function startExplorer(load: () => Promise<Store>): Promise<Explorer> {
  mkdirSync(SHOTS, { recursive: true });
  const webRoot = mkdtempSync(path.join(os.tmpdir(), "kg-web-"));
  await build({ configFile: path.join(REPO_ROOT, "web", "vite.config.ts"), build: { outDir: webRoot, emptyOutDir: true }, logLevel: "warn" });
  const store = await load();
  const reader = readerFor(store);
  // The analyst API (compare, timelines, console) on the test store's driver, as `kg serve` wires it.
  const { app, url } = await startServer({ store: reader, port: 0, webRoot, analyst: store });
  const session = await launchBrowser();
  return {
    baseUrl: url,
    session,
    async open(query = "") {
      const page = await session.context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __cspViolations: string[] };
        w.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      const { errors } = watchPage(page);
      await page.goto(`${url}${query}`);
      await waitForExplorer(page);
      return { page, errors };
    },
    async close() {
      await session.close();
      await app.close();
      await reader.close();
      await store.close();
      rmSync(webRoot, { recursive: true, force: true });
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
