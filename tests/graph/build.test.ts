import { describe, expect, it } from "vitest";
import type { Article } from "../../src/article/schema.ts";
import type { Extraction } from "../../src/extract/schema.ts";
import { buildArticleGraph } from "../../src/graph/build.ts";
import { nameKey } from "../../src/graph/ids.ts";

const article = (id: string, body = "Body."): Article => ({ id, title: `Title ${id}`, body, language: "en", publishedAt: "2024-03-04" });

function doc(id: string, entities: Extraction["entities"], relations: Extraction["relations"] = [], stances: Extraction["stances"] = []): Extraction {
  return { article: { id, title: id }, entities, relations, stances, extractor: { name: "test", version: "1" } };
}

const person = (id: string, name: string, attributes = {}) => ({ id, type: "Person" as const, name, aliases: [], attributes });
const country = (id: string, name: string) => ({ id, type: "Country" as const, name, aliases: [], attributes: {} });

describe("name keys", () => {
  it("agree across spelling variants", () => {
    expect(nameKey("Volodymyr Zelenskyy")).toBe(nameKey("Volodymyr Zelensky"));
    expect(nameKey("Türkiye")).toBe(nameKey("Turkiye"));
    expect(nameKey("The Kremlin")).toBe("kremlin");
  });
  it("stay readable and distinct for different names", () => {
    expect(nameKey("Recep Tayyip Erdoğan")).toBe("recep-tayyip-erdogan");
    expect(nameKey("Russia")).not.toBe(nameKey("Prussia"));
  });
});

describe("buildArticleGraph", () => {
  it("gives the same person from two articles one global id", () => {
    const a = buildArticleGraph(article("a"), doc("a", [person("z", "Volodymyr Zelenskyy")]), "h");
    const b = buildArticleGraph(article("b"), doc("b", [person("vz", "Volodymyr Zelensky")]), "h");
    expect(a.entities[0]!.id).toBe(b.entities[0]!.id);
    expect(a.entities[0]!.id).toMatch(/^person:/);
  });

  it("rewrites references between entities to global ids", () => {
    const g = buildArticleGraph(
      article("a"),
      doc("a", [person("p1", "Jane Roe", { country: "fr", role: "Minister" }), country("fr", "France")]),
      "h",
    );
    const jane = g.entities.find((e) => e.type === "Person")!;
    expect(jane.props.country).toBe("country:france");
    expect(jane.props.role).toBe("Minister");
  });

  it("keeps provenance on facts and drops relations whose ends are unknown", () => {
    const body = "France hosted Jane Roe. Nobody else came.";
    const g = buildArticleGraph(
      article("a", body),
      doc(
        "a",
        [country("fr", "France"), person("p1", "Jane Roe")],
        [
          { subject: "fr", type: "HOSTED", object: "p1", evidence: "France hosted Jane Roe.", span: { start: 0, end: 23 }, confidence: 0.8 },
          { subject: "fr", type: "HOSTED", object: "missing", evidence: "France hosted Jane Roe." },
        ],
      ),
      "h",
    );
    expect(g.facts).toHaveLength(1);
    expect(g.facts[0]).toMatchObject({ type: "HOSTED", from: "country:france", to: "person:jane-roe" });
    expect(g.facts[0]!.props).toMatchObject({ articleId: "a", evidence: "France hosted Jane Roe.", start: 0, end: 23, date: "2024-03-04" });
  });

  it("gives a repeated fact one key, so rewriting an article never duplicates it", () => {
    const rel = { subject: "fr", type: "HOSTED" as const, object: "p1", evidence: "France hosted Jane Roe.", span: { start: 0, end: 23 } };
    const g = buildArticleGraph(article("a"), doc("a", [country("fr", "France"), person("p1", "Jane Roe")], [rel, rel]), "h");
    expect(g.facts).toHaveLength(1);
  });

  it("gives a meeting named by its participants in either order one id", () => {
    const meeting = (name: string) => ({ id: "m", type: "Meeting" as const, name, aliases: [], attributes: {} });
    const a = buildArticleGraph(article("a"), doc("a", [meeting("Putin-Zelenskyy meeting")]), "h");
    const b = buildArticleGraph(article("b"), doc("b", [meeting("Zelensky-Putin meeting")]), "h");
    expect(a.entities[0]!.id).toBe(b.entities[0]!.id);
  });

  it("separates meetings of the same name by date, and collects topics", () => {
    const g = buildArticleGraph(
      article("a"),
      doc(
        "a",
        [
          { id: "m1", type: "Meeting", name: "Talks in Geneva", aliases: [], attributes: { date: "2024-03-01" } },
          { id: "m2", type: "Meeting", name: "Talks in Geneva", aliases: [], attributes: { date: "2024-05-01" } },
          { id: "p", type: "Proposal", name: "Ceasefire", aliases: [], attributes: { topic: "ceasefire" } },
          country("fr", "France"),
        ],
        [],
        [{ actor: "fr", topic: "ceasefire", stance: "support", evidence: "France backs a ceasefire." }],
      ),
      "h",
    );
    const meetings = g.entities.filter((e) => e.type === "Meeting").map((e) => e.id);
    expect(new Set(meetings).size).toBe(2);
    expect(g.topics.map((t) => t.id)).toEqual(["ceasefire"]);
    expect(g.stances[0]).toMatchObject({ actorId: "country:france", topic: "ceasefire", stance: "support" });
  });
});
