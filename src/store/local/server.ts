import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import neo4j from "neo4j-driver";
import { loadConfig } from "../../config/index.ts";
import { jvmOptions, renderConf } from "./conf.ts";
import { LocalNeo4jError } from "./errors.ts";
import { lastLines } from "./install.ts";
import { preparePassword } from "./password.ts";
import { defaultHome, defaultLibDir, hasBrowserJar, homeLayout, serverVersion, type HomeLayout } from "./paths.ts";
import { choosePort, isListening } from "./ports.ts";
import { findUnrecordedServer, isAlive, isServerProcess, sleep, waitForExit } from "./process.ts";
import { readRunInfo, removeRunInfo, RunInfo, writeRunInfo } from "./runfile.ts";
import { checkJava } from "./tools.ts";

/**
 * How to start the server; what is not given comes from the configuration (src/config: KG_NEO4J_*, NEO4J_PASSWORD,
 * JAVA_HOME), so the environment is read in one place.
 */
export interface StartOptions {
  /** Home folder (default KG_NEO4J_HOME or <repo>/.neo4j). */
  home?: string;
  /** Default KG_NEO4J_BOLT_PORT, else 7687 when free, else a free port. */
  boltPort?: number;
  /** Default KG_NEO4J_HTTP_PORT, else 7474 when free, else a free port. */
  httpPort?: number;
  /** Password of user neo4j, before the stored one (default for a new home: NEO4J_PASSWORD, else generated). */
  password?: string;
  /** JVM heap, e.g. "512m" (default KG_NEO4J_HEAP or "1g"). */
  heap?: string;
  /** Page cache, e.g. "256m" (default KG_NEO4J_PAGECACHE or "512m"). */
  pageCache?: string;
  /** Server-side transaction timeout for transactions that set none, e.g. "300s" (default KG_NEO4J_TX_TIMEOUT or 300s). */
  transactionTimeout?: string;
  /** Java executable (default KG_NEO4J_JAVA, $JAVA_HOME/bin/java, `java`). */
  java?: string;
  /** Folder with the server jars (default <repo>/neo4j/lib). */
  libDir?: string;
  /** JIT with C1 only: starts with about half the CPU, runs heavy queries slower (meant for tests). */
  quickJit?: boolean;
  /** How long to wait for Bolt (default KG_NEO4J_START_TIMEOUT_MS or 180 s). */
  timeoutMs?: number;
  /** Progress messages for people (one line each). */
  log?: (line: string) => void;
}

export type LocalNeo4jInfo = RunInfo & { alreadyRunning: boolean };

export interface LocalNeo4jStatus {
  running: boolean;
  /** Something accepts connections on the Bolt port. */
  boltListening: boolean;
  pid: number | null;
  /** A server of this home that runs without run.json (ports and password unknown): stop it. */
  unrecordedPid: number | null;
  home: string;
  boltUri: string | null;
  user: string | null;
  /** Password of `user` while running (also in HOME/run.json and HOME/password, both mode 0600). */
  password: string | undefined;
  httpUrl: string | null;
  browserUrl: string | null;
  dataDir: string;
  logFile: string;
  version: string | null;
}

const USER = "neo4j";
const DATABASE = "neo4j";

function checkMemorySize(value: string, what: string): string {
  if (!/^\d+[kmgKMG]$/.test(value)) {
    throw new LocalNeo4jError(`${what} must look like 512m or 2g, got "${value}".`);
  }
  return value;
}

function checkDuration(value: string, what: string): string {
  if (!/^\d+(ms|s|m|h)$/.test(value)) throw new LocalNeo4jError(`${what} must look like 300s or 5m, got "${value}".`);
  return value;
}

/** The running server of this home, or null (a stale run.json is removed). */
async function runningServer(layout: HomeLayout): Promise<RunInfo | null> {
  const info = readRunInfo(layout.runFile);
  if (!info) return null;
  if (isServerProcess(info.pid, layout.home)) return info;
  await removeRunInfo(layout.runFile);
  return null;
}

/**
 * Starts the local Neo4j of `home` in the background and returns once Bolt answers with the
 * password. Already running: returns its info. Data and logs stay in the home folder.
 */
export async function startLocalNeo4j(options: StartOptions = {}): Promise<LocalNeo4jInfo> {
  const config = loadConfig().localNeo4j;
  const log = options.log ?? (() => {});
  const layout = homeLayout(options.home ?? config.home);

  const existing = await runningServer(layout);
  if (existing) return { ...existing, alreadyRunning: true };
  const orphan = findUnrecordedServer(layout.home);
  if (orphan !== null) {
    throw new LocalNeo4jError(
      `A Neo4j server of ${layout.home} is already running (pid ${orphan}) but its run.json is missing, so its ports and password are unknown. ` +
        "Stop it with `npx kg db stop`, then start again.",
    );
  }

  const libDir = options.libDir ?? defaultLibDir;
  const version = serverVersion(libDir);
  if (!version) {
    throw new LocalNeo4jError(`The Neo4j jars are not installed in ${libDir}. Run \`npx kg db install\` (needs Maven and Java 17), then start again.`);
  }
  const java = options.java ?? config.java;
  checkJava(java);

  const heap = checkMemorySize(options.heap ?? config.heap, "The heap size (KG_NEO4J_HEAP)");
  const pageCache = checkMemorySize(options.pageCache ?? config.pageCache, "The page cache size (KG_NEO4J_PAGECACHE)");
  const boltPort = await choosePort(
    options.boltPort ?? config.boltPort,
    7687,
    "Bolt",
    [],
    "set another one with --bolt-port or KG_NEO4J_BOLT_PORT",
  );
  const httpPort = await choosePort(
    options.httpPort ?? config.httpPort,
    7474,
    "HTTP",
    [boltPort],
    "set another one with --http-port or KG_NEO4J_HTTP_PORT",
  );

  for (const dir of [layout.home, layout.confDir, layout.dataDir, layout.logsDir]) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  }
  await writeFile(layout.confFile, renderConf(layout, { boltPort, httpPort, pageCache, heap, transactionTimeout: checkDuration(options.transactionTimeout ?? config.transactionTimeout, "The transaction timeout (KG_NEO4J_TX_TIMEOUT)") }));
  if (!existsSync(layout.systemDbDir)) log(`Creating a new Neo4j database in ${layout.dataDir} (password of user neo4j kept in ${layout.passwordFile}).`);
  const password = await preparePassword(layout, options.password, config.initialPassword, java, libDir);

  const logOffset = existsSync(layout.logFile) ? statSync(layout.logFile).size : 0;
  const consoleFd = openSync(layout.consoleLog, "w");
  const child = spawn(
    java,
    [...jvmOptions(heap, { quickJit: options.quickJit }), "-cp", path.join(libDir, "*"), "org.neo4j.server.CommunityEntryPoint", `--home-dir=${layout.home}`, `--config-dir=${layout.confDir}`],
    { cwd: layout.home, detached: true, stdio: ["ignore", consoleFd, consoleFd], env: { ...process.env, NEO4J_HOME: layout.home, NEO4J_CONF: layout.confDir } },
  );
  closeSync(consoleFd);
  let exitCode: number | null = null;
  child.on("exit", (code, signal) => {
    exitCode = code ?? (signal ? 128 : -1);
  });
  const spawnError = await new Promise<Error | null>((resolve) => {
    child.once("error", resolve);
    child.once("spawn", () => resolve(null));
  });
  if (spawnError || child.pid === undefined) {
    throw new LocalNeo4jError(`Could not launch Java at "${java}": ${spawnError?.message ?? "no process id"}.`);
  }
  child.unref();

  const httpUrl = `http://127.0.0.1:${httpPort}`;
  const info: RunInfo = {
    pid: child.pid,
    home: layout.home,
    boltPort,
    httpPort,
    boltUri: `bolt://127.0.0.1:${boltPort}`,
    httpUrl,
    // ?dbms= pre-fills the Browser's connect form with this server and user.
    browserUrl: hasBrowserJar(libDir) ? `${httpUrl}/browser/?dbms=neo4j://${USER}@127.0.0.1:${boltPort}` : null,
    user: USER,
    password,
    database: DATABASE,
    dataDir: layout.dataDir,
    logFile: layout.logFile,
    version,
    startedAt: new Date().toISOString(),
  };
  // Recorded before waiting, so `kg db stop` can find a server whose start was interrupted.
  await writeRunInfo(layout.runFile, info);

  log(`Starting Neo4j ${version} (pid ${info.pid}) on ${info.boltUri}; waiting until it answers (about 10-20 s)...`);
  const timeoutMs = options.timeoutMs ?? config.startTimeoutMs;
  try {
    await waitUntilReady(info, layout, logOffset, timeoutMs, () => exitCode);
  } catch (err) {
    await stopProcess(info.pid, layout.home, 20_000);
    await removeRunInfo(layout.runFile);
    throw err;
  }
  return { ...info, alreadyRunning: false };
}

/** Waits until the default database answers on Bolt with the password, and HTTP answers. */
async function waitUntilReady(info: RunInfo, layout: HomeLayout, logOffset: number, timeoutMs: number, exitCode: () => number | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  let boltReady = false;
  while (Date.now() < deadline) {
    const code = exitCode();
    if (code !== null || !isAlive(info.pid)) {
      throw new LocalNeo4jError(
        `Neo4j stopped during start-up${code !== null ? ` (exit code ${code})` : ""}. ${logHint(layout, logOffset)}`,
      );
    }
    if (!boltReady) {
      const problem = await boltProblem(info);
      if (problem === null) boltReady = true;
      else if (problem.fatal) throw new LocalNeo4jError(`${problem.message} ${logHint(layout, logOffset)}`);
      else lastProblem = problem.message;
    }
    if (boltReady) {
      try {
        const response = await fetch(info.httpUrl, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
        lastProblem = `HTTP ${info.httpUrl} answered ${response.status}`;
      } catch (err) {
        lastProblem = `HTTP ${info.httpUrl}: ${(err as Error).message}`;
      }
    }
    await sleep(300);
  }
  throw new LocalNeo4jError(
    `Neo4j did not answer on ${info.boltUri} within ${Math.round(timeoutMs / 1000)} s (last: ${lastProblem}); it was stopped. ` +
      `${logHint(layout, logOffset)} A slow machine may need KG_NEO4J_START_TIMEOUT_MS set higher.`,
  );
}

/**
 * null when the default database accepts the password over Bolt. The neo4j:// scheme makes the
 * driver fetch a routing table for the database, so "ready" means the database is online.
 */
async function boltProblem(info: RunInfo): Promise<{ message: string; fatal: boolean } | null> {
  const driver = neo4j.driver(`neo4j://127.0.0.1:${info.boltPort}`, neo4j.auth.basic(info.user, info.password), {
    connectionTimeout: 2000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity({ database: info.database });
    return null;
  } catch (err) {
    const code = (err as { code?: string }).code ?? "";
    const message = (err as Error).message;
    if (code.startsWith("Neo.ClientError.Security.")) {
      return {
        fatal: true,
        message:
          `Neo4j at ${info.boltUri} refused the password for user "${info.user}" (${code}). The database in ${info.home} was created ` +
          `with another password: write it into ${path.join(info.home, "password")} and start again.`,
      };
    }
    return { fatal: false, message: `${code || "Bolt"}: ${message}` };
  } finally {
    await driver.close();
  }
}

function tail(file: string, lines: number): string | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, "utf8");
  return text.trim() ? lastLines(text.slice(-8000), lines) : null;
}

/** Where to look, plus the error and its root cause that this start wrote to neo4j.log (read from logOffset on). */
function logHint(layout: HomeLayout, logOffset: number): string {
  const lines = existsSync(layout.logFile) ? readFileSync(layout.logFile).subarray(logOffset).toString("utf8").split("\n") : [];
  const error = lines.filter((l) => / ERROR /.test(l)).at(-1)?.replace(/^\S+ \S+ ERROR\s+/, "");
  const cause = lines.filter((l) => l.startsWith("Caused by:")).at(-1)?.replace(/^Caused by: (\w+\.)*/, "");
  const consoleTail = tail(layout.consoleLog, 3);
  const details = [error, cause && cause.slice(0, 300), !error && consoleTail && `console: ${consoleTail}`].filter(Boolean).join(" ");
  return `${details ? `${details} ` : ""}See ${layout.logFile} (and ${layout.consoleLog}).`;
}

/** SIGTERM, then SIGKILL after timeoutMs. Resolves once the process is gone. */
async function stopProcess(pid: number, home: string, timeoutMs: number): Promise<"none" | "terminated" | "killed"> {
  if (!isServerProcess(pid, home)) return "none";
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return "none";
  }
  if (await waitForExit(pid, home, timeoutMs)) return "terminated";
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
  await waitForExit(pid, home, 10_000);
  return "killed";
}

export interface StopResult {
  /** false when no server of this home was running. */
  wasRunning: boolean;
  /** true when it ignored SIGTERM and had to be killed. */
  killed: boolean;
}

/** Stops the local Neo4j of `home` (SIGTERM; SIGKILL after timeoutMs) and removes run.json. */
export async function stopLocalNeo4j(home?: string, options: { timeoutMs?: number } = {}): Promise<StopResult> {
  const layout = homeLayout(home ?? defaultHome());
  const pid = readRunInfo(layout.runFile)?.pid ?? findUnrecordedServer(layout.home);
  const outcome = pid !== null ? await stopProcess(pid, layout.home, options.timeoutMs ?? 60_000) : "none";
  await removeRunInfo(layout.runFile);
  return { wasRunning: outcome !== "none", killed: outcome === "killed" };
}

/** Whether the local Neo4j of `home` runs, and where to reach it. */
export async function statusLocalNeo4j(home?: string): Promise<LocalNeo4jStatus> {
  const layout = homeLayout(home ?? defaultHome());
  const info = await runningServer(layout);
  return {
    running: info !== null,
    boltListening: info ? await isListening(info.boltPort) : false,
    pid: info?.pid ?? null,
    unrecordedPid: info ? null : findUnrecordedServer(layout.home),
    home: layout.home,
    boltUri: info?.boltUri ?? null,
    user: info?.user ?? null,
    password: info?.password,
    httpUrl: info?.httpUrl ?? null,
    browserUrl: info?.browserUrl ?? null,
    dataDir: layout.dataDir,
    logFile: layout.logFile,
    version: info?.version ?? serverVersion(defaultLibDir),
  };
}

/** Connection settings of the running local server of `home`, or null when none runs. */
export async function localConnection(home?: string): Promise<{ uri: string; user: string; password: string; database: string } | null> {
  const info = await runningServer(homeLayout(home ?? defaultHome()));
  return info ? { uri: info.boltUri, user: info.user, password: info.password, database: info.database } : null;
}
