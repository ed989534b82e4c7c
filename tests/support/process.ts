import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Pid of the process listening on 127.0.0.1:port (Linux /proc), or null. Finds the test Neo4j whichever way it was started. */
export function listeningPid(port: number): number | null {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== "0A") continue; // 0A = LISTEN
      if (parseInt(cols[1]!.split(":")[1]!, 16) === port) inodes.add(cols[9]!);
    }
  }
  if (inodes.size === 0) return null;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(entry);
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return null;
}

/** CPU time (user + system) of a process so far, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted from after the command name; clock ticks of 1/100 s.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Share of one core the process used over the next `ms` milliseconds (1.0 = one core fully busy). */
export async function cpuShare(pid: number, ms: number): Promise<number> {
  const before = cpuSeconds(pid);
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, ms));
  return (cpuSeconds(pid) - before) / ((Date.now() - t0) / 1000);
}

export function boltPort(uri: string): number {
  return Number(new URL(uri.replace(/^[a-z+]+:/, "http:")).port || 7687);
}
