import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDocument, scaleDocument, scaleDocuments } from "../../bench/scale/corpus.ts";
import { loadCorpus, rawCreateCorpus } from "../../bench/scale/load.ts";
import { ArticleSchema } from "../../src/article/schema.ts";
import type { Store } from "../../src/store/driver.ts";
import { freshStore, rows } from "../store/helpers.ts";

/** The scale bench's corpus and loader at a tiny size (`npm run bench:scale` runs them at 10,000 to 100,000). */
describe("the scale corpus", () => {
  const docs = [...scaleDocuments(0, 200)];

  it("is the same for the same seed, whatever size is asked for (a small corpus starts a big one)", () => {
    expect(scaleDocument(57)).toEqual(docs[57]);
    expect(scaleDocument(57, 2)).not.toEqual(docs[57]);
  });

  it("holds valid articles and extraction documents whose evidence and mentions point into the body", () => {
    for (const { article, extraction } of docs) {
      ArticleSchema.parse(article);
      checkDocument({ article, extraction });
      expect(extraction.relations.length).toBeGreaterThanOrEqual(3);
      for (const r of extraction.relations) expect(article.body.slice(r.span!.start, r.span!.end)).toBe(r.evidence);
      for (const s of extraction.stances) expect(article.body.slice(s.span!.start, s.span!.end)).toBe(s.evidence);
      for (const e of extraction.entities) for (const span of e.spans ?? []) expect(article.body.slice(span.start, span.end)).toBe(e.name);
    }
  });

  it("looks like news: popular actors in many articles, a long tail of rare ones, a year of dates, shared proposals and meetings", () => {
    const seen = new Map<string, number>();
    for (const { extraction } of docs) for (const e of new Set(extraction.entities.map((x) => `${x.type}|${x.name}`))) seen.set(e, (seen.get(e) ?? 0) + 1);
    const counts = [...seen.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(40);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(seen.size / 3);
    const months = new Set(docs.map((d) => d.article.publishedAt!.slice(0, 7)));
    expect(months.size).toBe(12);
    const facts = docs.map((d) => d.extraction.relations.length);
    expect(Math.min(...facts)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...facts)).toBeLessThanOrEqual(40);
    const shared = (type: string) => [...seen].filter(([k, c]) => k.startsWith(`${type}|`) && c > 1).length;
    expect(shared("Proposal")).toBeGreaterThan(5);
    expect(shared("Meeting")).toBeGreaterThan(1);
  });
});

describe("loading the scale corpus through the write path", () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  it("writes every article with its facts, skips unchanged ones on a second load, and counts rows as the raw baseline does", async () => {
    const first = await loadCorpus(store, 0, 60, { seed: 1, batchSize: 25 });
    expect(first.statuses).toMatchObject({ ingested: 60, failed: 0 });
    const [counts] = await rows<{ articles: number; facts: number }>(
      store,
      "RETURN COUNT { (:Article) } AS articles, COUNT { ()-[r]->() WHERE r.articleId IS NOT NULL AND NOT r:MENTIONED_IN } AS facts",
    );
    expect(counts!.articles).toBe(60);
    const expectedFacts = [...scaleDocuments(0, 60)].reduce((n, d) => n + d.extraction.relations.length + d.extraction.stances.length, 0);
    // A fact said twice in one sentence is one fact (the graph's key); never more than the documents hold.
    expect(counts!.facts).toBeGreaterThan(expectedFacts * 0.9);
    expect(counts!.facts).toBeLessThanOrEqual(expectedFacts);
    // Every entity and topic carries its number of facts, as the write path keeps it.
    const [stale] = await rows<{ stale: number }>(
      store,
      "MATCH (n) WHERE n:Entity OR n:Topic WITH n, COUNT { (n)--() } - COUNT { (n)-[:MENTIONED_IN]-() } AS degree WHERE n.degree <> degree OR n.degree IS NULL RETURN count(n) AS stale",
    );
    expect(stale!.stale).toBe(0);

    const again = await loadCorpus(store, 0, 60, { seed: 1, batchSize: 25 });
    expect(again.statuses).toMatchObject({ ingested: 0, unchanged: 60 });

    const raw = await rawCreateCorpus(store, 0, 60, { seed: 1, batchSize: 25 });
    expect(raw.rows).toBe(first.rows);
    await store.driver.executeQuery("MATCH (n:BenchRow) DETACH DELETE n", {}, { database: store.database });
  });
});
