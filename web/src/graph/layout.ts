import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";
import type { ViewGraph } from "./model.ts";

/** Below this size a few synchronous iterations give a readable first picture before the first frame. */
const SYNC_PRELAYOUT_MAX_NODES = 1500;

export function prelayout(graph: ViewGraph): void {
  if (graph.order === 0 || graph.order > SYNC_PRELAYOUT_MAX_NODES) return;
  const settings = forceAtlas2.inferSettings(graph);
  // Strong gravity keeps separate components (articles about unrelated events) in one view.
  forceAtlas2.assign(graph, { iterations: 150, settings: { ...settings, strongGravityMode: true, gravity: 0.5, barnesHutOptimize: graph.order > 500 } });
  noverlap.assign(graph, { maxIterations: 60, settings: { margin: 2, ratio: 1.2 } });
}

/** ForceAtlas2 in a web worker (the page stays responsive); stopping it runs no-overlap once to clean up. */
export class LayoutController {
  private layout: FA2Layout | null = null;
  private timer: number | null = null;

  constructor(
    private readonly graph: ViewGraph,
    private readonly onChange: (running: boolean) => void,
  ) {}

  isRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  start(autoStopMs?: number): void {
    if (this.isRunning() || this.graph.order === 0) return;
    this.layout?.kill();
    const settings = forceAtlas2.inferSettings(this.graph);
    this.layout = new FA2Layout(this.graph, {
      settings: { ...settings, strongGravityMode: true, gravity: 0.5, barnesHutOptimize: this.graph.order > 300 },
    });
    this.layout.start();
    this.onChange(true);
    if (autoStopMs) this.timer = window.setTimeout(() => this.stop(), autoStopMs);
  }

  stop(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    if (!this.layout) return;
    this.layout.stop();
    this.layout.kill();
    this.layout = null;
    if (this.graph.order <= 5000) {
      // No-overlap knows nothing of pinned nodes: put them back where they were pinned.
      const pinned = new Map<string, { x: number; y: number }>();
      this.graph.forEachNode((node, attrs) => {
        if (attrs.fixed) pinned.set(node, { x: attrs.x, y: attrs.y });
      });
      noverlap.assign(this.graph, { maxIterations: 40, settings: { margin: 2, ratio: 1.2 } });
      for (const [node, position] of pinned) this.graph.mergeNodeAttributes(node, position);
    }
    this.onChange(false);
  }

  toggle(): void {
    if (this.isRunning()) this.stop();
    else this.start();
  }
}

/**
 * Lays out only `added` nodes (an expansion, a console result): everything else stays where it is, so the picture
 * the user knows does not move. They start around the nodes they are linked to, then a few ForceAtlas2 iterations
 * run with every other node fixed.
 */
export function settleNew(graph: ViewGraph, added: string[], iterations = 60): void {
  if (added.length === 0) return;
  const fresh = new Set(added);
  const extent = graphExtent(graph, fresh);
  added.forEach((node, i) => {
    const anchors = graph.neighbors(node).filter((n) => !fresh.has(n));
    const angle = (i / added.length) * Math.PI * 2 + 0.3;
    const radius = extent * 0.08;
    const base = anchors.length
      ? anchors.reduce((acc, n) => ({ x: acc.x + graph.getNodeAttribute(n, "x") / anchors.length, y: acc.y + graph.getNodeAttribute(n, "y") / anchors.length }), { x: 0, y: 0 })
      : centroid(graph, fresh);
    graph.mergeNodeAttributes(node, { x: base.x + Math.cos(angle) * radius, y: base.y + Math.sin(angle) * radius });
  });
  const previouslyFixed = new Map<string, boolean | undefined>();
  graph.forEachNode((node, attrs) => {
    previouslyFixed.set(node, attrs.fixed);
    if (!fresh.has(node)) graph.setNodeAttribute(node, "fixed", true);
  });
  if (graph.order <= 5000) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, { iterations, settings: { ...settings, strongGravityMode: true, gravity: 0.5, barnesHutOptimize: graph.order > 500 } });
  }
  graph.forEachNode((node) => {
    const was = previouslyFixed.get(node);
    if (was === undefined) graph.removeNodeAttribute(node, "fixed");
    else graph.setNodeAttribute(node, "fixed", was);
  });
}

function centroid(graph: ViewGraph, except: Set<string>): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let n = 0;
  graph.forEachNode((node, attrs) => {
    if (except.has(node)) return;
    x += attrs.x;
    y += attrs.y;
    n++;
  });
  return n ? { x: x / n, y: y / n } : { x: 0, y: 0 };
}

function graphExtent(graph: ViewGraph, except: Set<string>): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((node, attrs) => {
    if (except.has(node)) return;
    minX = Math.min(minX, attrs.x);
    maxX = Math.max(maxX, attrs.x);
    minY = Math.min(minY, attrs.y);
    maxY = Math.max(maxY, attrs.y);
  });
  return Number.isFinite(minX) ? Math.max(maxX - minX, maxY - minY, 1) : 100;
}
