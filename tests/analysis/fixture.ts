import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Store } from "../../src/store/driver.ts";
import { statements } from "../../src/store/cypher.ts";
import { storeDerived } from "../../src/store/schema.ts";

const FIXTURE = fileURLToPath(new URL("./fixtures/graph.cypher", import.meta.url));

/** Writes the hand-made fixture graph (tests/analysis/fixtures/graph.cypher) into an emptied store. */
export async function loadFixtureGraph(store: Store): Promise<void> {
  for (const statement of statements(readFileSync(FIXTURE, "utf8"))) {
    await store.driver.executeQuery(statement, {}, { database: store.database });
  }
  // Written by hand, not by the write path: the numbers of facts the overview ranks by are stored here.
  await storeDerived(store, { all: true });
}
