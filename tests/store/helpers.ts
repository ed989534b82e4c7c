import { inject } from "vitest";
import { connect, type Store } from "../../src/store/driver.ts";
import { applySchema } from "../../src/store/schema.ts";
import { clearGraph } from "../../src/store/stats.ts";

/** A store on the test run's Neo4j, emptied and with the schema applied. */
export async function freshStore(): Promise<Store> {
  const store = await connect(inject("neo4j"));
  await clearGraph(store);
  await applySchema(store);
  return store;
}

export async function rows<T = Record<string, unknown>>(store: Store, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await store.driver.executeQuery(query, params, { database: store.database });
  return records.map((r) => r.toObject() as T);
}
