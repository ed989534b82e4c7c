import type { QueryGraph } from "../panels/console.ts";
import { colorOf } from "./colors.ts";
import { sizeForDegree, type ViewGraph } from "./model.ts";
import type { Visibility } from "./visibility.ts";

/** The explorer keys nodes by their `id` property and edges by `coalesce(r.key, elementId(r))` (cypher/read/graph-edges.cypher). */
function nodeKey(properties: Record<string, unknown>, elementId: string): string {
  return typeof properties.id === "string" ? properties.id : `element:${elementId}`;
}

/**
 * Adds a console result's nodes and relationships to the view graph (those it lacks) and returns them as the set to
 * show, so the Sigma view draws exactly the result.
 */
export type QueryFocus = Visibility & { addedNodes: string[]; addedEdges: string[] };

export function mergeQueryGraph(graph: ViewGraph, result: QueryGraph): QueryFocus {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const addedNodes: string[] = [];
  const addedEdges: string[] = [];
  const keyOfElement = new Map<string, string>();
  let i = 0;
  for (const node of result.nodes) {
    const key = nodeKey(node.properties, node.elementId);
    keyOfElement.set(node.elementId, key);
    nodes.add(key);
    if (graph.hasNode(key)) continue;
    const p = node.properties;
    const label = typeof p.name === "string" ? p.name : typeof p.title === "string" ? p.title : key;
    const entityType = typeof p.type === "string" ? p.type : (node.labels.find((l) => l !== "Entity") ?? node.labels[0] ?? "Node");
    // New nodes go on a small circle; the layout button spreads them properly.
    const angle = (i++ / Math.max(result.nodes.length, 1)) * Math.PI * 2;
    addedNodes.push(key);
    graph.addNode(key, { label, entityType, role: typeof p.role === "string" ? p.role : null, degree: 0, x: Math.cos(angle) * 20, y: Math.sin(angle) * 20, size: sizeForDegree(1), color: colorOf(entityType) });
  }
  for (const rel of result.relationships) {
    const source = keyOfElement.get(rel.startElementId);
    const target = keyOfElement.get(rel.endElementId);
    if (!source || !target) continue;
    const key = typeof rel.properties.key === "string" ? rel.properties.key : rel.elementId;
    if (!graph.hasEdge(key)) {
      const p = rel.properties;
      addedEdges.push(key);
      graph.addEdgeWithKey(key, source, target, {
        relation: rel.type,
        articleId: typeof p.articleId === "string" ? p.articleId : null,
        // The console's rows carry no article node: the source is unknown here (exports look facts up by key).
        articleSource: null,
        date: typeof p.date === "string" ? p.date : null,
        confidence: typeof p.confidence === "number" ? p.confidence : null,
        stance: typeof p.stance === "string" ? p.stance : null,
      });
    }
    edges.add(key);
  }
  return { nodes, edges, addedNodes, addedEdges };
}

/** Takes out what a console result added (the explorer graph is the API's again). */
export function dropQueryGraph(graph: ViewGraph, focus: QueryFocus): void {
  for (const key of focus.addedEdges) if (graph.hasEdge(key)) graph.dropEdge(key);
  for (const key of focus.addedNodes) if (graph.hasNode(key)) graph.dropNode(key);
}
