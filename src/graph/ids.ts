import { createHash } from "node:crypto";

/** The spelling-tolerant key of a name (src/text/normalise.ts): the same actor in two spellings is one node. */
export { nameKey } from "../text/normalise.ts";

export function entityId(type: string, key: string): string {
  return `${type.toLowerCase()}:${key || "unnamed"}`;
}

/** Short, stable hash for identities built from several parts. */
export function stableKey(...parts: Array<string | number | undefined | null>): string {
  return createHash("sha1")
    .update(parts.map((p) => (p === undefined || p === null ? "" : String(p))).join("\u241f"))
    .digest("hex")
    .slice(0, 20);
}
