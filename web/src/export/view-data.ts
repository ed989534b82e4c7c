import type { FactDetail } from "../api.ts";
import type { ViewGraph, ViewNode, ViewEdge } from "../graph/model.ts";
import type { Visibility } from "../graph/visibility.ts";

/** What an export writes: the nodes and facts on screen (after filters, hidden nodes and a console result), with evidence. */
export type ExportView = {
  nodes: { key: string; attrs: ViewNode }[];
  edges: { key: string; source: string; target: string; attrs: ViewEdge; fact: FactDetail | undefined }[];
  /** One line saying what the view shows (query, filters, appearance), for captions and file metadata. */
  caption: string;
  sizeBy: string;
  communities: boolean;
};

export function exportView(
  graph: ViewGraph,
  visibility: Visibility,
  facts: Map<string, FactDetail>,
  caption: string,
  options: { sizeBy: string; communities: boolean; only?: Set<string> | null },
): ExportView {
  const only = options.only ?? null;
  const nodes = [...visibility.nodes].filter((k) => graph.hasNode(k) && (!only || only.has(k))).map((key) => ({ key, attrs: graph.getNodeAttributes(key) }));
  const kept = new Set(nodes.map((n) => n.key));
  const edges = [...visibility.edges]
    .filter((k) => graph.hasEdge(k))
    .map((key) => {
      const [source, target] = graph.extremities(key);
      return { key, source, target, attrs: graph.getEdgeAttributes(key), fact: facts.get(key) };
    })
    .filter((e) => kept.has(e.source) && kept.has(e.target));
  return { nodes, edges, caption, sizeBy: options.sizeBy, communities: options.communities };
}
