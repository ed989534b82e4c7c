import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../src/server/app.ts";
import type { Store } from "../../src/store/driver.ts";
import type { GraphReader } from "../../src/store/read/graph-reader.ts";
import { loadFixtureGraph, readerFor } from "./helpers.ts";

// POST /api/facts: the evidence behind the explorer's edges (tooltips, GEXF and CSV exports).
let store: Store;
let reader: GraphReader;
let app: FastifyInstance;

beforeAll(async () => {
  store = await loadFixtureGraph();
  reader = readerFor(store);
  app = await createServer({ store: reader });
});
afterAll(async () => {
  await app?.close();
  await reader?.close();
  await store?.close();
});

const post = async (payload: unknown) => {
  const response = await app.inject({ method: "POST", url: "/api/facts", payload: payload as Record<string, unknown> });
  return { status: response.statusCode, body: response.json() as any };
};

describe("POST /api/facts", () => {
  it("returns each fact's quote, offsets, stance, date, codes and article for the graph's edge keys", async () => {
    const graph = (await app.inject({ method: "GET", url: "/api/graph" })).json() as { edges: { key: string; attributes: { relation: string } }[] };
    const rejected = graph.edges.find((e) => e.attributes.relation === "REJECTED")!;
    const stance = graph.edges.find((e) => e.attributes.relation === "HAS_STANCE")!;
    const { status, body } = await post({ keys: [rejected.key, stance.key, "no-such-key"] });
    expect(status).toBe(200);
    expect(body.facts).toHaveLength(2);
    const fact = body.facts.find((f: any) => f.key === rejected.key);
    expect(fact).toMatchObject({
      relation: "REJECTED",
      source: "country:russia",
      sourceName: "Russia",
      target: "proposal:peacekeeping-force-in-ukraine",
      evidence: "Russia rejected the peacekeeping force in Ukraine on Wednesday.",
      date: "2025-08-20",
      confidence: 0.9,
      cameo: null,
      articleId: "test-turkey-force",
      articleTitle: "Turkey offers troops for a Ukraine peace force",
      articleSource: "Example Wire",
      articleUrl: "https://example.org/turkey-force",
    });
    expect(typeof fact.start).toBe("number");
    expect(fact.end - fact.start).toBe(fact.evidence.length);
    expect(body.facts.find((f: any) => f.key === stance.key)).toMatchObject({ relation: "HAS_STANCE", stance: "support" });
  });

  it("validates the body: at least one key, at most 5,000, strings only", async () => {
    expect((await post({ keys: [] })).status).toBe(400);
    expect((await post({ keys: Array.from({ length: 5_001 }, (_, i) => `k${i}`) })).status).toBe(400);
    expect((await post({ keys: [1, 2] })).status).toBe(400);
    expect((await post({ keys: ["a"], extra: true })).status).toBe(400);
  });
});
