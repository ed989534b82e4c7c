import Graph from "graphology";
import type { ApiGraph, EdgeAttrs, NodeAttrs } from "../api.ts";
import { colorOf } from "./colors.ts";

/**
 * fixed: pinned (layouts leave it in place); community: its Louvain community; metric: the value of the size metric;
 * displayLabel: what the label shows (the name, the type, or nothing).
 */
export type ViewNode = NodeAttrs & { x: number; y: number; size: number; color: string; fixed?: boolean; community?: number; metric?: number; displayLabel?: string };
/**
 * bundleLabel and size: how the edge draws as part of the bundle of facts between its two nodes (see bundleEdges);
 * support: how many articles report the same fact (same subject, relation and object).
 */
export type ViewEdge = EdgeAttrs & { bundleLabel?: string; size?: number; support?: number };
export type ViewGraph = Graph<ViewNode, ViewEdge>;

/** A stable pseudo-random number in [0,1) from a string, so the first layout is the same on every load. */
function hashUnit(text: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100_000) / 100_000;
}

export function sizeForDegree(degree: number): number {
  return 5 + Math.sqrt(degree) * 3;
}

export function createViewGraph(): ViewGraph {
  return new Graph<ViewNode, ViewEdge>({ type: "directed", multi: true, allowSelfLoops: true });
}

/**
 * Adds the API's nodes and edges. Nodes take the layout stored on the server when they have one; others start
 * near `around` (an expanded node) or on a seeded disc.
 */
export function mergeApiGraph(graph: ViewGraph, data: ApiGraph, around?: { x: number; y: number }): string[] {
  const added: string[] = [];
  const radius = around ? 3 : Math.sqrt(Math.max(data.nodes.length, 1)) * 10;
  for (const node of data.nodes) {
    if (graph.hasNode(node.key)) continue;
    const attrs = node.attributes as NodeAttrs;
    const angle = hashUnit(node.key, 1) * Math.PI * 2;
    const r = radius * Math.sqrt(hashUnit(node.key, 2));
    const stored = typeof attrs.x === "number" && typeof attrs.y === "number";
    graph.addNode(node.key, {
      ...attrs,
      x: stored ? attrs.x! : (around?.x ?? 0) + Math.cos(angle) * r,
      y: stored ? attrs.y! : (around?.y ?? 0) + Math.sin(angle) * r,
      size: sizeForDegree(attrs.degree ?? 0),
      color: colorOf(attrs.entityType),
      displayLabel: attrs.label,
    });
    added.push(node.key);
  }
  for (const edge of data.edges) {
    if (edge.key === undefined || graph.hasEdge(edge.key)) continue;
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes as EdgeAttrs);
  }
  if (added.length > 0 && around) {
    // Degrees seen by this view changed: keep sizes in step with what is drawn.
    graph.forEachNode((key) => graph.setNodeAttribute(key, "size", sizeForDegree(graph.degree(key))));
  }
  return added;
}

/** Whether every node of an API graph comes with a stored layout position (then the page need not lay it out). */
export function hasStoredLayout(data: ApiGraph): boolean {
  return data.nodes.every((n) => typeof n.attributes?.x === "number" && typeof n.attributes?.y === "number");
}

/** The visible facts between the same two nodes (either direction), keyed by the unordered pair. */
export function parallelGroups(graph: ViewGraph, visibleEdges: Set<string> | null): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  graph.forEachEdge((key, _attrs, source, target) => {
    if (visibleEdges !== null && !visibleEdges.has(key)) return;
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const group = groups.get(pair);
    if (group) group.push(key);
    else groups.set(pair, [key]);
  });
  return groups;
}

/**
 * Parallel facts between two nodes draw as one line: each edge of a bundle gets the bundle's label
 * ("OFFERED ×2 · REJECTED") and a width growing with the count. Only attributes that change are written.
 */
export function bundleEdges(graph: ViewGraph, visibleEdges: Set<string> | null): void {
  for (const keys of parallelGroups(graph, visibleEdges).values()) {
    const counts = new Map<string, number>();
    for (const key of keys) {
      const relation = graph.getEdgeAttribute(key, "relation");
      counts.set(relation, (counts.get(relation) ?? 0) + 1);
    }
    const label = [...counts].map(([relation, n]) => (n > 1 ? `${relation} ×${n}` : relation)).join(" · ");
    const size = keys.length > 1 ? Math.min(1 + Math.log2(keys.length), 4) : 1;
    for (const key of keys) {
      const attrs = graph.getEdgeAttributes(key);
      if (attrs.bundleLabel !== label || attrs.size !== size) graph.mergeEdgeAttributes(key, { bundleLabel: label, size });
    }
  }
}

/** Sets each edge's `support`: the number of distinct articles reporting the same subject, relation and object. */
export function countSupport(graph: ViewGraph): void {
  const articles = new Map<string, Set<string>>();
  const factOf = (source: string, target: string, relation: string) => `${source}\u0000${relation}\u0000${target}`;
  graph.forEachEdge((key, attrs, source, target) => {
    const fact = factOf(source, target, attrs.relation);
    let set = articles.get(fact);
    if (!set) articles.set(fact, (set = new Set()));
    set.add(attrs.articleId ?? key);
  });
  graph.forEachEdge((key, attrs, source, target) => {
    const support = articles.get(factOf(source, target, attrs.relation))?.size ?? 1;
    if (attrs.support !== support) graph.setEdgeAttribute(key, "support", support);
  });
}
