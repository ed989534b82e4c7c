import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFixtureGraph } from "../server/helpers.ts";
import { drawnPixelShare, launchBrowser, waitForExplorer } from "./browser.ts";
import { cspViolations, SHOTS, startExplorer, xssRan, type Explorer } from "./harness.ts";

let explorer: Explorer;
let baseUrl: string;

beforeAll(async () => {
  explorer = await startExplorer(loadFixtureGraph);
  baseUrl = explorer.baseUrl;
}, 240_000);

afterAll(async () => {
  await explorer?.close();
});

const openExplorer = (query = "") => explorer.open(query);

describe("the graph explorer in headless Chromium", () => {
  it("loads and draws the graph on the canvas, within the CSP", async () => {
    const { page, errors } = await openExplorer();
    await page.waitForTimeout(500);
    const share = await drawnPixelShare(page);
    await page.screenshot({ path: path.join(SHOTS, "01-loaded.png") });
    expect(share).toBeGreaterThan(0.003);
    expect(await page.textContent("#status")).toContain("10 nodes");
    expect(await page.locator("#legend li").count()).toBe(7);
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it("searching 'Turkey' selects its node and the panel lists its relations with quotes", async () => {
    const { page, errors } = await openExplorer();
    await page.keyboard.press("/");
    await page.keyboard.type("Turk");
    await page.locator('#search-results li[data-id="country:turkey"]').waitFor();
    await page.keyboard.press("Enter");
    await page.locator("#panel h2", { hasText: "Turkey" }).waitFor();
    expect(new URL(page.url()).searchParams.get("node")).toBe("country:turkey");
    const groups = await page.locator("#panel .relation-group summary").allTextContents();
    expect(groups).toContain("OFFERED (2)");
    const quotes = await page.locator("#panel .quote").allTextContents();
    expect(quotes).toContain("Turkey offered to send troops to a peacekeeping force in Ukraine.");
    expect(await page.locator("#panel").textContent()).toContain("Türkiye");
    // The camera flew to the node: it is now near the centre of the view.
    await page.waitForTimeout(800);
    const offset = await page.evaluate(() => {
      const app = (window as any).kgExplorer;
      const sigma = app.renderer.sigma;
      const display = sigma.getNodeDisplayData("country:turkey");
      const viewport = sigma.framedGraphToViewport(display);
      const { width, height } = sigma.getDimensions();
      return Math.hypot(viewport.x - width / 2, viewport.y - height / 2);
    });
    expect(offset).toBeLessThan(30);
    await page.screenshot({ path: path.join(SHOTS, "02-turkey-selected.png") });

    // From a relation, the article opens on its sentence.
    await page.locator("#panel .relation-meta button", { hasText: "Turkey offers troops" }).first().click();
    await page.locator("#panel mark.evidence").first().waitFor();
    const evidence = await page.locator("#panel mark.evidence").allTextContents();
    expect(evidence.join("")).toContain("offered");
    expect(await page.locator('#panel mark.mention[data-entity="country:russia"]').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, "03-article-evidence.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("unticking a node type hides those nodes and updates the counts and the URL", async () => {
    const { page } = await openExplorer();
    expect(await page.evaluate(() => document.body.dataset.visibleNodes)).toBe("10");
    await page.locator('#filters [data-filter="hiddenTypes"] input[data-value="Country"]').uncheck();
    await page.waitForFunction(() => document.body.dataset.visibleNodes === "7");
    await page.waitForFunction(() => (window as any).kgExplorer.renderer.sigma.getNodeDisplayData("country:turkey")?.visibility === "hidden", undefined, { polling: 100 });
    const hidden = await page.evaluate(() => {
      const sigma = (window as any).kgExplorer.renderer.sigma;
      return ["country:turkey", "country:russia", "country:ukraine", "person:mallory"].map((id) => sigma.getNodeDisplayData(id)?.visibility);
    });
    expect(hidden).toEqual(["hidden", "hidden", "hidden", "visible"]);
    expect(await page.locator('#legend li[data-type="Country"] .count').textContent()).toBe("0");
    expect(new URL(page.url()).searchParams.get("hideTypes")).toBe("Country");
    await page.waitForTimeout(200);
    expect(await drawnPixelShare(page)).toBeGreaterThan(0.002);
    await page.screenshot({ path: path.join(SHOTS, "04-countries-hidden.png") });
    await page.close();
  });

  it("a deep link restores the selection and the filters", async () => {
    const { page } = await openExplorer("?node=country:russia&hideRels=ABOUT");
    await page.locator("#panel h2", { hasText: "Russia" }).waitFor();
    expect(await page.locator("#panel .quote").allTextContents()).toContain("Russia rejected the peacekeeping force in Ukraine on Wednesday.");
    expect(await page.locator('#filters input[data-value="ABOUT"]').isChecked()).toBe(false);
    expect(await page.locator('#filters input[data-value="OFFERED"]').isChecked()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, "05-deep-link.png") });
    await page.close();
  });

  it("bundles parallel facts into one edge labelled with their count, and hiding one updates the count", async () => {
    const { page } = await openExplorer();
    const labels = () =>
      page.evaluate(() => {
        const graph = (window as any).kgExplorer.graph;
        return graph.edges("country:turkey", "proposal:peacekeeping-force-in-ukraine").map((key: string) => graph.getEdgeAttribute(key, "bundleLabel"));
      });
    expect(await labels()).toEqual(["OFFERED ×2", "OFFERED ×2"]);
    // Filtering by source leaves one of the two facts: the bundle says so.
    await page.locator('#filters input[data-value="Daily Test"]').uncheck();
    await page.waitForFunction(() => new URL(location.href).searchParams.has("hideSources"));
    expect(await labels()).toContain("OFFERED");
    await page.close();
  });

  it("opens a large graph on its most connected part, and 'Load all' shows the rest", async () => {
    const { page } = await openExplorer("?limit=4");
    await page.locator("#load-all").waitFor();
    expect(await page.textContent("#status")).toMatch(/^4 nodes, .*the most connected of 10 nodes/);
    await Promise.all([page.waitForURL((url) => url.searchParams.get("limit") === "50000"), page.click("#load-all")]);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    expect(await page.textContent("#status")).toContain("10 nodes");
    expect(await page.locator("#load-all").count()).toBe(0);
    await page.close();
  });

  it("exports the view as a PNG image and the graph as GEXF", async () => {
    const { page } = await openExplorer();
    await page.click("#export-menu-button");
    const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    const pngPath = path.join(SHOTS, "06-export.png");
    await png.saveAs(pngPath);
    const bytes = readFileSync(pngPath);
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(300);
    // The export holds the drawing, not a blank frame.
    const share = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) drawn++;
      return drawn / (data.length / 4);
    }, bytes.toString("base64"));
    expect(share).toBeGreaterThan(0.002);

    await page.click("#export-menu-button");
    const [gexf] = await Promise.all([page.waitForEvent("download"), page.click("#export-gexf")]);
    const gexfPath = path.join(SHOTS, "06-export.gexf");
    await gexf.saveAs(gexfPath);
    const xml = readFileSync(gexfPath, "utf8");
    expect(xml).toContain("<gexf");
    expect(xml).toContain('id="country:turkey"');
    await page.close();
  });

  it("lists articles, opens one from the keyboard with its entities marked, and Escape closes it", async () => {
    const { page, errors } = await openExplorer();
    await page.locator("#open-articles").focus();
    await page.keyboard.press("Enter");
    const items = page.locator("#panel .article-list li");
    await items.first().waitFor();
    expect(await items.count()).toBe(3);
    await page.locator("#panel .article-list button", { hasText: "Leaders meet at the White House" }).focus();
    await page.keyboard.press("Enter");
    await page.locator("#article-title", { hasText: "Leaders meet at the White House" }).waitFor();
    expect(new URL(page.url()).searchParams.get("article")).toBe("test-white-house");
    const marked = await page.locator("#panel mark.mention").evaluateAll((marks) => marks.map((m) => [m.getAttribute("data-entity"), m.textContent]));
    expect(marked).toContainEqual(["organization:nato", "NATO"]);
    expect(marked).toContainEqual(["place:washington", "Washington"]);
    // A marked entity is a keyboard-reachable control that selects the node.
    await page.locator('#panel mark.mention[data-entity="organization:nato"]').focus();
    await page.keyboard.press("Enter");
    await page.locator("#panel h2", { hasText: "NATO" }).waitFor();
    await page.keyboard.press("Escape");
    await page.locator("#panel").waitFor({ state: "hidden" });
    expect(new URL(page.url()).searchParams.get("node")).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("works on a narrow screen", async () => {
    const narrow = await launchBrowser({ width: 390, height: 800 });
    try {
      const page = await narrow.context.newPage();
      await page.goto(`${baseUrl}?node=country:turkey`);
      await waitForExplorer(page);
      await page.locator("#panel h2", { hasText: "Turkey" }).waitFor();
      expect(await page.locator("#filters").isHidden()).toBe(true);
      await page.waitForTimeout(800);
      expect(await drawnPixelShare(page)).toBeGreaterThan(0.001);
      // The selected node sits inside the visible graph area, not under the panel.
      const graphBox = (await page.locator("#graph").boundingBox())!;
      const panelBox = (await page.locator("#panel").boundingBox())!;
      expect(graphBox.y + graphBox.height).toBeLessThanOrEqual(panelBox.y + 1);
      const turkey = await page.evaluate(() => {
        const sigma = (window as any).kgExplorer.renderer.sigma;
        return sigma.framedGraphToViewport(sigma.getNodeDisplayData("country:turkey"));
      });
      expect(turkey.y).toBeGreaterThan(0);
      expect(turkey.y).toBeLessThan(graphBox.height);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, "07-narrow.png") });
    } finally {
      await narrow.close();
    }
  });
});

describe("hostile text in the data", () => {
  it("shows markup in names, aliases, roles, quotes, titles and links as text, and runs no script", async () => {
    const { page, errors } = await openExplorer("?node=person:mallory");
    const panel = page.locator("#panel");
    await panel.locator("h2").waitFor();
    expect(await panel.locator("h2").textContent()).toBe(`Mallory <img src=x onerror="window.__xss='name'">`);
    const text = (await panel.textContent()) ?? "";
    expect(text).toContain("<script>window.__xss='alias'</script>");
    expect(text).toContain(`<b onmouseover="window.__xss='role'">agitator</b>`);
    expect(text).toContain("<script>window.__xss='body'</script>");
    expect(await panel.locator("img, script, b, iframe").count()).toBe(0);

    await panel.locator(".relation-meta button").first().click();
    await panel.locator("#article-title").waitFor();
    expect(await panel.locator("#article-title").textContent()).toContain("<script>window.__xss='title'</script>");
    expect(await panel.locator(".article-body").textContent()).toContain(`<a href="javascript:window.__xss='link'">this</a>`);
    expect(await panel.locator("img, script, iframe").count()).toBe(0);
    // The javascript: URL of the article is not turned into a link.
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs.filter((h) => h && h.trim().toLowerCase().startsWith("javascript:"))).toEqual([]);

    // Search results show the name as text too.
    await page.fill("#search-input", "Mallory");
    await page.locator('#search-results li[data-id="person:mallory"]').waitFor();
    expect(await page.locator("#search-results img").count()).toBe(0);
    await page.hover(".article-body mark.mention >> nth=0").catch(() => undefined);
    await page.screenshot({ path: path.join(SHOTS, "08-hostile-text.png") });

    expect(await xssRan(page)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});
