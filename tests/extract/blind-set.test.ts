import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readArticles } from "../../src/article/index.ts";
import { extract, type Extraction } from "../../src/extract/index.ts";
import { evaluate, readGold, type GoldFile } from "../../src/eval/index.ts";
import { textForParser } from "../../src/parse/prepare.ts";
import { testParser } from "./helpers.ts";

/**
 * Annotated articles written blind to the extractor, as a check on how far the development figures carry to
 * articles nobody tuned on.
 * - tests/fixtures/eval/blind: ten articles on other regions in other styles (a wire report, an analysis, a live
 *   blog, a Q&A interview, a communique, an explainer, a brief, a feature, a passive and nominal piece, a piece of
 *   metonyms and role nouns). First measured before any rule looked at them (entities 0.81, core 0.41, all 0.46,
 *   stances 0.39); general fixes found by reading their errors raised that, so they are no longer unseen.
 * - tests/fixtures/eval/blind2: twelve more, written later by another hand (an opinion column, a live blog with
 *   timestamps, a joint statement, a regional outlet's non-native English, hedged reported speech, acronyms and role
 *   nouns...). First measured at entities 0.81, core 0.41, all 0.44, stances 0.35, where the fixes made for the first
 *   blind set had changed nothing: the honest estimate for unseen articles. A few fixes came from its errors since.
 * - tests/fixtures/eval/blind3: twelve more, written at the end of the session that wrote the second, by a third hand,
 *   on other regions again (Colombia, the Nile dam, NATO spending, a Syria donor conference, southern Thailand, Pacific
 *   policing, Greenland, Cabo Delgado, Bangsamoro, Cameroon, the Taiwan Strait, the Baltic). The extractor as the
 *   session began scored 0.79 / 0.40 / 0.43 / 0.23 on them and as they arrived 0.79 / 0.40 / 0.43 / 0.25: the fixes
 *   made on the first two blind sets did not carry over. A few general fixes came from their errors after.
 * The floors are the figures reached.
 */
const SETS = [
  { dir: "tests/fixtures/eval/blind", articles: 10, floors: { entities: 0.85, "relations:core": 0.58, "relations:all": 0.64, stances: 0.48 } },
  { dir: "tests/fixtures/eval/blind2", articles: 12, floors: { entities: 0.8, "relations:core": 0.46, "relations:all": 0.48, stances: 0.38 } },
  { dir: "tests/fixtures/eval/blind3", articles: 12, floors: { entities: 0.78, "relations:core": 0.41, "relations:all": 0.43, stances: 0.23 } },
];

const runs = new Map<string, { docs: Extraction[]; gold: GoldFile[] }>();

beforeAll(async () => {
  const parser = await testParser();
  for (const set of SETS) {
    const dir = path.resolve(set.dir);
    const articles = (await readArticles([path.join(dir, "articles")])).articles.map((a) => a.article);
    const gold = await readGold([path.join(dir, "gold")]);
    const parses = await Promise.all(articles.map((a) => parser.parse(textForParser(a.body))));
    runs.set(set.dir, { docs: articles.map((a, i) => extract(a, parses[i]!)), gold });
  }
}, 300_000);

describe("extraction of articles written blind to the extractor", () => {
  for (const set of SETS) {
    it(`${set.dir}: matches all ${set.articles} to their gold and stays at or above the floors`, () => {
      const { docs, gold } = runs.get(set.dir)!;
      const result = evaluate(gold, docs);
      expect(result.matched.length).toBe(set.articles);
      for (const [measure, floor] of Object.entries(set.floors)) expect(result.figures[measure]!.f1, `${set.dir} ${measure}`).toBeGreaterThanOrEqual(floor);
    });
  }
});
