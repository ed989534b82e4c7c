import { z } from "zod";
import { cypher, statements } from "./cypher.ts";
import type { Store } from "./driver.ts";

export interface GraphStats {
  labels: Record<string, number>;
  relationships: Record<string, number>;
}

const StatsRow = z.object({ kind: z.enum(["label", "relationship"]), name: z.string(), count: z.number() });

export async function graphStats(store: Store): Promise<GraphStats> {
  const { records } = await store.driver.executeQuery(cypher("admin/stats"), {}, { database: store.database, routing: "READ" });
  const stats: GraphStats = { labels: {}, relationships: {} };
  for (const r of records) {
    const row = StatsRow.parse(r.toObject());
    (row.kind === "label" ? stats.labels : stats.relationships)[row.name] = row.count;
  }
  return stats;
}

/** Empties the database (tests and benchmarks only). */
export async function clearGraph(store: Store): Promise<void> {
  // CALL ... IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
  // The driver's executeQuery bookmarks: later reads, on a cluster's readers too, see the graph cleared.
  const session = store.driver.session({ database: store.database, bookmarkManager: store.driver.executeQueryBookmarkManager });
  try {
    for (const statement of statements(cypher("admin/clear"))) await session.run(statement);
  } finally {
    await session.close();
  }
}
