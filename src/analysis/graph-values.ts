/** A JSON-safe rendering of Neo4j values, shared by the CLI, the API and the exporters. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface GraphNodeValue {
  [key: string]: JsonValue;
  _kind: "node";
  elementId: string;
  labels: string[];
  properties: { [key: string]: JsonValue };
}
export interface GraphRelationshipValue {
  [key: string]: JsonValue;
  _kind: "relationship";
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: { [key: string]: JsonValue };
}

/** Nodes and relationships found anywhere in a value (inside paths, lists and maps too), for graph views and export. */
export function collectGraph(
  value: JsonValue,
  into: { nodes: Map<string, GraphNodeValue>; relationships: Map<string, GraphRelationshipValue> },
): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const v of value) collectGraph(v, into);
    return;
  }
  if (value._kind === "node") into.nodes.set(value.elementId as string, value as GraphNodeValue);
  else if (value._kind === "relationship") into.relationships.set(value.elementId as string, value as GraphRelationshipValue);
  else for (const v of Object.values(value)) collectGraph(v, into);
}
