import { readFileSync } from "node:fs";

/** Peak resident set size of a process in MB (Linux: VmHWM in /proc/<pid>/status), or null when unknown. */
export function peakRssMb(pid: number | "self" = "self"): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    return null;
  }
}
