/**
 * `npm run bench`: throughput figures as ratios against baselines measured in the same run, on a throw-away
 * local Neo4j (or NEO4J_URI with KG_BENCH_ALLOW_CLEAR=1, since the bench empties the database).
 *
 *  - write path: writeArticleGraphs on pre-extracted graphs, in graph rows/s, against raw `UNWIND $rows CREATE`
 *    of the same number of rows (target: at least a third of the raw rate);
 *  - end to end: ingestPaths over files (read, parse, extract, write), in articles/s;
 *  - extraction with its parse, in articles/s over a batch of at least 300 articles, against the parser's own bare
 *    time on the same batch (target: >= 10 articles/s on 2 cores, aim 25), with where the time goes;
 *  - the explorer in headless Chromium: GET /api/graph latency, first render and frame times while panning, on a
 *    seed-sized graph and on a synthetic 20,000-node / 60,000-edge graph (KG_BENCH_EXPLORER=0 skips this).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { contentHash } from "../src/article/index.ts";
import { extract, type Extraction } from "../src/extract/index.ts";
import { loadConfig } from "../src/config/index.ts";
import { createParser, type ParsedText, type Parser } from "../src/parse/index.ts";
import { textForParser } from "../src/parse/prepare.ts";
import { extractArticles } from "../src/pipeline/extract.ts";
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

const ARTICLES = Number(process.env.KG_BENCH_ARTICLES ?? 300);
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

/** Parse alone, parse + extract, and extract alone over the same batch, in interleaved rounds. */
async function benchExtraction(parser: Parser, articles: ReturnType<typeof generateCorpus>, rounds = 2) {
  const texts = articles.map((a) => textForParser(a.body));
  // Warm-up: the server's JIT and the extractor's module set-up are paid before timing.
  await parser.parseMany(texts.slice(0, 20));
  let parseSecs = 0;
  let fullSecs = 0;
  let extractSecs = 0;
  let extractions: Extraction[] = [];
  for (let r = 0; r < rounds; r++) {
    const [parses, ps] = await timed(() => parser.parseMany(texts));
    parseSecs += ps;
    const parsed = parses.map((p) => p.parsed).filter((p): p is ParsedText => !!p);
    const [, xs] = await timed(() => parsed.map((p, i) => extract(articles[i]!, p)));
    extractSecs += xs;
    const [outcomes, fs] = await timed(() => extractArticles(parser, articles));
    fullSecs += fs;
    extractions = outcomes.flatMap((o) => (o.ok ? [o.extraction] : []));
  }
  return { parseSecs: parseSecs / rounds, fullSecs: fullSecs / rounds, extractSecs: extractSecs / rounds, extractions };
}

async function main() {
  const articles = generateCorpus(ARTICLES);
  const words = articles.reduce((n, a) => n + a.body.split(/\s+/).length, 0) / articles.length;
  console.log(`corpus: ${articles.length} synthetic articles, ${fmt(words)} words on average, batches of ${BATCH}`);

  const parser = createParser(loadConfig().parser, { log: (line) => process.stderr.write(`  ${line}\n`) });
  let graphs: ArticleGraph[];
  try {
    const x = await benchExtraction(parser, articles);
    const n = articles.length;
    console.log(
      `extract:   ${fmt(n / x.fullSecs)} articles/s with the parse (target >= 10, aim 25); the parser alone ${fmt(n / x.parseSecs)} articles/s; ` +
        `parse+extract / parse time ${(x.fullSecs / x.parseSecs).toFixed(2)}x; the rules alone ${fmt(n / x.extractSecs)} articles/s ` +
        `(${((x.extractSecs / x.fullSecs) * 100).toFixed(0)}% of the time)`,
    );
    const [built, graphSecs] = await timed(() => x.extractions.map((e, i) => buildArticleGraph(articles[i]!, e, contentHash(articles[i]!))));
    graphs = built;
    console.log(`graph:     build graph records: ${fmt(articles.length / graphSecs)} articles/s`);
  } finally {
    await parser.close();
  }

  await withStore(async (store) => {
    await clearGraph(store);
    await applySchema(store);
    const totalRows = graphs.reduce((n, g) => n + rowsOf(g), 0);

    // Warm both paths up (query plans, JIT) on a separate small corpus, so neither pays it in the timings.
    const warmup = graphs.slice(0, 50).map((g) => ({ ...g, article: { ...g.article, id: `warmup-${g.article.id}` } }));
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
      const e2eParser = createParser(loadConfig().parser);
      const [summary, e2eSecs] = await timed(() => ingestPaths(store, e2eParser, [dir], { batchSize: BATCH })).finally(() => e2eParser.close());
      if (summary.failures.length) console.log(`  (${summary.failures.length} failures, first: ${summary.failures[0]!.reason})`);
      console.log(`ingest:    end to end (read, parse, extract, write, layout): ${fmt(summary.ingested / e2eSecs)} articles/s`);
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
