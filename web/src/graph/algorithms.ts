import louvain from "graphology-communities-louvain";
import betweenness from "graphology-metrics/centrality/betweenness";
import pagerank from "graphology-metrics/centrality/pagerank";
import { project } from "./appearance.ts";
import type { ViewGraph } from "./model.ts";
import type { Visibility } from "./visibility.ts";

// graphology's own algorithms, in a chunk loaded when an appearance needs them (the first frame does not wait for them).

/** PageRank (directed: being acted upon is what it rewards) or betweenness (undirected, unweighted) of the visible nodes. */
export function centrality(graph: ViewGraph, visibility: Visibility, metric: "pagerank" | "betweenness"): Map<string, number> {
  if (visibility.nodes.size === 0) return new Map();
  if (metric === "pagerank") return new Map(Object.entries(pagerank(project(graph, visibility, "directed"), { getEdgeWeight: "weight" })));
  return new Map(Object.entries(betweenness(project(graph, visibility, "undirected"), { getEdgeWeight: null, normalized: true })));
}

/** Louvain communities of the visible graph, numbered by size (0 = largest); isolated nodes get -1. A fixed seed keeps them stable. */
export function communities(graph: ViewGraph, visibility: Visibility): Map<string, number> {
  const simple = project(graph, visibility, "undirected");
  const raw: Record<string, number> = simple.size > 0 ? louvain(simple, { getEdgeWeight: "weight", rng: seededRandom(11) }) : {};
  const sizes = new Map<number, number>();
  for (const node of visibility.nodes) sizes.set(raw[node] ?? -1, (sizes.get(raw[node] ?? -1) ?? 0) + 1);
  const order = [...sizes.entries()].filter(([c, n]) => c !== -1 && n > 1).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const rank = new Map(order.map((c, i) => [c, i]));
  const out = new Map<string, number>();
  for (const node of visibility.nodes) out.set(node, rank.get(raw[node] ?? -1) ?? -1);
  return out;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
