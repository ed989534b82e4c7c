import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadCorpus } from "../../bench/scale/load.ts";
import type { Store } from "../../src/store/driver.ts";
import { countUnplaced, updateLayout } from "../../src/store/layout.ts";
import { profilingDriver } from "../support/profiling-driver.ts";
import { freshStore, rows } from "./helpers.ts";

/**
 * The layout grows with the change, not the graph: an ingest places only the nodes it created, among neighbours
 * that stay where they are, reading what touches them; a reset lays everything out again.
 */
let store: Store;
const profile = (() => {
  const t = inject("neo4j");
  return profilingDriver(neo4j.driver(t.uri, neo4j.auth.basic(t.user, t.password), { disableLosslessIntegers: true }));
})();
let profiled: Store;

type Placed = { id: string; x: number | null; y: number | null };
const positions = async () => new Map((await rows<Placed>(store, "MATCH (n) WHERE n:Entity OR n:Topic RETURN n.id AS id, n.x AS x, n.y AS y")).map((p) => [p.id, p]));

/** Loads articles [from, to), then the layout update an ingest runs; returns what it did and the database hits it took. */
async function ingest(from: number, to: number) {
  await loadCorpus(store, from, to, { seed: 3, batchSize: 50 });
  profile.reset();
  const summary = await updateLayout(profiled);
  return { summary, dbHits: profile.work.dbHits };
}

beforeAll(async () => {
  store = await freshStore();
  profiled = { ...store, driver: profile.driver };
});
afterAll(async () => {
  await profile.driver.close();
  await store?.close();
});

describe("the explorer layout after an ingest", () => {
  let small: Awaited<ReturnType<typeof ingest>>;

  it("lays out a new graph whole, then places only the nodes the next articles bring, leaving the others where they were", async () => {
    const first = await ingest(0, 300);
    expect(first.summary).toMatchObject({ mode: "full", placed: first.summary.nodes });
    expect(await countUnplaced(store)).toBe(0);
    const before = await positions();

    small = await ingest(300, 320);
    expect(small.summary.mode).toBe("around");
    expect(small.summary.placed).toBeGreaterThan(0);
    expect(small.summary.computed).toBeLessThan(small.summary.nodes / 2);
    expect(await countUnplaced(store)).toBe(0);
    const after = await positions();
    for (const [id, p] of before) expect(after.get(id), id).toEqual(p);
    const added = [...after.values()].filter((p) => !before.has(p.id));
    expect(added.length).toBe(small.summary.placed);
    for (const p of added) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it("costs as much on a graph four times larger: it reads what the new articles touch", async () => {
    await loadCorpus(store, 320, 1_200, { seed: 3, batchSize: 50 });
    await updateLayout(store);
    const large = await ingest(1_200, 1_220);
    expect(large.summary.mode).toBe("around");
    // The same number of new articles; their nodes' neighbours are busier in a larger graph, hence some slack.
    expect(large.dbHits).toBeLessThan(small.dbHits * 2 + 500);
    expect(large.summary.computed).toBeLessThan(large.summary.nodes / 4);
  });

  it("lays the whole graph out afresh on reset, streaming it", async () => {
    const reset = await updateLayout(store, { reset: true, iterations: 5 });
    expect(reset).toMatchObject({ mode: "full", iterations: 5 });
    expect(reset.placed).toBe(reset.nodes);
    expect(await countUnplaced(store)).toBe(0);
  });
});
