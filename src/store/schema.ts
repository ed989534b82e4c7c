import { cypher, statements } from "./cypher.ts";
import type { Store } from "./driver.ts";

/** Applies cypher/schema.cypher; every statement uses IF NOT EXISTS, so this is safe on every start. */
export async function applySchema(store: Store): Promise<number> {
  const list = statements(cypher("schema"));
  for (const statement of list) {
    await store.driver.executeQuery(statement, {}, { database: store.database });
  }
  // Queries right after creation must be able to use the indexes (full-text search in particular).
  await store.driver.executeQuery(cypher("admin/await-indexes"), {}, { database: store.database });
  return list.length;
}
