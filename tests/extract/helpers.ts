import { afterAll } from "vitest";
import type { Article } from "../../src/article/schema.ts";
import { extract, type Extraction } from "../../src/extract/index.ts";
import { ExtractionSchema } from "../../src/extract/schema.ts";
import { createParser, type Parser } from "../../src/parse/index.ts";
import { textForParser } from "../../src/parse/prepare.ts";
import { testParserConfig } from "../parse/helpers.ts";

/** One parser client per test file (the run's parser, tests/setup/nlp-global.ts), closed after the file. */
let parser: Parser | undefined;
export async function testParser(): Promise<Parser> {
  parser ??= createParser(await testParserConfig());
  return parser;
}
afterAll(async () => {
  await parser?.close();
  parser = undefined;
});

/** Parses and extracts a text as an article (dated 2026-03-04 unless given), validating the document's shape. */
export async function extractText(body: string, publishedAt = "2026-03-04"): Promise<Extraction> {
  const article: Article = { id: "test-article", title: "Test", body, publishedAt, language: "en" };
  return extractArticle(article);
}

export async function extractArticle(article: Article): Promise<Extraction> {
  const p = await testParser();
  const parsed = await p.parse(textForParser(article.body));
  return ExtractionSchema.parse(extract(article, parsed));
}

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/** The entity named so (name or alias, any case and accents), optionally of a type. */
export function entity(doc: Extraction, name: string, type?: string): Extraction["entities"][number] | undefined {
  const want = fold(name);
  return doc.entities.find((e) => (!type || e.type === type) && [e.name, ...e.aliases].some((n) => fold(n) === want));
}

/** The entities whose name or alias contains the words. */
export function entitiesLike(doc: Extraction, words: string, type?: string): Extraction["entities"] {
  const want = fold(words);
  return doc.entities.filter((e) => (!type || e.type === type) && [e.name, ...e.aliases].some((n) => fold(n).includes(want)));
}

/** Relations of a type between entities matching the names ("*" for any; a Proposal or Meeting matches on words it contains). */
export function relations(doc: Extraction, subject: string, type: string, object: string): Extraction["relations"] {
  const ids = (name: string) => new Set((name === "*" ? doc.entities : [...doc.entities.filter((e) => e === entity(doc, name)), ...entitiesLike(doc, name).filter((e) => e.type === "Proposal" || e.type === "Meeting")]).map((e) => e.id));
  const s = ids(subject);
  const o = ids(object);
  return doc.relations.filter((r) => r.type === type && s.has(r.subject) && o.has(r.object));
}

export function has(doc: Extraction, subject: string, type: string, object: string): boolean {
  return relations(doc, subject, type, object).length > 0;
}

/** A readable list of what was extracted, for assertion messages. */
export function describeDoc(doc: Extraction): string {
  const name = new Map(doc.entities.map((e) => [e.id, e.name]));
  return [
    `entities: ${doc.entities.map((e) => `${e.type}:${e.name}`).join(", ")}`,
    ...doc.relations.map((r) => `${name.get(r.subject)} ${r.type} ${name.get(r.object)}`),
    ...doc.stances.map((s) => `stance ${name.get(s.actor)} ${s.topic} ${s.stance}`),
  ].join("\n");
}
