import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Repository root, so commands work from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Schemes of the Neo4j driver: direct (bolt) or routing (neo4j, for clusters and Aura), plain or TLS. */
const NEO4J_SCHEMES = ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"];
const Neo4jUri = z
  .string()
  .trim()
  .min(1)
  .refine((uri) => NEO4J_SCHEMES.some((scheme) => uri.toLowerCase().startsWith(`${scheme}://`)), {
    error: `must start with one of ${NEO4J_SCHEMES.map((s) => `${s}://`).join(", ")} (e.g. bolt://127.0.0.1:7687, neo4j+s://xxxx.databases.neo4j.io)`,
  });

/** One http(s) URL. */
const HttpUrl = z.url({ protocol: /^https?$/ });
/** KG_NLP_URL: one CoreNLP server (or a load balancer in front of several), or several separated by commas. */
const ParserUrls = z
  .string()
  .trim()
  .min(1)
  .refine((value) => splitList(value).length > 0 && splitList(value).every((url) => HttpUrl.safeParse(url).success), {
    error: "must be an http(s) URL such as http://127.0.0.1:9000, or several separated by commas",
  });

const Port = z.coerce.number().int().min(1).max(65_535);
const MemorySize = z.string().trim().regex(/^\d+[kmgKMG]$/, "must look like 512m or 2g");

export const EnvSchema = z.object({
  NEO4J_URI: Neo4jUri.optional(),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default("neo4j"),
  KG_NEO4J_HOME: z.string().min(1).optional(),
  // The local Neo4j server (src/store/local).
  KG_NEO4J_BOLT_PORT: Port.optional(),
  KG_NEO4J_HTTP_PORT: Port.optional(),
  KG_NEO4J_HEAP: MemorySize.default("1g"),
  KG_NEO4J_PAGECACHE: MemorySize.default("512m"),
  KG_NEO4J_TX_TIMEOUT: z.string().trim().regex(/^\d+(ms|s|m|h)$/, "must look like 300s, 5m or 500ms").default("300s"),
  KG_NEO4J_START_TIMEOUT_MS: z.coerce.number().int().min(1000).default(180_000),
  KG_NEO4J_JAVA: z.string().trim().min(1).optional(),
  // How long the driver retries a transaction that failed for a transient reason (deadlock, leader switch).
  KG_NEO4J_RETRY_MS: z.coerce.number().int().min(0).max(600_000).default(8_000),
  KG_MAX_FILE_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  KG_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).optional(),
  KG_API_TOKEN: z.string().optional(),
  KG_NEO4J_POOL_SIZE: z.coerce.number().int().min(1).max(1_000).default(40),
  KG_ALLOWED_HOSTS: z.string().optional(),
  KG_GROUPS_FILE: z.string().trim().min(1).optional(),
  KG_TOPICS_FILE: z.string().trim().min(1).optional(),
  // Extraction threads of `kg ingest` (0: in the main thread).
  KG_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  // The parser service (src/parse): external CoreNLP servers, or the project's local one.
  KG_NLP_URL: ParserUrls.optional(),
  KG_NLP_USER: z.string().min(1).optional(),
  KG_NLP_PASSWORD: z.string().optional(),
  KG_NLP_HOME: z.string().min(1).optional(),
  KG_NLP_PORT: Port.optional(),
  KG_NLP_HEAP: MemorySize.default("2g"),
  KG_NLP_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  KG_NLP_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  KG_NLP_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  KG_NLP_START_TIMEOUT_MS: z.coerce.number().int().min(1000).default(180_000),
  KG_NLP_MAX_CHARS: z.coerce.number().int().min(1000).default(100_000),
  KG_NLP_JAVA: z.string().min(1).optional(),
  JAVA_HOME: z.string().optional(),
  KG_MVN: z.string().min(1).optional(),
});

/** Where and how to reach the parser service; see README "The local parser (CoreNLP)". */
export const ParserConfigSchema = z.object({
  /**
   * External CoreNLP servers (KG_NLP_URL): one URL (a server, or a load balancer in front of several) or several
   * separated by commas, used in turn (see parserUrls). When absent the local server is used (started on demand).
   */
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
  /** Requests in flight at once per client (parseMany and the chunks of one long text): KG_NLP_CONCURRENCY, else 2 per URL. */
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

/** How the project's local Neo4j server is run (src/store/local); see README "The local Neo4j". */
export const LocalNeo4jConfigSchema = z.object({
  /** Data, logs, conf and run state (KG_NEO4J_HOME, default <repo>/.neo4j). */
  home: z.string(),
  /** Ports; absent: 7687 / 7474 when free, else free ones. */
  boltPort: z.number().int().optional(),
  httpPort: z.number().int().optional(),
  heap: z.string(),
  pageCache: z.string(),
  /** Server-side timeout of transactions that set none of their own. */
  transactionTimeout: z.string(),
  /** How long `db start` waits for Bolt. */
  startTimeoutMs: z.number().int().positive(),
  /** Java: KG_NEO4J_JAVA, else $JAVA_HOME/bin/java, else `java` on PATH. */
  java: z.string(),
  /** Maven, to download the jars once (KG_MVN, default `mvn`). */
  mvn: z.string(),
  /** The password of a database created by the first start (NEO4J_PASSWORD); else one is generated. */
  initialPassword: z.string().optional(),
});
export type LocalNeo4jConfig = z.infer<typeof LocalNeo4jConfigSchema>;

export const ConfigSchema = z.object({
  /** An external Neo4j chosen by the user; when absent the local server is used. */
  neo4jUri: z.string().optional(),
  neo4jUser: z.string(),
  neo4jPassword: z.string().optional(),
  neo4jDatabase: z.string(),
  /** Where the local Neo4j keeps its data, logs and run state (= localNeo4j.home). */
  localNeo4jHome: z.string(),
  localNeo4j: LocalNeo4jConfigSchema,
  /** How long the driver retries a transaction after a transient failure (deadlock, cluster leader switch), ms. */
  neo4jRetryMs: z.number().int().nonnegative(),
  maxFileBytes: z.number().int().positive(),
  /** Articles written per transaction (each article still all-or-nothing). */
  batchSize: z.number().int().positive(),
  /**
   * Articles per write transaction of `kg load` (KG_BATCH_SIZE, default 500): documents arrive faster than a parser
   * delivers them, and larger transactions spread the cost of each commit over more articles.
   */
  loadBatchSize: z.number().int().positive(),
  /** Connections from the HTTP server to Neo4j; when all are busy, requests get 503 "busy, retry". */
  neo4jPoolSize: z.number().int().positive(),
  /** Bearer token of the HTTP API (checked for length when the server starts). */
  apiToken: z.string().optional(),
  /** Host names the HTTP server answers besides loopback names (DNS rebinding protection). */
  allowedHosts: z.array(z.string()),
  /** User-defined actor groups and extra topics (compare, topics, timeline). */
  groupsFile: z.string(),
  topicsFile: z.string(),
  /** Extraction threads of `kg ingest` (0: extract in the main thread); default: cores - 1, at least 1. */
  workers: z.number().int().nonnegative(),
  parser: ParserConfigSchema,
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads configuration from the environment; a bad value is reported by name, not as a stack trace. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration in environment variables: ${problems}`);
  }
  const e = parsed.data;
  const java = (explicit: string | undefined) =>
    explicit ?? (e.JAVA_HOME?.trim() && existsSync(path.join(e.JAVA_HOME, "bin", "java")) ? path.join(e.JAVA_HOME, "bin", "java") : "java");
  const localNeo4jHome = path.resolve(e.KG_NEO4J_HOME?.trim() || path.join(REPO_ROOT, ".neo4j"));
  return ConfigSchema.parse({
    neo4jUri: e.NEO4J_URI,
    neo4jUser: e.NEO4J_USER,
    neo4jPassword: e.NEO4J_PASSWORD,
    neo4jDatabase: e.NEO4J_DATABASE,
    localNeo4jHome,
    localNeo4j: {
      home: localNeo4jHome,
      boltPort: e.KG_NEO4J_BOLT_PORT,
      httpPort: e.KG_NEO4J_HTTP_PORT,
      heap: e.KG_NEO4J_HEAP,
      pageCache: e.KG_NEO4J_PAGECACHE,
      transactionTimeout: e.KG_NEO4J_TX_TIMEOUT,
      startTimeoutMs: e.KG_NEO4J_START_TIMEOUT_MS,
      java: java(e.KG_NEO4J_JAVA),
      mvn: e.KG_MVN?.trim() || "mvn",
      initialPassword: e.NEO4J_PASSWORD || undefined,
    },
    neo4jRetryMs: e.KG_NEO4J_RETRY_MS,
    maxFileBytes: e.KG_MAX_FILE_BYTES,
    batchSize: e.KG_BATCH_SIZE ?? 50,
    loadBatchSize: e.KG_BATCH_SIZE ?? 500,
    neo4jPoolSize: e.KG_NEO4J_POOL_SIZE,
    apiToken: e.KG_API_TOKEN?.trim() || undefined,
    allowedHosts: splitList(e.KG_ALLOWED_HOSTS ?? ""),
    groupsFile: path.resolve(e.KG_GROUPS_FILE ?? path.join(REPO_ROOT, "config", "groups.json")),
    topicsFile: path.resolve(e.KG_TOPICS_FILE ?? path.join(REPO_ROOT, "config", "topics.json")),
    workers: e.KG_WORKERS ?? defaultWorkers(),
    parser: {
      url: e.KG_NLP_URL ? splitList(e.KG_NLP_URL).join(",") : undefined,
      user: e.KG_NLP_USER,
      password: e.KG_NLP_PASSWORD,
      home: path.resolve(e.KG_NLP_HOME ?? path.join(REPO_ROOT, ".kg", "nlp")),
      port: e.KG_NLP_PORT,
      heap: e.KG_NLP_HEAP,
      threads: e.KG_NLP_THREADS,
      concurrency: e.KG_NLP_CONCURRENCY ?? 2 * Math.max(1, splitList(e.KG_NLP_URL ?? "").length),
      timeoutMs: e.KG_NLP_TIMEOUT_MS,
      startTimeoutMs: e.KG_NLP_START_TIMEOUT_MS,
      maxChars: e.KG_NLP_MAX_CHARS,
      java: java(e.KG_NLP_JAVA),
      mvn: e.KG_MVN?.trim() || "mvn",
    },
  });
}

export class ConfigError extends Error {}

/** "a, b,,c" -> ["a", "b", "c"]. */
function splitList(value: string): string[] {
  return value.split(",").map((item) => item.trim()).filter(Boolean);
}

/** The parser URLs of KG_NLP_URL, in order (empty: the local parser). */
export function parserUrls(config: Pick<ParserConfig, "url">): string[] {
  return splitList(config.url ?? "");
}

/** Extraction threads by default: one core stays for the main thread (reading, writing) and the parser. */
export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * KG_DEBUG: print stack traces of unexpected errors. Read on its own, not through loadConfig, because it is needed
 * to report a configuration that does not load.
 */
export function debugEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.KG_DEBUG?.trim());
}

/** KG_DEBUG_EVENTS=1: `kg extract` and `kg eval` print each event the extraction rules commit (for rule writers). */
export function traceExtractionEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.KG_DEBUG_EVENTS?.trim() === "1";
}
