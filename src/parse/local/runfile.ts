import { existsSync, readFileSync } from "node:fs";
import { chmod, rm, writeFile } from "node:fs/promises";
import { z } from "zod";

/** HOME/run.json: how to find and reach the running local parser (holds the credentials: mode 0600). */
export const RunInfoSchema = z.object({
  pid: z.number().int().positive(),
  home: z.string(),
  port: z.number().int().min(1).max(65_535),
  url: z.string(),
  user: z.string(),
  password: z.string(),
  version: z.string(),
  heap: z.string(),
  threads: z.number().int().positive(),
  logFile: z.string(),
  startedAt: z.string(),
});
export type RunInfo = z.infer<typeof RunInfoSchema>;

export function readRunInfo(runFile: string): RunInfo | null {
  if (!existsSync(runFile)) return null;
  try {
    return RunInfoSchema.parse(JSON.parse(readFileSync(runFile, "utf8")));
  } catch {
    return null; // unreadable or from another layout: treated as "no server recorded"
  }
}

/** Writes a file only its owner can read, also when it already existed with a wider mode. */
export async function writePrivateFile(file: string, content: string): Promise<void> {
  await writeFile(file, content, { mode: 0o600 });
  await chmod(file, 0o600); // writeFile's mode only applies when it creates the file
}

export const writeRunInfo = (runFile: string, info: RunInfo) => writePrivateFile(runFile, `${JSON.stringify(info, null, 2)}\n`);

export async function removeRunInfo(runFile: string): Promise<void> {
  await rm(runFile, { force: true });
}
