import { performance } from "node:perf_hooks";
import neo4j, { type ManagedTransaction } from "neo4j-driver";
import { z } from "zod";
import {
  addLayoutNode,
  addLayoutSpring,
  newLayoutGraph,
  positionsOf,
  settle,
  settleAround,
  type LayoutOptions,
  type Position,
} from "../graph/layout.ts";
import { cypher } from "./cypher.ts";
import type { Store } from "./driver.ts";

/**
 * Keeps the explorer's layout (x, y on each node) up to date. An ingest flags the nodes it creates (`unplaced`);
 * the update places only those, next to their neighbours, which stay where they are: its cost follows the articles
 * added. When most nodes are new (a first ingest), or with `reset`, the whole graph is laid out, streamed from
 * Neo4j into the layout's own graph (no intermediate copy of it), and written back in chunks.
 */

export type LayoutSummary = {
  /** "around": new nodes placed among fixed neighbours; "full": the whole graph laid out. */
  mode: "around" | "full";
  /** Nodes the explorer draws (entities and topics). */
  nodes: number;
  /** Nodes the layout read and computed: the new ones and their neighbours, or all of them. */
  computed: number;
  /** Nodes that had no position and got one. */
  placed: number;
  iterations: number;
  seconds: number;
};

/** Positions are written in chunks so a 100k-node layout never becomes one huge transaction. */
const WRITE_CHUNK = 10_000;
/** Above this share of new nodes, a full layout (new nodes placed among the rest, then everything settles). */
const FULL_LAYOUT_SHARE = 0.5;

const IdRow = z.object({ id: z.string() });
const PositionRow = z.object({ id: z.string(), x: z.number().nullable(), y: z.number().nullable() });
const SpringRow = z.object({ source: z.string(), target: z.string() });
const NeighbourRow = z.object({ id: z.string(), other: z.string(), x: z.number().nullable(), y: z.number().nullable() });

async function read(store: Store, name: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const { records } = await store.driver.executeQuery(cypher(name), params, { database: store.database, routing: "READ" });
  return records.map((r) => r.toObject());
}

/** The nodes waiting for a position (flagged by the write path when it created them). */
async function unplacedIds(store: Store): Promise<string[]> {
  return z.array(IdRow).parse(await read(store, "layout/unplaced")).map((r) => r.id);
}

/** How many entities and topics wait for a position (a layout update has work to do when this is above 0). */
export async function countUnplaced(store: Store): Promise<number> {
  return (await unplacedIds(store)).length;
}

/** Stores positions on the nodes (and clears their flag). Nodes deleted meanwhile are skipped. */
export async function writePositions(store: Store, positions: Position[]): Promise<void> {
  for (let i = 0; i < positions.length; i += WRITE_CHUNK) {
    await store.driver.executeQuery(cypher("layout/set-positions"), { rows: positions.slice(i, i + WRITE_CHUNK) }, { database: store.database });
  }
}

/** Brings the stored layout up to date: only the new nodes, or the whole graph (see the module's comment). */
export async function updateLayout(store: Store, options: LayoutOptions = {}): Promise<LayoutSummary> {
  const t0 = performance.now();
  if (!options.reset) {
    const pending = await unplacedIds(store);
    const total = await nodeCount(store);
    if (pending.length === 0) return { mode: "around", nodes: total, computed: 0, placed: 0, iterations: 0, seconds: (performance.now() - t0) / 1000 };
    if (pending.length <= total * FULL_LAYOUT_SHARE) return layoutAround(store, pending, total, options, t0);
  }
  return layoutAll(store, options, t0);
}

async function nodeCount(store: Store): Promise<number> {
  const [count] = await read(store, "layout/node-count");
  return z.object({ nodes: z.number() }).parse(count).nodes;
}

/** New nodes among their fixed neighbours: reads and writes only them and what touches them. */
async function layoutAround(store: Store, ids: string[], total: number, options: LayoutOptions, t0: number): Promise<LayoutSummary> {
  const rows = z.array(NeighbourRow).parse(await read(store, "layout/neighbourhood", { ids }));
  const graph = newLayoutGraph();
  for (const id of ids) addLayoutNode(graph, id, null, null);
  // A new node's neighbours that are new too have no position (null): they move with it.
  for (const r of rows) addLayoutNode(graph, r.other, r.x, r.y);
  for (const r of rows) addLayoutSpring(graph, r.id, r.other);
  const { placed, iterations } = settleAround(graph, { iterations: options.iterations });
  await writePositions(store, positionsOf(graph, { onlyNew: true }));
  return { mode: "around", nodes: total, computed: graph.order, placed, iterations, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The whole graph, streamed: nodes (with their stored positions, unless reset) and then facts, record by record,
 * straight into the layout graph, where parallel facts become one weighted spring. Then ForceAtlas2, and the
 * positions written back in chunks.
 */
async function layoutAll(store: Store, options: LayoutOptions, t0: number): Promise<LayoutSummary> {
  const graph = newLayoutGraph();
  // The executeQuery calls' bookmarks: on a cluster, the reader waits until it has the ingest's writes.
  const session = store.driver.session({
    database: store.database,
    defaultAccessMode: neo4j.session.READ,
    bookmarkManager: store.driver.executeQueryBookmarkManager,
  });
  try {
    await session.executeRead(async (tx: ManagedTransaction) => {
      for await (const record of tx.run(cypher("layout/nodes"))) {
        const n = PositionRow.parse(record.toObject());
        addLayoutNode(graph, n.id, options.reset ? null : n.x, options.reset ? null : n.y);
      }
      for await (const record of tx.run(cypher("layout/edges"))) {
        const e = SpringRow.parse(record.toObject());
        addLayoutSpring(graph, e.source, e.target);
      }
    });
  } finally {
    await session.close();
  }
  const { placed, iterations } = settle(graph, { iterations: options.iterations });
  const positions = positionsOf(graph);
  await writePositions(store, positions);
  return { mode: "full", nodes: graph.order, computed: graph.order, placed, iterations, seconds: (performance.now() - t0) / 1000 };
}
