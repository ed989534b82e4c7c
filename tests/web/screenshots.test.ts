import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/index.ts";
import { loadSeedGraph } from "../server/helpers.ts";
import { startExplorer, type Explorer } from "./harness.ts";

// `npm run screenshots`: the explorer on the seed graph, as a person sees it, at a laptop's and a phone's size.
// Written to test-results/screenshots/ (or KG_SCREENSHOTS_DIR); part of `npm test` too, so they stay current.
const OUT = process.env.KG_SCREENSHOTS_DIR ?? path.join(REPO_ROOT, "test-results", "screenshots");
const SIZES = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

let explorer: Explorer;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  explorer = await startExplorer(loadSeedGraph);
}, 240_000);

afterAll(async () => {
  await explorer?.close();
});

async function settle(page: Page): Promise<void> {
  // Software WebGL draws a frame or two after the DOM is ready; camera animations take 600 ms.
  await page.waitForTimeout(900);
}

describe.each(SIZES)("screenshots at $name size ($width x $height)", (size) => {
  it("home, a selected node, Compare, the console and an article", async () => {
    const { page, errors } = await explorer.openSized({ width: size.width, height: size.height });
    const shot = async (name: string) => {
      await settle(page);
      const file = path.join(OUT, `${size.name}-${name}.png`);
      await page.screenshot({ path: file });
      return file;
    };
    await shot("1-home");
    expect(await page.locator("#intro").isVisible()).toBe(true);

    await page.locator("#search-input").fill("Turkey");
    await page.locator('#search-results li[data-id="country:turkey"]').click();
    await page.locator("#panel h2", { hasText: "Turkey" }).waitFor();
    await shot("2-selected-node");

    await page.locator("#panel .relation-meta button").first().click();
    await page.locator("#article-title").waitFor();
    await page.locator("#panel mark.evidence").first().waitFor();
    await shot("5-article");

    await page.click("#view-compare");
    await page.locator("#compare-topic option").first().waitFor({ state: "attached" });
    await page.selectOption("#compare-topic", "peacekeeping");
    await page.fill("#compare-actors", "Turkey, Europe, Russia");
    await page.click("#compare-form button[type=submit]");
    await page.locator('.compare-column[data-actor="Russia"]').waitFor();
    await shot("3-compare");

    await page.click("#view-console");
    await page.locator("#saved-queries option[value=most-connected-actors]").waitFor({ state: "attached" });
    await page.selectOption("#saved-queries", "most-connected-actors");
    await page.click("#run-query");
    await page.locator("#query-table tbody tr").first().waitFor();
    await shot("4-console");
    expect(errors).toEqual([]);
    await page.close();
  });
});
