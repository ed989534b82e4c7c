import { contentHash, listInputFiles, readArticleFile } from "../article/index.ts";
import { parserUrls, type ParserConfig } from "../config/index.ts";
import { ensureLocalParser, type Parser } from "../parse/index.ts";
import type { Store } from "../store/driver.ts";
import { storedHashes } from "../store/articles.ts";
import { DatabaseGoneError, isDatabaseGone } from "../store/write.ts";
import { inProcessExtractor, type ExtractJob, type ExtractResult, type GraphExtractor } from "./graph-extractor.ts";
import { workerExtractor } from "./workers/pool.ts";
import { BatchWriter, emptySummary, finishRun, type IngestSummary } from "./writer.ts";

export type { IngestSummary } from "./writer.ts";

export interface IngestOptions {
  maxBytes?: number;
  /** Articles per write transaction. */
  batchSize?: number;
  stdin?: NodeJS.ReadableStream;
  onFiles?: (count: number) => void;
  onFileDone?: (file: string) => void;
  /** Update the stored explorer layout when articles were added or changed (default true). */
  layout?: boolean;
  /**
   * Extract on this many worker threads, each with its own client of the parser described by `parser`
   * (`kg ingest --workers`); absent or 0: in this thread, with the given parser.
   */
  workers?: { count: number; parser: ParserConfig; log?: (line: string) => void };
}

/**
 * Runs the whole pipeline: read and validate -> parse and extract (several articles at a time, in this thread or
 * on worker threads) -> graph records -> one writer, in batches. Articles are written in input order whatever
 * order their extraction ends in, so the batches, the outcomes and the graph are those of a single thread.
 */
export async function ingestPaths(store: Store, parser: Parser, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const summary = emptySummary();
  const listed = await listInputFiles(paths);
  summary.failures.push(...listed.failures);
  summary.skipped.push(...listed.skipped);
  opts.onFiles?.(listed.files.length);
  if (listed.files.length === 0) {
    await finishRun(store, summary, opts.layout !== false);
    return summary;
  }

  const threads = opts.workers && opts.workers.count > 0 ? opts.workers : null;
  // The local parser is started (when need be) once, here, not by each worker.
  if (threads && parserUrls(threads.parser).length === 0) await ensureLocalParser(threads.parser, { log: threads.log });
  const extractor: GraphExtractor = threads
    ? workerExtractor(threads.parser, threads.count, { log: threads.log })
    : inProcessExtractor(parser, opts.workers?.parser.concurrency);
  const batchSize = opts.batchSize ?? 50;
  const writer = new BatchWriter(store, summary, batchSize);
  // Started extractions, oldest first: results are taken in this order. A batch's worth at least, so the next batch
  // is extracted while the last one is written, and twice what the extractor works on at once, so it always has the
  // next articles in hand.
  const window: Array<{ job: ExtractJob; result: Promise<ExtractResult> }> = [];
  const windowSize = Math.max(batchSize, 2 * extractor.capacity);
  const takeOldest = async () => {
    const outcome = await window.shift()!.result;
    if (outcome.ok) await writer.add(outcome.graph);
    else summary.failures.push(outcome.failure);
  };

  const seen = new Map<string, { hash: string; file: string }>();
  // Where reading stands, so a run stopped early can say which files it did not finish.
  let current = -1;
  let currentFinished = false;
  try {
    for (const [index, file] of listed.files.entries()) {
      current = index;
      currentFinished = false;
      const read = await readArticleFile(file, { maxBytes: opts.maxBytes, stdin: opts.stdin });
      summary.failures.push(...read.failures);
      const fresh: ExtractJob[] = [];
      for (const { article, line } of read.articles) {
        const where = line ? `${file}:${line}` : file;
        const hash = contentHash(article);
        const earlier = seen.get(article.id);
        if (earlier) {
          if (earlier.hash === hash) summary.unchanged += 1;
          else
            summary.failures.push({
              file: where,
              reason: `article id "${article.id}" is also used by a different article in ${earlier.file}`,
              hint: "Give each article its own id (or drop the id field so one is derived from source, title and date).",
            });
          continue;
        }
        seen.set(article.id, { hash, file: where });
        summary.files.set(article.id, where);
        fresh.push({ article, hash, where });
      }
      // An article stored with the same text is not parsed again (the write path would find it unchanged anyway):
      // a re-run, e.g. after a stopped one, costs what is new.
      const stored = await storedHashesOrGone(store, fresh.map((j) => j.article.id));
      for (const [position, job] of fresh.entries()) {
        if (position === fresh.length - 1) currentFinished = true; // every article of the file is queued (or settled) once this one is
        if (stored.get(job.article.id) === job.hash) {
          summary.unchanged += 1;
          summary.outcomes.push({ articleId: job.article.id, status: "unchanged" });
          continue;
        }
        const result = extractor.run(job);
        result.catch(() => undefined); // a run stopped early never looks at the later results
        window.push({ job, result });
        while (window.length >= windowSize) await takeOldest();
      }
      currentFinished = true;
      opts.onFileDone?.(file);
    }
    while (window.length > 0) await takeOldest();
    await writer.finish();
  } catch (err) {
    if (!(err instanceof DatabaseGoneError)) {
      await writer.settled(); // the batch being written lands (or not) whole before the run stops
      throw err;
    }
    summary.aborted ??= err.message;
    // Stopped early: the articles read but not yet written are not stored either, nor the files not read to the end.
    await writer.settled();
    for (const { job } of window.splice(0)) summary.notStored.push({ articleId: job.article.id, file: job.where });
    writer.abandon();
    if (current >= 0 && current < listed.files.length) summary.unprocessed.push(...listed.files.slice(currentFinished ? current + 1 : current));
    return summary;
  } finally {
    await extractor.close();
  }
  await finishRun(store, summary, opts.layout !== false);
  return summary;
}

/** storedHashes, with Neo4j gone reported as the writer reports it (the run stops, saying what it did not do). */
async function storedHashesOrGone(store: Store, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  try {
    return await storedHashes(store, ids);
  } catch (err) {
    if (isDatabaseGone(err)) throw new DatabaseGoneError([], [], err);
    throw err;
  }
}
