/**
 * `kg load`: documents extracted elsewhere (`kg extract --format jsonl`) stored with the guarantees of `kg ingest`.
 * The same checks as ingest's (idempotency, a changed article replacing its facts, bad input per file and line, a
 * failing article not spoiling its batch, concurrent runs), plus: extract then load gives exactly the graph ingest
 * gives (whole-graph dumps compared), and ingest and load recognise each other's articles as unchanged.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { contentHash } from "../../src/article/index.ts";
import { REPO_ROOT } from "../../src/config/index.ts";
import type { Store } from "../../src/store/driver.ts";
import { clearGraph } from "../../src/store/stats.ts";
import { testParserConfig } from "../parse/helpers.ts";
import { dumpDifference, dumpGraph } from "../support/graph-dump.ts";
import { kg as runKg, startKg, summaryCounts } from "../support/kg.ts";
import { freshStore, rows } from "../store/helpers.ts";

const SEEDS = path.join(REPO_ROOT, "seeds");
const tmp = mkdtempSync(path.join(os.tmpdir(), "kg-load-"));
let store: Store;
/** The articles: the seeds, plus a JSONL feed and a text file of our own. */
let articlesDir: string;
/** `kg extract articlesDir --format jsonl`, one document a line. */
let documents: string[];
let reference: string[];

const kg = (args: string[], input?: string | Buffer) => runKg(args, inject("neo4j"), {}, input);

/** A document written by hand (the shape `kg extract` writes): two countries that met, in one sentence. */
function handDocument(id: string, a: string, b: string, extra: Record<string, unknown> = {}) {
  const body = `${a} met ${b} in Geneva on Monday.`;
  const article = { id, title: `${a} and ${b} meet`, source: "Hand Wire", publishedAt: "2025-03-03", language: "en", body };
  return {
    article: { ...article, contentHash: contentHash(article) },
    entities: [
      { id: "a", type: "Country", name: a, aliases: [], attributes: {}, mentions: 1, spans: [{ start: 0, end: a.length }] },
      { id: "b", type: "Country", name: b, aliases: [], attributes: {}, mentions: 1, spans: [{ start: body.indexOf(b), end: body.indexOf(b) + b.length }] },
    ],
    relations: [{ subject: "a", type: "MET_WITH", object: "b", evidence: body, confidence: 0.9, span: { start: 0, end: body.length }, date: "2025-03-03" }],
    stances: [],
    extractor: { name: "by-hand", version: "1" },
    ...extra,
  };
}

const line = (doc: unknown) => `${JSON.stringify(doc)}\n`;

async function expectGraph(expected: string[]) {
  const dump = await dumpGraph(store);
  expect(dumpDifference(expected, dump)).toEqual({ missing: [], extra: [] });
  expect(dump.length).toBe(expected.length);
}

beforeAll(async () => {
  store = await freshStore();
  await testParserConfig(); // the kg processes use the run's parser: wait until it is up
  articlesDir = path.join(tmp, "articles");
  cpSync(SEEDS, articlesDir, { recursive: true });
  writeFileSync(
    path.join(articlesDir, "feed.jsonl"),
    line({ id: "feed-oslo", title: "Oslo talks", body: "Norway hosted talks between Sudan and Chad in Oslo on Friday.", source: "Feed", publishedAt: "2025-02-07" }) +
      line({ id: "feed-lima", title: "Lima visit", body: "Peru hosted Chile's foreign minister in Lima. Chile rejected the border plan.", url: "https://example.org/lima" }),
  );
  writeFileSync(path.join(articlesDir, "harbour.txt"), "Harbour talks\nGreece and Turkey agreed to resume talks on the harbour dispute, Greek officials said.\n");

  // The reference: what `kg ingest` makes of these articles.
  const ingest = await kg(["ingest", articlesDir, "--no-layout"]);
  expect(ingest.code, ingest.stderr).toBe(0);
  expect(summaryCounts(ingest.stdout)).toEqual({ ingested: 7, updated: 0, unchanged: 0, failed: 0 });
  reference = await dumpGraph(store);

  const extracted = await kg(["extract", articlesDir, "--format", "jsonl"]);
  expect(extracted.code, extracted.stderr).toBe(0);
  documents = extracted.stdout.trim().split("\n");
  expect(documents).toHaveLength(7);
}, 300_000);
afterAll(async () => {
  await store?.close();
});

describe("kg extract --format jsonl", () => {
  it("writes each article's text, fields and content hash with its extraction", () => {
    const doc = JSON.parse(documents.find((d) => d.includes('"feed-lima"'))!);
    expect(doc.article).toEqual({
      id: "feed-lima",
      title: "Lima visit",
      url: "https://example.org/lima",
      language: "en",
      contentHash: contentHash({ title: "Lima visit", body: doc.article.body, url: "https://example.org/lima", language: "en" }),
      body: "Peru hosted Chile's foreign minister in Lima. Chile rejected the border plan.",
    });
    expect(doc.entities.length).toBeGreaterThan(0);
    expect(doc.extractor.name).toBe("kg-rules");
  });
});

describe("kg load", () => {
  it("stores the extracted documents as the very graph ingest made; a second load and an ingest find them unchanged", async () => {
    await clearGraph(store);
    const file = path.join(tmp, "all.jsonl");
    writeFileSync(file, `${documents.join("\n")}\n`);
    const first = await kg(["load", file, "--no-layout"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^7 ingested, 0 updated, 0 unchanged, 0 failed$/m);
    await expectGraph(reference);

    const again = await kg(["load", file, "--no-layout"]);
    expect(again.stdout).toMatch(/^0 ingested, 0 updated, 7 unchanged, 0 failed$/m);
    const ingest = await kg(["ingest", articlesDir, "--no-layout"]);
    expect(ingest.stdout).toMatch(/^0 ingested, 0 updated, 7 unchanged, 0 failed$/m);
    await expectGraph(reference);
  });

  it("updates the explorer layout after storing, as ingest does", async () => {
    const [doc] = documents;
    await clearGraph(store);
    const res = await kg(["load", "-"], `${doc}\n`);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^1 ingested, 0 updated, 0 unchanged, 0 failed$/m);
    expect(res.stdout).toMatch(/^layout: \d+ nodes \(\d+ newly placed\)/m);
    const unplaced = await rows(store, "MATCH (n:Entity) WHERE n.x IS NULL RETURN n.id LIMIT 1");
    expect(unplaced).toEqual([]);
  });

  it("replaces a changed article's own facts, leaving no stale edge", async () => {
    await clearGraph(store);
    const all = path.join(tmp, "all.jsonl");
    expect((await kg(["load", all, "--no-layout"])).code).toBe(0);
    // The first seed, cut to its first paragraph, extracted again: same id, new text.
    const dir = mkdtempSync(path.join(tmp, "changed-"));
    const seed = readdirSync(SEEDS).filter((f) => f.endsWith(".md")).sort()[0]!;
    const text = readFileSync(path.join(SEEDS, seed), "utf8");
    const end = text.indexOf("\n---", 3) + 4;
    const [front, body] = [text.slice(0, end), text.slice(end)];
    const id = /^id:\s*(.+)$/m.exec(front)![1]!.trim();
    const firstParagraph = body.trim().split(/\n\s*\n/)[0]!;
    writeFileSync(path.join(dir, seed), `${front}\n\n${firstParagraph}\n`);
    const extracted = await kg(["extract", dir, "--format", "jsonl"]);
    expect(extracted.code, extracted.stderr).toBe(0);
    const before = await rows<{ evidence: string }>(store, "MATCH ()-[r]->() WHERE r.articleId = $id RETURN r.evidence AS evidence", { id });

    const res = await kg(["load", "-", "--no-layout"], extracted.stdout);
    expect(res.stdout).toMatch(/^0 ingested, 1 updated, 0 unchanged, 0 failed$/m);
    const after = await rows<{ evidence: string }>(store, "MATCH ()-[r]->() WHERE r.articleId = $id RETURN r.evidence AS evidence", { id });
    expect(after.length).toBeLessThan(before.length);
    for (const f of after) expect(firstParagraph).toContain(f.evidence);
    const [stored] = await rows<{ body: string }>(store, "MATCH (a:Article {id: $id}) RETURN a.body AS body", { id });
    expect(stored!.body).toBe(firstParagraph);
  });

  it("reports each bad line as file:line and each bad file with a reason and a hint, stores the rest, exits 1 and writes --report", async () => {
    await clearGraph(store);
    const dir = mkdtempSync(path.join(tmp, "bad-"));
    const [d1, d2, d3] = documents.map((d) => JSON.parse(d));
    writeFileSync(path.join(dir, "good.jsonl"), line(d1) + line(d2));
    const old = { ...d3, article: { id: d3.article.id, title: d3.article.title } }; // the document shape before the article's text was added
    const edited = { ...d3, article: { ...d3.article, body: `${d3.article.body} One more sentence.` } };
    const dangling = handDocument("dangling", "Chile", "Peru", { stances: [{ actor: "nobody", topic: "ceasefire", stance: "support", evidence: "x" }] });
    const mixed = Buffer.concat([
      Buffer.from(line(handDocument("hand-made", "Chile", "Peru"))), // 1: fine
      Buffer.from("not json\n"), // 2
      Buffer.from("   \n"), // 3: blank, skipped
      Buffer.from(line(old)), // 4: no body
      Buffer.from(line(edited)), // 5: hash does not match the text
      Buffer.from(line(dangling)), // 6: a stance of an actor that is no entity
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]), // 7: not UTF-8
      Buffer.from(line({ ...d3, entities: "none" })), // 8: wrong shape
    ]);
    writeFileSync(path.join(dir, "mixed.jsonl"), mixed);
    writeFileSync(path.join(dir, "empty.jsonl"), "");
    writeFileSync(path.join(dir, "binary.jsonl"), Buffer.from([0x00, 0x01, 0x02, 0x0a]));
    writeFileSync(path.join(dir, "notes.csv"), "a,b\n");
    const report = path.join(dir, "report.json");

    const res = await kg(["load", dir, "--report", report, "--no-layout"]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^3 ingested, 0 updated, 0 unchanged, 8 failed in 3 files, 1 skipped \(not JSONL files\)$/m);
    const err = res.stderr;
    expect(err).toMatch(/mixed\.jsonl:2: malformed JSON/);
    expect(err).toMatch(/mixed\.jsonl:4: the document's article has no body/);
    expect(err).toMatch(/mixed\.jsonl:5: the article's contentHash does not match/);
    expect(err).toMatch(/mixed\.jsonl:6: a stance on ceasefire names "nobody", which is not an entity id/);
    expect(err).toMatch(/mixed\.jsonl:7: line is not valid UTF-8/);
    expect(err).toMatch(/mixed\.jsonl:8: not a valid extraction document: entities:/);
    expect(err).toMatch(/empty\.jsonl: file is empty/);
    expect(err).toMatch(/binary\.jsonl: file is binary/);
    expect(err).toMatch(/skipped: .*notes\.csv: the extension \.csv is not a JSONL file/);
    expect(err).not.toMatch(/mixed\.jsonl:[13]:/);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace

    const written = JSON.parse(readFileSync(report, "utf8"));
    expect(written.complete).toBe(true);
    expect(written.stored.map((s: { articleId: string; file: string; status: string }) => [s.articleId, path.basename(s.file), s.status]).sort()).toEqual(
      [
        [d1.article.id, "good.jsonl:1", "ingested"],
        [d2.article.id, "good.jsonl:2", "ingested"],
        ["hand-made", "mixed.jsonl:1", "ingested"],
      ].sort(),
    );
    expect(written.failures).toHaveLength(8);
    for (const f of written.failures) {
      expect(f.reason.length).toBeGreaterThan(5);
      expect(f.hint.length).toBeGreaterThan(5);
    }
    const stored = await rows<{ id: string }>(store, "MATCH (a:Article) RETURN a.id AS id ORDER BY id");
    expect(stored.map((r) => r.id)).toEqual([d1.article.id, d2.article.id, "hand-made"].sort());
  });

  it("refuses a second, different article under an id the run has seen; the same one again is unchanged", async () => {
    await clearGraph(store);
    const first = handDocument("twin", "Chile", "Peru");
    const other = handDocument("twin", "Chile", "Bolivia");
    const res = await kg(["load", "-", "--no-layout"], line(first) + line(first) + line(other));
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^1 ingested, 0 updated, 1 unchanged, 1 failed in 1 file$/m);
    expect(res.stderr).toMatch(/-:3: article id "twin" is also used by a different article in -:1/);
  });

  it("writes each article whole or not at all: one that fails is reported and the rest of its batch is stored", async () => {
    await clearGraph(store);
    // A uniqueness constraint and a decoy make the poisoned article's write fail half-way (its Article node is
    // merged when its Liechtenstein entity breaks the constraint): that article must roll back entirely.
    await rows(store, "CREATE CONSTRAINT test_poison IF NOT EXISTS FOR (c:Country) REQUIRE c.name IS UNIQUE");
    await rows(store, "CREATE (:Country {id: 'decoy', name: 'Liechtenstein'})");
    onTestFinished(async () => {
      await rows(store, "MATCH (c:Country {id: 'decoy'}) DELETE c");
      await rows(store, "DROP CONSTRAINT test_poison IF EXISTS");
    });
    const input = [handDocument("good-1", "France", "Germany"), handDocument("poisoned", "Liechtenstein", "Austria"), handDocument("good-2", "Canada", "Chile")]
      .map(line)
      .join("");
    const res = await kg(["load", "-", "--batch-size", "10", "--no-layout"], input);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^2 ingested, 0 updated, 0 unchanged, 1 failed in 1 file$/m);
    expect(res.stderr).toMatch(/failed: -:2: could not be stored in Neo4j/);
    const stored = await rows<{ id: string }>(store, "MATCH (a:Article) RETURN a.id AS id ORDER BY id");
    expect(stored.map((r) => r.id)).toEqual(["good-1", "good-2"]);
    expect(await rows(store, "MATCH ()-[r]->() WHERE r.articleId = 'poisoned' RETURN r LIMIT 1")).toEqual([]);
    expect(await rows(store, "MATCH (e:Entity {id: 'country:austria'}) RETURN e")).toEqual([]);
  });

  it("says clearly when Neo4j cannot be reached: which URI, what to do, no stack trace", async () => {
    const res = await runKg(["load", "-"], { ...inject("neo4j"), uri: "bolt://127.0.0.1:1" }, {}, line(handDocument("unreachable", "Chile", "Peru")));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    expect(res.stderr).toMatch(/NEO4J_URI/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it("several loads at once on overlapping files end in the graph one load makes, each article stored once", async () => {
    await clearGraph(store);
    const parts = [0, 1, 2].map((i) => path.join(tmp, `part-${i}.jsonl`));
    // Each part holds five of the seven documents, starting at a different one: every article is in two or three.
    parts.forEach((file, i) => writeFileSync(file, `${[0, 1, 2, 3, 4].map((k) => documents[(2 * i + k) % 7]).join("\n")}\n`));
    const runs = parts.map((file, i) => startKg(["load", file, parts[(i + 1) % 3]!, "--batch-size", String(i + 1), "--no-layout"], inject("neo4j")));
    const results = await Promise.all(runs.map((r) => r.done));
    const counts = results.map((r) => {
      expect(r.code, r.stderr).toBe(0);
      return summaryCounts(r.stdout)!;
    });
    expect(counts.reduce((n, c) => n + c.ingested, 0)).toBe(7);
    expect(counts.reduce((n, c) => n + c.updated + c.failed, 0)).toBe(0);
    await expectGraph(reference);
  });
});
