import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { ParserConfig } from "../../config/index.ts";
import { readCoreNlpJson } from "../corenlp-json.ts";
import { LocalParserError, ParserRequestError, ParserUnavailableError } from "../errors.ts";
import { annotate, probe, type ParserEndpoint } from "../http.ts";
import { CORENLP_SETTINGS } from "../settings.ts";
import { allButLoopbackHost } from "./blocklist.ts";
import { homeCredentials } from "./credentials.ts";
import { corenlpVersion, defaultLibDir, hasModelsJar, homeLayout, SERVER_CLASS, type HomeLayout } from "./paths.ts";
import { choosePort } from "./ports.ts";
import { findUnrecordedServer, isAlive, isServerProcess, sleep, stopProcess } from "./process.ts";
import { readRunInfo, removeRunInfo, writePrivateFile, writeRunInfo, type RunInfo } from "./runfile.ts";
import { checkJava, lastLines } from "./tools.ts";

/** What starting the local server needs; `ParserConfig` (from loadConfig) has all of it. */
export type LocalParserOptions = Pick<ParserConfig, "home" | "port" | "heap" | "threads" | "timeoutMs" | "maxChars" | "startTimeoutMs" | "java"> & {
  /** Folder with the CoreNLP jars (default <repo>/nlp/lib). */
  libDir?: string;
  /** Wait until the models are loaded and a tiny text parses (default true). false: return once the JVM runs. */
  wait?: boolean;
  /** Progress messages for people (one line each). */
  log?: (line: string) => void;
};

export type LocalParserInfo = Omit<RunInfo, "password"> & { password: string; alreadyRunning: boolean };

export interface LocalParserStatus {
  running: boolean;
  /** The server answers /ready (models loaded, port open). */
  ready: boolean;
  pid: number | null;
  /** A server of this home that runs without run.json (port and credentials unknown): stop it. */
  unrecordedPid: number | null;
  home: string;
  url: string | null;
  port: number | null;
  version: string | null;
  heap: string | null;
  threads: number | null;
  startedAt: string | null;
  logFile: string;
  /** Where the user and password are kept (mode 0600). */
  credentialsFile: string;
}

/** The running server of this home, or null; a stale run.json (its process gone or not ours) is removed. */
async function runningServer(layout: HomeLayout): Promise<RunInfo | null> {
  const info = readRunInfo(layout.runFile);
  if (!info) return null;
  if (isServerProcess(info.pid, layout)) return info;
  await removeRunInfo(layout.runFile);
  return null;
}

/** What every local server is given, besides heap and port: see README "The local parser (CoreNLP)". */
function serverOptions(layout: HomeLayout, options: { port: number; user: string; password: string; threads: number; timeoutMs: number; maxChars: number }): string {
  const lines = {
    port: options.port,
    // Same port: /ready and /live then answer only once the models are loaded and the API is up.
    status_port: options.port,
    username: options.user,
    password: options.password,
    quiet: true, // do not echo every text to the log
    // `stanford` turns on the block list (the stock server checks it only then); it also caps timeouts on the
    // host named corenlp.stanford.edu, which this is not.
    stanford: true,
    blockList: layout.blockListFile,
    threads: options.threads,
    timeout: options.timeoutMs,
    maxCharLength: options.maxChars,
    preload: CORENLP_SETTINGS.annotators,
    serverProperties: layout.defaultsFile,
  };
  return `# Written by \`kg nlp start\` on every start (holds the credentials: mode 0600).\n${propertiesText(lines)}`;
}

function propertiesText(values: Record<string, string | number | boolean>): string {
  // java.util.Properties: backslash escapes; our values are paths, names and base64url tokens.
  const escape = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
  return Object.entries(values)
    .map(([key, value]) => `${key} = ${escape(String(value))}\n`)
    .join("");
}

/**
 * Starts the local CoreNLP server of `home` in the background and (unless wait is false) returns once it has
 * loaded its models and parses a tiny text with this home's credentials. Already running: returns its info
 * (after waiting for it to be ready). Concurrent starts of one home are serialised by a lock file.
 */
export async function startLocalParser(options: LocalParserOptions): Promise<LocalParserInfo> {
  const log = options.log ?? (() => {});
  const wait = options.wait ?? true;
  const layout = homeLayout(options.home);
  await mkdir(layout.home, { recursive: true, mode: 0o700 });
  const release = await acquireStartLock(layout, options.startTimeoutMs);
  try {
    const existing = await runningServer(layout);
    if (existing) {
      if (wait) await waitUntilReady(existing, layout, options.startTimeoutMs);
      return { ...existing, alreadyRunning: true };
    }
    const orphan = findUnrecordedServer(layout);
    if (orphan !== null) {
      throw new LocalParserError(
        `A parser server of ${layout.home} is already running (pid ${orphan}) but its run.json is missing, so its port is unknown. ` +
          "Stop it with `npx kg nlp stop`, then start again.",
      );
    }

    const libDir = options.libDir ?? defaultLibDir;
    const version = corenlpVersion(libDir);
    if (!version || !hasModelsJar(libDir)) {
      throw new LocalParserError(
        `The CoreNLP jars${version ? "' English models are" : " are"} not installed in ${libDir}. ` +
          "Run `npx kg nlp install` (needs Maven and Java 17), then start again; or set KG_NLP_URL to use a CoreNLP server elsewhere.",
      );
    }
    checkJava(options.java);
    if (!/^\d+[kmgKMG]$/.test(options.heap)) throw new LocalParserError(`The heap size (KG_NLP_HEAP) must look like 512m or 2g, got "${options.heap}".`);

    const port = await choosePort(options.port);
    await mkdir(layout.tmpDir, { recursive: true, mode: 0o700 });
    const { user, password } = await homeCredentials(layout.credentialsFile);
    await writePrivateFile(layout.blockListFile, `${allButLoopbackHost().join("\n")}\n`);
    await writePrivateFile(layout.defaultsFile, propertiesText(CORENLP_SETTINGS));
    await writePrivateFile(
      layout.serverOptionsFile,
      serverOptions(layout, { port, user, password, threads: options.threads, timeoutMs: options.timeoutMs, maxChars: options.maxChars }),
    );

    const logFd = openSync(layout.logFile, "w", 0o600);
    const child = spawn(
      options.java,
      [
        `-Xmx${options.heap}`,
        // IPv4 only: the server then listens on 0.0.0.0 (not ::), and every peer has an IPv4 address the block list checks.
        "-Djava.net.preferIPv4Stack=true",
        `-Djava.io.tmpdir=${layout.tmpDir}`,
        "-Dfile.encoding=UTF-8",
        "-cp",
        path.join(libDir, "*"),
        SERVER_CLASS,
        "-props",
        layout.serverOptionsFile,
      ],
      { cwd: layout.home, detached: true, stdio: ["ignore", logFd, logFd] },
    );
    closeSync(logFd);
    const spawnError = await new Promise<Error | null>((resolve) => {
      child.once("error", resolve);
      child.once("spawn", () => resolve(null));
    });
    if (spawnError || child.pid === undefined) {
      throw new LocalParserError(`Could not launch Java at "${options.java}": ${spawnError?.message ?? "no process id"}.`);
    }
    child.unref();

    const info: RunInfo = {
      pid: child.pid,
      home: layout.home,
      port,
      url: `http://127.0.0.1:${port}/`,
      user,
      password,
      version,
      heap: options.heap,
      threads: options.threads,
      logFile: layout.logFile,
      startedAt: new Date().toISOString(),
    };
    // Recorded before waiting, so `kg nlp stop` finds a server whose start was cut short.
    await writeRunInfo(layout.runFile, info);
    if (!wait) return { ...info, alreadyRunning: false };

    log(`Starting the local parser (Stanford CoreNLP ${version}, pid ${info.pid}) on port ${port}; loading its models (about 10-20 s)...`);
    try {
      await waitUntilReady(info, layout, options.startTimeoutMs);
    } catch (err) {
      await stopProcess(info.pid, layout, 20_000);
      await removeRunInfo(layout.runFile);
      throw err;
    }
    return { ...info, alreadyRunning: false };
  } finally {
    release();
  }
}

const endpointOf = (info: RunInfo, layout: HomeLayout): ParserEndpoint => ({
  url: info.url,
  user: info.user,
  password: info.password,
  hint: `Is the local parser still running? See \`npx kg nlp status\` and its log ${layout.logFile}; \`npx kg nlp start\` starts it.`,
  authHint: `The local parser of ${layout.home} refused its own credentials: stop it with \`npx kg nlp stop\` and start it again.`,
});

/** Waits until the server of `info` loaded its models (/ready) and parses a tiny text with its credentials. */
async function waitUntilReady(info: RunInfo, layout: HomeLayout, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const endpoint = endpointOf(info, layout);
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (!isServerProcess(info.pid, layout)) {
      throw new LocalParserError(`The local parser stopped during start-up. ${logHint(layout)}`);
    }
    const logText = readLog(layout);
    if (/BindException|Address already in use/.test(logText)) {
      throw new LocalParserError(
        `The local parser could not listen on port ${info.port}: another program took it. Start again (a free port is chosen), or set KG_NLP_PORT. ${logHint(layout)}`,
      );
    }
    const status = await probe(endpoint, "/ready", 2000);
    if (status === 200) {
      try {
        const text = "Ready.";
        readCoreNlpJson(await annotate(endpoint, text, { timeoutMs: 60_000, retries: 0 }), text, 0, info.url);
        return;
      } catch (err) {
        // Not yet able to annotate: try again. Refused credentials or a malformed answer will not improve: fail.
        if (!(err instanceof ParserUnavailableError || err instanceof ParserRequestError)) throw err;
        last = err.message;
      }
    } else {
      last = status === null ? "port not open yet (loading models)" : `/ready answered ${status}`;
    }
    await sleep(300);
  }
  throw new LocalParserError(
    `The local parser did not become ready within ${Math.round(timeoutMs / 1000)} s (last: ${last}). ${logHint(layout)} ` +
      "A slow or busy machine may need KG_NLP_START_TIMEOUT_MS set higher.",
  );
}

/** The server's output since its start (the log is rewritten on each start). */
function readLog(layout: HomeLayout): string {
  return existsSync(layout.logFile) ? readFileSync(layout.logFile, "utf8") : "";
}

function logHint(layout: HomeLayout): string {
  const text = readLog(layout);
  const relevant = text
    .split("\n")
    .filter((l) => !/^SLF4J:/.test(l))
    .join("\n");
  const tail = relevant.trim() ? lastLines(relevant.slice(-4000), 4) : null;
  return `${tail ? `Log: ${tail}. ` : ""}See ${layout.logFile}.`;
}

/**
 * A lock file so that two starts of one home (two commands at once, `kg up` and an extract) do not launch two
 * servers. A lock left by a dead process is taken over.
 */
async function acquireStartLock(layout: HomeLayout, timeoutMs: number): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(layout.lockFile, "wx", 0o600);
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        void rm(layout.lockFile, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    let holder: number;
    try {
      holder = Number(readFileSync(layout.lockFile, "utf8").trim() || 0);
    } catch {
      continue; // released in the meantime
    }
    if (!holder || !isAlive(holder)) {
      await rm(layout.lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new LocalParserError(`Another start of the local parser of ${layout.home} (pid ${holder}) is still under way; try again when it is done.`);
    }
    await sleep(200);
  }
}

export interface StopResult {
  /** false when no server of this home was running. */
  wasRunning: boolean;
  /** true when it ignored SIGTERM and had to be killed. */
  killed: boolean;
}

/** Stops the local parser of `home` (SIGTERM; SIGKILL after timeoutMs) and removes run.json. */
export async function stopLocalParser(home: string, options: { timeoutMs?: number } = {}): Promise<StopResult> {
  const layout = homeLayout(home);
  const pid = readRunInfo(layout.runFile)?.pid ?? findUnrecordedServer(layout);
  const outcome = pid !== null ? await stopProcess(pid, layout, options.timeoutMs ?? 30_000) : "none";
  await removeRunInfo(layout.runFile);
  return { wasRunning: outcome !== "none", killed: outcome === "killed" };
}

/** Whether the local parser of `home` runs and answers, and where. */
export async function statusLocalParser(home: string, libDir: string = defaultLibDir): Promise<LocalParserStatus> {
  const layout = homeLayout(home);
  const info = await runningServer(layout);
  const ready = info ? (await probe(endpointOf(info, layout), "/ready", 2000)) === 200 : false;
  return {
    running: info !== null,
    ready,
    pid: info?.pid ?? null,
    unrecordedPid: info ? null : findUnrecordedServer(layout),
    home: layout.home,
    url: info?.url ?? null,
    port: info?.port ?? null,
    version: info?.version ?? corenlpVersion(libDir),
    heap: info?.heap ?? null,
    threads: info?.threads ?? null,
    startedAt: info?.startedAt ?? null,
    logFile: layout.logFile,
    credentialsFile: layout.credentialsFile,
  };
}

/** URL and credentials of the running local parser of `home`, or null when none runs. */
export async function localParserEndpoint(home: string): Promise<(ParserEndpoint & { version: string }) | null> {
  const layout = homeLayout(home);
  const info = await runningServer(layout);
  return info ? { ...endpointOf(info, layout), version: info.version } : null;
}

/** Waits until the local parser of `home` (started with wait: false) is ready. */
export async function waitForLocalParser(home: string, timeoutMs: number): Promise<void> {
  const layout = homeLayout(home);
  const info = await runningServer(layout);
  if (!info) throw new LocalParserError(`No local parser runs for ${layout.home}. ${logHint(layout)}`);
  await waitUntilReady(info, layout, timeoutMs);
}
