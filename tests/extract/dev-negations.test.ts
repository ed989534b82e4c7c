import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readArticles } from "../../src/article/index.ts";
import type { Extraction } from "../../src/extract/index.ts";
import { describeDoc, entity, extractArticle, relations } from "./helpers.ts";

/**
 * Every negated or hedged statement of the development articles, and the relation it must not produce. Each row:
 * the article, the sentence's words (for the message), and the relation that would be the statement's positive
 * reading, read from that sentence. The actor must be found (so the absence means something) and the relation
 * absent from the sentence's facts.
 */
const NEGATED: Array<{ article: string; says: string; subject: string; type: string; object: string }> = [
  { article: "dev-05", says: "stopped short of rejecting the Red Cross pledge", subject: "Cambodia", type: "REJECTED", object: "Red Cross" },
  { article: "dev-06", says: "Rome would not block them", subject: "Italy", type: "REJECTED", object: "*" },
  { article: "dev-07", says: "Eritrea, which did not send a delegation to the session", subject: "Eritrea", type: "ATTENDED", object: "*" },
  { article: "dev-07", says: "Egypt ... has not offered personnel for the mission", subject: "Egypt", type: "OFFERED", object: "*" },
  { article: "dev-07", says: "Eritrean President Isaias Afwerki has made no public comment", subject: "Isaias Afwerki", type: "SUPPORTED", object: "*" },
  { article: "dev-08", says: "India ... did not commit any ships", subject: "India", type: "OFFERED", object: "*" },
  { article: "dev-08", says: "The United States, which was not represented at the talks", subject: "United States", type: "ATTENDED", object: "*" },
  { article: "dev-10", says: "Ankara did not rule out backing the missile batteries", subject: "Turkey", type: "REJECTED", object: "shield" },
  { article: "dev-10", says: "France stopped short of endorsing the shield", subject: "France", type: "SUPPORTED", object: "*" },
  { article: "dev-10", says: "Germany has not rejected the plan and would consider it", subject: "Germany", type: "REJECTED", object: "*" },
  { article: "dev-10", says: "Germany ... would consider it only within NATO's existing air-defence planning", subject: "Germany", type: "SUPPORTED", object: "*" },
  { article: "dev-11", says: "Hamas political leader Ismail Haniyeh did not travel to Cairo", subject: "Ismail Haniyeh", type: "ATTENDED", object: "*" },
  { article: "dev-11", says: "Israel has not formally responded to the Qatari framework", subject: "Israel", type: "SUPPORTED", object: "framework" },
  { article: "dev-11", says: "the United States has not tabled a text of its own", subject: "United States", type: "PROPOSED", object: "*" },
  { article: "dev-12", says: "a request Berlin has yet to answer", subject: "Germany", type: "SUPPORTED", object: "Taurus" },
  { article: "dev-12", says: "a request Berlin has yet to answer", subject: "Germany", type: "REJECTED", object: "Taurus" },
  { article: "dev-13", says: "The M23 rebel group ... has not been invited and will not attend", subject: "M23", type: "ATTENDED", object: "*" },
  { article: "dev-14", says: "the United States had not endorsed the repeat-election option", subject: "United States", type: "SUPPORTED", object: "repeat" },
  { article: "dev-14", says: "Mexico would not take sides", subject: "Mexico", type: "SUPPORTED", object: "*" },
  { article: "dev-14", says: "Maduro himself has not commented on the plan", subject: "Nicolas Maduro", type: "REJECTED", object: "*" },
  { article: "dev-15", says: "Australia would consider joining the monitoring mission if ASEAN members endorsed it", subject: "Australia", type: "OFFERED", object: "*" },
  { article: "dev-15", says: "if ASEAN members endorsed it", subject: "ASEAN", type: "SUPPORTED", object: "monitoring mission" },
  { article: "dev-16", says: "Paris has not ruled out placing the force under a United Nations mandate", subject: "France", type: "REJECTED", object: "*" },
  { article: "dev-16", says: "Ankara would consider contributing troops", subject: "Turkey", type: "OFFERED", object: "force" },
  { article: "dev-16", says: "Kallas has also stopped short of endorsing the Franco-British force", subject: "Kaja Kallas", type: "SUPPORTED", object: "*" },
  { article: "dev-16", says: "the White House has not committed to the air-cover backstop", subject: "United States", type: "OFFERED", object: "backstop" },
];

const docs = new Map<string, Extraction>();

beforeAll(async () => {
  const { articles } = await readArticles([path.resolve("tests/fixtures/eval/articles")]);
  for (const a of articles) docs.set(a.article.id.slice(0, 6), await extractArticle(a.article));
}, 300_000);

describe("negated and hedged statements of the development articles", () => {
  it.each(NEGATED)("$article: '$says' gives no $subject $type $object", ({ article, says, subject, type, object }) => {
    const doc = docs.get(article)!;
    expect(doc).toBeDefined();
    expect(entity(doc, subject), `${subject} in ${article}`).toBeDefined();
    // The statement's own words, without the elisions of the table.
    const words = says.split(" ... ").map((w) => w.replace(/'/g, "’").replace(/’/g, "'"));
    const fromIt = relations(doc, subject, type, object).filter((r) => words.every((w) => r.evidence.replace(/’/g, "'").includes(w)));
    expect(fromIt, describeDoc(doc)).toEqual([]);
  });
});
