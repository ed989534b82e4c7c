/** `kg nlp` as a user runs it: start, status, stop on a throw-away home, and a clear error without a stack trace. */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/index.ts";
import { stopLocalParser } from "../../src/parse/local/index.ts";
import { freePort } from "../../src/parse/local/ports.ts";
import { TEST_PARSER_HEAP } from "../setup/nlp-global.ts";

const run = promisify(execFile);
const KG = path.join(REPO_ROOT, "bin", "kg.js");

async function kg(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [KG, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let home: string;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), "kg-nlp-cli-"));
});
afterAll(async () => {
  await stopLocalParser(home);
  await rm(home, { recursive: true, force: true });
});

describe.sequential("kg nlp", { timeout: 300_000 }, () => {
  it("starts the parser, says where it is, and never prints the credentials", async () => {
    const port = String(await freePort());
    const started = await kg(["nlp", "start", "--home", home, "--port", port, "--heap", TEST_PARSER_HEAP, "--threads", "1"]);
    expect(started.code).toBe(0);
    expect(started.stdout).toContain(`is running (pid `);
    expect(started.stdout).toContain(`http://127.0.0.1:${port}/`);
    expect(started.stdout).toContain(path.join(home, "credentials.json"));
    const { user, password } = JSON.parse(readFileSync(path.join(home, "credentials.json"), "utf8")) as { user: string; password: string };
    for (const output of [started.stdout, started.stderr, readFileSync(path.join(home, "server.log"), "utf8")]) {
      expect(output).not.toContain(password);
      expect(output).not.toContain(user);
    }

    const again = await kg(["nlp", "start", "--home", home]);
    expect(again.stdout).toMatch(/^Already running\./);

    const status = await kg(["nlp", "status", "--home", home, "--json"]);
    const parsed = JSON.parse(status.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({ running: true, ready: true, port: Number(port), threads: 1, heap: TEST_PARSER_HEAP });
    expect(status.stdout).not.toContain(password);
  });

  it("stops it, and says so when it was not running", async () => {
    expect((await kg(["nlp", "stop", "--home", home])).stdout).toBe("The local parser stopped.\n");
    expect((await kg(["nlp", "stop", "--home", home])).stdout).toBe(`The local parser was not running (home ${home}).\n`);
    expect((await kg(["nlp", "status", "--home", home])).stdout).toMatch(/^The local parser is not running/);
  });

  it("explains a missing Java in one message, exit code 1, no stack trace", async () => {
    const result = await kg(["nlp", "start", "--home", home], { KG_NLP_JAVA: "/nonexistent/java" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^kg: Cannot run Java at "\/nonexistent\/java"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
