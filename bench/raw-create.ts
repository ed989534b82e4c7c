import type { ArticleGraph } from "../src/graph/schema.ts";
import { cypher } from "../src/store/cypher.ts";
import type { Store } from "../src/store/driver.ts";
export { clearGraph } from "../src/store/stats.ts";

/**
 * The benchmark's baseline: the same number of rows, with the same payloads, written by a bare
 * `UNWIND $rows CREATE` (no MERGE, no lookups), one transaction per batch of articles.
 */
export async function rawCreateRows(store: Store, graphs: ArticleGraph[], batchSize: number): Promise<number> {
  let written = 0;
  for (let i = 0; i < graphs.length; i += batchSize) {
    const rows = graphs.slice(i, i + batchSize).flatMap((g) => [
      { kind: "article", ...g.article },
      ...g.entities.map((e) => ({ kind: "entity", id: e.id, name: e.name, aliases: e.aliases, ...e.props })),
      ...g.mentions.map((m) => ({ kind: "mention", ...m })),
      ...g.facts.map((f) => ({ kind: "fact", key: f.key, type: f.type, from: f.from, to: f.to, ...f.props })),
      ...g.stances.map((s) => ({ kind: "stance", key: s.key, actorId: s.actorId, topic: s.topic, stance: s.stance, ...s.props })),
    ]);
    await store.driver.executeQuery(cypher("bench/raw-create"), { rows }, { database: store.database });
    written += rows.length;
  }
  return written;
}
