import neo4j, { type Driver } from "neo4j-driver";
import { DEFAULT_HINT, Neo4jUnavailableError } from "./errors.ts";

export interface Neo4jTarget {
  uri: string;
  user: string;
  password?: string;
  database: string;
}

export interface Store {
  driver: Driver;
  database: string;
  target: Neo4jTarget;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** How long a managed transaction is retried after a transient failure, ms (KG_NEO4J_RETRY_MS, default 8 s). */
  retryMs?: number;
}

/**
 * Opens a driver and checks that the server answers, so later failures are about queries, not reachability.
 * Any driver URI works: bolt:// (one server) or neo4j:// (routing: a cluster, Aura, or a single server), with +s /
 * +ssc for TLS. With routing, reads (executeQuery with READ routing, executeRead, READ sessions) go to readers and
 * writes (executeWrite) to the leader, and a managed transaction cut by a leader switch is retried on the new one.
 */
export async function connect(target: Neo4jTarget, hint = DEFAULT_HINT, options: ConnectOptions = {}): Promise<Store> {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password ?? ""), {
    disableLosslessIntegers: true,
    // Seconds, not minutes: a database that went away is reported within about 20 s. The driver retries a
    // transaction with back-off (1, 2, 4, 8 s...) until the retry time is spent, so 8 s means at most about 16 s
    // of retrying; enough for deadlocks between concurrent writers (rare: locks are taken in a fixed order) and for
    // a cluster to elect a new leader (usually seconds; KG_NEO4J_RETRY_MS gives it longer).
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 20_000,
    maxTransactionRetryTime: options.retryMs ?? 8_000,
    userAgent: "news-kg",
  });
  try {
    await driver.verifyConnectivity({ database: target.database });
  } catch (err) {
    await driver.close().catch(() => undefined);
    const code = (err as { code?: string }).code ?? "";
    const authHint =
      code.includes("Unauthorized") || code.includes("Security")
        ? "The user name or password was refused: check NEO4J_USER and NEO4J_PASSWORD."
        : hint;
    throw new Neo4jUnavailableError(target.uri, err, authHint);
  }
  return {
    driver,
    database: target.database,
    target,
    close: () => driver.close(),
  };
}
