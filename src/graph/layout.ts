import { UndirectedGraph } from "graphology";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import noverlapModule from "graphology-layout-noverlap";
import { z } from "zod";

/**
 * The explorer's map of the graph, computed on the server side and stored on the nodes (x, y), so every browser
 * opens on the same, already settled picture instead of laying the graph out itself, and deep links show what
 * their author saw. Pure: graph in, positions out, deterministic.
 *
 * Two ways to use it: `settle` lays out a whole graph (a reset, or a graph mostly new); `settleAround` places new
 * nodes among fixed neighbours, for an ingest that adds a few articles to a big graph (its cost follows the new
 * nodes, not the graph).
 */
export const LayoutInputSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), x: z.number().nullable(), y: z.number().nullable() })),
  edges: z.array(z.object({ source: z.string(), target: z.string() })),
});
export type LayoutInput = z.infer<typeof LayoutInputSchema>;
export type Position = { id: string; x: number; y: number };

export type LayoutOptions = {
  /** Ignore stored positions and lay everything out afresh. */
  reset?: boolean;
  /** ForceAtlas2 iterations; by default fewer as the graph grows, and fewer again when most nodes keep a position. */
  iterations?: number;
};

export type LayoutResult = { positions: Position[]; placed: number; iterations: number };

/** Above this size no-overlap is skipped (quadratic in crowded areas; at that scale the explorer hides overlaps by zoom). */
const NOVERLAP_MAX_NODES = 5000;
/** Iterations that settle new nodes among fixed neighbours (a small graph: cheap). */
export const AROUND_ITERATIONS = 60;

// CommonJS packages: under Node's ESM loader the default import is the module object itself.
type ForceAtlas2 = typeof import("graphology-layout-forceatlas2").default;
type Noverlap = typeof import("graphology-layout-noverlap").default;
const forceAtlas2 = ((forceAtlas2Module as { default?: ForceAtlas2 }).default ?? forceAtlas2Module) as ForceAtlas2;
const noverlap = ((noverlapModule as { default?: Noverlap }).default ?? noverlapModule) as Noverlap;

/** kept: the node came with a stored position; fixed: ForceAtlas2 leaves it where it is. */
type NodeAttrs = { x: number; y: number; kept: boolean; fixed?: boolean };
export type LayoutGraph = UndirectedGraph<NodeAttrs, { weight: number }>;

/** A stable number in [0,1) from a string (FNV-1a), so new nodes start at the same place on every run. */
function hashUnit(text: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100_000) / 100_000;
}

/** About 2 to 3 seconds of work on a small machine at any size: many iterations for small graphs, few for huge ones. */
export function defaultIterations(nodes: number, fresh: boolean): number {
  const full = Math.round(Math.min(300, Math.max(15, 600_000 / Math.max(nodes, 1))));
  return fresh ? full : Math.max(10, Math.round(full / 4));
}

export function newLayoutGraph(): LayoutGraph {
  return new UndirectedGraph({ multi: false, allowSelfLoops: false });
}

/** A node, with its stored position when it has a finite one (a node added twice keeps the first). */
export function addLayoutNode(graph: LayoutGraph, id: string, x: number | null, y: number | null, options: { fixed?: boolean } = {}): void {
  if (graph.hasNode(id)) return;
  const kept = x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y);
  graph.addNode(id, kept ? { x: x!, y: y!, kept: true, fixed: options.fixed === true } : { x: 0, y: 0, kept: false });
}

/** A fact between two nodes: parallel facts pull the pair together harder (weight) but draw as one spring. */
export function addLayoutSpring(graph: LayoutGraph, source: string, target: string): void {
  if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) return;
  const existing = graph.edge(source, target);
  if (existing === undefined) graph.addEdge(source, target, { weight: 1 });
  else graph.setEdgeAttribute(existing, "weight", graph.getEdgeAttribute(existing, "weight") + 1);
}

/** The whole graph: new nodes placed next to their neighbours, then ForceAtlas2 (and no-overlap when small enough). */
export function settle(graph: LayoutGraph, options: { iterations?: number } = {}): { placed: number; iterations: number } {
  if (graph.order === 0) return { placed: 0, iterations: 0 };
  const placed = placeNewNodes(graph);
  const fresh = placed > graph.order / 2;
  const iterations = options.iterations ?? defaultIterations(graph.order, fresh);
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: "weight",
    // Strong gravity keeps separate components (articles about unrelated events) in one view.
    settings: { ...forceAtlas2.inferSettings(graph), strongGravityMode: true, gravity: 0.5, barnesHutOptimize: graph.order > 500 },
  });
  if (graph.order <= NOVERLAP_MAX_NODES) noverlap.assign(graph, { maxIterations: 60, settings: { margin: 2, ratio: 1.2 } });
  return { placed, iterations };
}

/**
 * New nodes (those without a position) among their neighbours, which stay where they are (fixed): each new node
 * starts next to its placed neighbours and ForceAtlas2 settles the new ones in that neighbourhood. Nothing already
 * placed moves, so the picture people know does not change when articles are added.
 */
export function settleAround(graph: LayoutGraph, options: { iterations?: number } = {}): { placed: number; iterations: number } {
  if (graph.order === 0) return { placed: 0, iterations: 0 };
  const placed = placeNewNodes(graph);
  const iterations = options.iterations ?? AROUND_ITERATIONS;
  graph.forEachNode((id, a) => {
    if (a.kept) graph.setNodeAttribute(id, "fixed", true);
  });
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: "weight",
    settings: { ...forceAtlas2.inferSettings(graph), strongGravityMode: false, gravity: 0.05, barnesHutOptimize: graph.order > 500 },
  });
  return { placed, iterations };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Positions to store: every node's, or only those without a stored one (`onlyNew`). */
export function positionsOf(graph: LayoutGraph, options: { onlyNew?: boolean } = {}): Position[] {
  const positions: Position[] = [];
  graph.forEachNode((id, a) => {
    if (!options.onlyNew || !a.kept) positions.push({ id, x: round(a.x), y: round(a.y) });
  });
  return positions;
}

/** A whole layout from plain lists (tests, small graphs): `settle` over a graph built from the input. */
export function computeLayout(input: LayoutInput, options: LayoutOptions = {}): LayoutResult {
  const graph = newLayoutGraph();
  for (const n of input.nodes) addLayoutNode(graph, n.id, options.reset ? null : n.x, options.reset ? null : n.y);
  for (const e of input.edges) addLayoutSpring(graph, e.source, e.target);
  const { placed, iterations } = settle(graph, { iterations: options.iterations });
  return { positions: positionsOf(graph), placed, iterations };
}

/**
 * Gives every node without a position one: next to its already placed neighbours (so an ingest adds to the
 * picture instead of reshuffling it), else on a disc around the layout's centre. Breadth-first from placed
 * nodes, so a chain of new nodes grows out from the part it hangs on.
 */
function placeNewNodes(graph: LayoutGraph): number {
  const keptCount = graph.filterNodes((_n, a) => a.kept === true).length;
  let cx = 0;
  let cy = 0;
  graph.forEachNode((_n, a) => {
    if (a.kept) {
      cx += a.x / keptCount;
      cy += a.y / keptCount;
    }
  });
  const pending = graph.filterNodes((_n, a) => a.kept !== true).sort();
  if (pending.length === 0) return 0;
  const radius = Math.sqrt(graph.order) * 10;
  const placed = new Set(graph.filterNodes((_n, a) => a.kept === true));
  const queue: string[] = [];
  for (const id of pending) if (graph.someNeighbor(id, (nb) => placed.has(nb))) queue.push(id);
  const queued = new Set(queue);
  let head = 0;
  const place = (id: string) => {
    let sx = 0;
    let sy = 0;
    let k = 0;
    graph.forEachNeighbor(id, (nb) => {
      if (placed.has(nb)) {
        sx += graph.getNodeAttribute(nb, "x");
        sy += graph.getNodeAttribute(nb, "y");
        k++;
      }
    });
    const angle = hashUnit(id, 1) * Math.PI * 2;
    if (k > 0) {
      const r = 2 + 4 * hashUnit(id, 2);
      graph.mergeNodeAttributes(id, { x: sx / k + Math.cos(angle) * r, y: sy / k + Math.sin(angle) * r });
    } else {
      const r = radius * Math.sqrt(hashUnit(id, 2));
      graph.mergeNodeAttributes(id, { x: cx + Math.cos(angle) * r, y: cy + Math.sin(angle) * r });
    }
    placed.add(id);
  };
  for (const start of pending) {
    if (placed.has(start)) continue;
    if (!queued.has(start)) {
      // Not yet connected to the placed part: this node seeds its own component.
      queue.push(start);
      queued.add(start);
    }
    while (head < queue.length) {
      const id = queue[head++]!;
      if (placed.has(id)) continue;
      place(id);
      graph.forEachNeighbor(id, (nb) => {
        if (!placed.has(nb) && !queued.has(nb)) {
          queue.push(nb);
          queued.add(nb);
        }
      });
    }
  }
  return pending.length;
}
