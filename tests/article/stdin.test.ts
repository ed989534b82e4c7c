import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readArticleFile, readArticles, sniffFormat } from "../../src/article/index.ts";

const stdin = (text: string | Uint8Array) => Readable.from([typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text)]);

describe("stdin ('-'): the format is sniffed from the content", () => {
  it.each([
    ['{"title": "From JSON", "body": "Body."}', "json"],
    ['[{"title": "A", "body": "B"}]', "json"],
    ['{"title": "A", "body": "B"}\n{"title": "C", "body": "D"}\n', "jsonl"],
    ["---\ntitle: X\n---\nBody", "markdown"],
    ["# Heading\n\nBody", "markdown"],
    ["<!DOCTYPE html><html><body><p>x</p></body></html>", "html"],
    ["<article><p>x</p></article>", "html"],
    ["Plain headline\nPlain body.", "txt"],
  ] as const)("sniffs %j as %s", (text, format) => {
    expect(sniffFormat(text)).toBe(format);
  });

  it("reads JSON Lines from stdin, with line numbers", async () => {
    const input = '{"title": "First", "body": "One."}\nnot json\n{"title": "Second", "body": "Two."}\n';
    const { articles, failures } = await readArticleFile("-", { stdin: stdin(input) });
    expect(articles.map((a) => [a.file, a.line, a.article.title])).toEqual([
      ["-", 1, "First"],
      ["-", 3, "Second"],
    ]);
    expect(failures).toMatchObject([{ file: "-", line: 2, reason: expect.stringMatching(/^malformed JSON/) }]);
  });

  it("reads Markdown with front matter from stdin", async () => {
    const md = "---\ntitle: Piped in\nsource: Pipe News\npublishedAt: 2024-02-29\n---\n\nThe body arrived through a pipe.\n";
    const { articles, failures } = await readArticleFile("-", { stdin: stdin(md) });
    expect(failures).toEqual([]);
    expect(articles[0]!.article).toMatchObject({ title: "Piped in", source: "Pipe News", publishedAt: "2024-02-29", body: "The body arrived through a pipe." });
  });

  it("reads HTML and plain text from stdin", async () => {
    const sentence = "The regional parliament passed the transport bill after a long night of debate and amendments. ";
    const html = `<html><head><meta property="og:site_name" content="Pipe Times"></head><body><article><h1>Bill passes</h1><p>${sentence.repeat(4)}</p></article></body></html>`;
    const fromHtml = await readArticleFile("-", { stdin: stdin(html) });
    expect(fromHtml.failures).toEqual([]);
    expect(fromHtml.articles[0]!.article).toMatchObject({ title: "Bill passes", source: "Pipe Times" });
    const fromText = await readArticleFile("-", { stdin: stdin("Text headline\nText body line.\n") });
    expect(fromText.articles[0]!.article).toMatchObject({ title: "Text headline", body: "Text body line." });
  });

  it("applies the size limit and the UTF-8 check to stdin too", async () => {
    const big = await readArticleFile("-", { stdin: stdin("x".repeat(2000)), maxBytes: 1000 });
    expect(big.failures.map((f) => f.reason)).toEqual(["file is too large (over 1000 bytes; the limit is 1000 bytes)"]);
    const latin1 = await readArticleFile("-", { stdin: stdin(new Uint8Array([0x41, 0xe9, 0x0a])) });
    expect(latin1.failures.map((f) => f.reason)).toEqual(["file is not valid UTF-8 (first bad byte at offset 1)"]);
    const empty = await readArticleFile("-", { stdin: Readable.from([]) });
    expect(empty.failures.map((f) => f.reason)).toEqual(["file is empty"]);
  });

  it("mixes stdin with files in a batch", async () => {
    const { articles } = await readArticles(["-", "seeds/2025-08-20-middle-east-eye-germany-rejects-e1.md"], {
      stdin: stdin('{"title": "Piped", "body": "Piped body."}'),
    });
    expect(articles.map((a) => a.file)).toEqual(["-", "seeds/2025-08-20-middle-east-eye-germany-rejects-e1.md"]);
  });
});
