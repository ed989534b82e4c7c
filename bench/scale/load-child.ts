/**
 * One load step of the scale bench in its own process, so its peak memory is the ingest's own: articles
 * [from, to) through the write path (or the raw baseline), then, as `kg ingest` does, the layout update.
 * Input: one JSON argument (LoadRequest). Output: one JSON line on stdout (LoadReport); progress on stderr.
 */
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { connect, type Store } from "../../src/store/driver.ts";
import { deleteArticles } from "../../src/store/write.ts";
import { scaleDocument } from "./corpus.ts";
import { updateLayout } from "../../src/pipeline/layout.ts";
import { loadCorpus, rawCreateCorpus, type LoadFigures } from "./load.ts";
import { peakRssMb } from "./process-memory.ts";

export const LoadRequestSchema = z.object({
  connection: z.object({ uri: z.string(), user: z.string(), password: z.string(), database: z.string() }),
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  seed: z.number().int(),
  batchSize: z.number().int().positive(),
  mode: z.enum(["graph", "raw"]),
  layout: z.boolean(),
  /** Instead of loading: lay the whole graph out afresh, as `kg layout --reset` does. */
  relayout: z.boolean().default(false),
  /**
   * Before timing, write (and remove) a few hundred articles from far outside the corpus, so the first timed
   * batches do not pay the JIT and query planning of a fresh server (both the write path and the baseline get it).
   */
  warmUp: z.boolean(),
});
export type LoadRequest = z.infer<typeof LoadRequestSchema>;
export type LoadReport = {
  load: LoadFigures;
  layout: { mode: string; seconds: number; nodes: number; computed: number; placed: number; iterations: number } | null;
  peakRssMb: number | null;
};

const WARM_UP_FROM = 50_000_000;
const WARM_UP_ARTICLES = 300;

async function warmUp(store: Store, request: LoadRequest, options: { seed: number; batchSize: number }): Promise<void> {
  const range = [WARM_UP_FROM, WARM_UP_FROM + WARM_UP_ARTICLES] as const;
  if (request.mode === "raw") {
    await rawCreateCorpus(store, ...range, options);
    return;
  }
  await loadCorpus(store, ...range, options);
  const ids = Array.from({ length: WARM_UP_ARTICLES }, (_, i) => scaleDocument(WARM_UP_FROM + i, request.seed).article.id);
  await deleteArticles(store, ids);
}

async function main(): Promise<void> {
  const request = LoadRequestSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
  const store = await connect(request.connection);
  try {
    let last = 0;
    const onProgress = (done: number, total: number) => {
      if (done - last >= 5_000 || done === total) {
        last = done;
        process.stderr.write(`  ${request.mode}: ${done}/${total} articles\n`);
      }
    };
    const options = { seed: request.seed, batchSize: request.batchSize, onProgress };
    if (request.relayout) {
      const summary = await updateLayout(store, { reset: true });
      const empty = { articles: 0, rows: 0, seconds: 0, statuses: { ingested: 0, updated: 0, unchanged: 0, failed: 0 } };
      process.stdout.write(`${JSON.stringify({ load: empty, layout: summary, peakRssMb: peakRssMb() } satisfies LoadReport)}\n`);
      return;
    }
    if (request.warmUp) await warmUp(store, request, options);
    const load =
      request.mode === "graph"
        ? await loadCorpus(store, request.from, request.to, options)
        : await rawCreateCorpus(store, request.from, request.to, options);
    let layout: LoadReport["layout"] = null;
    if (request.layout) {
      const t0 = performance.now();
      const summary = await updateLayout(store);
      layout = { ...summary, seconds: (performance.now() - t0) / 1000 };
    }
    const report: LoadReport = { load, layout, peakRssMb: peakRssMb() };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await store.close();
  }
}

await main();
