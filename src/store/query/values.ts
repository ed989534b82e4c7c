import neo4j from "neo4j-driver";
import type { GraphNodeValue, GraphRelationshipValue, JsonValue } from "../../analysis/graph-values.ts";

export type { JsonValue };

function props(p: Record<string, unknown>): { [key: string]: JsonValue } {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, toJson(v)]));
}

/** Converts one value of a record: nodes, relationships and paths become tagged objects, temporals ISO strings. */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return Number(value);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isNode(value as never)) {
    const n = value as unknown as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { _kind: "node", elementId: n.elementId, labels: [...n.labels], properties: props(n.properties) } satisfies GraphNodeValue;
  }
  if (neo4j.isRelationship(value as never)) {
    const r = value as unknown as {
      elementId: string;
      type: string;
      startNodeElementId: string;
      endNodeElementId: string;
      properties: Record<string, unknown>;
    };
    return {
      _kind: "relationship",
      elementId: r.elementId,
      type: r.type,
      startElementId: r.startNodeElementId,
      endElementId: r.endNodeElementId,
      properties: props(r.properties),
    } satisfies GraphRelationshipValue;
  }
  if (neo4j.isPath(value as never)) {
    const p = value as unknown as { segments: Array<{ start: unknown; relationship: unknown; end: unknown }>; start: unknown };
    const nodes = [toJson(p.start), ...p.segments.map((s) => toJson(s.end))];
    return { _kind: "path", nodes, relationships: p.segments.map((s) => toJson(s.relationship)) };
  }
  if (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isDuration(value as never) ||
    neo4j.isPoint(value as never)
  ) {
    return String(value);
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") return props(value as Record<string, unknown>);
  return String(value);
}
