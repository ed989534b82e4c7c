import { describe, expect, it } from "vitest";
import { buildComparison, explainPositions, groupQuotes } from "../../src/analysis/compare.ts";
import type { Evidence, Position } from "../../src/analysis/schema.ts";

const ev = (position: Position, relation: string, quote: string, date: string | null, confidence = 0.8, proposal: string | null = "proposal:p"): Evidence => ({
  actorId: "country:x",
  actorName: "X",
  position,
  relation,
  proposalId: relation === "HAS_STANCE" ? null : proposal,
  proposalName: relation === "HAS_STANCE" ? null : proposal,
  quote,
  confidence,
  articleId: "a1",
  articleTitle: "Article",
  source: "Wire",
  url: "https://example.org/a1",
  date,
  start: 10,
  end: 10 + quote.length,
});

describe("Compare's evidence, grouped by quote", () => {
  it("lists a sentence once with every fact it supports", () => {
    const quote = "X offered troops and backs the force.";
    const groups = groupQuotes([ev("support", "OFFERED", quote, "2025-08-20"), ev("support", "HAS_STANCE", quote, "2025-08-20"), ev("oppose", "REJECTED", "X rejected it.", "2025-08-01")]);
    expect(groups.map((g) => g.quote)).toEqual(["X rejected it.", quote]);
    expect(groups[1]!.facts.map((f) => f.relation)).toEqual(["OFFERED", "HAS_STANCE"]);
    expect(groups[1]).toMatchObject({ start: 10, end: 10 + quote.length, url: "https://example.org/a1" });
  });
});

describe("the explanation of a column's stance", () => {
  it("counts by position and names the latest and the strongest fact and the rule", () => {
    const evidence = [ev("support", "OFFERED", "a", "2025-08-01", 0.7), ev("conditional", "HAS_STANCE", "b", "2025-08-10", 0.95), ev("mixed", "HAS_STANCE", "c", "2025-08-05", 0.6)];
    const e = explainPositions(evidence, "rule");
    expect(e.counts).toEqual({ support: 1, conditional: 1, mixed: 1, oppose: 0 });
    expect(e.latest).toEqual({ position: "conditional", date: "2025-08-10", relation: "HAS_STANCE", proposalName: null });
    expect(e.strongest).toMatchObject({ position: "conditional", confidence: 0.95 });
    const result = buildComparison({ id: "t", name: "T" }, [{ query: "X", kind: "entity", name: "X", memberIds: ["country:x"], memberNames: ["X"], note: null }], evidence);
    expect(result.columns[0]!.stance).toBe("conditional");
    expect(result.columns[0]!.explanation.rule).toMatch(/conditional/);
    expect(result.columns[0]!.quotes).toHaveLength(3);
  });
});
