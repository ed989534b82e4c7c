import { createHash } from "node:crypto";

/**
 * A readable, spelling-tolerant key for a name, so the same actor spelled differently by two outlets
 * becomes one node: case, diacritics, punctuation and a leading "the" go (Türkiye/Turkiye), and a doubled
 * word-final y or i collapses (Zelenskyy/Zelensky). Broader variants are the extractor's aliases' job.
 */
export function nameKey(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^the /, "")
    .split(" ")
    .filter(Boolean)
    .map((w) => w.replace(/(yy|ii)$/, (m) => m[0]!));
  return words.join("-").slice(0, 96).replace(/-+$/, "");
}

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
