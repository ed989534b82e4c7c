import type { Store } from "../../src/store/driver.ts";

/** Properties that differ between two runs that stored the same graph: when, and the explorer layout. */
const VOLATILE = new Set(["ingestedAt", "x", "y"]);

function stable(props: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(props).filter(([k]) => !VOLATILE.has(k)).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/**
 * The whole graph as sorted lines, one per node (labels, properties) and one per relationship (ends by id, type,
 * properties): two databases hold the same graph exactly when their dumps are equal. Cypher inline: this is the
 * assertion itself.
 */
export async function dumpGraph(store: Store): Promise<string[]> {
  const options = { database: store.database };
  const nodes = await store.driver.executeQuery("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", {}, options);
  const rels = await store.driver.executeQuery(
    "MATCH (a)-[r]->(b) RETURN coalesce(a.id, elementId(a)) AS a, type(r) AS type, coalesce(b.id, elementId(b)) AS b, properties(r) AS props",
    {},
    options,
  );
  const lines = [
    ...nodes.records.map((r) => `node ${[...(r.get("labels") as string[])].sort().join(":")} ${stable(r.get("props"))}`),
    ...rels.records.map((r) => `rel ${r.get("a")} -[${r.get("type")}]-> ${r.get("b")} ${stable(r.get("props"))}`),
  ];
  return lines.sort();
}

/** The lines only one side has (for readable failures). */
export function dumpDifference(expected: string[], actual: string[]): { missing: string[]; extra: string[] } {
  const count = (lines: string[]) => lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const e = count(expected);
  const a = count(actual);
  const missing = [...e].filter(([l, n]) => (a.get(l) ?? 0) < n).map(([l]) => l);
  const extra = [...a].filter(([l, n]) => (e.get(l) ?? 0) < n).map(([l]) => l);
  return { missing: missing.slice(0, 5), extra: extra.slice(0, 5) };
}
