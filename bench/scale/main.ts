/**
 * `npm run bench:scale [-- --sizes 10000,30000,100000]`: the read side and the load at scale, on a throw-away
 * local Neo4j (own home folder, free ports; deleted afterwards unless --keep).
 *
 * For each size (the graph grows from one size to the next, so 10k is the start of 30k):
 *  - load: the articles as `kg load` loads them from a JSONL file, in a child process (articles/s, rows/s, its peak RSS, the
 *    layout update at the end as `kg ingest` runs it); the same rows by a bare `UNWIND $rows CREATE` in a second
 *    throw-away Neo4j before, for the ratio;
 *  - store size on disk;
 *  - p50/p95 of each API endpoint and saved query through `kg serve` (a real listening server in its own process,
 *    compressed answers as a browser gets them), and that server's peak RSS;
 *  - the layout update after 100 new articles.
 * Prints the figures and writes them as JSON (--out, default test-results/bench-scale.json).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../../src/config/index.ts";
import { endpoints, measure, type EndpointFigures } from "./endpoints.ts";
import type { LoadReport, LoadRequest } from "./load-child.ts";
import { startBenchNeo4j, type BenchConnection } from "./neo4j.ts";
import { chooseSamples } from "./samples.ts";
import { startServe } from "./server.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,30000" },
    seed: { type: "string", default: "1" },
    // Articles a write transaction: kg load's default, for the write path and the baseline alike.
    "batch-size": { type: "string", default: "500" },
    runs: { type: "string", default: "40" },
    heap: { type: "string", default: process.env.KG_NEO4J_HEAP ?? "1g" },
    "page-cache": { type: "string", default: process.env.KG_NEO4J_PAGECACHE ?? "1g" },
    "no-raw": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    out: { type: "string", default: path.join(REPO_ROOT, "test-results", "bench-scale.json") },
  },
});
const sizes = values.sizes.split(",").map((s) => Number(s.trim().replace(/k$/i, "000"))).filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
const seed = Number(values.seed);
const batchSize = Number(values["batch-size"]);
const runs = Number(values.runs);
const memory = { heap: values.heap, pageCache: values["page-cache"] };
const log = (line: string) => process.stderr.write(`${line}\n`);
const UPDATE_ARTICLES = 100;

/** Each size's load range; after each size, 100 more articles are loaded to time the layout update. */
const steps = sizes.map((size, i) => ({ size, from: i === 0 ? 0 : sizes[i - 1]! + UPDATE_ARTICLES, to: size }));

function runLoad(connection: BenchConnection, request: Omit<LoadRequest, "connection" | "seed" | "batchSize" | "relayout"> & { relayout?: boolean }): Promise<LoadReport> {
  const full: LoadRequest = { connection, seed, batchSize, relayout: false, ...request };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "bench", "scale", "load-child.ts"), JSON.stringify(full)], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.once("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0) return reject(new Error(`load step ${request.mode} [${request.from}, ${request.to}) failed (exit ${code})`));
      resolve(JSON.parse(last) as LoadReport);
    });
  });
}

type SizeReport = {
  articles: number;
  load: LoadReport;
  raw: LoadReport | null;
  store: { storeBytes: number; txLogBytes: number };
  serve: { peakRssMb: number | null };
  endpoints: EndpointFigures[];
  update: LoadReport;
  /** `kg layout --reset` on the whole graph: time and peak RSS. */
  relayout: LoadReport;
  /** The machine's load average (1 minute) while the endpoints were timed: other work on it slows them. */
  loadAverage: number;
};

const fmt = (n: number, digits = 0) => n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1_048_576, bytes < 10_485_760 ? 2 : 0)} MB`;

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), "kg-bench-scale-"));
  const started = performance.now();
  log(`scale bench: sizes ${sizes.join(", ")}; seed ${seed}; batches of ${batchSize}; Neo4j heap ${memory.heap}, page cache ${memory.pageCache}; scratch ${root}`);
  const raws = new Map<number, LoadReport>();
  try {
    if (!values["no-raw"]) {
      const raw = await startBenchNeo4j(path.join(root, "raw"), memory, log);
      try {
        for (const step of steps) {
          log(`baseline: raw UNWIND CREATE of articles [${step.from}, ${step.to})`);
          raws.set(step.size, await runLoad(raw.connection(), { from: step.from, to: step.to, mode: "raw", layout: false, warmUp: step.from === 0 }));
        }
      } finally {
        await raw.stop();
      }
    }
    const neo = await startBenchNeo4j(path.join(root, "graph"), memory, log);
    const reports: SizeReport[] = [];
    try {
      for (const step of steps) {
        log(`load: articles [${step.from}, ${step.to}) through the write path, then the layout`);
        const load = await runLoad(neo.connection(), { from: step.from, to: step.to, mode: "graph", layout: true, warmUp: step.from === 0 });
        const store = await neo.restartAndMeasure();
        const serve = await startServe(neo.connection());
        const figures: EndpointFigures[] = [];
        let serveRss: number | null = null;
        const loads: number[] = [];
        try {
          const setup = await neo.open();
          const samples = await chooseSamples(setup, step.size, seed).finally(() => setup.close());
          for (const endpoint of endpoints(samples)) {
            const f = await measure(serve.url, endpoint, runs);
            figures.push(f);
            loads.push(os.loadavg()[0]!);
            log(`  ${f.name}: p50 ${fmt(f.p50Ms)} ms, p95 ${fmt(f.p95Ms)} ms, ${mb(f.maxWireBytes)} on the wire (${mb(f.maxJsonBytes)} JSON)${Object.keys(f.failures).length ? `, failures ${JSON.stringify(f.failures)}` : ""}`);
          }
        } finally {
          serveRss = serve.peakRssMb();
          await serve.stop();
        }
        log(`update: ${UPDATE_ARTICLES} new articles, then the layout update`);
        const update = await runLoad(neo.connection(), { from: step.size, to: step.size + UPDATE_ARTICLES, mode: "graph", layout: true, warmUp: false });
        log("relayout: the whole graph laid out afresh (kg layout --reset)");
        const relayout = await runLoad(neo.connection(), { from: 0, to: 0, mode: "graph", layout: false, warmUp: false, relayout: true });
        reports.push({ articles: step.size, load, raw: raws.get(step.size) ?? null, store, serve: { peakRssMb: serveRss }, endpoints: figures, update, relayout, loadAverage: loads.reduce((a, b) => a + b, 0) / Math.max(loads.length, 1) });
        printSize(reports.at(-1)!);
      }
    } finally {
      await neo.stop({ remove: !values.keep });
      if (values.keep) log(`kept the bench database in ${neo.home}`);
    }
    mkdirSync(path.dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify({ sizes, seed, batchSize, runs, memory, cpus: os.cpus().length, reports }, null, 2)}\n`);
    printGrowth(reports);
    log(`\nwrote ${values.out} (${fmt((performance.now() - started) / 60_000, 1)} min)`);
  } finally {
    if (!values.keep) rmSync(root, { recursive: true, force: true });
  }
}

function printSize(r: SizeReport): void {
  const l = r.load.load;
  const rate = l.rows / l.seconds;
  const raw = r.raw ? r.raw.load.rows / r.raw.load.seconds : null;
  const lines = [
    `\n## ${fmt(r.articles)} articles`,
    `load: ${fmt(l.articles / l.seconds)} articles/s, ${fmt(rate)} rows/s (${fmt(l.rows)} rows in ${fmt(l.seconds, 1)} s)` +
      (raw ? `; raw UNWIND CREATE ${fmt(raw)} rows/s: ratio ${(rate / raw).toFixed(2)}` : "") +
      `; layout after the load ${r.load.layout ? `${fmt(r.load.layout.seconds, 1)} s (${r.load.layout.mode}, ${r.load.layout.placed} placed)` : "-"}; ingest peak RSS ${r.load.peakRssMb ?? "?"} MB`,
    `store: ${mb(r.store.storeBytes)} store files, ${mb(r.store.txLogBytes)} transaction logs`,
    `kg serve peak RSS: ${r.serve.peakRssMb ?? "?"} MB; machine load average while timing: ${r.loadAverage.toFixed(1)} (${os.cpus().length} cores)`,
    `layout update for ${UPDATE_ARTICLES} new articles: ${r.update.layout ? `${fmt(r.update.layout.seconds, 2)} s (${r.update.layout.placed} placed)` : "-"}; ` +
      `that ingest's peak RSS ${r.update.peakRssMb ?? "?"} MB`,
    `full re-layout (kg layout --reset): ${r.relayout.layout ? `${fmt(r.relayout.layout.seconds, 1)} s, ${fmt(r.relayout.layout.nodes)} nodes, ${r.relayout.layout.iterations} iterations` : "-"}; peak RSS ${r.relayout.peakRssMb ?? "?"} MB`,
    "",
    "| endpoint | p50 ms | p95 ms | wire | JSON |",
    "| --- | --- | --- | --- | --- |",
    ...r.endpoints.map((f) => `| ${f.group === "saved query" ? `saved: ${f.name}` : f.name} | ${fmt(f.p50Ms)} | ${fmt(f.p95Ms)} | ${mb(f.maxWireBytes)} | ${mb(f.maxJsonBytes)} |${Object.keys(f.failures).length ? ` failures ${JSON.stringify(f.failures)}` : ""}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

function printGrowth(reports: SizeReport[]): void {
  if (reports.length < 2) return;
  const first = reports[0]!;
  const last = reports.at(-1)!;
  process.stdout.write(`\n## growth from ${fmt(first.articles)} to ${fmt(last.articles)} articles (p95, last / first)\n\n`);
  for (const f of last.endpoints) {
    const before = first.endpoints.find((x) => x.name === f.name);
    if (before) process.stdout.write(`- ${f.name}: ${fmt(before.p95Ms)} -> ${fmt(f.p95Ms)} ms (x${(f.p95Ms / before.p95Ms).toFixed(2)})\n`);
  }
}

await main();
