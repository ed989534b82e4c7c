import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readArticles, type Article } from "../../src/article/index.ts";
import { EXTRACTOR, extract, type Extraction } from "../../src/extract/index.ts";
import { ExtractionSchema } from "../../src/extract/schema.ts";
import { evaluate, readGold, type Figure, type GoldFile } from "../../src/eval/index.ts";
import { textForParser } from "../../src/parse/prepare.ts";
import type { ParsedText } from "../../src/parse/schema.ts";
import { testParser } from "./helpers.ts";

/**
 * The extractor on the 16 development articles (the four seed articles and the twelve of tests/fixtures/eval/articles)
 * against their gold, with the reference scorer's rules. The floors are the figures reached (micro-averaged): a
 * change that lowers one fails here. Issue 9's targets on the 16: entities 0.90, core relations 0.70, all relations
 * 0.65, stances 0.60. The seeds are also held on their own, at what they reach now.
 */
const FLOORS: Record<string, Record<string, number>> = {
  all16: { entities: 0.9, "relations:core": 0.79, "relations:all": 0.79, stances: 0.77 },
  new12: { entities: 0.94, "relations:core": 0.87, "relations:all": 0.88, stances: 0.85 },
  seeds: { entities: 0.78, "relations:core": 0.46, "relations:all": 0.43, stances: 0.4 },
};

let articles: Article[] = [];
let parses: ParsedText[] = [];
let docs: Extraction[] = [];
let gold: GoldFile[] = [];

beforeAll(async () => {
  articles = (await readArticles([path.resolve("seeds"), path.resolve("tests/fixtures/eval/articles")])).articles.map((a) => a.article);
  gold = await readGold([path.resolve("tests/fixtures/eval/gold")]);
  const parser = await testParser();
  parses = await Promise.all(articles.map((a) => parser.parse(textForParser(a.body))));
  docs = articles.map((a, i) => extract(a, parses[i]!));
}, 300_000);

function figures(ids: (id: string) => boolean): Record<string, Figure> {
  return evaluate(
    gold.filter((g) => ids(g.doc.article.id)),
    docs.filter((d) => ids(d.article.id)),
  ).figures;
}

describe("extraction of the development articles", () => {
  it("reads all 16 articles, each matched to its gold", () => {
    expect(articles.length).toBe(16);
    const result = evaluate(gold, docs);
    expect(result.matched.length).toBe(16);
    expect(result.goldWithoutArticle).toEqual([]);
  });

  it("gives valid documents whose evidence and spans point into the body", () => {
    articles.forEach((a, i) => {
      const doc = ExtractionSchema.parse(docs[i]);
      expect(doc.extractor).toEqual(EXTRACTOR);
      const ids = new Set(doc.entities.map((e) => e.id));
      expect(ids.size).toBe(doc.entities.length);
      for (const e of doc.entities) {
        expect(e.mentions).toBe(e.spans?.length);
        for (const s of e.spans ?? []) expect(s.end).toBeGreaterThan(s.start);
      }
      for (const r of [...doc.relations, ...doc.stances]) {
        expect(r.span).toBeDefined();
        expect(a.body.slice(r.span!.start, r.span!.end)).toBe(r.evidence);
        expect(r.confidence).toBeGreaterThan(0);
      }
      for (const r of doc.relations) {
        expect(ids.has(r.subject) && ids.has(r.object)).toBe(true);
        if (["HOSTED", "PROPOSED", "REJECTED", "OFFERED"].includes(r.type)) expect(r.cameo && r.plover).toBeTruthy();
      }
    });
  });

  it("is deterministic: the same article and parse give the same document", () => {
    articles.forEach((a, i) => expect(JSON.stringify(extract(structuredClone(a), structuredClone(parses[i]!)))).toBe(JSON.stringify(docs[i])));
  });

  it("reaches the recorded floors on all 16, on the twelve new ones and on the seeds", () => {
    const sets: Record<string, (id: string) => boolean> = {
      all16: () => true,
      new12: (id) => id.startsWith("dev-"),
      seeds: (id) => id.startsWith("seed-"),
    };
    for (const [set, floors] of Object.entries(FLOORS)) {
      const figs = figures(sets[set]!);
      for (const [measure, floor] of Object.entries(floors)) expect(figs[measure]?.f1, `${set} ${measure}`).toBeGreaterThanOrEqual(floor);
    }
  });
});
