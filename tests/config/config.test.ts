/**
 * The configuration: every environment variable is read in src/config (nowhere else in src/), validated, named
 * when wrong, and listed in the README's configuration table, which lists nothing the code does not read.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, EnvSchema, loadConfig, parserUrls, REPO_ROOT } from "../../src/config/index.ts";

/** Files under a folder, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * Reads of the environment left outside src/config, each with its reason. src/extract belongs to the extractor's
 * own work (its debug switch stays there); the Chromium launcher is bench and test code on its way out of src/.
 */
const ALLOWED_OUTSIDE_CONFIG: Record<string, string[]> = {
  "src/server/chromium.ts": ["CHROMIUM_PATH"],
};

/** Variables the README table lists that src/config does not read through its schema: the debug switches (read on their own) and test settings. */
const DOCUMENTED_ELSEWHERE = new Set(["KG_DEBUG", "KG_DEBUG_EVENTS", "KG_TEST_NEO4J", "KG_TEST_NLP"]);

describe("environment variables", () => {
  it("are read only in src/config", () => {
    const offenders: string[] = [];
    for (const file of files(path.join(REPO_ROOT, "src")).filter((f) => /\.(ts|mjs|js)$/.test(f))) {
      const relative = path.relative(REPO_ROOT, file);
      if (relative.startsWith(`src${path.sep}config${path.sep}`)) continue;
      const text = readFileSync(file, "utf8");
      // A read is process.env.X or process.env["X"], or an env parameter's .X (spreading process.env into a child
      // process's environment hands it on without reading it).
      const reads = [...text.matchAll(/process\.env(?:\.([A-Z_][A-Z0-9_]*)|\[\s*["'`]([A-Z_][A-Z0-9_]*)["'`]\s*\])|\benv\.([A-Z_][A-Z0-9_]*)\b/g)].map(
        (m) => m[1] ?? m[2] ?? m[3]!,
      );
      const allowed = ALLOWED_OUTSIDE_CONFIG[relative.split(path.sep).join("/")] ?? [];
      for (const name of reads) if (!allowed.includes(name)) offenders.push(`${relative}: ${name}`);
    }
    expect(offenders).toEqual([]);
  });

  it("are each in the README's configuration table, which names no variable the code does not read", () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("\n## Configuration"), readme.indexOf("\n## ", readme.indexOf("\n## Configuration") + 5));
    const documented = new Set(
      section
        .split("\n")
        .filter((line) => line.startsWith("| `"))
        .flatMap((line) => [...line.split("|")[1]!.matchAll(/`([A-Z_][A-Z0-9_]*)`/g)].map((m) => m[1]!)),
    );
    const read = Object.keys(EnvSchema.shape);
    expect(read.filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !read.includes(name) && !DOCUMENTED_ELSEWHERE.has(name))).toEqual([]);
  });
});

describe("loadConfig", () => {
  it("takes one parser URL or several, comma-separated, and names a bad one", () => {
    const one = loadConfig({ KG_NLP_URL: "http://parser.example.org:9000" }).parser;
    expect(parserUrls(one)).toEqual(["http://parser.example.org:9000"]);
    expect(one.concurrency).toBe(2);
    const three = loadConfig({ KG_NLP_URL: " http://a.example:9000/ ,http://b.example:9000,, https://c.example/nlp " }).parser;
    expect(parserUrls(three)).toEqual(["http://a.example:9000/", "http://b.example:9000", "https://c.example/nlp"]);
    expect(three.concurrency).toBe(6); // 2 per server unless KG_NLP_CONCURRENCY says otherwise
    expect(loadConfig({ KG_NLP_URL: "http://a.example:9000,http://b.example:9000", KG_NLP_CONCURRENCY: "5" }).parser.concurrency).toBe(5);
    expect(parserUrls(loadConfig({}).parser)).toEqual([]);
    expect(() => loadConfig({ KG_NLP_URL: "http://a.example:9000,b.example:9000" })).toThrow(/KG_NLP_URL: must be an http\(s\) URL .*several separated by commas/);
    expect(() => loadConfig({ KG_NLP_URL: "ftp://a.example" })).toThrow(ConfigError);
  });

  it("takes the driver's URI schemes, routing and TLS ones included, and refuses others", () => {
    for (const uri of ["bolt://127.0.0.1:7687", "bolt+s://db.example:7687", "neo4j://127.0.0.1:7687", "neo4j+s://abcd1234.databases.neo4j.io", "neo4j+ssc://db.example"]) {
      expect(loadConfig({ NEO4J_URI: uri }).neo4jUri).toBe(uri);
    }
    expect(() => loadConfig({ NEO4J_URI: "http://127.0.0.1:7474" })).toThrow(/NEO4J_URI: must start with one of bolt:\/\/, .*neo4j\+s:\/\//);
    expect(() => loadConfig({ NEO4J_URI: "127.0.0.1:7687" })).toThrow(ConfigError);
  });

  it("reads the local server's settings, the workers and the retry time, with their defaults", () => {
    const defaults = loadConfig({});
    expect(defaults.localNeo4j).toMatchObject({ heap: "1g", pageCache: "512m", transactionTimeout: "300s", startTimeoutMs: 180_000, mvn: "mvn" });
    expect(defaults.localNeo4j.home).toBe(path.join(REPO_ROOT, ".neo4j"));
    expect(defaults.neo4jRetryMs).toBe(8_000);
    expect(defaults.workers).toBeGreaterThanOrEqual(1);
    expect(defaults.groupsFile).toBe(path.join(REPO_ROOT, "config", "groups.json"));
    expect([defaults.batchSize, defaults.loadBatchSize]).toEqual([50, 500]);
    expect([loadConfig({ KG_BATCH_SIZE: "20" }).batchSize, loadConfig({ KG_BATCH_SIZE: "20" }).loadBatchSize]).toEqual([20, 20]);

    const set = loadConfig({
      KG_NEO4J_HOME: "/tmp/kg-home",
      KG_NEO4J_BOLT_PORT: "7700",
      KG_NEO4J_HTTP_PORT: "7701",
      KG_NEO4J_HEAP: "2g",
      KG_NEO4J_PAGECACHE: "1g",
      KG_NEO4J_TX_TIMEOUT: "60s",
      KG_NEO4J_START_TIMEOUT_MS: "5000",
      KG_NEO4J_JAVA: "/opt/java/bin/java",
      KG_MVN: "/opt/mvn",
      NEO4J_PASSWORD: "a-new-password",
      KG_NEO4J_RETRY_MS: "30000",
      KG_WORKERS: "0",
      KG_TOPICS_FILE: "/tmp/topics.json",
    });
    expect(set.localNeo4j).toEqual({
      home: "/tmp/kg-home",
      boltPort: 7700,
      httpPort: 7701,
      heap: "2g",
      pageCache: "1g",
      transactionTimeout: "60s",
      startTimeoutMs: 5000,
      java: "/opt/java/bin/java",
      mvn: "/opt/mvn",
      initialPassword: "a-new-password",
    });
    expect(set.neo4jRetryMs).toBe(30_000);
    expect(set.workers).toBe(0);
    expect(set.topicsFile).toBe("/tmp/topics.json");

    expect(() => loadConfig({ KG_NEO4J_BOLT_PORT: "70000" })).toThrow(/KG_NEO4J_BOLT_PORT/);
    expect(() => loadConfig({ KG_NEO4J_HEAP: "lots" })).toThrow(/KG_NEO4J_HEAP: must look like 512m or 2g/);
    expect(() => loadConfig({ KG_NEO4J_TX_TIMEOUT: "soon" })).toThrow(/KG_NEO4J_TX_TIMEOUT/);
    expect(() => loadConfig({ KG_WORKERS: "-1" })).toThrow(/KG_WORKERS/);
  });
});

describe("the store's boundary", () => {
  it("only src/store talks to Neo4j (the driver is imported nowhere else in src/)", () => {
    const outside = files(path.join(REPO_ROOT, "src"))
      .filter((f) => /\.(ts|mjs|js)$/.test(f) && !path.relative(REPO_ROOT, f).startsWith(`src${path.sep}store${path.sep}`))
      .filter((f) => /from\s+["']neo4j-driver["']|import\(\s*["']neo4j-driver["']\s*\)/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(REPO_ROOT, f));
    expect(outside).toEqual([]);
  });
});
