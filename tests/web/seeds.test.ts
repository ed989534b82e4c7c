import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeedGraph } from "../server/helpers.ts";
import { drawnPixelShare, renderMs } from "./browser.ts";
import { cspViolations, SHOTS, startExplorer, xssRan, type Explorer } from "./harness.ts";

// The explorer on the graph the real pipeline builds from seeds/ plus one article full of markup.
let explorer: Explorer;

beforeAll(async () => {
  explorer = await startExplorer(loadSeedGraph);
}, 240_000);

afterAll(async () => {
  await explorer?.close();
});

describe("the explorer on the ingested seeds", () => {
  it("renders the seed graph and finds Turkey with its relations and quotes", async () => {
    const { page, errors } = await explorer.open();
    expect(await drawnPixelShare(page)).toBeGreaterThan(0.003);
    // The app marks its first complete frame; how long that takes is measured by `npm run bench`, not here.
    expect(Number.isFinite(await renderMs(page))).toBe(true);

    await page.fill("#search-input", "Turkey");
    await page.locator('#search-results li[data-id="country:turkey"]').waitFor();
    await page.locator('#search-results li[data-id="country:turkey"]').click();
    await page.locator("#panel h2", { hasText: "Turkey" }).waitFor();
    const quotes = await page.locator("#panel .quote").allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.some((q) => q.includes("Turk") || q.includes("Ankara"))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, "seeds-01-turkey.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the ingested article's markup as text and runs none of it", async () => {
    const { page, errors } = await explorer.open("?article=hostile-markup-article");
    const panel = page.locator("#panel");
    await panel.locator("#article-title").waitFor();
    expect(await panel.locator("#article-title").textContent()).toBe(
      `<script>window.__xss='seed-title'</script>Turkey <img src=x onerror="window.__xss='seed-title-img'"> talks`,
    );
    expect(await panel.locator(".article-body").textContent()).toContain(`<img src=x onerror=`);
    expect(await panel.locator(".article-body mark.mention").count()).toBeGreaterThan(0);
    expect(await page.locator("#panel img, #panel script, #panel iframe").count()).toBe(0);

    // A relation quoted from that article, in a node's panel.
    await explorer.open("?node=person:vladimir-putin").then(async ({ page: nodePage, errors: nodeErrors }) => {
      await nodePage.locator("#panel h2").waitFor();
      const quotes = (await nodePage.locator("#panel .quote").allTextContents()).join("\n");
      expect(quotes).toContain('<a href="javascript:');
      const hrefs = await nodePage.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.filter((h) => h.trim().toLowerCase().startsWith("javascript:"))).toEqual([]);
      await nodePage.screenshot({ path: path.join(SHOTS, "seeds-02-hostile-quote.png") });
      expect(await xssRan(nodePage)).toBeUndefined();
      expect(nodeErrors).toEqual([]);
      await nodePage.close();
    });

    await page.screenshot({ path: path.join(SHOTS, "seeds-03-hostile-article.png") });
    expect(await xssRan(page)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});
