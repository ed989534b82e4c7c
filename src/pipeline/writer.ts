import type { InputFailure } from "../article/schema.ts";
import type { ArticleGraph } from "../graph/schema.ts";
import type { Store } from "../store/driver.ts";
import { countUnplaced } from "../store/layout.ts";
import { DatabaseGoneError, isDatabaseGone, writeArticleGraphs, type WriteOutcome } from "../store/write.ts";
import { updateLayout, type LayoutSummary } from "./layout.ts";

/** What an ingest or a load did: the summary line, the --report file and the exit code come from this. */
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
  /** Set when the run stopped early because Neo4j became unreachable: what happened. */
  aborted?: string;
  /** Articles read but not confirmed stored because the run stopped early (re-run it for them). */
  notStored: Array<{ articleId: string; file: string }>;
  /** Files not read at all, or not to the end, because the run stopped early. */
  unprocessed: string[];
  /** Files found in folders that are not input files (unknown extension): skipped, and said so. */
  skipped: InputFailure[];
  /** Where each article came from ("file" or "file:line"). */
  files: Map<string, string>;
}

export function emptySummary(): IngestSummary {
  return { ingested: 0, updated: 0, unchanged: 0, failures: [], outcomes: [], notStored: [], unprocessed: [], skipped: [], files: new Map() };
}

/**
 * The one writer of a run: collects article graphs into batches of `batchSize` and writes each batch in one
 * transaction (src/store/write.ts), one batch at a time, while the caller prepares the next (extraction, or reading
 * pre-extracted documents). Outcomes go into the summary. When Neo4j goes away, the batch being written and every
 * later graph are reported not stored, and add/finish throw the DatabaseGoneError.
 */
export class BatchWriter {
  private batch: ArticleGraph[] = [];
  private inflight: Promise<void> = Promise.resolve();
  private error: unknown = undefined;

  constructor(
    private readonly store: Store,
    private readonly summary: IngestSummary,
    private readonly batchSize: number,
  ) {}

  /** Queues one article's graph; a full batch waits for the previous write, then starts its own. */
  async add(graph: ArticleGraph): Promise<void> {
    if (this.error !== undefined) {
      this.notStored([graph.article.id]);
      throw this.error;
    }
    this.batch.push(graph);
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  /** Writes what is queued and waits for every write; throws if one failed for want of a database. */
  async finish(): Promise<void> {
    await this.flush();
    await this.flush(); // waits for the last batch and surfaces its error, if any
  }

  /** Waits for the write in flight, whatever its end (a run stopping for another reason lets it finish). */
  async settled(): Promise<void> {
    await this.inflight;
  }

  /** Articles queued but not yet sent (a run stopped early reports them not stored). */
  abandon(): void {
    this.notStored(this.batch.map((g) => g.article.id));
    this.batch = [];
  }

  private async flush(): Promise<void> {
    const graphs = this.batch;
    this.batch = [];
    await this.inflight;
    if (this.error !== undefined) {
      // Stopped early: this batch, prepared but not written, is not stored either.
      this.notStored(graphs.map((g) => g.article.id));
      throw this.error;
    }
    if (graphs.length === 0) return;
    this.inflight = this.write(graphs).catch((err: unknown) => {
      this.error = err;
    });
  }

  private async write(graphs: ArticleGraph[]): Promise<void> {
    try {
      this.settle(await writeArticleGraphs(this.store, graphs));
    } catch (err) {
      if (!(err instanceof DatabaseGoneError)) throw err;
      this.settle(err.outcomes);
      this.notStored(err.unconfirmed);
      this.summary.aborted = err.message;
      throw err;
    }
  }

  private settle(outcomes: WriteOutcome[]): void {
    for (const o of outcomes) {
      this.summary.outcomes.push(o);
      if (o.status === "failed") {
        this.summary.failures.push({
          file: this.summary.files.get(o.articleId) ?? o.articleId,
          reason: `could not be stored in Neo4j: ${o.error ?? "unknown error"}`,
          hint: "Nothing of this article was written; check the Neo4j logs and run the command again for it.",
        });
      } else this.summary[o.status] += 1;
    }
  }

  private notStored(ids: string[]): void {
    this.summary.notStored.push(...ids.map((id) => ({ articleId: id, file: this.summary.files.get(id) ?? id })));
  }
}

/**
 * The end of a run that wrote: the stored explorer layout is brought up to date when articles were added or
 * changed (or nodes lack a position); a failure there is reported, the articles stay stored.
 */
export async function finishRun(store: Store, summary: IngestSummary, layout: boolean): Promise<void> {
  if (!layout || summary.aborted) return;
  try {
    if (summary.ingested + summary.updated > 0 || (await countUnplaced(store)) > 0) summary.layout = await updateLayout(store);
  } catch (err) {
    if (isDatabaseGone(err)) summary.aborted = `Neo4j became unreachable before the explorer layout was updated: ${String((err as Error).message).split("\n")[0]}`;
    summary.layoutError = err instanceof Error ? err.message.split("\n")[0] : String(err);
  }
}
