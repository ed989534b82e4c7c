/**
 * `kg ingest --workers N`: extraction on N worker threads, one writer. The graph must not depend on N: a folder
 * ingested with 0 (the main thread), 1 and 3 workers gives the same whole-graph dump, and the same summary.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Store } from "../../src/store/driver.ts";
import { clearGraph } from "../../src/store/stats.ts";
import { testParserConfig } from "../parse/helpers.ts";
import { corpusFolders } from "../support/corpus.ts";
import { dumpDifference, dumpGraph } from "../support/graph-dump.ts";
import { kg } from "../support/kg.ts";
import { freshStore } from "../store/helpers.ts";

let store: Store;
let folder: string;

beforeAll(async () => {
  store = await freshStore();
  await testParserConfig();
  folder = corpusFolders(["a"], 12, 11).folders.a!;
}, 300_000);
afterAll(async () => {
  await store?.close();
});

async function ingestWith(workers: number): Promise<{ dump: string[]; stdout: string }> {
  await clearGraph(store);
  const res = await kg(["ingest", folder, "--workers", String(workers), "--no-layout", "--batch-size", "5"], inject("neo4j"));
  expect(res.code, res.stderr).toBe(0);
  return { dump: await dumpGraph(store), stdout: res.stdout };
}

describe("kg ingest --workers", () => {
  it("gives the same graph with 0, 1 and 3 extraction threads", async () => {
    const one = await ingestWith(1);
    expect(one.stdout).toMatch(/^12 ingested, 0 updated, 0 unchanged, 0 failed$/m);
    expect(one.dump.filter((l) => l.startsWith("rel ")).length).toBeGreaterThan(20);
    for (const workers of [3, 0]) {
      const other = await ingestWith(workers);
      expect(other.stdout, `${workers} workers`).toMatch(/^12 ingested, 0 updated, 0 unchanged, 0 failed$/m);
      expect(dumpDifference(one.dump, other.dump), `${workers} workers`).toEqual({ missing: [], extra: [] });
      expect(other.dump.length).toBe(one.dump.length);
    }
  }, 300_000);

  it("refuses a worker count that is not a whole number", async () => {
    const res = await kg(["ingest", folder, "--workers", "two"], inject("neo4j"));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/--workers/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
