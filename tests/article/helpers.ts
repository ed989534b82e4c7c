import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** tests/fixtures/input, absolute. */
export const INPUT = fileURLToPath(new URL("../fixtures/input/", import.meta.url));
export const fixture = (...parts: string[]) => path.join(INPUT, ...parts);

/** A fresh temporary folder with the given files (string or bytes); returns its path and a cleanup. */
export async function tempFiles(files: Record<string, string | Uint8Array>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kg-article-"));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
