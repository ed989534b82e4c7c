/**
 * Loads the scale corpus as `kg load` does: the documents are first written to a JSONL file (what `kg extract
 * --format jsonl` writes; not timed), then that file goes through `kg load`'s own code (loadPaths: streamed lines,
 * checks, graph records, the batch writer), timed. The baseline writes the same rows with a bare
 * `UNWIND $rows CREATE`, in batches of the same size.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { contentHash } from "../../src/article/index.ts";
import { buildArticleGraph } from "../../src/graph/build.ts";
import type { ArticleGraph } from "../../src/graph/schema.ts";
import { documentOf } from "../../src/pipeline/document.ts";
import { loadPaths } from "../../src/pipeline/load.ts";
import type { Store } from "../../src/store/driver.ts";
import type { WriteOutcome } from "../../src/store/write.ts";
import { rawCreateRows } from "../raw-create.ts";
import { scaleDocuments } from "./corpus.ts";

export type LoadFigures = {
  articles: number;
  /** Graph rows written: articles, entities (per article), mentions, facts, stances. */
  rows: number;
  seconds: number;
  statuses: Record<WriteOutcome["status"], number>;
  /** Size of the JSONL file loaded (the write path only). */
  jsonlBytes?: number;
};

/** Graph rows of one article, counted as the throughput bench counts them. */
export function rowsOf(g: ArticleGraph): number {
  return 1 + g.entities.length + g.mentions.length + g.facts.length + g.stances.length;
}

function* graphBatches(from: number, to: number, seed: number, batchSize: number): Generator<ArticleGraph[]> {
  let batch: ArticleGraph[] = [];
  for (const doc of scaleDocuments(from, to, seed)) {
    batch.push(buildArticleGraph(doc.article, doc.extraction, contentHash(doc.article)));
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

type Progress = (done: number, total: number) => void;

async function pipelined(
  from: number,
  to: number,
  options: { seed: number; batchSize: number; onProgress?: Progress },
  write: (batch: ArticleGraph[]) => Promise<void>,
): Promise<{ articles: number; rows: number; seconds: number }> {
  const t0 = performance.now();
  let articles = 0;
  let rows = 0;
  let inflight: Promise<void> = Promise.resolve();
  for (const batch of graphBatches(from, to, options.seed, options.batchSize)) {
    // The next batch was built while the previous one was being written.
    await inflight;
    articles += batch.length;
    rows += batch.reduce((n, g) => n + rowsOf(g), 0);
    inflight = write(batch);
    options.onProgress?.(articles, to - from);
  }
  await inflight;
  return { articles, rows, seconds: (performance.now() - t0) / 1000 };
}

/** Writes the documents of articles [from, to) to a JSONL file, one per line, as `kg extract --format jsonl` does. */
export async function writeCorpusJsonl(file: string, from: number, to: number, seed: number): Promise<number> {
  const out = createWriteStream(file);
  let rows = 0;
  for (const doc of scaleDocuments(from, to, seed)) {
    rows += rowsOf(buildArticleGraph(doc.article, doc.extraction, contentHash(doc.article)));
    if (!out.write(`${JSON.stringify(documentOf(doc.article, doc.extraction))}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return rows;
}

/** Articles [from, to) through `kg load`'s code from a JSONL file (written first, not timed), without the layout. */
export async function loadCorpus(
  store: Store,
  from: number,
  to: number,
  options: { seed: number; batchSize: number; onProgress?: Progress },
): Promise<LoadFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kg-scale-jsonl-"));
  try {
    const file = path.join(dir, `articles-${from}-${to}.jsonl`);
    const rows = await writeCorpusJsonl(file, from, to, options.seed);
    const t0 = performance.now();
    let done = 0;
    const summary = await loadPaths(store, [file], {
      batchSize: options.batchSize,
      layout: false,
      onFileDone: () => options.onProgress?.((done = to - from), to - from),
    });
    const seconds = (performance.now() - t0) / 1000;
    const statuses: LoadFigures["statuses"] = { ingested: summary.ingested, updated: summary.updated, unchanged: summary.unchanged, failed: summary.failures.length };
    if (summary.failures.length > 0) {
      const first = summary.failures[0]!;
      throw new Error(`${summary.failures.length} documents failed to load, first: ${first.file}${first.line ? `:${first.line}` : ""}: ${first.reason}`);
    }
    if (summary.unprocessed.length > 0 || summary.notStored.length > 0) throw new Error("the load stopped early: Neo4j went away");
    return { articles: done || to - from, rows, seconds, statuses, jsonlBytes: statSync(file).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same rows, written by a bare `UNWIND $rows CREATE` (no MERGE, no lookups): the baseline. */
export async function rawCreateCorpus(
  store: Store,
  from: number,
  to: number,
  options: { seed: number; batchSize: number; onProgress?: Progress },
): Promise<LoadFigures> {
  const figures = await pipelined(from, to, options, async (batch) => {
    await rawCreateRows(store, batch, batch.length);
  });
  return { ...figures, statuses: { ingested: figures.articles, updated: 0, unchanged: 0, failed: 0 } };
}
