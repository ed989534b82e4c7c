import { LayoutInputSchema, type LayoutInput, type Position } from "../graph/layout.ts";
import { cypher } from "./cypher.ts";
import type { Store } from "./driver.ts";

/** Positions are written in chunks so a 100k-node layout never becomes one huge transaction. */
const WRITE_CHUNK = 10_000;

/** The nodes (with their stored positions) and connected pairs the explorer's layout is computed from. */
export async function readLayoutInput(store: Store): Promise<LayoutInput> {
  const options = { database: store.database, routing: "READ" as const };
  const [nodes, edges] = await Promise.all([
    store.driver.executeQuery(cypher("layout/nodes"), {}, options),
    store.driver.executeQuery(cypher("layout/edges"), {}, options),
  ]);
  const num = (v: unknown) => (typeof v === "number" ? v : v === null || v === undefined ? null : Number(v));
  return LayoutInputSchema.parse({
    nodes: nodes.records.map((r) => ({ id: r.get("id"), x: num(r.get("x")), y: num(r.get("y")) })),
    edges: edges.records.map((r) => ({ source: r.get("source"), target: r.get("target") })),
  });
}

/** Stores positions on the nodes (x, y). Nodes deleted meanwhile are skipped. */
export async function writePositions(store: Store, positions: Position[]): Promise<void> {
  for (let i = 0; i < positions.length; i += WRITE_CHUNK) {
    await store.driver.executeQuery(cypher("layout/set-positions"), { rows: positions.slice(i, i + WRITE_CHUNK) }, { database: store.database });
  }
}

/** How many entities and topics have no stored position (e.g. stored by an older version, or with --no-layout). */
export async function countUnplaced(store: Store): Promise<number> {
  const { records } = await store.driver.executeQuery(cypher("layout/missing"), {}, { database: store.database, routing: "READ" });
  return Number(records[0]?.get("missing") ?? 0);
}
