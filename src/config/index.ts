import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Repository root, so commands work from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const Env = z.object({
  NEO4J_URI: z.string().min(1).optional(),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default("neo4j"),
  KG_NEO4J_HOME: z.string().min(1).optional(),
  KG_MAX_FILE_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  KG_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(50),
  KG_API_TOKEN: z.string().optional(),
  KG_NEO4J_POOL_SIZE: z.coerce.number().int().min(1).max(1_000).default(40),
  KG_ALLOWED_HOSTS: z.string().optional(),
});

export const ConfigSchema = z.object({
  /** An external Neo4j chosen by the user; when absent the local server is used. */
  neo4jUri: z.string().optional(),
  neo4jUser: z.string(),
  neo4jPassword: z.string().optional(),
  neo4jDatabase: z.string(),
  /** Where the local Neo4j keeps its data, logs and run state. */
  localNeo4jHome: z.string(),
  maxFileBytes: z.number().int().positive(),
  /** Articles written per transaction (each article still all-or-nothing). */
  batchSize: z.number().int().positive(),
  /** Connections from the HTTP server to Neo4j; when all are busy, requests get 503 "busy, retry". */
  neo4jPoolSize: z.number().int().positive(),
  /** Bearer token of the HTTP API (checked for length when the server starts). */
  apiToken: z.string().optional(),
  /** Host names the HTTP server answers besides loopback names (DNS rebinding protection). */
  allowedHosts: z.array(z.string()),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads configuration from the environment; a bad value is reported by name, not as a stack trace. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration in environment variables: ${problems}`);
  }
  const e = parsed.data;
  return ConfigSchema.parse({
    neo4jUri: e.NEO4J_URI,
    neo4jUser: e.NEO4J_USER,
    neo4jPassword: e.NEO4J_PASSWORD,
    neo4jDatabase: e.NEO4J_DATABASE,
    localNeo4jHome: path.resolve(e.KG_NEO4J_HOME ?? path.join(REPO_ROOT, ".neo4j")),
    maxFileBytes: e.KG_MAX_FILE_BYTES,
    batchSize: e.KG_BATCH_SIZE,
    neo4jPoolSize: e.KG_NEO4J_POOL_SIZE,
    apiToken: e.KG_API_TOKEN?.trim() || undefined,
    allowedHosts: (e.KG_ALLOWED_HOSTS ?? "").split(",").map((h) => h.trim()).filter(Boolean),
  });
}

export class ConfigError extends Error {}
