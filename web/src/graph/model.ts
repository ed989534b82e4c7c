import Graph from "graphology";
import type { ApiGraph, EdgeAttrs, NodeAttrs } from "../api.ts";
import { colorOf } from "./colors.ts";

export type ViewNode = NodeAttrs & { x: number; y: number; size: number; color: string };
export type ViewEdge = EdgeAttrs;
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

/** Adds the API's nodes and edges; new nodes start near `around` (an expanded node) or on a seeded disc. */
export function mergeApiGraph(graph: ViewGraph, data: ApiGraph, around?: { x: number; y: number }): string[] {
  const added: string[] = [];
  const radius = around ? 3 : Math.sqrt(Math.max(data.nodes.length, 1)) * 10;
  for (const node of data.nodes) {
    if (graph.hasNode(node.key)) continue;
    const attrs = node.attributes as NodeAttrs;
    const angle = hashUnit(node.key, 1) * Math.PI * 2;
    const r = radius * Math.sqrt(hashUnit(node.key, 2));
    graph.addNode(node.key, {
      ...attrs,
      x: (around?.x ?? 0) + Math.cos(angle) * r,
      y: (around?.y ?? 0) + Math.sin(angle) * r,
      size: sizeForDegree(attrs.degree ?? 0),
      color: colorOf(attrs.entityType),
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
