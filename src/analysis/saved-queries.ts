import path from "node:path";
import { z } from "zod";
import { cypher, cypherFolder, CYPHER_DIR } from "../store/cypher.ts";
import { parseParamValue } from "./params.ts";

/**
 * Saved queries: cypher/queries/<name>.cypher with a header of comments
 *   // title: ...            // description: ...
 *   // param: name (type) – meaning          (one line per parameter)
 *   // :param name => value                  (an example, pasteable into Neo4j Browser; also the default)
 */
export const SavedQuerySchema = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  params: z.array(z.object({ name: z.string(), type: z.string(), meaning: z.string(), example: z.unknown().optional() })),
  cypher: z.string(),
  file: z.string(),
});
export type SavedQuery = z.infer<typeof SavedQuerySchema>;

/** Saved queries live in cypher/queries/ and are read through the project's one Cypher loader. */
const SAVED_QUERY_FOLDER = "queries";

export class SavedQueryError extends Error {
  readonly userFacing = true;
}

/** Reads the header comments of one saved query. */
export function parseSavedQuery(name: string, text: string, file = `${name}.cypher`): SavedQuery {
  const header: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t.startsWith("//")) break;
    header.push(t.replace(/^\/\/\s?/, ""));
  }
  const field = (key: string) => header.find((h) => h.toLowerCase().startsWith(`${key}:`))?.slice(key.length + 1).trim();
  const examples = new Map<string, unknown>();
  for (const h of header) {
    const m = /^:param\s+([A-Za-z_]\w*)\s*=>\s*(.+)$/.exec(h);
    if (m) examples.set(m[1]!, parseParamValue(m[2]!.trim().replace(/;$/, "")));
  }
  const params = header
    .map((h) => /^params?:\s*([A-Za-z_]\w*)\s*\(([^)]*)\)\s*[–-]?\s*(.*)$/.exec(h))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1]!, type: m[2]!.trim(), meaning: m[3]!.trim(), example: examples.get(m[1]!) }));
  return SavedQuerySchema.parse({
    name,
    title: field("title") ?? name,
    description: field("description") ?? "",
    params,
    cypher: text,
    file,
  });
}

export function listSavedQueries(): SavedQuery[] {
  return cypherFolder(SAVED_QUERY_FOLDER).map((name) =>
    parseSavedQuery(path.basename(name), cypher(name), path.join(CYPHER_DIR, `${name}.cypher`)),
  );
}

export function findSavedQuery(name: string): SavedQuery {
  const all = listSavedQueries();
  const wanted = name.replace(/\.cypher$/, "");
  const hit = all.find((q) => q.name === wanted);
  if (!hit) {
    throw new SavedQueryError(`No saved query named "${name}". Saved queries: ${all.map((q) => q.name).join(", ") || "(none)"}. List them with \`kg query --saved\`.`);
  }
  return hit;
}

/** The parameters to run a saved query with: its examples as defaults, overridden by the user's. */
export function savedQueryParams(query: SavedQuery, given: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of query.params) if (p.example !== undefined) params[p.name] = p.example;
  return { ...params, ...given };
}
