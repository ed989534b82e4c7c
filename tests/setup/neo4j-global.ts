/**
 * vitest globalSetup: one real Neo4j for the whole test run, provided to tests as inject("neo4j").
 * Choice, in order: NEO4J_URI (an existing server); a Docker engine (testcontainers, neo4j:5.26);
 * else the project's local server from Maven jars in a throw-away home, deleted afterwards.
 * KG_TEST_NEO4J=local or =docker skips the choice; =none starts nothing (for runs of tests that need no database).
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { installJars, startLocalNeo4j, stopLocalNeo4j } from "../../src/store/local/index.ts";
import { freePort } from "../../src/store/local/ports.ts";

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Written by the setup when a server it starts answers ("ready") or failed ("error: ..."); absent for others. */
  readyFile?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

type Teardown = () => Promise<void>;

export default async function setup({ provide }: TestProject): Promise<Teardown> {
  const mode = process.env.KG_TEST_NEO4J?.trim();
  if (mode === "none") {
    console.log("[neo4j] no Neo4j for this run (KG_TEST_NEO4J=none): tests that inject it will fail");
    return async () => {};
  }
  if (process.env.NEO4J_URI && !mode) return useExternal(provide);
  if (mode === "docker" || (!mode && (await dockerAnswers()))) return useDocker(provide);
  return useLocal(provide);
}

type Provide = TestProject["provide"];

async function useExternal(provide: Provide): Promise<Teardown> {
  const neo4j: TestNeo4j = {
    uri: process.env.NEO4J_URI!,
    user: process.env.NEO4J_USER || "neo4j",
    password: process.env.NEO4J_PASSWORD ?? "",
    database: process.env.NEO4J_DATABASE || "neo4j",
  };
  provide("neo4j", neo4j);
  console.log(`[neo4j] tests use NEO4J_URI ${neo4j.uri} (database ${neo4j.database}); its data will be replaced by test data`);
  return async () => {};
}

async function useDocker(provide: Provide): Promise<Teardown> {
  const { Neo4jContainer } = await import("@testcontainers/neo4j");
  const container = await new Neo4jContainer("neo4j:5.26").withPassword("test-password").start();
  const neo4j: TestNeo4j = {
    uri: container.getBoltUri(),
    user: container.getUsername(),
    password: container.getPassword(),
    database: "neo4j",
  };
  provide("neo4j", neo4j);
  console.log(`[neo4j] tests use a Docker container neo4j:5.26 at ${neo4j.uri}`);
  return async () => {
    await container.stop();
  };
}

async function useLocal(provide: Provide): Promise<Teardown> {
  await installJars({ log: (line) => console.log(`[neo4j] ${line}`) });
  const home = await mkdtemp(path.join(os.tmpdir(), "kg-test-neo4j-"));
  // If the run is cut short (Ctrl-C, crash), still leave no server or folder behind.
  const emergencyCleanup = () => killAndRemove(home);
  process.once("exit", emergencyCleanup);
  // Own free ports, so a developer's server on 7687/7474 is never touched; the password is chosen here so that the
  // connection is known before the server answers.
  const boltPort = await freePort();
  let httpPort = await freePort();
  while (httpPort === boltPort) httpPort = await freePort();
  const password = randomBytes(18).toString("base64url");
  const readyFile = path.join(home, "test-ready");
  // Not awaited: tests that need no database run while Neo4j starts; those that do wait for readyFile
  // (tests/setup/neo4j-ready.ts).
  const started = startLocalNeo4j({ home, boltPort, httpPort, password, heap: "512m", pageCache: "256m", quickJit: true }).then(
    async (info) => {
      await writeFile(readyFile, "ready\n");
      console.log(`[neo4j] tests use a throw-away local Neo4j ${info.version} at ${info.boltUri} (home ${home}, removed afterwards)`);
    },
    async (err: unknown) => {
      await writeFile(readyFile, `error: ${err instanceof Error ? err.message : String(err)}\n`).catch(() => {});
      console.error(`[neo4j] the test Neo4j did not start: ${err instanceof Error ? err.message : String(err)}`);
    },
  );
  provide("neo4j", { uri: `bolt://127.0.0.1:${boltPort}`, user: "neo4j", password, database: "neo4j", readyFile });
  console.log(`[neo4j] starting a throw-away local Neo4j at bolt://127.0.0.1:${boltPort} in the background`);
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    try {
      await started;
      await stopLocalNeo4j(home, { timeoutMs: 30_000 });
    } finally {
      await rm(home, { recursive: true, force: true });
      process.off("exit", emergencyCleanup);
    }
  };
}

/** Synchronous last resort for process exit: SIGKILL the server recorded in run.json, delete the home. */
function killAndRemove(home: string): void {
  const runFile = path.join(home, "run.json");
  try {
    if (existsSync(runFile)) {
      const { pid } = JSON.parse(readFileSync(runFile, "utf8")) as { pid: number };
      process.kill(pid, "SIGKILL");
    }
  } catch {
    // already gone
  }
  rmSync(home, { recursive: true, force: true });
}

/** True when a Docker engine answers /_ping within timeoutMs (DOCKER_HOST or the usual sockets). */
export async function dockerAnswers(timeoutMs = 1500): Promise<boolean> {
  const host = process.env.DOCKER_HOST;
  const targets: http.RequestOptions[] = [];
  if (host?.startsWith("unix://")) targets.push({ socketPath: host.slice("unix://".length) });
  else if (host?.startsWith("tcp://")) {
    const url = new URL(host.replace(/^tcp:/, "http:"));
    targets.push({ host: url.hostname, port: Number(url.port || 2375) });
  } else {
    const sockets = ["/var/run/docker.sock", path.join(os.homedir(), ".docker/run/docker.sock")];
    if (process.env.XDG_RUNTIME_DIR) sockets.push(path.join(process.env.XDG_RUNTIME_DIR, "docker.sock"));
    for (const socketPath of sockets) if (existsSync(socketPath)) targets.push({ socketPath });
  }
  for (const target of targets) {
    if (await ping(target, timeoutMs)) return true;
  }
  return false;
}

function ping(target: http.RequestOptions, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ ...target, path: "/_ping", timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
}
