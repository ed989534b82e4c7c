/**
 * The local parser's lifecycle on a throw-away home: concurrent starts make one server, status, a run file
 * gone missing, stop, restart with the same credentials, a crashed server's stale run file, the start on demand
 * by a client (and again after a crash), and the clear errors.
 * Each start loads the models (~5-20 s on a busy machine), so one home is started four times in all and the tests
 * run in order.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type ParserConfig } from "../../src/config/index.ts";
import { createParser, LocalParserError, ParserUnavailableError } from "../../src/parse/index.ts";
import { startLocalParser, statusLocalParser, stopLocalParser, type LocalParserInfo } from "../../src/parse/local/index.ts";
import { freePort } from "../../src/parse/local/ports.ts";
import { processGone } from "../../src/parse/local/process.ts";
import { TEST_PARSER_HEAP } from "../setup/nlp-global.ts";

const fileMode = (file: string) => statSync(file).mode & 0o777;

let home: string;
let config: ParserConfig;
let first: LocalParserInfo;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), "kg-nlp-lifecycle-"));
  config = { ...loadConfig().parser, url: undefined, home, port: await freePort(), heap: TEST_PARSER_HEAP };
});

afterAll(async () => {
  await stopLocalParser(home, { timeoutMs: 20_000 });
  await rm(home, { recursive: true, force: true });
});

describe.sequential("the local parser", { timeout: 300_000 }, () => {
  it("reports a fresh home as not running", async () => {
    const status = await statusLocalParser(home);
    expect(status).toMatchObject({ running: false, ready: false, pid: null, unrecordedPid: null, url: null, home });
    expect(status.logFile).toBe(path.join(home, "server.log"));
  });

  it("starts one server for two concurrent starts and waits until it parses", async () => {
    const [a, b] = await Promise.all([startLocalParser(config), startLocalParser(config)]);
    expect(a.pid).toBe(b.pid);
    expect([a.alreadyRunning, b.alreadyRunning].sort()).toEqual([false, true]);
    first = a.alreadyRunning ? b : a;
    expect(first.url).toBe(`http://127.0.0.1:${config.port}/`);
    expect(first.version).toMatch(/^\d+\.\d+\.\d+$/);

    const status = await statusLocalParser(home);
    expect(status).toMatchObject({ running: true, ready: true, pid: first.pid, port: config.port, heap: TEST_PARSER_HEAP, threads: config.threads });
    const parser = createParser({ ...config, url: first.url, user: first.user, password: first.password });
    expect((await parser.parse("Qatar hosted the talks.")).sentences[0]!.tokens[0]!.ner).toBe("LOCATION");
    await parser.close();
  });

  it("keeps run file, credentials and server options readable by their owner only, in a home only its owner can enter", () => {
    for (const file of ["run.json", "credentials.json", "server.properties"]) expect([file, fileMode(path.join(home, file))]).toEqual([file, 0o600]);
    expect(fileMode(home) & 0o077).toBe(0);
    expect(readFileSync(path.join(home, "server.properties"), "utf8")).toContain(`password = ${first.password}`);
    expect(existsSync(path.join(home, "tmp", "corenlp.shutdown"))).toBe(true); // the server's key file, in this home
    expect(existsSync(path.join(home, "start.lock"))).toBe(false);
  });

  it("is found without its run file, refuses a second start then, and stop stops it", async () => {
    await rm(path.join(home, "run.json"));
    const status = await statusLocalParser(home);
    expect(status).toMatchObject({ running: false, unrecordedPid: first.pid });
    await expect(startLocalParser(config)).rejects.toThrow(/already running \(pid \d+\) but its run\.json is missing.*npx kg nlp stop/s);

    const stopped = await stopLocalParser(home);
    expect(stopped).toEqual({ wasRunning: true, killed: false });
    expect(processGone(first.pid)).toBe(true);
    expect(await stopLocalParser(home)).toEqual({ wasRunning: false, killed: false });
  });

  it("starts again with the same credentials, and forgets a crashed server's stale run file", async () => {
    const again = await startLocalParser(config);
    expect(again.alreadyRunning).toBe(false);
    expect(again.pid).not.toBe(first.pid);
    expect([again.user, again.password]).toEqual([first.user, first.password]);

    process.kill(again.pid, "SIGKILL"); // a crash: run.json stays behind
    await expect.poll(() => processGone(again.pid), { timeout: 10_000 }).toBe(true);
    expect(existsSync(path.join(home, "run.json"))).toBe(true);
    const status = await statusLocalParser(home);
    expect(status).toMatchObject({ running: false, pid: null });
    expect(existsSync(path.join(home, "run.json"))).toBe(false);
  });

  it("starts on demand for a client without KG_NLP_URL, says so, and starts again on the next parse after a crash", async () => {
    const lines: string[] = [];
    const parser = createParser(config, { log: (line) => lines.push(line), retries: 0 });
    try {
      expect((await parser.parse("Oman hosted the talks.")).sentences[0]!.tokens[0]!.word).toBe("Oman");
      expect(lines.join("\n")).toMatch(/runs in the background \(pid \d+, port \d+\) for later commands; `npx kg nlp stop` stops it/);
      const crashed = (await statusLocalParser(home)).pid!;
      process.kill(crashed, "SIGKILL");
      await expect.poll(() => processGone(crashed), { timeout: 10_000 }).toBe(true);
      await expect(parser.parse("Nobody answers now.")).rejects.toBeInstanceOf(ParserUnavailableError);
      expect((await parser.parse("Oman hosted the talks again.")).sentences[0]!.tokens[0]!.word).toBe("Oman");
      const restarted = await statusLocalParser(home);
      expect(restarted).toMatchObject({ running: true, ready: true });
      expect(restarted.pid).not.toBe(crashed);
    } finally {
      await parser.close();
      await stopLocalParser(home);
    }
  });

  it("treats a run file naming another live process as stale", async () => {
    const info = { ...first, pid: process.pid }; // alive, but not a CoreNLP server of this home
    await writeFile(path.join(home, "run.json"), JSON.stringify(info));
    expect((await statusLocalParser(home)).running).toBe(false);
    expect(existsSync(path.join(home, "run.json"))).toBe(false);
  });
});

describe("clear errors before anything starts", () => {
  it("refuses a port another program uses, saying what to do", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const attempt = startLocalParser({ ...config, home: path.join(home, "other"), port });
      await expect(attempt).rejects.toBeInstanceOf(LocalParserError);
      await expect(attempt).rejects.toThrow(`Port ${port} for the local parser is already in use by another program`);
    } finally {
      blocker.close();
    }
  });

  it("says how to install the jars when they are missing", async () => {
    const empty = path.join(home, "no-jars");
    await expect(startLocalParser({ ...config, home: path.join(home, "x"), libDir: empty })).rejects.toThrow(
      /CoreNLP jars are not installed in .*no-jars.*npx kg nlp install/s,
    );
  });

  it("says how to get Java when it cannot run", async () => {
    await expect(startLocalParser({ ...config, home: path.join(home, "y"), java: "/nonexistent/java" })).rejects.toThrow(
      /Cannot run Java at "\/nonexistent\/java".*openjdk-17-jre-headless.*KG_NLP_JAVA/s,
    );
  });
});
