import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeedGraph } from "../server/helpers.ts";
import { drawnPixelShare, renderMs } from "./browser.ts";
import { validateGexf } from "./gexf-schema.ts";
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

type Win = { kgExplorer: any };
type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

describe("labels and the first screen", () => {
  it("shows no overlapping labels at the default zoom, and edge labels only where they fit", async () => {
    const { page, errors } = await explorer.open();
    await page.waitForTimeout(500);
    const labels = await page.evaluate(() => {
      const app = (window as unknown as Win).kgExplorer;
      return [...app.renderer.sigma.getNodeDisplayedLabels()].map((n) => ({ node: n, box: app.renderer.labelBox(n) }));
    });
    expect(labels.length).toBeGreaterThan(25);
    const { width, height } = await page.evaluate(() => (window as unknown as Win).kgExplorer.renderer.sigma.getDimensions());
    const clashes: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      const a = labels[i]!.box;
      expect(a.x1 >= 0 && a.y1 >= 0 && a.x2 <= width && a.y2 <= height, labels[i]!.node).toBe(true);
      for (let j = i + 1; j < labels.length; j++) {
        const b = labels[j]!.box;
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) clashes.push(`${labels[i]!.node} / ${labels[j]!.node}`);
      }
    }
    expect(clashes).toEqual([]);
    // Placing labels settles: an idle page draws no more frames.
    const idleFrames = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const sigma = (window as unknown as Win).kgExplorer.renderer.sigma;
          let frames = 0;
          const count = () => frames++;
          sigma.on("afterRender", count);
          setTimeout(() => {
            sigma.off("afterRender", count);
            resolve(frames);
          }, 1_000);
        }),
    );
    expect(idleFrames).toBeLessThan(3);
    // Zoomed in on Turkey: relation types label the edges that have room for them, and only those.
    await page.fill("#search-input", "Turkey");
    await page.locator('#search-results li[data-id="country:turkey"]').click();
    await page.locator("#panel h2", { hasText: "Turkey" }).waitFor();
    await page.waitForTimeout(900);
    const edges = await page.evaluate(() => {
      const app = (window as unknown as Win).kgExplorer;
      const sigma = app.renderer.sigma;
      const canvas = document.createElement("canvas").getContext("2d")!;
      canvas.font = "12px sans-serif";
      return [...sigma.getEdgeDisplayedLabels()].map((e) => {
        const [a, b] = app.graph.extremities(e);
        const pa = sigma.framedGraphToViewport(sigma.getNodeDisplayData(a));
        const pb = sigma.framedGraphToViewport(sigma.getNodeDisplayData(b));
        const room = Math.hypot(pa.x - pb.x, pa.y - pb.y) - sigma.scaleSize(sigma.getNodeDisplayData(a).size) - sigma.scaleSize(sigma.getNodeDisplayData(b).size);
        return { room, text: canvas.measureText(app.graph.getEdgeAttribute(e, "bundleLabel")).width };
      });
    });
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.filter((e) => e.room < e.text)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says on the first screen what the app is and what to do", async () => {
    const { page } = await explorer.open();
    const intro = page.locator("#intro");
    expect(await intro.isVisible()).toBe(true);
    const text = (await intro.textContent()) ?? "";
    expect(text).toMatch(/knowledge graph of the news/i);
    expect(text).toMatch(/Built from 5 articles/);
    expect(text).toMatch(/Search a name/);
    expect(text).toMatch(/click a node/);
    expect(await page.locator(".tagline").textContent()).toMatch(/proposed, offered, backed or rejected/);
    await page.click("#intro-compare");
    await page.locator("#compare-view").waitFor();
    // Dismissed once, it stays away.
    const { page: again } = await explorer.open();
    await again.click("#intro-dismiss");
    const { page: third } = await explorer.open();
    expect(await third.locator("#intro").isVisible()).toBe(false);
    for (const p of [page, again, third]) await p.close();
  });
});

describe("evidence on the seed graph", () => {
  it("highlights exactly the name of a mention", async () => {
    const { page } = await explorer.open("?article=seed-4-turkey-peace-force");
    await page.locator("#article-title").waitFor();
    const marks = await page.locator("#panel mark.mention").evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("data-entity") ?? "", n.textContent ?? ""] as [string, string]));
    const trilateral = marks.filter(([id]) => id.includes("trilateral")).map(([, text]) => text);
    expect(trilateral.length).toBeGreaterThan(0);
    expect(trilateral.every((t) => t.toLowerCase() === "trilateral meeting")).toBe(true);
    expect(marks.filter(([, text]) => /\s(in|which|that|who|of|the|to)$/i.test(text))).toEqual([]);
    await page.close();
  });

  it("lists each quote of a Compare column once, with every fact it supports", async () => {
    const { page } = await explorer.open("?view=compare&topic=peacekeeping&actors=Turkey,Europe,Russia");
    await page.waitForFunction(() => document.body.dataset.compared !== undefined, undefined, { polling: 100, timeout: 30_000 });
    // The raw evidence, one row per fact (a sentence behind an OFFERED and a stance comes twice).
    const result = await page.evaluate(async () => (await fetch("/api/compare?topic=peacekeeping&actors=Turkey,Europe,Russia")).json());
    let facts = 0;
    for (const col of result.columns as { actor: { query: string }; evidence: { articleId: string | null; quote: string | null }[] }[]) {
      const column = page.locator(`.compare-column[data-actor="${col.actor.query}"]`);
      const distinct = new Set(col.evidence.map((e, i) => (e.quote === null ? `no quote ${i}` : `${e.articleId}\u0000${e.quote.trim()}`)));
      const cards = column.locator(".compare-evidence");
      expect(await cards.count(), col.actor.query).toBe(distinct.size);
      const quotes = await column.locator(".compare-evidence .quote").allTextContents();
      expect(new Set(quotes).size, col.actor.query).toBe(quotes.length);
      // Every fact behind the column is listed under its quote.
      expect(await column.locator(".compare-evidence .quote-facts li").count()).toBeLessThanOrEqual(col.evidence.length);
      expect(await column.locator(".compare-evidence .quote-facts li").count()).toBeGreaterThanOrEqual(distinct.size);
      if (col.evidence.length > 0) expect(await column.locator(".explain-counts").textContent()).toMatch(/\d/);
      else expect(await column.textContent()).toContain("No relation found on this topic.");
      facts += col.evidence.length;
    }
    expect(facts).toBeGreaterThan(0);
    await page.close();
  });

  it("exports the seed graph as GEXF 1.3 with quotes and CAMEO/PLOVER codes, valid against the XSD", async () => {
    const { page } = await explorer.open();
    await page.click("#export-menu-button");
    const [file] = await Promise.all([page.waitForEvent("download"), page.click("#export-gexf")]);
    const target = path.join(SHOTS, "seeds-export.gexf");
    await file.saveAs(target);
    expect(validateGexf(target)).toEqual({ valid: true, errors: "" });
    const xml = readFileSync(target, "utf8");
    const visible = Number(await page.evaluate(() => document.body.dataset.visibleNodes));
    expect(xml.match(/<node /g)?.length).toBe(visible);
    expect(xml).toMatch(/<attvalue for="cameo" value="\d+"\/>/);
    expect(xml).toMatch(/<attvalue for="plover" value="[A-Z]+/);
    expect(xml).toMatch(/<attvalue for="quote" value="[^"]{20,}"\/>/);
    await page.close();
  });
});

describe("on a phone (390 x 844)", () => {
  it("collapses the toolbar, opens panels as sheets, and nothing overlaps", async () => {
    const { page, errors } = await explorer.openSized({ width: 390, height: 844 });
    const boxOf = async (selector: string) => (await page.locator(selector).isVisible() ? await page.locator(selector).boundingBox() : null);
    expect(await page.locator("#toolbar").isVisible()).toBe(false);
    expect(await page.locator("#menu-toggle").isVisible()).toBe(true);
    expect(await page.locator("#sidebar").isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // Header controls and the overlays on the graph do not cover one another.
    const parts = ["h1.brand", "#view-graph", "#view-compare", "#view-console", "#menu-toggle", "#search-input", ".camera-controls", "#legend", "#status", "#intro"];
    const boxes = (await Promise.all(parts.map(async (p) => [p, await boxOf(p)] as const))).filter((e): e is readonly [string, Box] => e[1] !== null);
    const clashes = boxes.flatMap(([a, boxA], i) => boxes.slice(i + 1).filter(([, boxB]) => overlap(boxA, boxB)).map(([b]) => `${a} / ${b}`));
    expect(clashes).toEqual([]);
    for (const [name, box] of boxes) expect(box.x >= 0 && box.x + box.width <= 390.5, name).toBe(true);

    await page.click("#menu-toggle");
    await page.locator("#toolbar").waitFor();
    for (const id of ["#toggle-filters", "#open-articles", "#export-menu-button", "#share-link"]) {
      const box = (await page.locator(id).boundingBox())!;
      expect(box.x >= 0 && box.x + box.width <= 390.5, id).toBe(true);
    }

    // The details open as a sheet under the graph; the selected node stays in the graph part above it.
    await page.click("#intro-dismiss");
    await page.fill("#search-input", "Turkey");
    await page.locator('#search-results li[data-id="country:turkey"]').click();
    await page.locator("#panel h2", { hasText: "Turkey" }).waitFor();
    await page.waitForTimeout(900);
    const graph = (await page.locator("#graph").boundingBox())!;
    const panel = (await page.locator("#panel").boundingBox())!;
    expect(graph.y + graph.height).toBeLessThanOrEqual(panel.y + 1);
    expect(panel.y + panel.height).toBeLessThanOrEqual(844.5);
    const turkey = await page.evaluate(() => {
      const sigma = (window as unknown as Win).kgExplorer.renderer.sigma;
      return sigma.framedGraphToViewport(sigma.getNodeDisplayData("country:turkey"));
    });
    expect(turkey.y).toBeGreaterThan(0);
    expect(turkey.y).toBeLessThan(graph.height);

    // Filters open as a sheet of their own (the details sheet closes), and close again.
    if (!(await page.locator("#toolbar").isVisible())) await page.click("#menu-toggle");
    await page.click("#toggle-filters");
    await page.locator("#sidebar").waitFor();
    expect(await page.locator("#panel").isVisible()).toBe(false);
    const sheet = (await page.locator("#sidebar").boundingBox())!;
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(844.5);
    expect(sheet.width).toBeGreaterThan(380);
    await page.click("#close-sidebar");
    await page.locator("#sidebar").waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
