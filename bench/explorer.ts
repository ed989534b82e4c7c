import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { REPO_ROOT } from "../src/config/index.ts";
import type { Neo4jConnection } from "../src/store/read/driver.ts";
import { GraphReader } from "../src/store/read/graph-reader.ts";
import { loadSyntheticGraph, removeSyntheticGraph } from "./synthetic-graph.ts";
import { updateLayout } from "../src/pipeline/layout.ts";
import { connect } from "../src/store/driver.ts";
import { launchChromium, type ChromiumSession } from "./chromium.ts";
import { startServer, WEB_ROOT } from "../src/server/start.ts";

export type ExplorerBenchOptions = {
  /** A database the bench may fill with "bench:*" entities (removed afterwards); best an empty one. */
  connection: Neo4jConnection;
  nodes?: number;
  edges?: number;
  /** Built web app; built into a scratch folder when absent. */
  webRoot?: string;
  apiRuns?: number;
  /** Page loads to measure, by URL state (default: the plain URL). */
  views?: { name: string; query: string }[];
  log?: (line: string) => void;
};

export type ExplorerView = {
  name: string;
  query: string;
  /** Nodes the page drew (the default view of a large graph is its most connected part). */
  nodesShown: number;
  page: { dataLoadedMs: number; firstRenderMs: number; renderAfterDataMs: number; readyMs: number; webglRenderer: string };
  pan: { frames: number; medianFrameMs: number; p95FrameMs: number; maxFrameMs: number; fps: number };
};

export type ExplorerBenchResult = {
  nodes: number;
  edges: number;
  layout: { seconds: number; iterations: number };
  api: { runs: number; medianMs: number; p95Ms: number; bytes: number };
  views: ExplorerView[];
};

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

async function ensureWebRoot(webRoot: string | undefined): Promise<{ root: string; scratch: boolean }> {
  if (webRoot) return { root: webRoot, scratch: false };
  if (existsSync(path.join(WEB_ROOT, "index.html"))) return { root: WEB_ROOT, scratch: false };
  const root = mkdtempSync(path.join(os.tmpdir(), "kg-web-bench-"));
  const { build } = await import("vite");
  await build({ configFile: path.join(REPO_ROOT, "web", "vite.config.ts"), build: { outDir: root }, logLevel: "warn" });
  return { root, scratch: true };
}

/**
 * The explorer at scale: loads a synthetic graph (default 20,000 nodes, 60,000 edges), then measures
 * GET /api/graph latency, the page's time to first render in headless Chromium, and frame times while panning.
 */
export async function benchExplorer(options: ExplorerBenchOptions): Promise<ExplorerBenchResult> {
  const nodes = options.nodes ?? 20_000;
  const edges = options.edges ?? 60_000;
  const apiRuns = options.apiRuns ?? 5;
  const log = options.log ?? (() => undefined);
  log(`explorer bench: loading a synthetic graph of ${nodes} nodes and ${edges} edges…`);
  await loadSyntheticGraph(options.connection, nodes, edges);
  // As `kg ingest` does after its writes: the layout is computed once and stored on the nodes.
  const writer = await connect(options.connection);
  const layout = await updateLayout(writer).finally(() => writer.close());
  log(`layout: ${layout.nodes} nodes, ${layout.iterations} ForceAtlas2 iterations, ${layout.seconds.toFixed(1)} s (stored on the nodes)`);
  const web = await ensureWebRoot(options.webRoot);
  const store = GraphReader.open(options.connection);
  const { app, url } = await startServer({ store, port: 0, webRoot: web.root });
  const browser = await launchChromium({ width: 1280, height: 800 });
  try {
    const graphUrl = `${url}api/graph?limit=${nodes}`;
    await fetch(graphUrl).then((r) => r.arrayBuffer()); // warm-up: query plans and caches
    const timings: number[] = [];
    let bytes = 0;
    for (let i = 0; i < apiRuns; i++) {
      const t0 = performance.now();
      const body = await fetch(graphUrl, { headers: { "accept-encoding": "gzip" } }).then((r) => r.arrayBuffer());
      timings.push(performance.now() - t0);
      bytes = body.byteLength;
    }
    const api = { runs: apiRuns, medianMs: quantile(timings, 0.5), p95Ms: quantile(timings, 0.95), bytes };
    log(`GET /api/graph: median ${api.medianMs.toFixed(0)} ms, p95 ${api.p95Ms.toFixed(0)} ms (${apiRuns} runs)`);

    const views: ExplorerView[] = [];
    for (const view of options.views ?? [{ name: "default view", query: "" }]) {
      log(`view: ${view.name}${view.query ? ` (${view.query})` : ""}`);
      views.push(await measureView(browser, url, view, log));
    }
    return { nodes, edges, layout: { seconds: layout.seconds, iterations: layout.iterations }, api, views };
  } finally {
    await browser.close();
    await app.close();
    await store.close();
    if (web.scratch) rmSync(web.root, { recursive: true, force: true });
    await removeSyntheticGraph(options.connection);
  }
}

/** One page load of the explorer (`query` is its URL state): marks from navigation start, then frame times while panning. */
async function measureView(browser: ChromiumSession, url: string, view: { name: string; query: string }, log: (line: string) => void): Promise<ExplorerView> {
  const page = await browser.context.newPage();
  await page.goto(`${url}${view.query}`);
  await page.waitForFunction(() => document.body.dataset.ready !== undefined, undefined, { timeout: 180_000, polling: 100 });
  // Scripts for the page are strings: a bundler's helpers (e.g. esbuild's __name) do not exist in the page.
  const marks = (await page.evaluate(`({
    script: performance.getEntriesByName("kg:script-start")[0]?.startTime ?? NaN,
    renderer: performance.getEntriesByName("kg:renderer-created")[0]?.startTime ?? NaN,
    data: performance.getEntriesByName("kg:data-loaded")[0]?.startTime ?? NaN,
    layout: performance.getEntriesByName("kg:layout-done")[0]?.startTime ?? NaN,
    frame: performance.getEntriesByName("kg:first-frame")[0]?.startTime ?? NaN,
    ready: performance.getEntriesByName("kg:ready")[0]?.startTime ?? NaN,
  })`)) as { script: number; renderer: number; data: number; layout: number; frame: number; ready: number };
  // Which WebGL implementation drew the frames: without a GPU, Chromium rasterises on the CPU (SwiftShader).
  const webglRenderer = String(
    await page.evaluate(`(() => {
      const gl = document.createElement("canvas").getContext("webgl2");
      const info = gl && gl.getExtension("WEBGL_debug_renderer_info");
      return gl ? gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) : "none";
    })()`),
  );
  const nodesShown = Number(await page.evaluate(`window.kgExplorer.graph.order`));
  // Times are from navigation start: the page's own first frame with the graph drawn, not a test harness event.
  const pageFigures = { dataLoadedMs: marks.data, firstRenderMs: marks.frame, renderAfterDataMs: marks.frame - marks.data, readyMs: marks.ready, webglRenderer };
  log(
    `page: script running after ${marks.script.toFixed(0)} ms, renderer set up (WebGL programs) by ${marks.renderer.toFixed(0)} ms, ` +
      `data in by ${marks.data.toFixed(0)} ms, initial layout by ${marks.layout.toFixed(0)} ms, first frame at ${marks.frame.toFixed(0)} ms, ` +
      `panels ready at ${marks.ready.toFixed(0)} ms`,
  );

  // Pan: drag the camera across the canvas while recording the interval between animation frames.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => { window.__frames.push(t); if (window.__recording) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const box = (await page.locator("#graph").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of [[250, 0], [-250, 120], [0, -120]] as const) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 30 });
    await page.mouse.up();
  }
  const frames = (await page.evaluate(`(() => { window.__recording = false; return window.__frames; })()`)) as number[];
  const intervals = frames.slice(1).map((t, i) => t - frames[i]!);
  const pan = {
    frames: intervals.length,
    medianFrameMs: quantile(intervals, 0.5),
    p95FrameMs: quantile(intervals, 0.95),
    maxFrameMs: Math.max(...intervals),
    fps: intervals.length > 0 ? 1000 / quantile(intervals, 0.5) : 0,
  };
  log(`pan: ${pan.frames} frames, median ${pan.medianFrameMs.toFixed(1)} ms, p95 ${pan.p95FrameMs.toFixed(1)} ms`);
  await page.close();
  return { name: view.name, query: view.query, nodesShown, page: pageFigures, pan };
}
