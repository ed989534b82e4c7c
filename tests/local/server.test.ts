/**
 * The local Neo4j lifecycle on a throw-away home: start, idempotent start, auth, Browser,
 * restart keeps data, stop, and the clear errors. Each server start costs ~10 s, so one home
 * is started twice in total and the tests run in order.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LocalNeo4jError,
  startLocalNeo4j,
  statusLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4jInfo,
} from "../../src/store/local/index.ts";
import { freePort } from "../../src/store/local/ports.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const query = (name: string) => readFileSync(path.join(here, "cypher", `${name}.cypher`), "utf8");

async function run(info: LocalNeo4jInfo, name: string, params: Record<string, unknown>, password = info.password) {
  const driver = neo4j.driver(info.boltUri, neo4j.auth.basic(info.user, password), { disableLosslessIntegers: true });
  try {
    const { records } = await driver.executeQuery(query(name), params, { database: info.database });
    return records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

const fileMode = (file: string) => statSync(file).mode & 0o777;

/** Gone, or a zombie waiting to be reaped by this test process (which spawned it). */
function processGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return true;
  }
}

let home: string;
let otherHome: string;
let boltPort: number;
let httpPort: number;
let first: LocalNeo4jInfo;
const token = `marker-${process.pid}-${Date.now()}`;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), "kg-local-test-"));
  otherHome = await mkdtemp(path.join(os.tmpdir(), "kg-local-test-other-"));
  boltPort = await freePort();
  do httpPort = await freePort();
  while (httpPort === boltPort);
});

afterAll(async () => {
  await stopLocalNeo4j(home, { timeoutMs: 30_000 });
  await stopLocalNeo4j(otherHome, { timeoutMs: 30_000 });
  await rm(home, { recursive: true, force: true });
  await rm(otherHome, { recursive: true, force: true });
});

const start = (extra: Parameters<typeof startLocalNeo4j>[0] = {}) =>
  startLocalNeo4j({ home, boltPort, httpPort, heap: "512m", pageCache: "128m", quickJit: true, ...extra });

// Starts take ~10 s alone but several times that when the 2 cores are busy: allow for it.
describe.sequential("local Neo4j server", { timeout: 240_000 }, () => {
  it("reports a fresh home as not running, with its data folder and log file", async () => {
    const status = await statusLocalNeo4j(home);
    expect(status).toMatchObject({ running: false, pid: null, boltUri: null, browserUrl: null });
    expect(status.dataDir).toBe(path.join(home, "data"));
    expect(status.logFile).toBe(path.join(home, "logs", "neo4j.log"));
  });

  it("fails clearly, starting nothing, when Java is missing", async () => {
    const attempt = startLocalNeo4j({ home: otherHome, java: "/nonexistent/bin/java" });
    await expect(attempt).rejects.toBeInstanceOf(LocalNeo4jError);
    await expect(attempt).rejects.toThrow(/Cannot run Java at "\/nonexistent\/bin\/java".*JAVA_HOME or KG_NEO4J_JAVA/);
    expect(existsSync(path.join(otherHome, "run.json"))).toBe(false);
  });

  it("starts with authentication on and records how to reach it", async () => {
    first = await start({ password: "first-password-123" });
    expect(first).toMatchObject({ alreadyRunning: false, boltUri: `bolt://127.0.0.1:${boltPort}`, user: "neo4j" });
    expect(first.password).toBe("first-password-123");

    const status = await statusLocalNeo4j(home);
    expect(status).toMatchObject({ running: true, boltListening: true, pid: first.pid, boltUri: first.boltUri });
    expect(fileMode(path.join(home, "run.json"))).toBe(0o600);
    expect(fileMode(path.join(home, "password"))).toBe(0o600);
    expect(readFileSync(path.join(home, "password"), "utf8").trim()).toBe(first.password);

    await expect(run(first, "count-markers", { token }, "a-wrong-password")).rejects.toMatchObject({
      code: "Neo.ClientError.Security.Unauthorized",
    });
    expect(await run(first, "count-markers", { token })).toEqual([{ n: 0 }]);
  });

  it("serves Neo4j Browser on loopback HTTP", async () => {
    expect(first.browserUrl).toBe(`http://127.0.0.1:${httpPort}/browser/?dbms=neo4j://neo4j@127.0.0.1:${boltPort}`);
    const response = await fetch(first.browserUrl!);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<html/i);
    // Browser finds Bolt through the discovery document: it must name the real port.
    const discovery = (await (await fetch(first.httpUrl)).json()) as { bolt_direct: string };
    expect(discovery.bolt_direct).toBe(first.boltUri);
  });

  it("returns the running server when started again", async () => {
    const again = await start();
    expect(again.alreadyRunning).toBe(true);
    expect(again.pid).toBe(first.pid);
    expect(again.boltUri).toBe(first.boltUri);
  });

  it("refuses a Bolt port that is already taken, naming the port", async () => {
    const attempt = startLocalNeo4j({ home: otherHome, boltPort });
    await expect(attempt).rejects.toThrow(new RegExp(`Bolt port ${boltPort} on 127.0.0.1 is already in use`));
    expect(existsSync(path.join(otherHome, "run.json"))).toBe(false);
  });

  it("keeps data across a stop and a start", async () => {
    await run(first, "create-marker", { token });

    const stopped = await stopLocalNeo4j(home);
    expect(stopped).toEqual({ wasRunning: true, killed: false });
    expect(existsSync(path.join(home, "run.json"))).toBe(false);
    expect(processGone(first.pid)).toBe(true);
    expect(await statusLocalNeo4j(home)).toMatchObject({ running: false, boltUri: null });

    // No password given: the home keeps the one it was created with.
    const second = await start();
    expect(second.alreadyRunning).toBe(false);
    expect(second.pid).not.toBe(first.pid);
    expect(second.password).toBe(first.password);
    expect(await run(second, "count-markers", { token })).toEqual([{ n: 1 }]);
  });

  it("finds and stops a server whose run.json was lost, and says so when nothing runs", async () => {
    const { pid } = (await statusLocalNeo4j(home)) as { pid: number };
    await rm(path.join(home, "run.json"));

    const status = await statusLocalNeo4j(home);
    expect(status).toMatchObject({ running: false, unrecordedPid: pid });
    await expect(start()).rejects.toThrow(new RegExp(`already running \\(pid ${pid}\\) but its run.json is missing`));

    expect(await stopLocalNeo4j(home)).toEqual({ wasRunning: true, killed: false });
    expect(processGone(pid)).toBe(true);
    expect(await stopLocalNeo4j(home)).toEqual({ wasRunning: false, killed: false });
    expect(await statusLocalNeo4j(home)).toMatchObject({ running: false, unrecordedPid: null });
  });
});
