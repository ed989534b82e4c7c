import { MultiDirectedGraph as Graph } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import { collectGraph, type GraphNodeValue, type GraphRelationshipValue, type JsonValue } from "./graph-values.ts";
import { toCsv } from "./render.ts";

/** Graph export: a graphology graph built from Neo4j nodes/relationships, written as GEXF, GraphML, JSON or CSV. */

export type ExportFormat = "gexf" | "graphml" | "json" | "csv";
type Attr = string | number | boolean;
type Attrs = Record<string, Attr>;

export class ExportError extends Error {
  readonly userFacing = true;
}

/** GEXF and GraphML take flat values: lists become "a|b", maps JSON; nulls are left out. */
function flatten(props: Record<string, JsonValue>): Attrs {
  const out: Attrs = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === null) continue;
    if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === "object" && x !== null ? JSON.stringify(x) : String(x))).join("|");
    else if (typeof v === "object") out[k] = JSON.stringify(v);
    else out[k] = v;
  }
  return out;
}

/** Nodes are keyed by their entity/article id when they have one (stable across exports), else by element id. */
export function buildGraph(nodes: GraphNodeValue[], relationships: GraphRelationshipValue[]): { graph: Graph<Attrs, Attrs>; skippedEdges: number } {
  const graph = new Graph<Attrs, Attrs>({ allowSelfLoops: true });
  const keyOf = new Map<string, string>();
  for (const n of nodes) {
    const props = flatten(n.properties);
    const key = typeof n.properties.id === "string" ? n.properties.id : n.elementId;
    keyOf.set(n.elementId, key);
    const label = String(n.properties.name ?? n.properties.title ?? key);
    graph.mergeNode(key, { ...props, label, labels: n.labels.join("|") });
  }
  let skippedEdges = 0;
  for (const r of relationships) {
    const source = keyOf.get(r.startElementId);
    const target = keyOf.get(r.endElementId);
    if (!source || !target) {
      skippedEdges += 1;
      continue;
    }
    if (graph.hasEdge(r.elementId)) continue;
    graph.addEdgeWithKey(r.elementId, source, target, { ...flatten(r.properties), type: r.type, label: r.type });
  }
  return { graph, skippedEdges };
}

/** The nodes and relationships returned by a query (inside paths, lists and maps too). */
export function graphFromRows(rows: Array<Record<string, JsonValue>>): { nodes: GraphNodeValue[]; relationships: GraphRelationshipValue[] } {
  const found = { nodes: new Map<string, GraphNodeValue>(), relationships: new Map<string, GraphRelationshipValue>() };
  for (const row of rows) collectGraph(row, found);
  return { nodes: [...found.nodes.values()], relationships: [...found.relationships.values()] };
}

const xml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!)
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

/** GraphML (graphology-graphml only parses, so the writer is here): one <key> per attribute name and kind. */
export function writeGraphml(graph: Graph<Attrs, Attrs>): string {
  const keys = new Map<string, { id: string; for: "node" | "edge"; name: string; type: string }>();
  const typeOf = (v: Attr) => (typeof v === "number" ? "double" : typeof v === "boolean" ? "boolean" : "string");
  const keyFor = (scope: "node" | "edge", name: string, v: Attr) => {
    const id = `${scope === "node" ? "n" : "e"}_${name}`;
    const existing = keys.get(id);
    if (!existing) keys.set(id, { id, for: scope, name, type: typeOf(v) });
    else if (existing.type !== typeOf(v)) existing.type = "string";
    return id;
  };
  const body: string[] = [];
  graph.forEachNode((node, attrs) => {
    const data = Object.entries(attrs).map(([k, v]) => `      <data key="${xml(keyFor("node", k, v))}">${xml(String(v))}</data>`);
    body.push(`    <node id="${xml(node)}">`, ...data, "    </node>");
  });
  graph.forEachEdge((edge, attrs, source, target) => {
    const data = Object.entries(attrs).map(([k, v]) => `      <data key="${xml(keyFor("edge", k, v))}">${xml(String(v))}</data>`);
    body.push(`    <edge id="${xml(edge)}" source="${xml(source)}" target="${xml(target)}">`, ...data, "    </edge>");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...keys.values()].map((k) => `  <key id="${xml(k.id)}" for="${k.for}" attr.name="${xml(k.name)}" attr.type="${k.type}"/>`),
    '  <graph id="news-kg" edgedefault="directed">',
    ...body,
    "  </graph>",
    "</graphml>",
    "",
  ].join("\n");
}

/** Whole-graph CSV: the nodes table, a blank line, the relationships table (or two files, see the CLI). */
export function graphCsv(graph: Graph<Attrs, Attrs>): { nodes: string; edges: string } {
  const nodeCols = new Set<string>(["id"]);
  const edgeCols = new Set<string>(["id", "source", "target"]);
  const nodeRows: Array<Record<string, JsonValue>> = [];
  const edgeRows: Array<Record<string, JsonValue>> = [];
  graph.forEachNode((id, attrs) => {
    Object.keys(attrs).forEach((k) => nodeCols.add(k));
    nodeRows.push({ id, ...attrs });
  });
  graph.forEachEdge((id, attrs, source, target) => {
    Object.keys(attrs).forEach((k) => edgeCols.add(k));
    edgeRows.push({ id, source, target, ...attrs });
  });
  return { nodes: toCsv([...nodeCols], nodeRows), edges: toCsv([...edgeCols], edgeRows) };
}

export function serializeGraph(graph: Graph<Attrs, Attrs>, format: ExportFormat): string {
  switch (format) {
    case "gexf":
      // GEXF 1.3 (graphology-gexf writes 1.2 with a malformed viz namespace by default); valid against the 1.3 XSD.
      return writeGexf(graph, { pretty: true, version: "1.3" });
    case "graphml":
      return writeGraphml(graph);
    case "json":
      return `${JSON.stringify(graph.export(), null, 2)}\n`;
    case "csv": {
      const { nodes, edges } = graphCsv(graph);
      return `${nodes}\r\n${edges}`;
    }
  }
}
