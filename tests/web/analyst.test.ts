import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/driver.ts";
import { loadSeedGraph } from "../server/helpers.ts";
import { drawnPixelShare } from "./browser.ts";
import { cspViolations, SHOTS, startExplorer, xssRan, type Explorer } from "./harness.ts";

// The analyst views (Compare, Cypher console, timelines) in a real Chromium, on the graph the pipeline builds from the seeds.
let explorer: Explorer;
let store: Store;

beforeAll(async () => {
  explorer = await startExplorer(async () => (store = await loadSeedGraph()));
}, 240_000);

afterAll(async () => {
  await explorer?.close();
});

async function graphCounts(): Promise<{ nodes: number; relationships: number }> {
  const { records } = await store.driver.executeQuery("MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS relationships", {}, { database: store.database });
  return { nodes: Number(records[0]!.get("nodes")), relationships: Number(records[0]!.get("relationships")) };
}

describe("the Compare view", () => {
  it("shows Turkey supporting (or conditional) and Russia opposing peacekeeping, side by side, each with quotes", async () => {
    const { page, errors } = await explorer.open("?view=compare&topic=peacekeeping&actors=Turkey,Europe,Russia");
    await page.waitForFunction(() => document.body.dataset.compared !== undefined, undefined, { polling: 100, timeout: 30_000 });
    const columns = page.locator("#compare-view .compare-column");
    expect(await columns.count()).toBe(3);
    expect(await page.locator("#console").isVisible()).toBe(false);
    expect(await columns.locator("h3").allTextContents()).toEqual([expect.stringMatching(/Turk/), expect.stringMatching(/Europ/), expect.stringMatching(/Russia/)]);

    const stanceOf = (actor: string) => page.locator(`.compare-column[data-actor="${actor}"] > header .stance-badge`).getAttribute("data-stance");
    expect(["support", "conditional"]).toContain(await stanceOf("Turkey"));
    expect(await stanceOf("Russia")).toBe("oppose");
    for (const actor of ["Turkey", "Russia"]) {
      const quotes = await page.locator(`.compare-column[data-actor="${actor}"] .quote`).allTextContents();
      expect(quotes.length).toBeGreaterThan(0);
      expect(quotes.every((q) => q.length > 20)).toBe(true);
      // Each relation names its article and date.
      const metas = await page.locator(`.compare-column[data-actor="${actor}"] .compare-evidence .relation-meta`).allTextContents();
      expect(metas.every((m) => /\d{4}|undated/.test(m))).toBe(true);
      expect(await page.locator(`.compare-column[data-actor="${actor}"] .compare-evidence .relation-meta button`).count()).toBe(quotes.length);
    }
    // The view state is in the URL.
    expect(new URL(page.url()).searchParams.get("view")).toBe("compare");
    await page.screenshot({ path: path.join(SHOTS, "analyst-01-compare.png") });

    // The topic's timeline opens in the side panel, each event with its quote.
    await page.click("#compare-topic-timeline");
    await page.locator("#panel h2", { hasText: "Timeline" }).waitFor();
    expect(await page.locator("#timeline-events .timeline-event").count()).toBeGreaterThan(0);
    expect(await page.locator("#timeline-events .quote").count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get("timelineTopic")).toBe("peacekeeping");

    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it("runs a comparison typed into the form and records it in the URL", async () => {
    const { page, errors } = await explorer.open("?view=compare");
    await page.locator("#compare-topic option").first().waitFor({ state: "attached" });
    await page.selectOption("#compare-topic", "peacekeeping");
    await page.fill("#compare-actors", "Russia, Turkey");
    await page.click("#compare-form button[type=submit]");
    await page.locator('.compare-column[data-actor="Turkey"]').waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get("topic")).toBe("peacekeeping");
    expect(url.searchParams.get("actors")).toBe("Russia,Turkey");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the timeline panel", () => {
  it("opens from an actor's side panel and lists dated events with quotes and sources", async () => {
    const { page, errors } = await explorer.open("?node=country:turkey");
    await page.locator("#panel h2", { hasText: "Turkey" }).waitFor();
    await page.click("#open-timeline");
    await page.locator("#panel h2", { hasText: "Timeline: Turkey" }).waitFor();
    const events = page.locator("#timeline-events .timeline-event");
    expect(await events.count()).toBeGreaterThan(0);
    const quotes = await page.locator("#timeline-events .quote").allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    expect(await page.locator("#timeline-events .relation-meta button").count()).toBeGreaterThan(0);
    const dates = (await page.locator("#timeline-events .timeline-date").allTextContents()).filter((d) => d !== "undated");
    expect(dates).toEqual([...dates].sort());
    expect(new URL(page.url()).searchParams.get("timelineActor")).toBe("country:turkey");
    await page.screenshot({ path: path.join(SHOTS, "analyst-02-timeline.png") });
    expect(await page.locator("#panel img, #panel script").count()).toBe(0);
    expect(await xssRan(page)).toBeUndefined();

    // A shared link restores the timeline.
    const { page: again } = await explorer.open("?timelineActor=country:turkey");
    await again.locator("#panel h2", { hasText: "Timeline: Turkey" }).waitFor();
    expect(await again.locator("#timeline-events .timeline-event").count()).toBe(await events.count());
    await again.close();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the Cypher console", () => {
  it("runs a saved query from the menu and shows its rows as a table", async () => {
    const { page, errors } = await explorer.open("?view=console");
    await page.locator("#cypher-editor .cm-content").waitFor();
    expect(await page.locator("#compare-view").isVisible()).toBe(false);
    // Cypher highlighting: keywords get their own token class.
    await page.locator("#saved-queries option[value=most-connected-actors]").waitFor({ state: "attached" });
    await page.selectOption("#saved-queries", "most-connected-actors");
    expect(await page.locator("#cypher-editor .cm-content").textContent()).toContain("MATCH");
    expect(await page.locator("#cypher-editor .cm-line span[class^=ͼ]").count()).toBeGreaterThan(0);
    await page.click("#run-query");
    await page.locator("#query-table tbody tr").first().waitFor();
    expect(await page.locator("#query-table thead th").allTextContents()).toEqual(["actor", "type", "relationships", "partners", "articles"]);
    expect(await page.locator("#query-table tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("#query-table tbody").textContent()).toMatch(/Turkey|Russia|Ukraine/);
    await page.screenshot({ path: path.join(SHOTS, "analyst-03-console-table.png") });
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it("refuses a write with a clear message and leaves the database unchanged", async () => {
    const before = await graphCounts();
    const { page, errors } = await explorer.open("?view=console");
    await page.locator("#cypher-editor .cm-content").click();
    await page.keyboard.type("CREATE (x:Entity {id: 'console-write', name: 'Written'}) RETURN x");
    await page.keyboard.press("Control+Enter");
    const alert = page.locator("#query-output .query-error[role=alert]");
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toMatch(/Refused/);
    expect(text).toMatch(/CREATE/);
    expect(await page.locator("#query-table").count()).toBe(0);
    expect(await graphCounts()).toEqual(before);
    const { records } = await store.driver.executeQuery("MATCH (x {id: 'console-write'}) RETURN count(x) AS n", {}, { database: store.database });
    expect(Number(records[0]!.get("n"))).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, "analyst-04-console-refused.png") });
    // Refusals come back as 403s, which the browser logs as failed loads: only those are expected.
    expect(errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
    await page.close();
  });

  it("restores its query from the URL and shows markup in results as text, running none of it", async () => {
    const query = "MATCH (a:Article {id: 'hostile-markup-article'}) RETURN a.title AS title, a";
    const { page, errors } = await explorer.open(`?view=console&query=${encodeURIComponent(query)}`);
    await page.locator("#cypher-editor .cm-content").waitFor();
    expect(await page.locator("#cypher-editor .cm-content").textContent()).toBe(query);
    await page.click("#run-query");
    await page.locator("#query-table tbody tr").first().waitFor();
    expect(await page.locator("#query-table tbody td").first().textContent()).toContain("<script>window.__xss='seed-title'</script>");
    expect(await page.locator("#console img, #console script").count()).toBe(0);
    // The result's one node (an article, not in the explorer graph) is drawn alone; "show the whole graph" takes it out again.
    await page.waitForFunction(() => document.body.dataset.visibleNodes === "1", undefined, { polling: 100 });
    await page.click("#query-graph-reset");
    await page.waitForFunction(() => Number(document.body.dataset.visibleNodes) > 1, undefined, { polling: 100 });
    expect(await page.evaluate(() => (window as unknown as { kgExplorer: { graph: { hasNode(k: string): boolean } } }).kgExplorer.graph.hasNode("hostile-markup-article"))).toBe(false);
    expect(await xssRan(page)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it("draws the nodes and relationships a query returns in the graph view", async () => {
    const { page, errors } = await explorer.open("?view=console");
    const allNodes = Number(await page.evaluate(() => document.body.dataset.visibleNodes));
    await page.locator("#cypher-editor .cm-content").click();
    await page.keyboard.type("MATCH p = (a:Country {id: 'country:turkey'})-[r]-(b:Entity) WHERE type(r) <> 'MENTIONED_IN' RETURN a, r, b");
    await page.click("#run-query");
    await page.locator("#query-table tbody tr").first().waitFor();
    const rows = await page.locator("#query-table tbody tr").count();
    expect(await page.locator("#query-table tbody").textContent()).toContain(":Country");
    await page.waitForFunction((all) => Number(document.body.dataset.visibleNodes) < all, allNodes, { polling: 100 });
    const shown = Number(await page.evaluate(() => document.body.dataset.visibleNodes));
    const expected = await store.driver.executeQuery(
      "MATCH (a:Country {id: 'country:turkey'})-[r]-(b:Entity) WHERE type(r) <> 'MENTIONED_IN' RETURN count(DISTINCT b) + 1 AS n",
      {},
      { database: store.database },
    );
    expect(shown).toBe(Number(expected.records[0]!.get("n")));
    expect(rows).toBeGreaterThan(0);
    expect(await page.locator("#query-summary").textContent()).toMatch(/nodes and \d+ relationships shown in the graph/);
    expect(await drawnPixelShare(page, "#graph")).toBeGreaterThan(0.001);
    await page.screenshot({ path: path.join(SHOTS, "analyst-05-console-graph.png") });

    // Back to the graph view: the whole graph again.
    await page.click("#view-graph");
    await page.waitForFunction((all) => Number(document.body.dataset.visibleNodes) === all, allNodes, { polling: 100 });
    expect(await xssRan(page)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
