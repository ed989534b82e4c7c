import neo4j, { type Driver } from "neo4j-driver";
import { z } from "zod";

export const Neo4jConnectionSchema = z.object({
  uri: z.string().min(1),
  user: z.string().min(1),
  password: z.string(),
  database: z.string().min(1).default("neo4j"),
});
export type Neo4jConnection = z.infer<typeof Neo4jConnectionSchema>;

export interface ReadDriverOptions {
  /** Connections to Neo4j (KG_NEO4J_POOL_SIZE, default 40). */
  poolSize?: number;
  /** How long a request waits for a free connection before it gets "busy, retry" (default 2 s). */
  acquisitionTimeoutMs?: number;
}

export const DEFAULT_POOL_SIZE = 40;
export const DEFAULT_ACQUISITION_TIMEOUT_MS = 2_000;

/**
 * A driver tuned for an interactive reader: short connection and acquisition timeouts so a stopped database
 * turns into a quick 503 instead of a hung request, and plain JS numbers instead of Neo4j Integers.
 */
export function createReadDriver(connection: Neo4jConnection, options: ReadDriverOptions = {}): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    disableLosslessIntegers: true,
    connectionTimeout: 3_000,
    // Short: a full pool answers "busy, retry" (503 with Retry-After) quickly instead of queueing requests.
    connectionAcquisitionTimeout: options.acquisitionTimeoutMs ?? DEFAULT_ACQUISITION_TIMEOUT_MS,
    // executeQuery retries "retriable" errors, unreachable included: keep that short so the user sees a 503 quickly.
    maxTransactionRetryTime: 1_500,
    maxConnectionPoolSize: options.poolSize ?? DEFAULT_POOL_SIZE,
    logging: { level: "error", logger: () => undefined },
  });
}
