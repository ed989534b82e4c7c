import { cypher } from "./cypher.ts";
import type { Store } from "./driver.ts";

const CHUNK = 1_000;

/** Content hash of each stored article among `ids` (ids not stored are absent). */
export async function storedHashes(store: Store, ids: readonly string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const { records } = await store.driver.executeQuery(
      cypher("write/stored-hashes"),
      { ids: ids.slice(i, i + CHUNK) },
      { database: store.database, routing: "READ" },
    );
    for (const r of records) hashes.set(r.get("id") as string, r.get("contentHash") as string);
  }
  return hashes;
}
