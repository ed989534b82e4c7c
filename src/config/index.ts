import { existsSync } from "node:fs";
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
  // The parser service (src/parse): an external CoreNLP server, or the project's local one.
  KG_NLP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:9000" }).optional(),
  KG_NLP_USER: z.string().min(1).optional(),
  KG_NLP_PASSWORD: z.string().optional(),
  KG_NLP_HOME: z.string().min(1).optional(),
  KG_NLP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  KG_NLP_HEAP: z.string().regex(/^\d+[kmgKMG]$/, "must look like 512m or 2g").default("2g"),
  KG_NLP_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  KG_NLP_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  KG_NLP_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  KG_NLP_START_TIMEOUT_MS: z.coerce.number().int().min(1000).default(180_000),
  KG_NLP_MAX_CHARS: z.coerce.number().int().min(1000).default(100_000),
  KG_NLP_JAVA: z.string().min(1).optional(),
  JAVA_HOME: z.string().optional(),
  KG_MVN: z.string().min(1).optional(),
});

/** Where and how to reach the parser service; see README "The local parser (CoreNLP)". */
export const ParserConfigSchema = z.object({
  /** An external CoreNLP server (KG_NLP_URL); when absent the local server is used (and started on demand). */
  url: z.string().optional(),
  user: z.string().optional(),
  password: z.string().optional(),
  /** The local server's state: run file, credentials, logs (KG_NLP_HOME, default <repo>/.kg/nlp). */
  home: z.string(),
  /** Port of the local server (default 9000 when free, else a free one). */
  port: z.number().int().optional(),
  heap: z.string(),
  /** Annotation threads of the local server. */
  threads: z.number().int().positive(),
  /** Requests in flight at once per client (parseMany and the chunks of one long text). */
  concurrency: z.number().int().positive(),
  /** Per-request timeout, also the local server's annotation timeout. */
  timeoutMs: z.number().int().positive(),
  startTimeoutMs: z.number().int().positive(),
  /** Longest text sent in one request; longer texts are split at paragraph breaks (CoreNLP's maxCharLength). */
  maxChars: z.number().int().positive(),
  /** Java for the local server: KG_NLP_JAVA, else $JAVA_HOME/bin/java, else `java` on PATH. */
  java: z.string(),
  /** Maven, to download the jars once (KG_MVN, default `mvn`). */
  mvn: z.string(),
});
export type ParserConfig = z.infer<typeof ParserConfigSchema>;

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
  parser: ParserConfigSchema,
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
    parser: {
      url: e.KG_NLP_URL,
      user: e.KG_NLP_USER,
      password: e.KG_NLP_PASSWORD,
      home: path.resolve(e.KG_NLP_HOME ?? path.join(REPO_ROOT, ".kg", "nlp")),
      port: e.KG_NLP_PORT,
      heap: e.KG_NLP_HEAP,
      threads: e.KG_NLP_THREADS,
      concurrency: e.KG_NLP_CONCURRENCY,
      timeoutMs: e.KG_NLP_TIMEOUT_MS,
      startTimeoutMs: e.KG_NLP_START_TIMEOUT_MS,
      maxChars: e.KG_NLP_MAX_CHARS,
      java: e.KG_NLP_JAVA ?? (e.JAVA_HOME?.trim() && existsSync(path.join(e.JAVA_HOME, "bin", "java")) ? path.join(e.JAVA_HOME, "bin", "java") : "java"),
      mvn: e.KG_MVN ?? "mvn",
    },
  });
}

export class ConfigError extends Error {}
