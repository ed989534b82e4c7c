import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticleFile, readArticles, type InputFailure } from "../../src/article/index.ts";
import { fixture, tempFiles } from "./helpers.ts";

const GOOD_TXT = "A good headline\n\nA good body sentence that should survive the batch.\n";
let dir = "";
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await tempFiles({
    "good.txt": GOOD_TXT,
    "binary.txt": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]),
    "latin1.txt": new Uint8Array([...Buffer.from("Caf"), 0xe9, ...Buffer.from(" headline\nbody text\n")]),
    "utf16.txt": new Uint8Array([0xff, 0xfe, 0x41, 0x00]),
    "big.txt": "Big headline\n" + "word ".repeat(400),
    "spaces.txt": "   \n\n  \t\n",
    "bad-date.json": JSON.stringify({ title: "T", body: "B", publishedAt: "08/07/2025" }),
    "bad-url.json": JSON.stringify({ title: "T", body: "B", url: "javascript:alert(1)" }),
    "bad-id.json": JSON.stringify({ id: "Not A Slug", title: "T", body: "B" }),
    "missing.json": JSON.stringify([{ body: "no title here" }, { title: "Good one", body: "Fine." }, 42]),
    "truncated.json": '[{"title": "a", "body": "b"}',
    "unquoted.json": '{"title": "a", "body": }',
    "lines.json": '{"title": "a", "body": "b"}\n{"title": "c", "body": "d"}\n',
  }));
});
afterAll(() => cleanup());

function reasons(failures: InputFailure[]): string[] {
  return failures.map((f) => f.reason);
}

async function failuresOf(file: string, opts = {}): Promise<InputFailure[]> {
  const { articles, failures } = await readArticleFile(file, opts);
  expect(articles).toEqual([]);
  expect(failures).toHaveLength(1);
  for (const f of failures) expect(f.hint.length).toBeGreaterThan(10);
  return failures;
}

describe("bad input: each problem is an InputFailure with a reason and a hint", () => {
  it("empty file", async () => {
    expect(reasons(await failuresOf(fixture("bad", "empty.txt")))).toEqual(["file is empty"]);
    expect(reasons(await failuresOf(`${dir}/spaces.txt`))).toEqual(["file is empty (only whitespace)"]);
  });

  it("binary file (NUL bytes)", async () => {
    expect(reasons(await failuresOf(`${dir}/binary.txt`))).toEqual(["file is binary (it holds NUL bytes), not text"]);
  });

  it("non-UTF-8 file, with the offset of the first bad byte; UTF-16 named as such", async () => {
    expect(reasons(await failuresOf(`${dir}/latin1.txt`))).toEqual(["file is not valid UTF-8 (first bad byte at offset 3)"]);
    expect(reasons(await failuresOf(`${dir}/utf16.txt`))).toEqual(["file is UTF-16 text, not UTF-8"]);
  });

  it("file over the size limit (option maxBytes; 5 MB by default)", async () => {
    const [failure] = await failuresOf(`${dir}/big.txt`, { maxBytes: 1000 });
    expect(failure!.reason).toBe("file is too large (2 KB; the limit is 1000 bytes)");
    expect(failure!.hint).toMatch(/maxBytes/);
    const { articles } = await readArticleFile(`${dir}/big.txt`);
    expect(articles).toHaveLength(1);
  });

  it("malformed JSON, with line, column and position", async () => {
    const [trailingComma] = await failuresOf(fixture("bad", "malformed.json"));
    expect(trailingComma).toMatchObject({ line: 4, reason: "malformed JSON: Expected double-quoted property name at line 4, column 1 (position 42)" });
    // V8 gives no position for this one: it is found by the scanner.
    const [unexpected] = await failuresOf(`${dir}/unquoted.json`);
    expect(unexpected!.reason).toBe("malformed JSON: Unexpected token '}' at line 1, column 24 (position 23)");
    const [jsonLinesInJson] = await failuresOf(`${dir}/lines.json`);
    expect(jsonLinesInJson).toMatchObject({ line: 2, hint: expect.stringContaining(".jsonl") });
    const [truncated] = await failuresOf(`${dir}/truncated.json`);
    expect(truncated!.reason).toMatch(/^malformed JSON: .* at line 1, column 29 \(position 28\)$/);
  });

  it("a bad JSONL line is reported as file:line and the other lines go on", async () => {
    const { articles, failures } = await readArticleFile(fixture("good", "feed.jsonl"));
    expect(articles.map((a) => a.line)).toEqual([1, 3]);
    expect(failures).toEqual([
      {
        file: fixture("good", "feed.jsonl"),
        line: 2,
        reason: "malformed JSON: Expected ',' or '}' after property value at column 49 (position 48)",
        hint: expect.stringContaining("each line must be one complete JSON object"),
      },
      { file: fixture("good", "feed.jsonl"), line: 5, reason: "title is empty", hint: expect.any(String) },
    ]);
  });

  it("HTML with no article", async () => {
    expect(reasons(await failuresOf(fixture("bad", "no-article.html")))).toEqual(["no article text found in the HTML"]);
  });

  it("an article with no body or no title: zod issues as readable text", async () => {
    // The body holds only boilerplate (a "Related Articles" header and what follows it).
    expect(reasons(await failuresOf(fixture("bad", "no-body.md")))).toEqual(["body: article has no body text"]);
    const { articles, failures } = await readArticleFile(`${dir}/missing.json`);
    expect(articles.map((a) => a.article.title)).toEqual(["Good one"]);
    expect(reasons(failures)).toEqual(["item 1 of 3: title is missing", "item 3 of 3: expected an article object, found number"]);
  });

  it("field values: unreadable date, non-http url, bad id", async () => {
    expect(reasons(await failuresOf(`${dir}/bad-date.json`))).toEqual([
      'publishedAt "08/07/2025" is not a date that can be read unambiguously',
    ]);
    expect(reasons(await failuresOf(`${dir}/bad-url.json`))).toEqual(["url must be an http(s) link"]);
    expect(reasons(await failuresOf(`${dir}/bad-id.json`))).toEqual(["id: ids are lower-case slugs"]);
  });

  it("malformed YAML front matter, with the file line", async () => {
    const [failure] = await failuresOf(fixture("bad", "bad-front-matter.md"));
    expect(failure).toMatchObject({ line: 3, reason: expect.stringMatching(/^malformed YAML front matter: /) });
  });

  it("unknown extension", async () => {
    expect(reasons(await failuresOf(fixture("bad", "notes.csv")))).toEqual(['unknown extension ".csv"']);
  });

  it("path that does not exist, glob matching nothing: the batch goes on with the good files", async () => {
    const { articles, failures } = await readArticles([
      `${dir}/does-not-exist.txt`,
      `${dir}/nothing-*.md`,
      `${dir}/good.txt`,
      `${dir}/binary.txt`,
      fixture("bad", "notes.csv"),
      fixture("bad", "malformed.json"),
      fixture("good", "feed.jsonl"),
    ]);
    // Files are read in sorted path order (the temporary folder sorts before the fixtures here or not: compare as sets).
    expect(articles.map((a) => a.article.title).sort()).toEqual(["A good headline", "Port workers accept wage offer", "Second good line"]);
    expect(reasons(failures).slice(0, 2)).toEqual(["no such file or folder", "glob matched no files"]);
    expect(reasons(failures).slice(2).sort()).toEqual(
      [
        "file is binary (it holds NUL bytes), not text",
        expect.stringMatching(/^malformed JSON: Expected ',' or '}'/),
        "malformed JSON: Expected double-quoted property name at line 4, column 1 (position 42)",
        "title is empty",
        'unknown extension ".csv"',
      ],
    );
  });

  it("a whole folder of bad files gives failures, never a throw", async () => {
    const { articles, failures } = await readArticles([fixture("bad")]);
    expect(articles).toEqual([]);
    // notes.csv is not an article extension, so a folder walk leaves it out.
    expect(failures.map((f) => f.file.split("/").pop())).toEqual([
      "bad-front-matter.md",
      "empty.txt",
      "malformed.json",
      "no-article.html",
      "no-body.md",
    ]);
  });

  it("duplicate ids in a batch: the later article is reported, not merged", async () => {
    const { dir: d, cleanup: c } = await tempFiles({
      "a.json": JSON.stringify({ id: "same-id", title: "One", body: "First." }),
      "b.json": JSON.stringify({ id: "same-id", title: "Two", body: "Second." }),
      "c.txt": GOOD_TXT,
      "d.txt": GOOD_TXT,
    });
    try {
      const { articles, failures } = await readArticles([d]);
      expect(articles.map((a) => a.article.title)).toEqual(["One", "A good headline"]);
      expect(reasons(failures)).toEqual([
        expect.stringMatching(/^id "same-id" is already used by .*a\.json; this article is skipped$/),
        expect.stringMatching(/^same article as .*c\.txt \(id "a-good-headline-[0-9a-f]{8}"\); this copy is skipped$/),
      ]);
    } finally {
      await c();
    }
  });
});
