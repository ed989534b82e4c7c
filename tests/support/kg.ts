import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { inject } from "vitest";
import { REPO_ROOT } from "../../src/config/index.ts";

export const KG = path.join(REPO_ROOT, "bin", "kg.js");

export interface KgRun {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }>;
}

export interface Neo4jEnv {
  uri: string;
  user: string;
  password?: string;
  database: string;
}

/** The test run's parser for `kg` processes (KG_NLP_URL and credentials), so none starts a parser of its own. */
function parserEnv(): Record<string, string> {
  const nlp = inject("nlp");
  if (!nlp) return {};
  return { KG_NLP_URL: nlp.url, ...(nlp.user ? { KG_NLP_USER: nlp.user } : {}), ...(nlp.password ? { KG_NLP_PASSWORD: nlp.password } : {}) };
}

/**
 * Starts `kg <args>` as a user runs it, against the given Neo4j (NEO4J_URI and friends) and the run's parser
 * (wait for it first: tests/parse/helpers.ts `testParserConfig()`); `input`, when given, is its standard input.
 */
export function startKg(args: string[], neo4j: Neo4jEnv, env: Record<string, string> = {}, input?: string | Buffer): KgRun {
  const started = Date.now();
  const child = spawn(process.execPath, [KG, ...args], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password ?? "",
      NEO4J_DATABASE: neo4j.database,
      ...parserEnv(),
      ...env,
    },
    stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (input !== undefined) child.stdin!.end(input);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Awaited<KgRun["done"]>>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started })),
  );
  return { child, done };
}

export async function kg(args: string[], neo4j: Neo4jEnv, env: Record<string, string> = {}, input?: string | Buffer) {
  return startKg(args, neo4j, env, input).done;
}

/** The counts of a `kg ingest` summary line. */
export function summaryCounts(stdout: string): { ingested: number; updated: number; unchanged: number; failed: number } | null {
  const m = /^(\d+) ingested, (\d+) updated, (\d+) unchanged, (\d+) failed/m.exec(stdout);
  return m ? { ingested: Number(m[1]), updated: Number(m[2]), unchanged: Number(m[3]), failed: Number(m[4]) } : null;
}
