/**
 * Concurrent writers end in the graph one run makes: in-process writers on many interleaved transactions, then
 * two, three and five `kg ingest` processes on the same and on overlapping folders. Each result is compared with
 * a clean single run as a canonical dump of the whole graph (every node and relationship with its properties).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createParser, type Parser } from "../../src/parse/index.ts";
import { ingestPaths } from "../../src/pipeline/ingest.ts";
import { testParserConfig } from "../parse/helpers.ts";
import type { Store } from "../../src/store/driver.ts";
import { clearGraph } from "../../src/store/stats.ts";
import { corpusFolders } from "../support/corpus.ts";
import { dumpDifference, dumpGraph } from "../support/graph-dump.ts";
import { startKg, summaryCounts } from "../support/kg.ts";
import { freshStore } from "./helpers.ts";

const PER_FOLDER = 6;
let store: Store;
let parser: Parser;
let folders: Record<string, string>;
let reference: string[];

beforeAll(async () => {
  store = await freshStore();
  parser = createParser(await testParserConfig());
  ({ folders } = corpusFolders(["a", "b", "c"], PER_FOLDER));
  const single = await ingestPaths(store, parser, [folders.a!, folders.b!, folders.c!], { layout: false });
  expect(single.failures).toEqual([]);
  expect(single.ingested).toBe(3 * PER_FOLDER);
  reference = await dumpGraph(store);
}, 180_000);
afterAll(async () => {
  await store?.close();
  await parser?.close();
});

async function expectReferenceGraph() {
  const dump = await dumpGraph(store);
  expect(dumpDifference(reference, dump)).toEqual({ missing: [], extra: [] });
  expect(dump.length).toBe(reference.length);
}

describe("the reference run", () => {
  it("is the same whatever order the articles come in", async () => {
    await clearGraph(store);
    await ingestPaths(store, parser, [folders.c!], { layout: false, batchSize: 3 });
    await ingestPaths(store, parser, [folders.b!], { layout: false, batchSize: 7 });
    await ingestPaths(store, parser, [folders.a!], { layout: false });
    await expectReferenceGraph();
  });
});

describe("concurrent writers in one process", () => {
  it("five overlapping ingests at once, in small batches, store each article once", async () => {
    await clearGraph(store);
    const { a, b, c } = folders as Record<"a" | "b" | "c", string>;
    const runs = await Promise.all(
      [[a, b, c], [c, b, a], [a, b], [b, c], [c, a]].map((paths, i) => ingestPaths(store, parser, paths, { layout: false, batchSize: 2 + i })),
    );
    for (const run of runs) expect(run.failures).toEqual([]);
    expect(runs.reduce((sum, r) => sum + r.ingested, 0)).toBe(3 * PER_FOLDER);
    expect(runs.reduce((sum, r) => sum + r.updated, 0)).toBe(0);
    await expectReferenceGraph();
  }, 120_000);
});

describe("concurrent `kg ingest` processes", () => {
  const neo4j = () => inject("neo4j");

  async function runTogether(pathSets: string[][]) {
    await clearGraph(store);
    const runs = pathSets.map((paths) => startKg(["ingest", ...paths, "--batch-size", "4"], neo4j()));
    const results = await Promise.all(runs.map((r) => r.done));
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/failed:/);
    }
    const counts = results.map((r) => summaryCounts(r.stdout)!);
    // Every article is stored by exactly one of the runs; the others find it unchanged.
    expect(counts.reduce((sum, c) => sum + c.ingested, 0)).toBe(3 * PER_FOLDER);
    expect(counts.reduce((sum, c) => sum + c.updated + c.failed, 0)).toBe(0);
    await expectReferenceGraph();
  }

  it("two on the same folders", async () => {
    const all = [folders.a!, folders.b!, folders.c!];
    await runTogether([all, all]);
  }, 180_000);

  it("three on overlapping folders", async () => {
    const { a, b, c } = folders as Record<"a" | "b" | "c", string>;
    await runTogether([[a, b], [b, c], [c, a]]);
  }, 180_000);

  it("five on the same and overlapping folders", async () => {
    const { a, b, c } = folders as Record<"a" | "b" | "c", string>;
    await runTogether([[a, b, c], [a, b, c], [a], [b, c], [c, a]]);
  }, 240_000);
});
