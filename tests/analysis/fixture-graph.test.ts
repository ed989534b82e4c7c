import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph, graphFromRows, serializeGraph } from "../../src/analysis/export.ts";
import { renderCompareMarkdown, renderCompareTable } from "../../src/analysis/render.ts";
import { listSavedQueries, savedQueryParams } from "../../src/analysis/saved-queries.ts";
import { buildTimeline, compareActors, listTopics } from "../../src/analysis/service.ts";
import type { Store } from "../../src/store/driver.ts";
import { Neo4jAnalystReader } from "../../src/store/query/analyst-reader.ts";
import { runReadOnlyQuery } from "../../src/store/query/runner.ts";
import { freshStore } from "../store/helpers.ts";
import { loadFixtureGraph } from "./fixture.ts";

/** Compare, timelines, topics, saved queries and export on the hand-made fixture graph (tests/analysis/fixtures). */
let store: Store;
let reader: Neo4jAnalystReader;

beforeAll(async () => {
  store = await freshStore();
  await loadFixtureGraph(store);
  reader = new Neo4jAnalystReader(store);
});
afterAll(async () => {
  await store?.close();
});

describe("compare", () => {
  it("gives each actor its stance with quotes in date order, groups included, disputed proposals first", async () => {
    const result = await compareActors(reader, { topic: "peacekeeping", actors: ["Turkey", "Europe", "Russia", "United States"] });
    const byName = Object.fromEntries(result.columns.map((c) => [c.actor.name, c]));
    expect(byName.Turkey!.stance).toBe("conditional");
    expect(byName.Turkey!.evidence.map((e) => e.quote)).toEqual([
      "Ankara said it stood ready to send troops to a peace force.",
      "Ankara would join a peace force only if it helped plan it.",
    ]);
    expect(byName.Russia!.stance).toBe("oppose");
    expect(byName.Russia!.since).toBe("2025-08-10");
    expect(byName.Russia!.evidence[0]).toMatchObject({ source: "Fixture Daily", articleTitle: "Moscow dismisses foreign troops", date: "2025-08-10" });
    expect(byName.Europe!.stance).toBe("support");
    expect(byName.Europe!.actor.memberIds).not.toContain("country:russia");
    expect(byName.Europe!.members.map((m) => m.name).sort()).toEqual(["European leaders", "France"]);
    expect(byName["United States"]!.stance).toBe("no position found");
    expect(result.proposals[0]).toMatchObject({ proposalId: "proposal:peacekeeping-force", disputed: true });
    expect(renderCompareTable(result)).toMatch(/Turkey[\s\S]*conditional[\s\S]*"Ankara would join a peace force/);
    expect(renderCompareMarkdown(result)).toMatch(/^# Positions on peacekeeping force/);
  });

  it("shows a reversal and resolves actors by alias, id and full-text search", async () => {
    const result = await compareActors(reader, { topic: "ceasefire", actors: ["Fixture", "country:germany", "Ank Fixtur"] });
    expect(result.columns[0]).toMatchObject({ stance: "oppose", since: "2025-08-20", shift: { from: "support", to: "oppose", date: "2025-08-20" } });
    expect(result.columns[1]!.actor.name).toBe("Germany");
    expect(result.columns[1]!.stance).toBe("oppose");
    const misspelt = await compareActors(reader, { topic: "peacekeeping", actors: ["Rusia"] });
    expect(misspelt.columns[0]!.actor).toMatchObject({ name: "Russia", note: expect.stringContaining("full-text") });
    expect(misspelt.columns[0]!.stance).toBe("oppose");
    const unknown = await compareActors(reader, { topic: "ceasefire", actors: ["Atlantis"] });
    expect(unknown.columns[0]).toMatchObject({ stance: "no position found", actor: { kind: "unknown" } });
  });

  it("refuses an unknown topic, listing the known ones", async () => {
    await expect(compareActors(reader, { topic: "weather", actors: ["Turkey"] })).rejects.toThrow(/Unknown topic "weather".*peacekeeping/);
  });
});

describe("topics and timelines", () => {
  it("lists the taxonomy with counts from the graph", async () => {
    const topics = await listTopics(reader);
    expect(topics[0]).toMatchObject({ id: "peacekeeping", proposals: 1, stances: 3, relations: 4, articles: 3, inTaxonomy: true });
    expect(topics.find((t) => t.id === "sanctions")).toMatchObject({ proposals: 0, stances: 0 });
  });

  it("orders an actor's events by date with quote and source", async () => {
    const t = await buildTimeline(reader, { actor: "Anna Fixture" });
    const dates = t.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(t.events.find((e) => e.relation === "REJECTED")).toMatchObject({ object: "ceasefire", source: "Fixture Wire", quote: expect.stringContaining("dropped her call") });
  });

  it("orders a topic's events by date, stances included", async () => {
    const t = await buildTimeline(reader, { topic: "peacekeeping force" });
    expect(t.subject.name).toBe("peacekeeping force");
    expect(t.events.map((e) => e.relation)).toContain("HAS_STANCE");
    expect(t.events[0]!.date).toBe("2025-08-01");
    expect(t.events.at(-1)!.date).toBe("2025-08-20");
  });
});

describe("saved queries", () => {
  it.each(listSavedQueries().map((q) => [q.name, q] as const))("%s runs read-only with its example parameters and returns rows", async (_, q) => {
    const result = await runReadOnlyQuery(store, q.cypher, savedQueryParams(q, {}));
    expect(result.rows.length).toBeGreaterThan(0);
  });
});

describe("export", () => {
  it("writes the whole graph as GEXF, GraphML and JSON that parse back to the same graph", async () => {
    const { nodes, relationships } = await reader.graphDump();
    const { graph } = buildGraph(nodes, relationships);
    expect(graph.order).toBe(nodes.length);
    expect(graph.size).toBe(relationships.length);
    const gexf = parseGexf(MultiDirectedGraph, serializeGraph(graph, "gexf"));
    expect([gexf.order, gexf.size]).toEqual([graph.order, graph.size]);
    const graphml = parseGraphml(MultiDirectedGraph, serializeGraph(graph, "graphml"));
    expect([graphml.order, graphml.size]).toEqual([graph.order, graph.size]);
    expect(graphml.getNodeAttribute("country:turkey", "name")).toBe("Turkey");
    const json = JSON.parse(serializeGraph(graph, "json"));
    expect(json.nodes).toHaveLength(graph.order);
    const csv = serializeGraph(graph, "csv");
    expect(csv.split("\r\n")[0]).toMatch(/^id,/);
  });

  it("exports a query's nodes and relationships", async () => {
    const result = await runReadOnlyQuery(store, "MATCH p = (:Country {id: 'country:russia'})-[:REJECTED]->() RETURN p");
    const { graph } = buildGraph(...(Object.values(graphFromRows(result.rows)) as [never, never]));
    expect(graph.nodes().sort()).toEqual(["country:russia", "proposal:peacekeeping-force"]);
    expect(graph.size).toBe(1);
  });
});
