import { listInputFiles, readArticleFile, contentHash } from "../article/index.ts";
import type { Article, InputFailure } from "../article/schema.ts";
import { buildArticleGraph } from "../graph/build.ts";
import type { Parser } from "../parse/index.ts";
import { extractArticles } from "./extract.ts";
import type { ArticleGraph } from "../graph/schema.ts";
import type { Store } from "../store/driver.ts";
import { writeArticleGraphs, type WriteOutcome } from "../store/write.ts";
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
}

/**
 * Runs the whole pipeline: read and validate -> parse and extract (a batch at a time, the parser working on several
 * articles at once) -> build graph records -> write in batches.
 */
export async function ingestPaths(store: Store, parser: Parser, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const batchSize = opts.batchSize ?? 50;
  const summary: IngestSummary = { ingested: 0, updated: 0, unchanged: 0, failures: [], outcomes: [] };
  const listed = await listInputFiles(paths);
  summary.failures.push(...listed.failures);
  opts.onFiles?.(listed.files.length);

  const seen = new Map<string, { hash: string; file: string }>();
  const fileOf = new Map<string, string>();
  let batch: { article: Article; hash: string; where: string }[] = [];

  // Writing a batch overlaps with extracting the next one: Neo4j works on its own cores meanwhile.
  let inflight: Promise<void> = Promise.resolve();
  let writeError: unknown;
  const write = async (graphs: ArticleGraph[]) => {
    const outcomes = await writeArticleGraphs(store, graphs);
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
  const flush = async () => {
    const pending = batch;
    batch = [];
    // Parsing and extracting this batch overlaps with writing the previous one.
    const graphs = pending.length ? await toGraphs(parser, pending, summary.failures) : [];
    await inflight;
    if (writeError) throw writeError;
    if (graphs.length === 0) return;
    inflight = write(graphs).catch((err: unknown) => {
      writeError = err;
    });
  };

  for (const file of listed.files) {
    const read = await readArticleFile(file, { maxBytes: opts.maxBytes, stdin: opts.stdin });
    summary.failures.push(...read.failures);
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
      fileOf.set(article.id, where);
      batch.push({ article, hash, where });
      if (batch.length >= batchSize) await flush();
    }
    opts.onFileDone?.(file);
  }
  await flush();
  await flush(); // waits for the last batch and surfaces its error, if any
  if (opts.layout !== false) {
    try {
      if (summary.ingested + summary.updated > 0 || (await countUnplaced(store)) > 0) summary.layout = await updateLayout(store);
    } catch (err) {
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
