import { cypher } from "../cypher.ts";
import type { QueryStore } from "../query/runner.ts";
import { DataVersionRowSchema } from "./rows.ts";

/**
 * Answers computed from every article (counts by source, topics with their counts, the actors groups are made of)
 * are kept until the articles change: their number and the newest write time (data-version.cypher, two index
 * reads) say when. A `kg ingest` or `kg delete-article` changes them; edits made in other ways (`kg query --write`)
 * are seen after the next ingest.
 */
export class VersionedCache<T> {
  private entry: { version: string; value: T } | null = null;

  async get(version: string, compute: () => Promise<T>): Promise<T> {
    if (this.entry?.version !== version) this.entry = { version, value: await compute() };
    return this.entry.value;
  }
}

/** The data version, as a string to compare (see VersionedCache). */
export async function dataVersion(store: QueryStore): Promise<string> {
  const { records } = await store.driver.executeQuery(cypher("read/data-version"), {}, { database: store.database, routing: "READ" });
  return JSON.stringify(DataVersionRowSchema.parse(records[0]?.toObject() ?? { articles: 0, lastIngestedAt: null }));
}
