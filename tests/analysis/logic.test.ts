import { describe, expect, it } from "vitest";
import { buildComparison, summarizeMembers, summarizePositions } from "../../src/analysis/compare.ts";
import { findGroup, groupMembers, GroupSchema, loadGroups } from "../../src/analysis/groups.ts";
import { parseParams } from "../../src/analysis/params.ts";
import { listSavedQueries, parseSavedQuery, savedQueryParams } from "../../src/analysis/saved-queries.ts";
import type { ActorCandidate, Evidence, Position } from "../../src/analysis/schema.ts";

function ev(actorId: string, position: Position, date: string | null, proposalId: string | null = "proposal:p"): Evidence {
  return {
    actorId,
    actorName: actorId,
    position,
    relation: position === "oppose" ? "REJECTED" : "SUPPORTED",
    proposalId,
    proposalName: proposalId,
    quote: `quote of ${actorId}`,
    confidence: 0.9,
    articleId: "a",
    articleTitle: "t",
    source: "s",
    url: null,
    date,
  };
}

describe("stance summary", () => {
  it("is 'no position found' without evidence, the single position otherwise", () => {
    expect(summarizePositions([]).stance).toBe("no position found");
    expect(summarizePositions([ev("x", "oppose", "2025-01-01")]).stance).toBe("oppose");
  });

  it("turns support with conditions into conditional", () => {
    expect(summarizePositions([ev("x", "support", "2025-01-01"), ev("x", "conditional", "2025-01-02")]).stance).toBe("conditional");
  });

  it("shows a change of position: support first, then opposition", () => {
    const s = summarizePositions([ev("x", "oppose", "2025-03-01"), ev("x", "support", "2025-01-01"), ev("x", "support", "2025-02-01")]);
    expect(s).toEqual({ stance: "oppose", shift: { from: "support", to: "oppose", date: "2025-03-01" } });
  });

  it("calls interleaved support and opposition mixed", () => {
    const s = summarizePositions([ev("x", "support", "2025-01-01"), ev("x", "oppose", "2025-02-01"), ev("x", "support", "2025-03-01")]);
    expect(s).toEqual({ stance: "mixed", shift: null });
    expect(summarizePositions([ev("x", "support", "2025-01-01"), ev("x", "oppose", "2025-01-01")]).stance).toBe("mixed");
  });

  it("summarizes a group from its members", () => {
    expect(summarizeMembers(["support", "no position found", "support"])).toBe("support");
    expect(summarizeMembers(["support", "conditional"])).toBe("conditional");
    expect(summarizeMembers(["support", "oppose"])).toBe("mixed");
    expect(summarizeMembers([])).toBe("no position found");
  });
});

describe("buildComparison", () => {
  const actors = [
    { query: "A", kind: "entity" as const, name: "A", memberIds: ["a"], memberNames: ["A"], note: null },
    { query: "B", kind: "entity" as const, name: "B", memberIds: ["b"], memberNames: ["B"], note: null },
    { query: "G", kind: "group" as const, name: "G", memberIds: ["c", "d"], memberNames: ["C", "D"], note: null },
  ];
  it("puts disputed proposals first and keeps one column per actor in input order", () => {
    const result = buildComparison({ id: "t", name: "T" }, actors, [
      ev("a", "support", "2025-01-01", "proposal:agreed"),
      ev("b", "support", "2025-01-01", "proposal:agreed"),
      ev("a", "support", "2025-01-02", "proposal:disputed"),
      ev("c", "oppose", "2025-01-03", "proposal:disputed"),
      ev("d", "oppose", "2025-01-04", "proposal:disputed"),
    ]);
    expect(result.columns.map((c) => [c.actor.name, c.stance])).toEqual([
      ["A", "support"],
      ["B", "support"],
      ["G", "oppose"],
    ]);
    expect(result.columns[2]!.members.map((m) => m.name)).toEqual(["C", "D"]);
    expect(result.proposals.map((p) => [p.proposalId, p.disputed])).toEqual([
      ["proposal:disputed", true],
      ["proposal:agreed", false],
    ]);
    expect(result.proposals[0]!.positions).toEqual({ A: "support", G: "oppose" });
  });
});

describe("groups", () => {
  const c = (id: string, type: string, extra: Partial<ActorCandidate> = {}): ActorCandidate => ({
    id,
    name: id.split(":")[1]!,
    type,
    aliases: [],
    iso2: null,
    iso3: null,
    region: null,
    kind: null,
    country: null,
    leads: [],
    degree: 0,
    ...extra,
  });
  const candidates = [
    c("country:france", "Country", { region: "Europe", iso3: "FRA" }),
    c("country:germany", "Country"), // no region in the graph: the world-countries dataset decides
    c("country:russia", "Country", { region: "Europe" }),
    c("country:turkey", "Country", { region: "Asia", iso3: "TUR" }),
    c("organization:european-leaders", "Organization", { kind: "group", name: "European leaders" }),
    c("organization:nato", "Organization", { name: "NATO" }),
    c("person:p-fr", "Person", { country: "country:france" }),
    c("person:p-ru", "Person", { leads: ["country:russia"] }),
  ];
  const groups = loadGroups();

  it("loads Europe and NATO from config/groups.json and finds them by alias, ignoring case", () => {
    expect(findGroup(groups, "europe")?.name).toBe("Europe");
    expect(findGroup(groups, "the Europeans")?.name).toBe("Europe");
    expect(findGroup(groups, "NATO")?.name).toBe("NATO");
    expect(findGroup(groups, "Mars")).toBeUndefined();
  });

  it("Europe: countries by region (graph or dataset), European groups, their people; actors named alone are left out", () => {
    const europe = findGroup(groups, "Europe")!;
    const all = groupMembers(europe, candidates).map((m) => m.id);
    expect(all).toEqual(expect.arrayContaining(["country:france", "country:germany", "country:russia", "organization:european-leaders", "person:p-fr", "person:p-ru"]));
    expect(all).not.toContain("country:turkey");
    const withoutRussia = groupMembers(europe, candidates, new Set(["country:russia"])).map((m) => m.id);
    expect(withoutRussia).not.toContain("country:russia");
    expect(withoutRussia).not.toContain("person:p-ru");
  });

  it("NATO: its member states by ISO code plus NATO itself", () => {
    const nato = groupMembers(findGroup(groups, "NATO")!, candidates).map((m) => m.id);
    expect(nato).toEqual(expect.arrayContaining(["country:france", "country:germany", "country:turkey", "organization:nato"]));
    expect(nato).not.toContain("country:russia");
  });

  it("user-defined groups follow the same schema", () => {
    const mine = GroupSchema.parse({ name: "Mediators", countries: ["Turkey"] });
    expect(groupMembers(mine, candidates).map((m) => m.id)).toEqual(["country:turkey"]);
  });
});

describe("parameters and saved queries", () => {
  it("parses --param values as JSON when valid, else as text", () => {
    expect(parseParams(["n=10", "s=Turkey", 'l=["a",1]', "b=true", "q=\"quoted\"", "$x=a=b"])).toEqual({
      n: 10,
      s: "Turkey",
      l: ["a", 1],
      b: true,
      q: "quoted",
      x: "a=b",
    });
    expect(() => parseParams(["novalue"])).toThrow(/expected name=value/);
  });

  it("reads title, description and parameters with examples from the header", () => {
    const q = parseSavedQuery("x", "// title: T\n// description: D\n// param: a (string) – the a\n// param: b (integer) - the b\n// :param a => \"hi\"\n// :param b => 3\nRETURN $a, $b");
    expect(q).toMatchObject({ title: "T", description: "D", params: [{ name: "a", type: "string", meaning: "the a", example: "hi" }, { name: "b", type: "integer", example: 3 }] });
    expect(savedQueryParams(q, { b: 5 })).toEqual({ a: "hi", b: 5 });
  });

  it("every saved query has a title, a description, and an example for each parameter it uses", () => {
    const saved = listSavedQueries();
    expect(saved.length).toBeGreaterThanOrEqual(9);
    for (const q of saved) {
      expect(q.title, q.name).not.toBe(q.name);
      expect(q.description, q.name).not.toBe("");
      const used = new Set([...q.cypher.replace(/^\/\/.*$/gm, "").matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]));
      expect(new Set(q.params.map((p) => p.name)), q.name).toEqual(used);
      for (const p of q.params) expect(p.example, `${q.name}.${p.name}`).toBeDefined();
    }
  });
});

describe("stance summary: topic versus proposals", () => {
  it("backing one proposal while rejecting another of the same topic is conditional, not mixed", () => {
    const s = summarizePositions([ev("x", "support", "2025-01-01", "proposal:own-plan"), ev("x", "oppose", "2025-01-01", "proposal:other-plan")]);
    expect(s.stance).toBe("conditional");
  });

  it("a 'mixed' stance next to support reads as conditional; alone it stays mixed", () => {
    expect(summarizePositions([ev("x", "mixed", "2025-01-01", null), ev("x", "support", "2025-01-01")]).stance).toBe("conditional");
    expect(summarizePositions([ev("x", "mixed", "2025-01-01", null)]).stance).toBe("mixed");
    expect(summarizePositions([ev("x", "mixed", "2025-01-01", null), ev("x", "oppose", "2025-01-02")]).stance).toBe("oppose");
  });
});

describe("closeEnough (full-text hits)", () => {
  it("keeps near spellings and whole-word containment, drops unrelated names", async () => {
    const { closeEnough } = await import("../../src/analysis/service.ts");
    expect(closeEnough("Rusia", ["Russia"])).toBe(true);
    expect(closeEnough("Erdogan", ["Recep Tayyip Erdoğan"])).toBe(true);
    expect(closeEnough("United Sates", ["United States", "US"])).toBe(true);
    expect(closeEnough("Atlantis", ["Atlanta"])).toBe(false);
    expect(closeEnough("Iran", ["Iraq"])).toBe(false);
  });
});
