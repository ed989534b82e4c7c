/**
 * Loads the scale corpus the way `kg ingest` stores what it extracted: graph records from src/graph (buildArticleGraph,
 * with the article's content hash), written by the store's write path (writeArticleGraphs), in batches of
 * KG_BATCH_SIZE articles, building the next batch while the last one is written. The baseline writes the same rows
 * with a bare `UNWIND $rows CREATE`.
 */
import { performance } from "node:perf_hooks";
import { contentHash } from "../../src/article/index.ts";
import { buildArticleGraph } from "../../src/graph/build.ts";
import type { ArticleGraph } from "../../src/graph/schema.ts";
import type { Store } from "../../src/store/driver.ts";
import { writeArticleGraphs, type WriteOutcome } from "../../src/store/write.ts";
import { rawCreateRows } from "../raw-create.ts";
import { scaleDocuments } from "./corpus.ts";

export type LoadFigures = {
  articles: number;
  /** Graph rows written: articles, entities (per article), mentions, facts, stances. */
  rows: number;
  seconds: number;
  statuses: Record<WriteOutcome["status"], number>;
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

/** Articles [from, to) through the real write path. */
export async function loadCorpus(
  store: Store,
  from: number,
  to: number,
  options: { seed: number; batchSize: number; onProgress?: Progress },
): Promise<LoadFigures> {
  const statuses: LoadFigures["statuses"] = { ingested: 0, updated: 0, unchanged: 0, failed: 0 };
  let firstError: string | undefined;
  const figures = await pipelined(from, to, options, async (batch) => {
    for (const o of await writeArticleGraphs(store, batch)) {
      statuses[o.status] += 1;
      if (o.status === "failed") firstError ??= `${o.articleId}: ${o.error}`;
    }
  });
  if (firstError) throw new Error(`${statuses.failed} articles failed to load, first: ${firstError}`);
  return { ...figures, statuses };
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
