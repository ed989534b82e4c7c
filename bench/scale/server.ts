/**
 * `kg serve` as users run it (bin/kg.js, through tsx), in its own process against the bench's Neo4j, so the
 * latencies are those of the real HTTP server and its peak memory is its own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../../src/config/index.ts";
import type { BenchConnection } from "./neo4j.ts";
import { peakRssMb } from "./process-memory.ts";

export type ServeProcess = { url: string; pid: number; peakRssMb(): number | null; stop(): Promise<void> };

export async function startServe(connection: BenchConnection, timeoutMs = 120_000): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, "bin", "kg.js"), "serve", "--port", "0", "--quiet"], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: connection.database },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kg serve did not start within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /Graph explorer: (http:\/\/\S+?)\/?\s/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`kg serve exited (${code}): ${stderr}`));
    });
  });
  const pid = child.pid!;
  return {
    url,
    pid,
    peakRssMb: () => peakRssMb(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
