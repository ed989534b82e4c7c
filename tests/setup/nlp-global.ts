/**
 * vitest globalSetup: one real parser (Stanford CoreNLP) for the whole test run, provided to tests as
 * inject("nlp") = {url, user, password, home}. KG_NLP_URL when set (with KG_NLP_USER / KG_NLP_PASSWORD);
 * else the project's local server in a throw-away home, deleted afterwards. KG_TEST_NLP=none starts nothing.
 *
 * Why this setup does not wait for the server to be ready: vitest runs globalSetup files one after the other,
 * so waiting here would put the parser's model loading (10-20 s, longer on a busy machine) before Neo4j's start
 * instead of beside it. This file is listed first and returns as soon as the JVM runs (port and credentials are
 * chosen before it starts); Neo4j then starts while CoreNLP loads. Tests that parse wait for readiness themselves
 * (tests/parse/helpers.ts `testParserConfig()`), so tests that need neither, or only Neo4j, never wait for the
 * parser, and parser-only runs (KG_TEST_NEO4J=none) never wait for Neo4j.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../../src/config/index.ts";
import { describeParserUrls } from "../../src/parse/client.ts";
import { installParserJars, startLocalParser, stopLocalParser } from "../../src/parse/local/index.ts";
import { freePort } from "../../src/parse/local/ports.ts";

export interface TestParser {
  url: string;
  user?: string;
  password?: string;
  /** Home of the throw-away local server (null for KG_NLP_URL): tests wait on it and may check its process. */
  home: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    nlp: TestParser;
  }
}

type Teardown = () => Promise<void>;

/** Heap of the throw-away server: its models need about 0.5 GB; a 100k-character request adds a few hundred MB. */
export const TEST_PARSER_HEAP = "1500m";

export default async function setup({ provide }: TestProject): Promise<Teardown> {
  if (process.env.KG_TEST_NLP?.trim() === "none") {
    console.log("[nlp] no parser for this run (KG_TEST_NLP=none): tests that inject it will fail");
    return async () => {};
  }
  const config = loadConfig().parser;
  if (config.url) {
    provide("nlp", { url: config.url, user: config.user, password: config.password, home: null });
    console.log(`[nlp] tests use KG_NLP_URL ${describeParserUrls(config)}`);
    return async () => {};
  }

  await installParserJars({ mvn: config.mvn, java: config.java, log: (line) => console.log(`[nlp] ${line}`) });
  const home = await mkdtemp(path.join(os.tmpdir(), "kg-test-nlp-"));
  // If the run is cut short (Ctrl-C, crash), still leave no server or folder behind.
  const emergencyCleanup = () => killAndRemove(home);
  process.once("exit", emergencyCleanup);
  let stopped = false;
  const teardown = async () => {
    if (stopped) return;
    stopped = true;
    try {
      await stopLocalParser(home, { timeoutMs: 20_000 });
    } finally {
      await rm(home, { recursive: true, force: true });
      process.off("exit", emergencyCleanup);
    }
  };
  try {
    // A free port of its own (not 9000), so a developer's parser is never touched.
    const info = await startLocalParser({ ...config, home, port: await freePort(), heap: TEST_PARSER_HEAP, wait: false });
    provide("nlp", { url: info.url, user: info.user, password: info.password, home });
    console.log(`[nlp] tests use a throw-away local CoreNLP ${info.version} at ${info.url} (home ${home}, removed afterwards); loading its models in the background`);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}

/** Synchronous last resort for process exit: SIGKILL the server recorded in run.json, delete the home. */
function killAndRemove(home: string): void {
  const runFile = path.join(home, "run.json");
  try {
    if (existsSync(runFile)) process.kill((JSON.parse(readFileSync(runFile, "utf8")) as { pid: number }).pid, "SIGKILL");
  } catch {
    // already gone
  }
  rmSync(home, { recursive: true, force: true });
}
