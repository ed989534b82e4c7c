import type { Config } from "../config/index.ts";
import { connect, type Store } from "./driver.ts";
import { Neo4jUnavailableError } from "./errors.ts";
import { startLocalNeo4j, statusLocalNeo4j } from "./local/index.ts";

export interface OpenOptions {
  /** Start the local server when it is not running (ingest, `npm start`); read-only commands do not. */
  startLocal: boolean;
  log?: (line: string) => void;
}

/**
 * Opens the store the user chose, in the project's order of choice: NEO4J_URI when set, else the
 * project's local Neo4j server (started on demand when asked to).
 */
export async function openStore(config: Config, opts: OpenOptions): Promise<Store> {
  if (config.neo4jUri) {
    return connect(
      { uri: config.neo4jUri, user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase },
      "Check that the server at NEO4J_URI is running and reachable, or unset NEO4J_URI to use the project's local Neo4j (`npx kg db start`).",
      { retryMs: config.neo4jRetryMs },
    );
  }
  let status = await statusLocalNeo4j(config.localNeo4jHome);
  if (!status.running) {
    if (!opts.startLocal) {
      throw new Neo4jUnavailableError(
        "the local Neo4j",
        new Error("it is not running"),
        "Start it with `npx kg db start` (or run `npm start`), or set NEO4J_URI to use another server.",
      );
    }
    opts.log?.("starting the local Neo4j server…");
    await startLocalNeo4j({ home: config.localNeo4jHome, log: opts.log });
    status = await statusLocalNeo4j(config.localNeo4jHome);
  }
  return connect(
    {
      uri: status.boltUri!,
      user: status.user ?? "neo4j",
      password: status.password,
      database: config.neo4jDatabase,
    },
    undefined,
    { retryMs: config.neo4jRetryMs },
  );
}
