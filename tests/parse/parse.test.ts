/** parse() against the run's real CoreNLP server: offsets, sentences, tags, dependencies, the parser record. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createParser, settingsDigest, type ParsedText, type Parser } from "../../src/parse/index.ts";
import { ParsedTextSchema } from "../../src/parse/schema.ts";
import { testParserConfig } from "./helpers.ts";

let parser: Parser;
beforeAll(async () => {
  parser = createParser(await testParserConfig());
});
afterAll(() => parser.close());

/** Every token's offsets slice the text to something that is the token (CoreNLP's `word` may be normalised). */
function expectExactOffsets(text: string, parsed: ParsedText) {
  let previousEnd = 0;
  for (const sentence of parsed.sentences) {
    for (const token of sentence.tokens) {
      expect(token.start).toBeGreaterThanOrEqual(previousEnd);
      expect(token.end).toBeGreaterThan(token.start);
      expect(token.end).toBeLessThanOrEqual(text.length);
      previousEnd = token.end;
    }
  }
}

const slices = (text: string, parsed: ParsedText) => parsed.sentences.map((s) => s.tokens.map((t) => text.slice(t.start, t.end)));

describe("parse", () => {
  it("gives tokens, lemmas, tags, entities and both dependency graphs, 1-based with the root at 0", async () => {
    const text = "Turkey rejected the plan proposed by France on Monday.";
    const parsed = await parser.parse(text);
    expect(ParsedTextSchema.parse(parsed)).toEqual(parsed);
    expect(parsed.sentences).toHaveLength(1);
    const [sentence] = parsed.sentences;
    const words = sentence!.tokens.map((t) => t.word);
    expect(words).toEqual(["Turkey", "rejected", "the", "plan", "proposed", "by", "France", "on", "Monday", "."]);
    const at = (word: string) => words.indexOf(word) + 1;
    expect(sentence!.tokens[at("rejected") - 1]).toMatchObject({ lemma: "reject", pos: "VBD" });
    expect(sentence!.tokens[at("France") - 1]).toMatchObject({ ner: "LOCATION", pos: "NNP" });
    expect(sentence!.basic).toContainEqual({ rel: "ROOT", gov: 0, dep: at("rejected") });
    expect(sentence!.basic).toContainEqual({ rel: "nsubj", gov: at("rejected"), dep: at("Turkey") });
    expect(sentence!.basic).toContainEqual({ rel: "obj", gov: at("rejected"), dep: at("plan") });
    // enhanced++ names the case of an oblique: the passive agent is obl:agent (or obl:by).
    const agent = sentence!.enhanced.find((a) => a.gov === at("proposed") && a.dep === at("France"));
    expect(agent?.rel).toMatch(/^obl:(agent|by)$/);
    expect(sentence!.basic.every((a) => a.dep >= 1 && a.dep <= words.length && a.gov <= words.length)).toBe(true);
  });

  it("records the parser, its version and the digest of its settings", async () => {
    const parsed = await parser.parse("A short text.");
    expect(parsed.parser.name).toBe("stanford-corenlp");
    expect(parsed.parser.settings).toBe(settingsDigest());
    expect(parsed.parser.version).toMatch(/^(\d+\.\d+\.\d+|unknown)$/);
  });

  it("keeps offsets exact on emoji, flags, combining marks, CRLF, tabs, no-break spaces, typographic quotes and lone surrogates", async () => {
    const text =
      "  \t“Peace 😀 now,” said Zelenskyy\u00a0at noon.\r\n\r\n" +
      "The EU’s 10\u00a0000 troops\t(maybe) — José Martı\u0301nez 👩‍👩‍👧 said 🇺🇦 «non».\n\n" +
      "A lone \ud800 surrogate and a stray \udc00 one.\r\n";
    const parsed = await parser.parse(text);
    expectExactOffsets(text, parsed);
    const got = slices(text, parsed);
    expect(got[0]).toEqual(["“", "Peace", "😀", "now", ",", "”", "said", "Zelenskyy", "at", "noon", "."]);
    // The CRLF blank line ended the first paragraph's sentence; the emoji sequences stay whole.
    expect(got[1]).toEqual(expect.arrayContaining(["’s", "10", "000", "troops", "(", "maybe", ")", "—", "José", "Martı\u0301nez", "👩‍👩‍👧", "🇺🇦", "«", "non", "»"]));
    expect(got[1]!.join("")).not.toMatch(/\s/);
    // Lone surrogates cannot travel in UTF-8: they were sent as U+FFFD (same length), so later offsets still hold.
    expect(got[2]).toEqual(expect.arrayContaining(["A", "lone", "surrogate", "and", "a", "stray", "one", "."]));
    expect(parsed.sentences).toHaveLength(3);
  });

  it("keeps offsets exact around invisible and control characters, and in other scripts", async () => {
    const text =
      "\ufeffCo\u00adoperation with Zelen\u00adskyy\u200d\u200b: a\u0000b, bidi \u202eevil\u202c, NEL\u0085here.\u2029" +
      "قال الرئيس إن المحادثات ستستأنف. 中国外交部表示支持。 Ångström (A\u030angstro\u0308m) ½ ™.";
    const parsed = await parser.parse(text); // each token's offsets are checked against its original text inside parse()
    expectExactOffsets(text, parsed);
    const got = slices(text, parsed).flat();
    expect(got).toEqual(expect.arrayContaining(["Co\u00adoperation", "Zelen\u00adskyy\u200d", "المحادثات", "A\u030angstro\u0308m", "½"]));
    const words = parsed.sentences.flatMap((s) => s.tokens.map((t) => t.word));
    expect(words).toEqual(expect.arrayContaining(["Cooperation", "Zelenskyy"])); // CoreNLP's word drops the soft hyphen
  });

  it("does not take %, + or & in the text as URL escapes", async () => {
    const text = "Support rose 50% + 3 points, to %41 & more (a+b=c) on 100%20 days.";
    const parsed = await parser.parse(text);
    expectExactOffsets(text, parsed);
    // Had the server URL-decoded the body, "%41" would be "A", "%20" a space and "+" a space, and offsets would drift.
    expect(slices(text, parsed).flat()).toEqual(
      ["Support", "rose", "50", "%", "+", "3", "points", ",", "to", "%", "41", "&", "more"]
        .concat(["(", "a", "+", "b", "=", "c", ")", "on", "100", "%", "20", "days", "."]),
    );
    expect(parsed.sentences.flatMap((s) => s.tokens).at(-1)!.end).toBe(text.length);
  });

  it("breaks sentences at blank lines but not at single line breaks", async () => {
    const text = "The talks\nwill resume in Doha\n\nNo date was set";
    const parsed = await parser.parse(text);
    expect(slices(text, parsed)).toEqual([
      ["The", "talks", "will", "resume", "in", "Doha"],
      ["No", "date", "was", "set"],
    ]);
  });

  it("returns no sentences for an empty or blank text", async () => {
    for (const text of ["", "   ", "\n\n\t\r\n", "\u00a0\u2003"]) {
      const parsed = await parser.parse(text);
      expect(parsed.sentences).toEqual([]);
      expect(parsed.parser.settings).toBe(settingsDigest());
    }
  });
});
