import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../config/index.ts";

const CYPHER_DIR = path.join(REPO_ROOT, "cypher");
const cache = new Map<string, string>();

/** Loads a query from cypher/<name>.cypher once; Cypher lives in files, not in code. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), "utf8");
    cache.set(name, text);
  }
  return text;
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
