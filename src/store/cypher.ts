import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../config/index.ts";

/**
 * The one loader of Cypher: every query of the project (schema, writes, reads, analysis, saved queries, checks,
 * bench set-up) lives in cypher/<folder>/<name>.cypher and is read through here, once.
 */
export const CYPHER_DIR = path.join(REPO_ROOT, "cypher");
const cache = new Map<string, string>();

/** The text of cypher/<name>.cypher (name as "read/node"), read once and kept. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), "utf8");
    cache.set(name, text);
  }
  return text;
}

/** The queries of one folder (e.g. "queries", the saved ones), as names for cypher(), sorted. */
export function cypherFolder(folder: string): string[] {
  const dir = path.join(CYPHER_DIR, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .map((f) => `${folder}/${f.replace(/\.cypher$/, "")}`);
}

/** Splits a script of several statements (schema files) on semicolons that end a line; drops comments. */
export function statements(script: string): string[] {
  return script
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) =>
      s
        .split(/\r?\n/)
        .filter((line) => !line.trim().startsWith("//"))
        .join("\n")
        .trim(),
    )
    .filter(Boolean);
}
