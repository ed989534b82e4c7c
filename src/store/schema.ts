import { cypher, statements } from "./cypher.ts";
import type { Store } from "./driver.ts";

/** A uniqueness constraint could not be created because the data already breaks it (an older version's duplicates). */
export class SchemaConflictError extends Error {
  readonly userFacing = true;
  constructor(statement: string, cause: unknown) {
    const name = /CONSTRAINT (\S+)/.exec(statement)?.[1] ?? "a constraint";
    super(
      `The graph schema could not be applied: ${name} finds existing data that breaks it (${String((cause as Error)?.message ?? cause).split("\n")[0]}). ` +
        "The database holds duplicates, e.g. from concurrent ingests of an older version: run `npx kg check --repair`, then try again.",
    );
    this.name = "SchemaConflictError";
  }
}

/** Applies cypher/schema.cypher; every statement uses IF NOT EXISTS, so this is safe on every start. */
export async function applySchema(store: Store): Promise<number> {
  const list = statements(cypher("schema"));
  for (const statement of list) {
    try {
      await store.driver.executeQuery(statement, {}, { database: store.database });
    } catch (err) {
      const code = String((err as { code?: unknown }).code ?? "");
      if (/ConstraintCreationFailed|ConstraintValidation|ConstraintViolation/i.test(code)) throw new SchemaConflictError(statement, err);
      throw err;
    }
  }
  // Queries right after creation must be able to use the indexes (full-text search in particular).
  await store.driver.executeQuery(cypher("admin/await-indexes"), {}, { database: store.database });
  await storeDerived(store, { all: false });
  return list.length;
}

/**
 * Stores what the write path keeps for the reads and the layout: each entity's and topic's number of facts (the
 * overview ranks by it), the flag of nodes waiting for a position, each article's place in the article list, each
 * proposal's topic ids (Compare reads them). On
 * nodes without them (graphs stored by an older version), or on every node with `all` (repairs, data written by hand).
 */
export async function storeDerived(store: Store, options: { all: boolean }): Promise<void> {
  // CALL ... IN TRANSACTIONS needs an auto-commit transaction, hence session.run; with the executeQuery calls'
  // bookmarks, so the reads that follow (on a cluster's readers too) see what it stored.
  const session = store.driver.session({ database: store.database, bookmarkManager: store.driver.executeQueryBookmarkManager });
  try {
    await session.run(cypher("write/backfill-degrees"), { all: options.all });
    await session.run(cypher("write/backfill-listed"));
    await session.run(cypher("write/backfill-topics"), { all: options.all });
  } finally {
    await session.close();
  }
}
