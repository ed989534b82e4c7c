import { cypher } from "./cypher.ts";
import type { Store } from "./driver.ts";
import { applySchema } from "./schema.ts";

/** The checks of `kg check`, in the order repairs run (each repair may leave work for a later one). */
export const CHECKS = [
  { name: "incomplete-articles", what: "article nodes never completely written", repairable: true },
  { name: "dangling-facts", what: "facts and stances whose article is missing", repairable: true },
  { name: "duplicate-keys", what: "extra copies of facts, stances or mentions (same key)", repairable: true },
  { name: "duplicate-pairs", what: "extra copies of mentions or ABOUT links between the same two nodes", repairable: true },
  { name: "unkeyed-mentions", what: "mentions without a key (written by an older version)", repairable: true },
  { name: "orphan-entities", what: "entities no article mentions", repairable: true },
  { name: "orphan-topics", what: "topics nothing refers to", repairable: true },
  { name: "duplicate-nodes", what: "articles, entities or topics sharing an id (not repaired: see the README)", repairable: false },
] as const;

export type CheckName = (typeof CHECKS)[number]["name"];

export interface CheckFinding {
  name: CheckName;
  what: string;
  /** How many extra or dangling items. */
  count: number;
  /** A few of them, for the report. */
  examples: string[];
  repairable: boolean;
}

const EXAMPLES = 5;

/** Runs every check; read-only. */
export async function checkGraph(store: Store): Promise<CheckFinding[]> {
  const findings: CheckFinding[] = [];
  for (const check of CHECKS) {
    const { records } = await store.driver.executeQuery(cypher(`check/${check.name}`), {}, { database: store.database, routing: "READ" });
    const count = records.reduce((sum, r) => sum + Number(r.get("extra")), 0);
    findings.push({ ...check, count, examples: records.slice(0, EXAMPLES).map((r) => String(r.get("item"))) });
  }
  return findings;
}

/**
 * Removes what the checks find (each repair in its own transaction, in CHECKS order), then applies the schema so
 * the uniqueness constraints that keep it from coming back are in place. Returns how many items each repair fixed.
 */
export async function repairGraph(store: Store): Promise<Record<string, number>> {
  const fixed: Record<string, number> = {};
  for (const check of CHECKS) {
    if (!check.repairable) continue;
    const { records } = await store.driver.executeQuery(cypher(`check/${check.name}.repair`), {}, { database: store.database });
    fixed[check.name] = Number(records[0]?.get("fixed") ?? 0);
  }
  await applySchema(store);
  return fixed;
}
