import { readdirSync, readFileSync } from "node:fs";

/** True when a process with this pid exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * True when pid is alive and is the Neo4j of this home (guards against a recycled pid).
 * Where /proc is missing (not Linux), a live pid is trusted.
 */
export function isServerProcess(pid: number, home: string): boolean {
  if (!isAlive(pid)) return false;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return process.platform !== "linux";
  }
  // A zombie (exited, not yet reaped by its parent) has an empty cmdline: it is not serving.
  return cmdline.split("\0").includes(`--home-dir=${home}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until the process is gone; true if it exited within timeoutMs. */
export async function waitForExit(pid: number, home: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isServerProcess(pid, home)) return true;
    await sleep(100);
  }
  return !isServerProcess(pid, home);
}

/**
 * Pid of a server running with this home but not recorded in run.json (run.json deleted, or a
 * start interrupted before writing it). Linux only (/proc); null elsewhere or when none.
 */
export function findUnrecordedServer(home: string): number | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid !== process.pid && isServerProcess(pid, home)) return pid;
  }
  return null;
}
