import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Folder of the read queries; each query lives in its own .cypher file so it can be read and reviewed as Cypher. */
const READ_QUERY_DIR = fileURLToPath(new URL("../../../cypher/read/", import.meta.url));

export const READ_QUERY_NAMES = [
  "graph-nodes",
  "graph-edges",
  "article-sources",
  "node",
  "node-summaries",
  "neighbor-step",
  "search",
  "articles",
  "article",
  "facts",
  "stats",
  "date-range",
  "ping",
] as const;
export type ReadQueryName = (typeof READ_QUERY_NAMES)[number];

/** Reads every read query once, at start-up, so a missing file fails loudly before the first request. */
export function loadReadQueries(dir: string = READ_QUERY_DIR): Record<ReadQueryName, string> {
  const entries = READ_QUERY_NAMES.map((name) => [name, readFileSync(`${dir}${name}.cypher`, "utf8")] as const);
  return Object.fromEntries(entries) as Record<ReadQueryName, string>;
}
