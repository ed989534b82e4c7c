import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCorpus, writeCorpus } from "../../scripts/generate-corpus.ts";

/** A small generated corpus split over folders (one .json file per article), for runs that overlap. */
export function corpusFolders(names: string[], perFolder: number, seed = 7): { root: string; folders: Record<string, string> } {
  const root = mkdtempSync(path.join(os.tmpdir(), "kg-corpus-"));
  const articles = generateCorpus(names.length * perFolder, seed);
  const folders: Record<string, string> = {};
  names.forEach((name, i) => {
    const dir = path.join(root, name);
    mkdirSync(dir, { recursive: true });
    writeCorpus(dir, articles.slice(i * perFolder, (i + 1) * perFolder));
    folders[name] = dir;
  });
  return { root, folders };
}
