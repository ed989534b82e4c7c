/** Long texts: split into pieces the server accepts, offsets re-based, the same sentences as in one piece. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createParser, splitText, type Parser } from "../../src/parse/index.ts";
import { countingProxy, testParserConfig } from "./helpers.ts";

const joined = (pieces: { start: number; text: string }[]) => pieces.map((p) => p.text).join("");

describe("splitText", () => {
  it("returns a text within the limit as one piece", () => {
    expect(splitText("One. Two.\n\nThree.", 100)).toEqual([{ start: 0, text: "One. Two.\n\nThree." }]);
  });

  it("cuts after blank lines (also CRLF and space-only lines), into pieces that are the whole text again", () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says something.`);
    const text = paragraphs.join("\r\n \r\n");
    const pieces = splitText(text, 200);
    expect(joined(pieces)).toBe(text);
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(200);
      expect(text.slice(piece.start, piece.start + piece.text.length)).toBe(piece.text);
      expect(piece.text).toMatch(/^Paragraph \d+/); // every piece starts a paragraph
    }
  });

  it("cuts a paragraph longer than the limit after a sentence end, not after an abbreviation", () => {
    const sentence = "Mr. Smith met Gen. Lee in the U.S. and they agreed. ";
    const text = sentence.repeat(30);
    const pieces = splitText(text, 300);
    expect(joined(pieces)).toBe(text);
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(300);
      expect(piece.text.trimEnd()).toMatch(/agreed\.$/);
    }
  });

  it("falls back to a line break, then a space, and never splits a surrogate pair", () => {
    const lines = "a line without an end\n".repeat(20);
    const byLine = splitText(lines, 100);
    expect(joined(byLine)).toBe(lines);
    expect(byLine.every((p) => p.text.length <= 100 && p.text.endsWith("\n"))).toBe(true);
    const words = "word ".repeat(100).trimEnd();
    const byWord = splitText(words, 64);
    expect(joined(byWord)).toBe(words);
    expect(byWord.slice(0, -1).every((p) => p.text.length <= 64 && p.text.endsWith(" "))).toBe(true);
    const emoji = "😀".repeat(100); // 200 code units, no space at all
    const pieces = splitText(emoji, 33);
    expect(joined(pieces)).toBe(emoji);
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(33);
      expect(piece.text).toMatch(/^(?:😀)+$/u);
    }
  });
});

describe("parsing long texts", () => {
  let parser: Parser;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  beforeAll(async () => {
    const config = await testParserConfig();
    proxy = await countingProxy(config.url!);
    parser = createParser({ ...config, url: proxy.url });
  });
  afterAll(async () => {
    await parser.close();
    await proxy.close();
  });

  it("parses a text over the server's 100,000-character limit in pieces, with exact offsets and every sentence", async () => {
    const count = 1400;
    const paragraphs = Array.from(
      { length: count },
      (_, i) => `Paragraph ${i} begins here: the envoy from Oslo proposed a ceasefire.\nIt was rejected by the delegation on day ${i}.`,
    );
    const text = paragraphs.join("\n\n");
    expect(text.length).toBeGreaterThan(100_000); // the server refuses this in one request (HTTP 400)
    const before = proxy.requests;
    const parsed = await parser.parse(text);
    expect(proxy.requests - before).toBeGreaterThanOrEqual(2);

    expect(parsed.sentences).toHaveLength(2 * count);
    for (let i = 0; i < count; i++) {
      const first = parsed.sentences[2 * i]!.tokens;
      const second = parsed.sentences[2 * i + 1]!.tokens;
      expect(text.slice(first[0]!.start, first[1]!.end)).toBe(`Paragraph ${i}`);
      expect(text.slice(second[0]!.start, second.at(-1)!.end)).toBe(`It was rejected by the delegation on day ${i}.`);
    }
    for (const token of parsed.sentences.flatMap((s) => s.tokens)) {
      expect(text.slice(token.start, token.end).length).toBe(token.end - token.start);
      expect(text.slice(token.start, token.end)).not.toMatch(/\s/);
    }
  });

  it("parses one paragraph longer than the limit, cut at sentence ends", async () => {
    const config = await testParserConfig();
    const small = createParser({ ...config, url: proxy.url, maxChars: 2_000 });
    try {
      const sentences = Array.from({ length: 120 }, (_, i) => `Talks number ${i} were hosted by Qatar.`);
      const text = sentences.join(" ");
      const before = proxy.requests;
      const parsed = await small.parse(text);
      expect(proxy.requests - before).toBeGreaterThanOrEqual(3);
      expect(parsed.sentences.map((s) => text.slice(s.tokens[0]!.start, s.tokens.at(-1)!.end))).toEqual(sentences);
    } finally {
      await small.close();
    }
  });
});
