import { describe, it, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readArticles } from "../../src/article/index.ts";
import { extractArticle } from "../extract/helpers.ts";
import { scoreDocuments, Tally } from "../../src/eval/score.ts";
import { evaluate, readGold } from "../../src/eval/index.ts";

const FIXTURES = path.resolve("tests/fixtures/eval");
const GOLD_DIR = path.join(FIXTURES, "gold");
const SEEDS = path.resolve("seeds");
const DEV = path.join(FIXTURES, "articles");

function python(args: string[]): Record<string, { p: number; r: number; f1: number; gold: number; sys: number }> {
  return JSON.parse(execFileSync("python3", [path.join(FIXTURES, "score.py"), ...args, "--json"], { encoding: "utf8" }));
}

describe("TypeScript scorer equals the reference score.py", () => {
  it("gives the same figures on the extractor's output for the development set", async () => {
    const gold = await readGold([GOLD_DIR]);
    const { articles } = await readArticles([SEEDS, DEV]);
    const dir = mkdtempSync(path.join(tmpdir(), "kg-eval-"));
    const args: string[] = [];
    const pairs: [never, never][] = [];
    for (const g of gold) {
      const a = articles.find((x) => x.article.id === g.doc.article.id);
      expect(a, `seed article for ${g.doc.article.id}`).toBeDefined();
      const doc = await extractArticle(a!.article);
      const sysFile = path.join(dir, g.doc.article.id + ".json");
      writeFileSync(sysFile, JSON.stringify(doc));
      args.push(g.file, sysFile);
      pairs.push([g.doc as never, doc as never]);
    }
    expect(scoreDocuments(pairs)).toEqual(python(args));
  }, 300_000);

  it("rounds precision and recall as Python's round(x, 3) does, half matches and exact ties included", () => {
    const cases: [number, number][] = [];
    for (let sys = 1; sys <= 240; sys++) for (let tp2 = 0; tp2 <= 2 * sys; tp2++) cases.push([tp2 / 2, sys]);
    const script = "import json,sys\nprint(json.dumps([round(t/s,3) for t,s in json.load(sys.stdin)]))";
    const want = JSON.parse(execFileSync("python3", ["-c", script], { input: JSON.stringify(cases), encoding: "utf8" })) as number[];
    const got = cases.map(([tp, sys]) => {
      const t = new Tally();
      t.add(tp, sys, sys);
      return t.prf().p;
    });
    expect(got).toEqual(want);
  });

  it("agrees on crafted edge cases: symmetric MET_WITH, half stances, loose proposal names, unmatched ids", () => {
    const gold = {
      article: { id: "t", title: "t" },
      entities: [
        { id: "a", type: "Person", name: "Anna Berg", aliases: ["Berg"], attributes: {} },
        { id: "b", type: "Person", name: "Carl Dahl", aliases: [], attributes: {} },
        { id: "x", type: "Country", name: "Türkiye", aliases: ["Turkey"], attributes: {} },
        { id: "p", type: "Proposal", name: "Naval mission in the Black Sea", aliases: [], attributes: { topic: "naval-mission" } },
        { id: "q", type: "Proposal", name: "Peace deal", aliases: [], attributes: { topic: "peace-deal" } },
      ],
      relations: [
        { subject: "a", type: "MET_WITH", object: "b", evidence: "e" },
        { subject: "x", type: "PROPOSED", object: "p", evidence: "e" },
        { subject: "a", type: "REJECTED", object: "q", evidence: "e" },
      ],
      stances: [
        { actor: "x", topic: "naval-mission", stance: "conditional", evidence: "e" },
        { actor: "a", topic: "peace-deal", stance: "oppose", evidence: "e" },
      ],
    };
    const sys = {
      article: { id: "t", title: "t" },
      entities: [
        { id: "dahl", type: "Person", name: "Dahl", aliases: [], attributes: {} },
        { id: "berg", type: "Person", name: "A. Berg", aliases: ["Berg"], attributes: {} },
        { id: "tr", type: "Country", name: "Turkiye", aliases: [], attributes: {} },
        { id: "nm", type: "Proposal", name: "naval mission", aliases: [], attributes: {} },
        { id: "deal", type: "Proposal", name: "deal", aliases: [], attributes: {} },
        { id: "ghost", type: "Place", name: "Nowhere", aliases: [], attributes: {} },
      ],
      relations: [
        { subject: "dahl", type: "MET_WITH", object: "berg", evidence: "e" },
        { subject: "tr", type: "PROPOSED", object: "nm", evidence: "e" },
        { subject: "berg", type: "REJECTED", object: "deal", evidence: "e" },
        { subject: "ghost", type: "HELD_IN", object: "tr", evidence: "e" },
      ],
      stances: [
        { actor: "tr", topic: "naval-mission", stance: "support", evidence: "e" },
        { actor: "ghost", topic: "other", stance: "mixed", evidence: "e" },
        { actor: "berg", topic: "peace-deal", stance: "oppose", evidence: "e" },
      ],
    };
    const dir = mkdtempSync(path.join(tmpdir(), "kg-eval-"));
    writeFileSync(path.join(dir, "g.json"), JSON.stringify(gold));
    writeFileSync(path.join(dir, "s.json"), JSON.stringify(sys));
    const ts = scoreDocuments([[gold as never, sys as never]]);
    expect(ts).toEqual(python([path.join(dir, "g.json"), path.join(dir, "s.json")]));
    expect(ts["stances"]!.r).toBe(0.75);
  });

  it("matches gold to articles by id and reports gold without an article", async () => {
    const gold = await readGold([GOLD_DIR]);
    const { articles } = await readArticles([SEEDS]);
    const one = articles.filter((a) => a.article.id === "seed-3-germany-rejects-e1").map((a) => a.article);
    const res = evaluate(gold, [await extractArticle(one[0]!)]);
    expect(res.matched.map((m) => m.articleId)).toEqual(["seed-3-germany-rejects-e1"]);
    expect(res.goldWithoutArticle.sort()).toEqual(readdirSync(GOLD_DIR).map((f) => f.replace(/\.json$/, "")).filter((id) => id !== "seed-3-germany-rejects-e1").sort());
    expect(JSON.parse(readFileSync(path.join(GOLD_DIR, "seed-3-germany-rejects-e1.json"), "utf8")).article.id).toBe("seed-3-germany-rejects-e1");
  });
});
