import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../src/server/app.ts";
import type { Store } from "../../src/store/driver.ts";
import type { GraphReader } from "../../src/store/read/graph-reader.ts";
import { loadSeedGraph, readerFor } from "./helpers.ts";

// The API on the graph the real pipeline builds from seeds/ (plus one article full of markup).
let store: Store;
let reader: GraphReader;
let app: FastifyInstance;

beforeAll(async () => {
  store = await loadSeedGraph();
  reader = readerFor(store);
  app = await createServer({ store: reader });
});
afterAll(async () => {
  await app?.close();
  await reader?.close();
  await store?.close();
});

async function get(url: string) {
  const response = await app.inject({ method: "GET", url });
  expect(response.statusCode, url).toBe(200);
  return response.json() as any;
}

describe("the API on the ingested seeds", () => {
  it("serves the graph, the stats and the article list", async () => {
    const stats = await get("/api/stats");
    expect(stats.articles).toBe(5);
    expect(stats.nodeTypes.Country).toBeGreaterThanOrEqual(4);
    const graph = await get("/api/graph");
    expect(graph.nodes.length).toBe(stats.nodes);
    expect(graph.edges.length).toBe(stats.edges);
    // Ingesting stored the explorer layout: every node comes with its position, so the page need not lay it out.
    for (const node of graph.nodes) expect(Number.isFinite(node.attributes.x) && Number.isFinite(node.attributes.y), node.key).toBe(true);
    const turkey = await get("/api/nodes/country:turkey/neighbors?depth=1");
    for (const node of turkey.nodes) expect(Number.isFinite(node.attributes.x), node.key).toBe(true);
    const { articles } = await get("/api/articles");
    expect(articles).toHaveLength(5);
  });

  it("finds Turkey and shows its relations with evidence that is a sentence of the cited article", async () => {
    const search = await get("/api/search?q=Turkey");
    expect(search.hits[0].id).toBe("country:turkey");
    const typo = await get("/api/search?q=turky");
    expect(typo.hits.map((h: any) => h.id)).toContain("country:turkey");
    const turkey = await get("/api/nodes/country:turkey");
    const relations = turkey.relations.flatMap((g: any) => g.items);
    expect(relations.length).toBeGreaterThan(0);
    const bodies = new Map<string, string>();
    for (const rel of relations.filter((r: any) => r.evidence)) {
      if (!bodies.has(rel.articleId)) bodies.set(rel.articleId, (await get(`/api/articles/${rel.articleId}`)).body);
      expect(rel.articleTitle).toBeTruthy();
      expect(bodies.get(rel.articleId)!.slice(rel.start, rel.end)).toBe(rel.evidence);
    }
  });

  it("marks article mentions with offsets into the text", async () => {
    const article = await get("/api/articles/seed-4-turkey-peace-force");
    expect(article.mentions.length).toBeGreaterThan(5);
    for (const m of article.mentions) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(article.body.length);
      expect(article.body.slice(m.start, m.end).trim().length).toBeGreaterThan(0);
    }
    expect(article.mentions.some((m: any) => m.entityId === "country:turkey" && article.body.slice(m.start, m.end) === "Turkey")).toBe(true);
  });

  it("keeps markup in an ingested article as plain JSON strings", async () => {
    const hostile = await get("/api/articles/hostile-markup-article");
    expect(hostile.title).toContain("<script>");
    expect(hostile.body).toContain("<img src=x");
  });
});
