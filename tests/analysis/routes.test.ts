import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analystRoutes } from "../../src/server/analyst-routes.ts";
import type { Store } from "../../src/store/driver.ts";
import { freshStore, rows } from "../store/helpers.ts";
import { loadFixtureGraph } from "./fixture.ts";

/** The analyst API plugin on the fixture graph, through Fastify's inject (a real Neo4j behind it). */
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await freshStore();
  await loadFixtureGraph(store);
  app = Fastify();
  await app.register(analystRoutes, { store });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe("analyst API", () => {
  it("GET /api/compare returns the columns with quotes", async () => {
    const res = await app.inject({ url: "/api/compare?topic=peacekeeping&actors=Turkey,Europe,Russia" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.columns.map((c: { actor: { name: string }; stance: string }) => [c.actor.name, c.stance])).toEqual([
      ["Turkey", "conditional"],
      ["Europe", "support"],
      ["Russia", "oppose"],
    ]);
    expect(body.columns[2].evidence[0].quote).toMatch(/red line|foreign troops/);
  });

  it("accepts repeated actors parameters and rejects bad requests with JSON errors", async () => {
    const repeated = await app.inject({ url: "/api/compare?topic=ceasefire&actors=Fixture&actors=Germany" });
    expect(repeated.json().columns).toHaveLength(2);
    const missing = await app.inject({ url: "/api/compare?topic=peacekeeping" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: "bad_request" });
    const unknownTopic = await app.inject({ url: "/api/compare?topic=weather&actors=Turkey" });
    expect(unknownTopic.statusCode).toBe(400);
    expect(unknownTopic.json().message).toMatch(/Unknown topic/);
  });

  it("GET /api/timeline and /api/topics", async () => {
    const actor = await app.inject({ url: "/api/timeline?actor=Russia" });
    expect(actor.statusCode).toBe(200);
    expect(actor.json().events.length).toBeGreaterThan(0);
    const both = await app.inject({ url: "/api/timeline?actor=Russia&topic=ceasefire" });
    expect(both.statusCode).toBe(400);
    const topics = await app.inject({ url: "/api/topics" });
    expect(topics.json().topics[0]).toMatchObject({ id: "peacekeeping" });
    const queries = await app.inject({ url: "/api/queries" });
    expect(queries.json().queries.length).toBeGreaterThanOrEqual(9);
  });

  it("POST /api/query runs reads and refuses writes with 403, leaving the data alone", async () => {
    const ok = await app.inject({ method: "POST", url: "/api/query", payload: { query: "MATCH (c:Country {id: $id}) RETURN c.name AS name", params: { id: "country:turkey" } } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ rows: [{ name: "Turkey" }], truncated: false });
    const before = await rows(store, "MATCH (n) RETURN count(n) AS n");
    const refused = await app.inject({ method: "POST", url: "/api/query", payload: { query: "MATCH (n) CALL (n) { DETACH DELETE n }" } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: "query_refused", clause: "DETACH" });
    expect(await rows(store, "MATCH (n) RETURN count(n) AS n")).toEqual(before);
    const bad = await app.inject({ method: "POST", url: "/api/query", payload: { query: "MATCH (n RETURN n" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe("query_failed");
    const extra = await app.inject({ method: "POST", url: "/api/query", payload: { query: "RETURN 1", write: true } });
    expect(extra.statusCode).toBe(400);
  });
});
