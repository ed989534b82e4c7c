import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { REPO_ROOT } from "../../src/config/index.ts";
import { ingestPaths } from "../../src/pipeline/ingest.ts";
import type { Store } from "../../src/store/driver.ts";
import { graphStats } from "../../src/store/stats.ts";
import { deleteArticles } from "../../src/store/write.ts";
import { createParser, type Parser } from "../../src/parse/index.ts";
import { testParserConfig } from "../parse/helpers.ts";
import { freshStore, rows } from "./helpers.ts";

/** rows(), for queries that always return at least one row. */
async function rowsOf<T>(store: Store, query: string, params: Record<string, unknown> = {}): Promise<[T, ...T[]]> {
  const result = await rows<T>(store, query, params);
  if (result.length === 0) throw new Error(`no rows from: ${query}`);
  return result as [T, ...T[]];
}

// Cypher in tests is the assertion itself (what a user would run to check the graph), so it stays inline here.
const SEEDS = path.join(REPO_ROOT, "seeds");
let store: Store;
let parser: Parser;

beforeAll(async () => {
  store = await freshStore();
  parser = createParser(await testParserConfig());
});
afterAll(async () => {
  await store?.close();
  await parser?.close();
});

describe("ingesting the seeds into a real Neo4j", () => {
  it("stores the four articles with their countries and core facts", async () => {
    const summary = await ingestPaths(store, parser, [SEEDS]);
    expect(summary.failures).toEqual([]);
    expect(summary.ingested).toBe(4);

    const [{ n }] = await rowsOf<{ n: number }>(store, "MATCH (a:Article) RETURN count(a) AS n");
    expect(n).toBe(4);
    const countries = await rows<{ name: string }>(store, "MATCH (c:Entity:Country) RETURN c.name AS name");
    const names = countries.map((c) => c.name);
    for (const expected of ["Ukraine", "Russia", "Turkey", "United States"]) expect(names).toContain(expected);

    for (const type of ["HOSTED", "REJECTED"]) {
      const facts = await rows<{ evidence: string; body: string; start: number; end: number }>(
        store,
        `MATCH (s:Entity)-[r]->(o:Entity) WHERE type(r) = $type
         MATCH (a:Article {id: r.articleId})
         RETURN r.evidence AS evidence, a.body AS body, r.start AS start, r.end AS end`,
        { type },
      );
      expect(facts.length, `${type} edges`).toBeGreaterThan(0);
      for (const f of facts) {
        expect(f.body).toContain(f.evidence);
        expect(f.body.slice(f.start, f.end)).toBe(f.evidence);
      }
    }
  });

  it("gives every entity mentioned by two articles a single node", async () => {
    const dupes = await rows(store, "MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN id");
    expect(dupes).toEqual([]);
    const [{ articles }] = await rowsOf<{ articles: number }>(
      store,
      "MATCH (c:Country {name: 'Ukraine'})-[:MENTIONED_IN]->(a:Article) RETURN count(DISTINCT a) AS articles",
    );
    expect(articles).toBeGreaterThanOrEqual(2);
  });

  it("changes nothing when the same articles are ingested again", async () => {
    const before = await graphStats(store);
    const summary = await ingestPaths(store, parser, [SEEDS]);
    expect(summary).toMatchObject({ ingested: 0, updated: 0, unchanged: 4 });
    expect(await graphStats(store)).toEqual(before);
  });

  it("replaces an article's own facts when its text changes, leaving no stale edge", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-seeds-"));
    cpSync(SEEDS, dir, { recursive: true });
    const file = path.join(dir, readdirSync(dir).filter((f) => f.endsWith(".md")).sort()[0]!);
    const text = readFileSync(file, "utf8");
    const [front, body] = [text.slice(0, text.indexOf("\n---", 3) + 4), text.slice(text.indexOf("\n---", 3) + 4)];
    const id = /^id:\s*(.+)$/m.exec(front)![1]!.trim();
    const before = await rows<{ evidence: string }>(store, "MATCH ()-[r]->() WHERE r.articleId = $id RETURN r.evidence AS evidence", { id });
    expect(before.length).toBeGreaterThan(0);

    // Keep only the first paragraph: most of the article's facts disappear.
    const firstParagraph = body.trim().split(/\n\s*\n/)[0]!;
    writeFileSync(file, `${front}\n\n${firstParagraph}\n`);
    const summary = await ingestPaths(store, parser, [dir]);
    expect(summary).toMatchObject({ updated: 1, unchanged: 3 });

    const after = await rows<{ evidence: string }>(store, "MATCH ()-[r]->() WHERE r.articleId = $id RETURN r.evidence AS evidence", { id });
    expect(after.length).toBeLessThan(before.length);
    for (const f of after) expect(firstParagraph).toContain(f.evidence);
    const [{ stale }] = await rowsOf<{ stale: number }>(
      store,
      "MATCH (a:Article {id: $id})<-[m:MENTIONED_IN]-(e) WITH a, count(m) AS stale RETURN stale",
      { id },
    );
    expect(stale).toBeGreaterThan(0);
  });

  it("deletes an article and the facts only it supported", async () => {
    const [{ id }] = await rowsOf<{ id: string }>(store, "MATCH (a:Article) RETURN a.id AS id ORDER BY id LIMIT 1");
    expect(await deleteArticles(store, [id])).toBe(1);
    const left = await rows(store, "MATCH ()-[r]->() WHERE r.articleId = $id RETURN r LIMIT 1", { id });
    expect(left).toEqual([]);
    const orphans = await rows(store, "MATCH (e:Entity) WHERE NOT (e)-[:MENTIONED_IN]->() RETURN e.id LIMIT 5");
    expect(orphans).toEqual([]);
    expect(await deleteArticles(store, ["no-such-article"])).toBe(0);
  });
});

describe("a batch with broken files", () => {
  it("stores the good articles, reports the broken ones, and never leaves half an article", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-batch-"));
    writeFileSync(path.join(dir, "empty.txt"), "");
    writeFileSync(path.join(dir, "broken.json"), '{"title": "Half a JSON document", "body": ');
    writeFileSync(
      path.join(dir, "good-1.json"),
      JSON.stringify({ id: "good-1", title: "Ministers meet", body: "France hosted talks with Germany on Monday. Spain rejected the plan.", source: "Test Wire", publishedAt: "2024-01-08" }),
    );
    writeFileSync(
      path.join(dir, "good-2.txt"),
      "Canada offers aid\nCanada offered humanitarian aid to Chile on Tuesday.\n",
    );
    writeFileSync(
      path.join(dir, "poisoned.json"),
      JSON.stringify({ id: "poisoned", title: "Alpine talks", body: "Liechtenstein hosted a summit with Austria. Austria rejected the proposal.", publishedAt: "2024-01-09" }),
    );
    // A uniqueness constraint and a decoy node make the poisoned article's write fail half-way: its Article
    // node is already merged when its Liechtenstein entity violates the constraint. The transaction must
    // roll the whole article back, and the other articles of the batch must still be stored.
    await rows(store, "CREATE CONSTRAINT test_poison IF NOT EXISTS FOR (c:Country) REQUIRE c.name IS UNIQUE");
    await rows(store, "CREATE (:Country {id: 'decoy', name: 'Liechtenstein'})");
    onTestFinished(async () => {
      await rows(store, "MATCH (c:Country {id: 'decoy'}) DELETE c");
      await rows(store, "DROP CONSTRAINT test_poison IF EXISTS");
    });

    const summary = await ingestPaths(store, parser, [dir], { batchSize: 10 });
    const failedFiles = summary.failures.map((f) => path.basename(f.file));
    expect(failedFiles).toEqual(expect.arrayContaining(["empty.txt", "broken.json", "poisoned.json"]));
    expect(summary.ingested).toBe(2);

    const stored = await rows<{ id: string }>(store, "MATCH (a:Article) WHERE a.id IN ['good-1', 'poisoned'] RETURN a.id AS id");
    expect(stored.map((r) => r.id)).toEqual(["good-1"]);
    const partial = await rows(store, "MATCH ()-[r]->() WHERE r.articleId = 'poisoned' RETURN r LIMIT 1");
    expect(partial).toEqual([]);
    const austria = await rows(store, "MATCH (e:Entity {id: 'country:austria'}) RETURN e");
    expect(austria).toEqual([]);
  });
});

describe("the explorer layout stored with the graph", () => {
  type Placed = { id: string; x: number | null; y: number | null };
  const positions = () => rows<Placed>(store, "MATCH (n) WHERE n:Entity OR n:Topic RETURN n.id AS id, n.x AS x, n.y AS y ORDER BY id");

  it("gives every entity and topic a position when articles are ingested, and keeps it on an unchanged re-run", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-layout-"));
    cpSync(SEEDS, dir, { recursive: true });
    const first = await ingestPaths(store, parser, [dir]);
    expect(first.layoutError).toBeUndefined();
    const placed = await positions();
    expect(placed.length).toBeGreaterThan(10);
    for (const p of placed) expect(Number.isFinite(p.x) && Number.isFinite(p.y), p.id).toBe(true);

    const again = await ingestPaths(store, parser, [dir]);
    expect(again.ingested + again.updated).toBe(0);
    expect(again.layout).toBeUndefined();
    expect(await positions()).toEqual(placed);
  });

  it("with layout off leaves new nodes unplaced; the next update places them next to their neighbours", async () => {
    const before = new Map((await positions()).map((p) => [p.id, p]));
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-layout-new-"));
    writeFileSync(
      path.join(dir, "zarnovia.md"),
      "---\ntitle: Zarnovia courts Turkey\nsource: Layout Test\npublishedAt: 2025-09-01\n---\n\n" +
        "Zarnovian Foreign Minister Petra Quillfeather met Turkish President Recep Tayyip Erdogan in Ankara on Monday.\n",
    );
    const off = await ingestPaths(store, parser, [dir], { layout: false });
    expect(off.ingested).toBe(1);
    expect(off.layout).toBeUndefined();
    const unplaced = (await positions()).filter((p) => p.x === null);
    expect(unplaced.length).toBeGreaterThan(0);

    const { updateLayout } = await import("../../src/pipeline/layout.ts");
    const summary = await updateLayout(store);
    expect(summary.placed).toBe(unplaced.length);
    const after = await positions();
    for (const p of after) expect(Number.isFinite(p.x), p.id).toBe(true);
    // Nodes that had a position keep roughly the same place (the picture is extended, not reshuffled).
    const kept = after.filter((p) => before.has(p.id));
    const xs = kept.map((p) => p.x!);
    const extent = Math.max(...xs) - Math.min(...xs);
    const meanShift = kept.reduce((s, p) => s + Math.hypot(p.x! - before.get(p.id)!.x!, p.y! - before.get(p.id)!.y!), 0) / kept.length;
    expect(meanShift).toBeLessThan(extent * 0.15);
  });
});
