import { readdirSync, readFileSync } from "node:fs";
import { SERVER_CLASS, type HomeLayout } from "./paths.ts";

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
 * True when pid is alive and is the CoreNLP server of this home: its command line names the server class and
 * this home's tmp folder (guards against a recycled pid). Where /proc is missing (not Linux), a live pid is trusted.
 */
export function isServerProcess(pid: number, layout: HomeLayout): boolean {
  if (!isAlive(pid)) return false;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return process.platform !== "linux";
  }
  // A zombie (exited, not yet reaped by its parent) has an empty cmdline: it is not serving.
  const args = cmdline.split("\0");
  return args.includes(SERVER_CLASS) && args.includes(`-Djava.io.tmpdir=${layout.tmpDir}`);
}

/** Pid of a server of this home that run.json does not record (deleted, or a start cut short); Linux only. */
export function findUnrecordedServer(layout: HomeLayout): number | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid !== process.pid && isServerProcess(pid, layout)) return pid;
  }
  return null;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * True when the process has exited and closed its files and sockets: no such process, or a zombie with no thread
 * left. An exiting JVM loses its command line before its last threads close the listening socket, so "not our
 * server any more" is not yet "gone".
 */
export function processGone(pid: number): boolean {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return !isAlive(pid);
  }
  return /^State:\s+Z/m.test(status) && /^Threads:\s+1$/m.test(status);
}

/** Waits until the process is gone (see processGone); true if it went within timeoutMs. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (processGone(pid)) return true;
    await sleep(100);
  }
  return processGone(pid);
}

/** SIGTERM, then SIGKILL after timeoutMs. Resolves once the process is gone. */
export async function stopProcess(pid: number, layout: HomeLayout, timeoutMs: number): Promise<"none" | "terminated" | "killed"> {
  if (!isServerProcess(pid, layout)) return "none";
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return "none";
  }
  if (await waitForExit(pid, timeoutMs)) return "terminated";
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
  await waitForExit(pid, 10_000);
  return "killed";
}
