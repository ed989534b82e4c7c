import { describe, expect, it } from "vitest";
import { RELATION_TYPES } from "../../src/extract/schema.ts";
import { cypher } from "../../src/store/cypher.ts";

/**
 * Reads that must not touch a node's mentions list the fact types in their patterns (a dense node's relationships
 * are grouped by type, so the mentions are never read). A relation type added to the extractor must be added to
 * them too: this test says which file misses it.
 */
const ARTICLE_FACTS = [...RELATION_TYPES, "HAS_STANCE"];
const ALL_FACTS = [...ARTICLE_FACTS, "ABOUT"];

/** The relationship types of every `[r:A|B|C]` pattern in a query. */
function patternTypes(text: string): string[][] {
  return [...text.matchAll(/\[\w*:([A-Z_]+(?:\|[A-Z_]+)+)\]/g)].map((m) => m[1]!.split("|"));
}

describe("fact types listed in the read queries", () => {
  it.each([
    "read/overview-edges",
    "read/neighbors",
    "read/neighbors-step",
    "layout/edges",
    "layout/neighbourhood",
  ])("%s expands over every fact type, ABOUT included", (name) => {
    const patterns = patternTypes(cypher(name));
    expect(patterns.length).toBeGreaterThan(0);
    for (const types of patterns) expect(types.sort()).toEqual([...ALL_FACTS].sort());
  });

  it.each(["read/article-facts", "read/facts", "read/overview-nodes-in-articles", "analysis/actor-timeline"])(
    "%s covers every fact type an article supports",
    (name) => {
      const patterns = patternTypes(cypher(name));
      expect(patterns.length).toBeGreaterThan(0);
      for (const types of patterns) expect(types.sort()).toEqual([...ARTICLE_FACTS].sort());
    },
  );

  it.each(["read/node", "read/node-relations", "read/stats", "read/overview-nodes-with-relations"])("%s counts or lists each fact type", (name) => {
    const text = cypher(name);
    for (const type of ALL_FACTS) expect(text, `${name} lacks ${type}`).toMatch(new RegExp(`:${type}\\b`));
  });
});
