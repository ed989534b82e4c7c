import { open, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_MAX_BYTES, decodeText, tooLarge } from "./decode.ts";
import { STDIN, listInputFiles } from "./files.ts";
import { readHtml } from "./formats/html.ts";
import { readJson, readJsonLines } from "./formats/json.ts";
import { readMarkdown } from "./formats/markdown.ts";
import type { ReadResult } from "./formats/result.ts";
import { readText } from "./formats/txt.ts";
import { contentHash } from "./id.ts";
import type { InputFailure } from "./schema.ts";
import { EXTENSION_FORMATS, type InputFormat, sniffFormat } from "./sniff.ts";

export interface ReadOptions {
  /** Largest file (or stdin input) accepted, in bytes. Default 5 MB. */
  maxBytes?: number;
  /** Stream read for the path "-". Default process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

const READERS: Record<InputFormat, (text: string, file: string) => ReadResult> = {
  txt: readText,
  markdown: readMarkdown,
  json: readJson,
  jsonl: readJsonLines,
  html: readHtml,
};

function only(failure: InputFailure): ReadResult {
  return { articles: [], failures: [failure] };
}

/** Reads a stream up to maxBytes; { size } (bytes seen so far) when it holds more. */
async function readCapped(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array | { size: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    size += buffer.length;
    if (size > maxBytes) return { size };
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads a file's bytes, refusing to read more than maxBytes (the size may change after stat). */
async function readFileCapped(file: string, maxBytes: number): Promise<Uint8Array | { size: number }> {
  const handle = await open(file, "r");
  try {
    return await readCapped(handle.createReadStream({ autoClose: false }), maxBytes);
  } finally {
    await handle.close();
  }
}

async function readBytes(file: string, opts: ReadOptions, maxBytes: number): Promise<Uint8Array | InputFailure> {
  if (file === STDIN) {
    const bytes = await readCapped(opts.stdin ?? process.stdin, maxBytes);
    if (!(bytes instanceof Uint8Array)) return { file, ...tooLarge(bytes.size, maxBytes, false) };
    return bytes;
  }
  let info;
  try {
    info = await stat(file);
  } catch {
    return { file, reason: "no such file", hint: "check the path (it is relative to the current folder)" };
  }
  if (info.isDirectory()) return { file, reason: "is a folder, not a file", hint: "give the folder to readArticles (or the CLI), which reads the files in it" };
  if (!info.isFile()) return { file, reason: "is not a regular file", hint: "give a text file: .txt, .md, .json, .jsonl or .html" };
  if (info.size > maxBytes) return { file, ...tooLarge(info.size, maxBytes) };
  const bytes = await readFileCapped(file, maxBytes);
  if (!(bytes instanceof Uint8Array)) return { file, ...tooLarge(bytes.size, maxBytes, false) };
  return bytes;
}

/**
 * Reads one input file ("-" for stdin, whose format is sniffed) into validated articles. Never throws for
 * bad input: every problem (missing, empty, binary, non-UTF-8, too large, unknown extension, malformed
 * JSON or YAML, a bad JSONL line, HTML without an article, an article without title or body) is an
 * InputFailure, and the good articles of the same file still come through.
 */
export async function readArticleFile(file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let format: InputFormat | undefined;
  if (file !== STDIN) {
    const extension = path.extname(file).toLowerCase();
    format = EXTENSION_FORMATS[extension];
    if (!format) {
      return only({
        file,
        reason: extension ? `unknown extension "${extension}"` : "file has no extension",
        hint: `name it with one of ${Object.keys(EXTENSION_FORMATS).join(" ")} to say what it holds`,
      });
    }
  }
  try {
    const bytes = await readBytes(file, opts, maxBytes);
    if (!(bytes instanceof Uint8Array)) return only(bytes);
    const decoded = decodeText(bytes);
    if (!decoded.ok) return only({ file, reason: decoded.reason, hint: decoded.hint });
    const text = decoded.text.replace(/^\uFEFF/, "");
    return READERS[format ?? sniffFormat(text)](text, file);
  } catch (error) {
    // An I/O error (permissions, a file removed while reading): report it as this file's failure.
    const code = (error as NodeJS.ErrnoException).code;
    return only({
      file,
      reason: `could not read the file: ${code === "EACCES" ? "permission denied" : error instanceof Error ? error.message : String(error)}`,
      hint: code === "EACCES" ? "make the file readable (chmod +r)" : "check the file and try again",
    });
  }
}

/**
 * Reads a batch: expands paths (listInputFiles), reads each file (readArticleFile), and reports articles
 * whose id is already taken in the batch (the later one is left out; identical copies are named as such).
 */
export async function readArticles(paths: readonly string[], opts: ReadOptions = {}): Promise<ReadResult> {
  const listed = await listInputFiles(paths);
  const result: ReadResult = { articles: [], failures: [...listed.failures] };
  const seen = new Map<string, { where: string; hash: string }>();
  for (const file of listed.files) {
    const read = await readArticleFile(file, opts);
    result.failures.push(...read.failures);
    for (const sourced of read.articles) {
      const hash = contentHash(sourced.article);
      const where = sourced.line === undefined ? sourced.file : `${sourced.file}:${sourced.line}`;
      const earlier = seen.get(sourced.article.id);
      if (earlier) {
        const same = earlier.hash === hash;
        result.failures.push({
          file: sourced.file,
          ...(sourced.line === undefined ? {} : { line: sourced.line }),
          reason: same
            ? `same article as ${earlier.where} (id "${sourced.article.id}"); this copy is skipped`
            : `id "${sourced.article.id}" is already used by ${earlier.where}; this article is skipped`,
          hint: same ? "remove one of the copies" : "give one of the two articles another id",
        });
        continue;
      }
      seen.set(sourced.article.id, { where, hash });
      result.articles.push(sourced);
    }
  }
  return result;
}
