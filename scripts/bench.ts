/**
 * `npm run bench`: throughput figures as ratios against baselines measured in the same run, on a throw-away
 * local Neo4j (or NEO4J_URI with KG_BENCH_ALLOW_CLEAR=1, since the bench empties the database).
 *
 *  - write path: writeArticleGraphs on pre-extracted graphs, in graph rows/s, against raw `UNWIND $rows CREATE`
 *    of the same number of rows (target: at least a third of the raw rate);
 *  - end to end: ingestPaths over files (read, extract, write), in articles/s (target: >= 50 articles/s);
 *  - extraction alone, against the NLP library alone tagging the same text (target: within 3x);
 *  - the explorer in headless Chromium: GET /api/graph latency, first render and frame times while panning, on a
 *    seed-sized graph and on a synthetic 20,000-node / 60,000-edge graph (KG_BENCH_EXPLORER=0 skips this).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { contentHash } from "../src/article/index.ts";
import { extract } from "../src/extract/index.ts";
import { benchmark } from "../src/extract/bench.ts";
import { buildArticleGraph } from "../src/graph/build.ts";
import type { ArticleGraph } from "../src/graph/schema.ts";
import { ingestPaths } from "../src/pipeline/ingest.ts";
import { connect, type Store } from "../src/store/driver.ts";
import { benchExplorer } from "../src/server/bench.ts";
import { startLocalNeo4j, stopLocalNeo4j } from "../src/store/local/index.ts";
import { applySchema } from "../src/store/schema.ts";
import { clearGraph, rawCreateRows } from "../src/store/bench.ts";
import { writeArticleGraphs } from "../src/store/write.ts";
import { generateCorpus, writeCorpus } from "./generate-corpus.ts";

const ARTICLES = Number(process.env.KG_BENCH_ARTICLES ?? 1000);
const BATCH = Number(process.env.KG_BATCH_SIZE ?? 50);

function rowsOf(g: ArticleGraph): number {
  return 1 + g.entities.length + g.mentions.length + g.facts.length + g.stances.length;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, (performance.now() - t0) / 1000];
}

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  if (process.env.NEO4J_URI) {
    if (process.env.KG_BENCH_ALLOW_CLEAR !== "1") {
      throw new Error("The bench empties the database: set KG_BENCH_ALLOW_CLEAR=1 to use NEO4J_URI, or unset it to use a throw-away server.");
    }
    const store = await connect({
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD,
      database: process.env.NEO4J_DATABASE ?? "neo4j",
    });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }
  const home = mkdtempSync(path.join(os.tmpdir(), "kg-bench-neo4j-"));
  const info = await startLocalNeo4j({ home });
  const store = await connect({ uri: info.boltUri, user: info.user, password: info.password, database: "neo4j" });
  try {
    return await fn(store);
  } finally {
    await store.close();
    await stopLocalNeo4j(home);
    rmSync(home, { recursive: true, force: true });
  }
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main() {
  const articles = generateCorpus(ARTICLES);
  const words = articles.reduce((n, a) => n + a.body.split(/\s+/).length, 0) / articles.length;
  console.log(`corpus: ${articles.length} synthetic articles, ${fmt(words)} words on average, batches of ${BATCH}`);

  // Extraction alone, beside the NLP library alone on the same texts (rounds interleaved so load drifts hit both).
  const x = benchmark(articles, 3);
  console.log(`extract:   ${fmt(x.articlesPerSecond)} articles/s (target >= 50); NLP library alone ${fmt((x.articles / x.tagMs) * 1000)} articles/s; extract/library time ratio ${x.ratioToTagger.toFixed(2)}x (target <= 3x)`);
  const [graphs, graphSecs] = await timed(() => articles.map((a) => buildArticleGraph(a, extract(a), contentHash(a))));
  console.log(`graph:     extract + build graph records: ${fmt(articles.length / graphSecs)} articles/s`);

  await withStore(async (store) => {
    await clearGraph(store);
    await applySchema(store);
    const totalRows = graphs.reduce((n, g) => n + rowsOf(g), 0);

    // Warm both paths up (query plans, JIT) on a separate small corpus, so neither pays it in the timings.
    const warmup = generateCorpus(100, 7).map((a) => buildArticleGraph(a, extract(a), contentHash(a)));
    await rawCreateRows(store, warmup, BATCH);
    for (let i = 0; i < warmup.length; i += BATCH) await writeArticleGraphs(store, warmup.slice(i, i + BATCH));
    await clearGraph(store);

    const [, rawSecs] = await timed(() => rawCreateRows(store, graphs, BATCH));
    await clearGraph(store);
    const [, writeSecs] = await timed(async () => {
      for (let i = 0; i < graphs.length; i += BATCH) await writeArticleGraphs(store, graphs.slice(i, i + BATCH));
    });
    const rawRate = totalRows / rawSecs;
    const writeRate = totalRows / writeSecs;
    console.log(`baseline:  raw UNWIND $rows CREATE: ${fmt(rawRate)} rows/s (${totalRows} rows)`);
    console.log(`write:     ingest write path: ${fmt(writeRate)} rows/s, ${fmt(graphs.length / writeSecs)} articles/s; ${(writeRate / rawRate).toFixed(2)} of raw (target >= 0.33)`);

    await clearGraph(store);
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-bench-corpus-"));
    try {
      writeCorpus(dir, articles);
      const [summary, e2eSecs] = await timed(() => ingestPaths(store, [dir], { batchSize: BATCH }));
      if (summary.failures.length) console.log(`  (${summary.failures.length} failures, first: ${summary.failures[0]!.reason})`);
      console.log(`ingest:    end to end (read, extract, write): ${fmt(summary.ingested / e2eSecs)} articles/s (target >= 50)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    if (process.env.KG_BENCH_EXPLORER === "0") return;
    await clearGraph(store);
    const connection = { ...store.target, password: store.target.password ?? "" };
    const log = (line: string) => process.stderr.write(`  ${line}\n`);
    const sizes = [
      // A fresh browser, then the same page again (browser running, HTTP cache warm: a returning user).
      { nodes: 120, edges: 180, views: [{ name: "first visit", query: "" }, { name: "return visit", query: "" }] },
      {
        nodes: 20_000,
        edges: 60_000,
        views: [
          { name: "default view (the most connected part)", query: "" },
          { name: "everything (Load all)", query: "?limit=20000" },
        ],
      },
    ];
    for (const { nodes, edges, views } of sizes) {
      const r = await benchExplorer({ connection, nodes, edges, views, log });
      console.log(
        `explorer:  ${nodes} nodes / ${edges} edges: layout ${fmt(r.layout.seconds)} s (${r.layout.iterations} iterations, once per ingest); ` +
          `GET /api/graph?limit=${nodes} median ${fmt(r.api.medianMs)} ms (p95 ${fmt(r.api.p95Ms)} ms, ${fmt(r.api.bytes / 1024)} KiB)`,
      );
      for (const v of r.views) {
        console.log(
          `           ${v.name}: ${v.nodesShown} nodes drawn; first frame ${fmt(v.page.firstRenderMs)} ms after navigation ` +
            `(${fmt(v.page.renderAfterDataMs)} ms after the data arrived); panning: median frame ${fmt(v.pan.medianFrameMs)} ms, ` +
            `p95 ${fmt(v.pan.p95FrameMs)} ms (${v.page.webglRenderer})`,
        );
      }
    }
  });
}

await main();
