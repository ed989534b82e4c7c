import neo4j, { type Driver } from "neo4j-driver";
import { z } from "zod";

export const Neo4jConnectionSchema = z.object({
  uri: z.string().min(1),
  user: z.string().min(1),
  password: z.string(),
  database: z.string().min(1).default("neo4j"),
});
export type Neo4jConnection = z.infer<typeof Neo4jConnectionSchema>;

/**
 * A driver tuned for an interactive reader: short connection and acquisition timeouts so a stopped database
 * turns into a quick 503 instead of a hung request, and plain JS numbers instead of Neo4j Integers.
 */
export function createReadDriver(connection: Neo4jConnection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    disableLosslessIntegers: true,
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    // executeQuery retries "retriable" errors, unreachable included: keep that short so the user sees a 503 quickly.
    maxTransactionRetryTime: 1_500,
    maxConnectionPoolSize: 20,
    logging: { level: "error", logger: () => undefined },
  });
}
