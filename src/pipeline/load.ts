import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { listInputFiles, STDIN } from "../article/index.ts";
import type { Store } from "../store/driver.ts";
import { DatabaseGoneError } from "../store/write.ts";
import { graphOfDocument } from "./document.ts";
import { JsonLinesStreamError, readJsonLines } from "./jsonl.ts";
import { BatchWriter, emptySummary, finishRun, type IngestSummary } from "./writer.ts";

/** What `kg load` reads: the JSONL that `kg extract --format jsonl` writes. */
export const LOAD_EXTENSIONS = [".jsonl", ".ndjson"] as const;

export interface LoadOptions {
  /** Articles per write transaction (default 500). */
  batchSize?: number;
  /** Longest line (one document) accepted, in bytes; files themselves may be of any size. */
  maxLineBytes?: number;
  stdin?: NodeJS.ReadableStream;
  onFiles?: (count: number) => void;
  onFileDone?: (file: string) => void;
  /** Update the stored explorer layout when articles were added or changed (default true). */
  layout?: boolean;
}

/**
 * Loads pre-extracted documents (JSONL files, folders of them, or stdin) into the store: each line is checked
 * (src/pipeline/document.ts) and turned into the same graph records `kg ingest` writes, through the same writer, so
 * the same guarantees hold: an article whose content hash is stored already is left alone ("unchanged"), a changed
 * one replaces its facts, each article is written whole or not at all, and concurrent loads and ingests are safe.
 * Files are streamed (any size); a bad line is reported as file:line and the others go on.
 */
export async function loadPaths(store: Store, paths: string[], opts: LoadOptions = {}): Promise<IngestSummary> {
  const summary = emptySummary();
  const listed = await listInputFiles(paths, { extensions: LOAD_EXTENSIONS, kind: "JSONL" });
  summary.failures.push(...listed.failures);
  summary.skipped.push(...listed.skipped);
  opts.onFiles?.(listed.files.length);
  const writer = new BatchWriter(store, summary, opts.batchSize ?? 500);
  const maxLineBytes = opts.maxLineBytes ?? 5 * 1024 * 1024;
  const seen = new Map<string, { hash: string; file: string }>();
  let current = -1;
  try {
    for (const [index, file] of listed.files.entries()) {
      current = index;
      await loadFile(file);
      opts.onFileDone?.(file);
    }
    current = listed.files.length;
    await writer.finish();
  } catch (err) {
    if (!(err instanceof DatabaseGoneError)) {
      await writer.settled();
      throw err;
    }
    // Stopped early: what was read but not written is not stored, nor the files not read to the end.
    await writer.settled();
    writer.abandon();
    if (current >= 0 && current < listed.files.length) summary.unprocessed.push(...listed.files.slice(current));
    return summary;
  }
  await finishRun(store, summary, opts.layout !== false);
  return summary;

  async function loadFile(file: string): Promise<void> {
    const problem = file === STDIN ? null : await unreadable(file);
    if (problem) {
      summary.failures.push({ file, ...problem });
      return;
    }
    const stream = file === STDIN ? (opts.stdin ?? process.stdin) : createReadStream(file);
    let documents = 0;
    try {
      for await (const { line, value, failure } of readJsonLines(stream as AsyncIterable<Buffer | string>, { maxLineBytes })) {
        documents++;
        if (failure) {
          summary.failures.push({ file, line, ...failure });
          continue;
        }
        const built = graphOfDocument(value);
        if (!built.ok) {
          summary.failures.push({ file, line, reason: built.reason, hint: built.hint });
          continue;
        }
        const where = `${file}:${line}`;
        const id = built.graph.article.id;
        const earlier = seen.get(id);
        if (earlier) {
          if (earlier.hash === built.hash) summary.unchanged += 1;
          else
            summary.failures.push({
              file,
              line,
              reason: `article id "${id}" is also used by a different article in ${earlier.file}`,
              hint: "Give each article its own id (or drop the id field so one is derived from source, title and date), then extract again.",
            });
          continue;
        }
        seen.set(id, { hash: built.hash, file: where });
        summary.files.set(id, where);
        await writer.add(built.graph);
      }
    } catch (err) {
      if (!(err instanceof JsonLinesStreamError)) throw err;
      summary.failures.push({ file, reason: err.reason, hint: err.hint });
      return;
    } finally {
      if (file !== STDIN) (stream as ReturnType<typeof createReadStream>).destroy();
    }
    if (documents === 0) summary.failures.push({ file, reason: "file is empty (no documents)", hint: "give the JSONL that `kg extract --format jsonl` writes, one document per line" });
  }
}

/** Why a named file cannot be read at all, or null. */
async function unreadable(file: string): Promise<{ reason: string; hint: string } | null> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { reason: "is a folder, not a file", hint: "give the folder itself as an argument: its .jsonl files are read" };
    if (!info.isFile()) return { reason: "is not a regular file", hint: "give JSONL files, folders of them, or - for stdin" };
    return null;
  } catch {
    return { reason: "no such file", hint: "check the path (it is relative to the current folder)" };
  }
}
