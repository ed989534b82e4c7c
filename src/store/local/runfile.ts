import { existsSync, readFileSync } from "node:fs";
import { chmod, rm, writeFile } from "node:fs/promises";
import { z } from "zod";

/** HOME/run.json: what a running local server needs to be found and reached (holds the password: mode 0600). */
export const RunInfo = z.object({
  pid: z.number().int().positive(),
  home: z.string(),
  boltPort: z.number().int(),
  httpPort: z.number().int(),
  boltUri: z.string(),
  httpUrl: z.string(),
  browserUrl: z.string().nullable(),
  user: z.string(),
  password: z.string(),
  database: z.string(),
  dataDir: z.string(),
  logFile: z.string(),
  version: z.string().nullable(),
  startedAt: z.string(),
});
export type RunInfo = z.infer<typeof RunInfo>;

export function readRunInfo(runFile: string): RunInfo | null {
  if (!existsSync(runFile)) return null;
  try {
    return RunInfo.parse(JSON.parse(readFileSync(runFile, "utf8")));
  } catch {
    return null; // unreadable or from an older layout: treated as "no server recorded"
  }
}

export async function writeRunInfo(runFile: string, info: RunInfo): Promise<void> {
  await writeFile(runFile, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  await chmod(runFile, 0o600); // writeFile's mode only applies when the file is created
}

export async function removeRunInfo(runFile: string): Promise<void> {
  await rm(runFile, { force: true });
}
