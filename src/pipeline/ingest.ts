import { listInputFiles, readArticleFile, contentHash } from "../article/index.ts";
import type { Article, InputFailure } from "../article/schema.ts";
import { buildArticleGraph } from "../graph/build.ts";
import type { Parser } from "../parse/index.ts";
import { extractArticles } from "./extract.ts";
import type { ArticleGraph } from "../graph/schema.ts";
import type { Store } from "../store/driver.ts";
import { DatabaseGoneError, isDatabaseGone, writeArticleGraphs, type WriteOutcome } from "../store/write.ts";
import { countUnplaced } from "../store/layout.ts";
import { updateLayout, type LayoutSummary } from "./layout.ts";

export interface IngestOptions {
  maxBytes?: number;
  /** Articles per write transaction. */
  batchSize?: number;
  stdin?: NodeJS.ReadableStream;
  onFiles?: (count: number) => void;
  onFileDone?: (file: string) => void;
  /** Update the stored explorer layout when articles were added or changed (default true). */
  layout?: boolean;
}

export interface IngestSummary {
  ingested: number;
  updated: number;
  unchanged: number;
  failures: InputFailure[];
  outcomes: WriteOutcome[];
  /** The explorer layout update after the writes, when one ran. */
  layout?: LayoutSummary;
  /** Why the layout could not be updated (the articles are stored all the same; `kg layout` retries). */
  layoutError?: string;
  /** Set when the ingest stopped early because Neo4j became unreachable: what happened. */
  aborted?: string;
  /** Articles read but not confirmed stored because the ingest stopped early (re-run the ingest for them). */
  notStored: Array<{ articleId: string; file: string }>;
  /** Files not read at all, or not to the end, because the ingest stopped early. */
  unprocessed: string[];
  /** Files found in folders that are not article files (unknown extension): skipped, and said so. */
  skipped: InputFailure[];
  /** Where each article came from ("file" or "file:line"). */
  files: Map<string, string>;
}

/**
 * Runs the whole pipeline: read and validate -> parse and extract (a batch at a time, the parser working on several
 * articles at once) -> build graph records -> write in batches.
 */
export async function ingestPaths(store: Store, parser: Parser, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const batchSize = opts.batchSize ?? 50;
  const summary: IngestSummary = {
    ingested: 0,
    updated: 0,
    unchanged: 0,
    failures: [],
    outcomes: [],
    notStored: [],
    unprocessed: [],
    skipped: [],
    files: new Map(),
  };
  const listed = await listInputFiles(paths);
  summary.failures.push(...listed.failures);
  summary.skipped.push(...listed.skipped);
  opts.onFiles?.(listed.files.length);

  const seen = new Map<string, { hash: string; file: string }>();
  const fileOf = summary.files;
  let batch: { article: Article; hash: string; where: string }[] = [];

  // Writing a batch overlaps with extracting the next one: Neo4j works on its own cores meanwhile.
  let inflight: Promise<void> = Promise.resolve();
  let writeError: unknown;
  const settle = (outcomes: WriteOutcome[]) => {
    for (const o of outcomes) {
      summary.outcomes.push(o);
      if (o.status === "failed") {
        summary.failures.push({
          file: fileOf.get(o.articleId) ?? o.articleId,
          reason: `could not be stored in Neo4j: ${o.error ?? "unknown error"}`,
          hint: "Nothing of this article was written; check the Neo4j logs and ingest the file again.",
        });
      } else summary[o.status] += 1;
    }
  };
  const notStored = (ids: string[]) => summary.notStored.push(...ids.map((id) => ({ articleId: id, file: fileOf.get(id) ?? id })));
  const write = async (graphs: ArticleGraph[]) => {
    try {
      settle(await writeArticleGraphs(store, graphs));
    } catch (err) {
      if (!(err instanceof DatabaseGoneError)) throw err;
      settle(err.outcomes);
      notStored(err.unconfirmed);
      summary.aborted = err.message;
      throw err;
    }
  };
  const flush = async () => {
    const pending = batch;
    batch = [];
    // Parsing and extracting this batch overlaps with writing the previous one.
    const graphs = pending.length ? await toGraphs(parser, pending, summary.failures) : [];
    await inflight;
    if (writeError) {
      // Stopped early: this batch, parsed but not written, is not stored either.
      notStored(graphs.map((g) => g.article.id));
      throw writeError;
    }
    if (graphs.length === 0) return;
    inflight = write(graphs).catch((err: unknown) => {
      writeError = err;
    });
  };

  // Where reading stands, so a run stopped early can say which files it did not finish.
  let current = -1;
  let currentFinished = false;
  try {
    for (const [index, file] of listed.files.entries()) {
      current = index;
      currentFinished = false;
      if (writeError) {
        summary.unprocessed.push(...listed.files.slice(index));
        current = listed.files.length;
        break;
      }
      const read = await readArticleFile(file, { maxBytes: opts.maxBytes, stdin: opts.stdin });
      summary.failures.push(...read.failures);
      for (const [position, { article, line }] of read.articles.entries()) {
        if (position === read.articles.length - 1) currentFinished = true; // every article of the file is queued (or skipped) once this one is
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
        fileOf.set(article.id, where);
        batch.push({ article, hash, where });
        if (batch.length >= batchSize) await flush();
      }
      currentFinished = true;
      opts.onFileDone?.(file);
    }
    await flush();
    await flush(); // waits for the last batch and surfaces its error, if any
  } catch (err) {
    if (!(err instanceof DatabaseGoneError)) throw err;
    // Stopped early: the articles read but not yet sent are not stored either, nor the files not read to the end.
    notStored(batch.map((p) => p.article.id));
    batch = [];
    if (current >= 0 && current < listed.files.length) summary.unprocessed.push(...listed.files.slice(currentFinished ? current + 1 : current));
    return summary;
  }
  if (opts.layout !== false) {
    try {
      if (summary.ingested + summary.updated > 0 || (await countUnplaced(store)) > 0) summary.layout = await updateLayout(store);
    } catch (err) {
      if (isDatabaseGone(err)) summary.aborted = `Neo4j became unreachable before the explorer layout was updated: ${String((err as Error).message).split("\n")[0]}`;
      summary.layoutError = err instanceof Error ? err.message.split("\n")[0] : String(err);
    }
  }
  return summary;
}

async function toGraphs(parser: Parser, pending: { article: Article; hash: string; where: string }[], failures: InputFailure[]): Promise<ArticleGraph[]> {
  const outcomes = await extractArticles(parser, pending.map((p) => p.article));
  const graphs: ArticleGraph[] = [];
  outcomes.forEach((o, i) => {
    const { hash, where } = pending[i]!;
    if (!o.ok) {
      failures.push({
        file: where,
        reason: o.error,
        hint: o.error.startsWith("parsing")
          ? "The parser could not read this article; check the parser's log (`kg nlp status`) and ingest the file again. The rest of the batch was ingested."
          : "This is a bug in the extractor; please report it with the file. The rest of the batch was ingested.",
      });
      return;
    }
    try {
      graphs.push(buildArticleGraph(o.article, o.extraction, hash));
    } catch (err) {
      failures.push({
        file: where,
        reason: `building the graph records failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
        hint: "This is a bug; please report it with the file. The rest of the batch was ingested.",
      });
    }
  });
  return graphs;
}
