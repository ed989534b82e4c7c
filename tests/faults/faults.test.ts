/**
 * The fault suite, on a Neo4j of its own (it is killed and stopped here) and a small generated corpus:
 *   1. kill -9 of Neo4j in the middle of `kg ingest --report`, then a re-run;
 *   2. kill -9 of `kg ingest` in the middle of its writes, then a re-run;
 *   3. concurrent `kg ingest` runs on overlapping folders;
 *   4. the database stopped under a running API server: 503 while it is down, answers again when it is back;
 *   5. console queries that try to outlive their timeout.
 * Each ends with the whole graph compared with the one a clean single run makes. The figures it measures are
 * printed at the end (the README's reliability section quotes them).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createParser, type Parser } from "../../src/parse/index.ts";
import { ingestPaths } from "../../src/pipeline/ingest.ts";
import { testParserConfig } from "../parse/helpers.ts";
import { startExplorer } from "../../src/server/start.ts";
import { connect, type Store } from "../../src/store/driver.ts";
import { applySchema } from "../../src/store/schema.ts";
import { clearGraph } from "../../src/store/stats.ts";
import { corpusFolders } from "../support/corpus.ts";
import { dumpDifference, dumpGraph } from "../support/graph-dump.ts";
import { kg, startKg, summaryCounts } from "../support/kg.ts";
import { OwnNeo4j } from "../support/own-neo4j.ts";
import { cpuShare } from "../support/process.ts";

const PER_FOLDER = 20;
const TOTAL = 3 * PER_FOLDER;
let db: OwnNeo4j;
let store: Store;
let parser: Parser;
let all: string[];
let folders: Record<string, string>;
let reference: string[];
const figures: Record<string, number | string> = {};
const tmp = mkdtempSync(path.join(os.tmpdir(), "kg-faults-"));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function storedArticles(): Promise<string[]> {
  const { records } = await store.driver.executeQuery("MATCH (a:Article) WHERE a.contentHash IS NOT NULL RETURN a.id AS id", {}, { database: store.database });
  return records.map((r) => r.get("id") as string);
}

async function expectReferenceGraph() {
  const dump = await dumpGraph(store);
  expect(dumpDifference(reference, dump)).toEqual({ missing: [], extra: [] });
  expect(dump.length).toBe(reference.length);
}

beforeAll(async () => {
  db = await OwnNeo4j.create();
  parser = createParser(await testParserConfig());
  store = await connect(db.connection);
  await applySchema(store);
  ({ folders } = corpusFolders(["a", "b", "c"], PER_FOLDER, 11));
  all = [folders.a!, folders.b!, folders.c!];
  const single = await ingestPaths(store, parser, all, { layout: false });
  expect(single.failures).toEqual([]);
  expect(single.ingested).toBe(TOTAL);
  reference = await dumpGraph(store);
  figures.corpus = `${TOTAL} generated articles of about 600 words`;
  figures.referenceGraphLines = reference.length;
}, 240_000);

afterAll(async () => {
  await store?.close();
  await db?.destroy();
  console.log(`[faults] figures: ${JSON.stringify(figures)}`);
});

describe.sequential("fault suite", { timeout: 240_000 }, () => {
  it("1. kill -9 of Neo4j mid-ingest: the ingest exits 1 within a minute with a report of what was stored; a re-run completes the graph", async () => {
    await clearGraph(store);
    const report = path.join(tmp, "killed-db.json");
    const run = startKg(["ingest", ...all, "--report", report, "--batch-size", "3"], db.connection);
    await waitFor("a third of the articles stored", async () => (await storedArticles()).length >= TOTAL / 3);
    const killedAt = Date.now();
    db.kill();
    const result = await run.done;
    figures.ingestExitAfterNeo4jKilledMs = Date.now() - killedAt;
    expect(result.code, result.stderr).toBe(1);
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect(result.stdout).toMatch(/stopped early: \d+ article\(s\) not stored, \d+ file\(s\) not read/);
    expect(result.stderr).toMatch(/Neo4j became unreachable/);
    expect(result.stderr).toMatch(/run the same command again/);

    const written = JSON.parse(readFileSync(report, "utf8"));
    expect(written.complete).toBe(false);
    expect(written.stored.length).toBeGreaterThan(0);
    expect(written.notStored.length + written.unprocessed.length).toBeGreaterThan(0);
    // One article a file: every article is accounted for, stored, read but not stored, or in a file not read.
    expect(written.stored.length + written.notStored.length + written.unprocessed.length).toBe(TOTAL);
    figures.reportAfterNeo4jKilled = `${written.stored.length} stored, ${written.notStored.length} read but not stored, ${written.unprocessed.length} files not read`;

    const restartAt = Date.now();
    await db.start();
    figures.neo4jRestartAfterKillMs = Date.now() - restartAt;
    // What the report calls stored is stored, whole (recovery from the transaction log).
    const stored = new Set(await storedArticles());
    for (const s of written.stored as Array<{ articleId: string }>) expect(stored.has(s.articleId), s.articleId).toBe(true);
    const check = await kg(["check"], db.connection);
    expect(check.code, check.stdout).toBe(0);

    const rerun = await kg(["ingest", ...all], db.connection);
    expect(rerun.code, rerun.stderr).toBe(0);
    const counts = summaryCounts(rerun.stdout)!;
    expect(counts.ingested + counts.unchanged).toBe(TOTAL);
    expect(counts.unchanged).toBeGreaterThanOrEqual(written.stored.length);
    await expectReferenceGraph();
  });

  it("2. kill -9 of the ingest mid-write: no half article; a re-run completes the graph", async () => {
    await clearGraph(store);
    const run = startKg(["ingest", ...all, "--batch-size", "3"], db.connection);
    await waitFor("a third of the articles stored", async () => (await storedArticles()).length >= TOTAL / 3);
    run.child.kill("SIGKILL");
    await run.done;
    const partial = (await storedArticles()).length;
    expect(partial).toBeLessThan(TOTAL);
    figures.storedWhenIngestKilled = `${partial} of ${TOTAL}`;
    const check = await kg(["check"], db.connection);
    expect(check.code, check.stdout).toBe(0);

    const rerun = await kg(["ingest", ...all], db.connection);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(summaryCounts(rerun.stdout)).toMatchObject({ ingested: TOTAL - partial, unchanged: partial, updated: 0, failed: 0 });
    await expectReferenceGraph();
  });

  it("3. three concurrent ingests on overlapping folders store each article once", async () => {
    await clearGraph(store);
    const { a, b, c } = folders as Record<"a" | "b" | "c", string>;
    const started = Date.now();
    const results = await Promise.all([[a, b], [b, c], [c, a]].map((paths) => startKg(["ingest", ...paths, "--batch-size", "5"], db.connection).done));
    figures.threeConcurrentIngestsMs = Date.now() - started;
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(results.map((r) => summaryCounts(r.stdout)!.ingested).reduce((x, y) => x + y, 0)).toBe(TOTAL);
    await expectReferenceGraph();
  });

  it("4. the database stopped under a running server: 503 with Retry-After while it is down, answers again when it is back", async () => {
    const explorer = await startExplorer(
      { ...db.connection, password: db.connection.password ?? "" },
      { host: "127.0.0.1", port: 0, webRoot: "/nonexistent" },
    );
    try {
      const get = (p: string) => fetch(`${explorer.url}${p}`, { signal: AbortSignal.timeout(30_000) });
      const before = await (await get("api/stats")).json();
      expect(before.articles).toBe(TOTAL);

      await db.stop();
      const askedAt = Date.now();
      const down = await get("api/stats");
      figures.answer503WhileDownMs = Date.now() - askedAt;
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBeTruthy();
      expect((await down.json()).error).toBe("database_unavailable");
      expect(Date.now() - askedAt).toBeLessThan(10_000);
      const consoleAnswer = await fetch(`${explorer.url}api/query`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "MATCH (n) RETURN count(n) AS n" }),
      });
      expect(consoleAnswer.status).toBe(503);
      expect((await get("api/graph")).status).toBe(503);

      await db.start();
      const backAt = Date.now();
      await waitFor("the API to answer again", async () => (await get("api/stats")).status === 200, 30_000);
      figures.apiRecoveredAfterNeo4jBackMs = Date.now() - backAt;
      expect(await (await get("api/stats")).json()).toEqual(before);
    } finally {
      await explorer.close();
    }
    await expectReferenceGraph();
  });

  it("5. console queries that try to outlive their timeout end by it, and Neo4j is idle again by timeout + 5 s", async () => {
    const runaways = [
      "UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n",
      'RETURN size(reduce(s = "", x IN range(1, 10000000) | s + "aaaaaaaaaa")) AS n',
      "UNWIND range(1, 300000) AS x WITH collect(x) AS xs RETURN size([x IN xs WHERE x IN xs]) AS n",
    ];
    const answers: number[] = [];
    for (const query of runaways) {
      const started = Date.now();
      const result = await kg(["query", query, "--timeout", "2"], db.connection);
      answers.push(Date.now() - started);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/longer than 2 s and was stopped|Refused/);
      await sleep(Math.max(0, started + 7_000 - Date.now()));
      const share = await cpuShare(db.info.pid, 2_000);
      expect(share, `Neo4j at ${(share * 100).toFixed(0)}% of a core after: ${query}`).toBeLessThan(0.3);
    }
    figures.consoleRunawayAnswerMs = answers.join(" / ");
    await expectReferenceGraph();
  });
});
