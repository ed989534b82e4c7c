/**
 * The pieces of `kg load` that need no database: the JSONL reader (streamed, any chunking, bad lines reported and
 * skipped) and the load document (what `kg extract --format jsonl` writes, turned back into the graph records
 * `kg ingest` would write).
 */
import { Readable } from "node:stream";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentHash, readArticleFile, type Article } from "../../src/article/index.ts";
import type { Extraction } from "../../src/extract/schema.ts";
import { buildArticleGraph } from "../../src/graph/build.ts";
import { documentOf, graphOfDocument } from "../../src/pipeline/document.ts";
import { JsonLinesStreamError, readJsonLines, type JsonLine } from "../../src/pipeline/jsonl.ts";

async function lines(chunks: Array<Buffer | string>, maxLineBytes = 1_000): Promise<JsonLine[]> {
  const out: JsonLine[] = [];
  for await (const l of readJsonLines(Readable.from(chunks), { maxLineBytes })) out.push(l);
  return out;
}

const article: Article = {
  id: "lima-visit",
  title: "Lima visit",
  body: "Peru hosted Chile's foreign minister in Lima. Chile rejected the border plan.",
  source: "Andes Wire",
  publishedAt: "2025-02-03",
  url: "https://example.org/lima",
  language: "en",
};
const extraction: Extraction = {
  article: { id: article.id, title: article.title, source: article.source, publishedAt: article.publishedAt },
  entities: [
    { id: "peru", type: "Country", name: "Peru", aliases: [], attributes: { iso2: "PE" }, mentions: 1, spans: [{ start: 0, end: 4 }] },
    { id: "chile", type: "Country", name: "Chile", aliases: ["Chilean"], attributes: {}, mentions: 2, spans: [{ start: 12, end: 17 }, { start: 46, end: 51 }] },
    { id: "border-plan", type: "Proposal", name: "border plan", aliases: [], attributes: { topic: "territory" }, mentions: 1, spans: [{ start: 65, end: 76 }] },
  ],
  relations: [{ subject: "chile", type: "REJECTED", object: "border-plan", evidence: "Chile rejected the border plan.", confidence: 0.9, span: { start: 46, end: 77 }, date: "2025-02-03" }],
  stances: [{ actor: "chile", topic: "territory", stance: "oppose", evidence: "Chile rejected the border plan.", confidence: 0.8, span: { start: 46, end: 77 } }],
  extractor: { name: "kg-rules", version: "test" },
};

describe("readJsonLines", () => {
  it("reads lines split anywhere between chunks, multi-byte characters included, with CRLF, a BOM and no final newline", async () => {
    const text = '\ufeff{"a":"Türkiye – 東京"}\r\n\n  \n{"b":2}\n{"c":[1,2]}';
    const bytes = Buffer.from(text, "utf8");
    const oneByteChunks = [...bytes].map((b) => Buffer.from([b]));
    for (const chunks of [[bytes], oneByteChunks]) {
      expect(await lines(chunks)).toEqual([
        { line: 1, value: { a: "Türkiye – 東京" } },
        { line: 4, value: { b: 2 } },
        { line: 5, value: { c: [1, 2] } },
      ]);
    }
  });

  it("reports a line too long, not UTF-8 or not JSON by its number, and goes on", async () => {
    const got = await lines([`{"x":"${"y".repeat(50)}"}\n`, Buffer.from([0x22, 0xc3, 0x28, 0x22, 0x0a]), '{"ok":1}\n{"broken":\n{"ok":2}\n'], 40);
    expect(got.map((l) => [l.line, l.failure?.reason.replace(/:.*/, "") ?? l.value])).toEqual([
      [1, "line is too long (over the limit of 40 bytes)"],
      [2, "line is not valid UTF-8"],
      [3, { ok: 1 }],
      [4, "malformed JSON"],
      [5, { ok: 2 }],
    ]);
    for (const l of got) if (l.failure) expect(l.failure.hint.length).toBeGreaterThan(10);
  });

  it("refuses a binary or UTF-16 stream as a whole", async () => {
    await expect(lines([Buffer.from([0x7b, 0x00, 0x7d, 0x0a])])).rejects.toThrow(JsonLinesStreamError);
    await expect(lines([Buffer.from([0xff, 0xfe, 0x7b, 0x00])])).rejects.toThrow(/UTF-16/);
  });
});

describe("the load document", () => {
  it("carries the article and its hash, and gives back the records ingest builds, through JSON", () => {
    const doc = documentOf(article, extraction);
    expect(doc.article).toEqual({ ...article, contentHash: contentHash(article) });
    // The fields the plain document had keep their order and values.
    expect(Object.keys(doc.article).slice(0, 4)).toEqual(["id", "title", "source", "publishedAt"]);
    const loaded = graphOfDocument(JSON.parse(JSON.stringify(doc)));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.graph).toEqual(buildArticleGraph(article, extraction, contentHash(article)));
  });

  it("takes a document without contentHash (computed), refuses one whose hash does not match, and names what is wrong", () => {
    const doc = JSON.parse(JSON.stringify(documentOf(article, extraction)));
    const { contentHash: hash, ...withoutHash } = doc.article;
    const computed = graphOfDocument({ ...doc, article: withoutHash });
    expect(computed.ok && computed.hash).toBe(hash);

    const edited = graphOfDocument({ ...doc, article: { ...doc.article, title: "Lima visit, updated" } });
    expect(edited).toMatchObject({ ok: false, reason: expect.stringMatching(/contentHash does not match/) });
    expect(graphOfDocument({ ...doc, article: { id: article.id, title: article.title } })).toMatchObject({ ok: false, reason: expect.stringMatching(/has no body/) });
    expect(graphOfDocument({ ...doc, article: { ...doc.article, id: "Not A Slug" } })).toMatchObject({ ok: false, reason: expect.stringMatching(/article\.id/) });
    expect(graphOfDocument({ ...doc, relations: [{ ...extraction.relations[0], object: "nowhere" }] })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/relations\[0\] names "nowhere"/),
    });
    expect(graphOfDocument([1, 2])).toMatchObject({ ok: false, reason: expect.stringMatching(/expected a JSON object/) });
  });

  it("given to kg ingest by mistake, is recognised and sent to kg load", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-doc-"));
    const file = path.join(dir, "documents.jsonl");
    writeFileSync(file, `${JSON.stringify(documentOf(article, extraction))}\n`);
    const { articles, failures } = await readArticleFile(file);
    expect(articles).toEqual([]);
    expect(failures).toEqual([expect.objectContaining({ line: 1, reason: expect.stringMatching(/extraction document/), hint: expect.stringMatching(/kg load/) })]);
  });
});
