import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../src/server/app.ts";
import type { Store } from "../../src/store/driver.ts";
import type { GraphReader } from "../../src/store/read/graph-reader.ts";
import { loadFixtureGraph, readerFor } from "./helpers.ts";

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

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: "GET", url, headers });
  return { status: response.statusCode, body: response.json() as any, headers: response.headers };
}

describe("GET /api/graph", () => {
  it("returns the whole graph in graphology's serialized format, with degrees and parallel edges", async () => {
    const { status, body } = await get("/api/graph");
    expect(status).toBe(200);
    expect(body.options).toEqual({ type: "directed", multi: true, allowSelfLoops: true });
    const keys = body.nodes.map((n: any) => n.key);
    expect(keys).toContain("country:turkey");
    expect(keys).toContain("peacekeeping");
    const turkey = body.nodes.find((n: any) => n.key === "country:turkey");
    expect(turkey.attributes).toMatchObject({ label: "Turkey", entityType: "Country" });
    // OFFERED x2, MEMBER_OF, LEADS (in), URGED (in), HAS_STANCE
    expect(turkey.attributes.degree).toBe(6);
    const offered = body.edges.filter((e: any) => e.source === "country:turkey" && e.attributes.relation === "OFFERED");
    expect(offered).toHaveLength(2);
    expect(body.edges.some((e: any) => e.attributes.relation === "MENTIONED_IN")).toBe(false);
  });

  it("filters by node type, relation type, source, date range, minimum degree and limit", async () => {
    const countries = await get("/api/graph?nodeTypes=Country");
    expect(countries.body.nodes.every((n: any) => n.attributes.entityType === "Country")).toBe(true);
    expect(countries.body.nodes).toHaveLength(3);

    const offeredOnly = await get("/api/graph?relationTypes=OFFERED&minDegree=1");
    expect(offeredOnly.body.edges.map((e: any) => e.attributes.relation)).toEqual(["OFFERED", "OFFERED"]);
    expect(offeredOnly.body.nodes.map((n: any) => n.key).sort()).toEqual(["country:turkey", "proposal:peacekeeping-force-in-ukraine"]);

    const bySource = await get("/api/graph?sources=Daily%20Test");
    const sourceRelations = bySource.body.edges.map((e: any) => e.attributes.relation).sort();
    expect(sourceRelations).toEqual(["ATTENDED", "HELD_IN", "MEMBER_OF", "OFFERED"]);
    expect(bySource.body.nodes.map((n: any) => n.key)).not.toContain("country:russia");

    const byDate = await get("/api/graph?from=2025-08-20&to=2025-08-20&minDegree=1");
    const dated = byDate.body.edges.map((e: any) => e.attributes.relation).sort();
    // MEMBER_OF is dated "2025-08": a month-precision fact matches a range inside its month.
    expect(dated).toEqual(["HAS_STANCE", "LEADS", "MEMBER_OF", "OFFERED", "REJECTED"]);
    const later = await get("/api/graph?from=2025-09-01&minDegree=1");
    expect(later.body.edges).toEqual([]);

    expect((await get("/api/graph?from=2024-02-29&to=2025-12-31")).status).toBe(200);
    expect((await get("/api/graph?from=2025&to=2025-08")).status).toBe(200);
    const limited = await get("/api/graph?limit=2");
    expect(limited.body.nodes).toHaveLength(2);
    expect(limited.body.nodes[0].key).toBe("country:turkey");
    expect(limited.body.attributes.truncated).toBe(true);
  });

  it("rejects bad filters with 400 and a message", async () => {
    for (const [url, fragment] of [
      ["/api/graph?limit=0", "limit"],
      ["/api/graph?minDegree=-1", "minDegree"],
      ["/api/graph?from=20-08-2025", "YYYY"],
      ["/api/graph?from=2025-09-01&to=2025-08-01", "from"],
      ["/api/graph?nodeTypes=person;DROP", "node types"],
      ["/api/graph?colour=red", "unknown parameter"],
      ["/api/graph?limit=0x10", "whole number"],
      ["/api/graph?limit=1e3", "whole number"],
      ["/api/graph?limit=%2010", "whole number"],
      ["/api/graph?limit=", "whole number"],
      ["/api/graph?minDegree=0b1", "whole number"],
      ["/api/graph?from=2025-13-45", "not a calendar date"],
      ["/api/graph?to=2025-02-30", "not a calendar date"],
      ["/api/graph?from=2025-00", "not a calendar date"],
      ["/api/nodes/country:turkey/neighbors?depth=0x2", "whole number"],
      ["/api/search?q=turkey&limit=1.5", "whole number"],
      ["/api/articles?offset=-0", "whole number"],
    ] as const) {
      const { status, body } = await get(url);
      expect(status, url).toBe(400);
      expect(body.error).toBe("bad_request");
      expect(body.message, url).toContain(fragment);
    }
  });
});

describe("GET /api/nodes/:id", () => {
  it("returns properties, aliases and relations grouped by type with evidence and article", async () => {
    const { status, body } = await get("/api/nodes/country:turkey");
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: "country:turkey", name: "Turkey", type: "Country" });
    expect(body.aliases).toEqual(["Türkiye", "Republic of Turkey"]);
    expect(body.properties.iso2).toBe("TR");
    const offered = body.relations.find((g: any) => g.type === "OFFERED");
    expect(offered.count).toBe(2);
    const first = offered.items[0];
    expect(first).toMatchObject({
      direction: "out",
      other: { id: "proposal:peacekeeping-force-in-ukraine", type: "Proposal" },
      evidence: "Turkey offered to send troops to a peacekeeping force in Ukraine.",
      articleTitle: "Turkey offers troops for a Ukraine peace force",
      articleSource: "Example Wire",
      date: "2025-08-20",
      articleUrl: "https://example.org/turkey-force",
    });
    const leads = body.relations.find((g: any) => g.type === "LEADS");
    expect(leads.items[0]).toMatchObject({ direction: "in", other: { id: "person:recep-tayyip-erdogan" } });
    expect(body.articles.map((a: any) => a.id).sort()).toEqual(["test-hostile-markup", "test-turkey-force", "test-white-house"]);
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    const missing = await get("/api/nodes/country:atlantis");
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain("country:atlantis");
    const bad = await get(`/api/nodes/${encodeURIComponent("a b<c>")}`);
    expect(bad.status).toBe(400);
  });
});

describe("GET /api/nodes/:id/neighbors", () => {
  it("grows with depth", async () => {
    const one = await get("/api/nodes/place:washington/neighbors?depth=1");
    expect(one.status).toBe(200);
    expect(one.body.nodes.map((n: any) => n.key).sort()).toEqual(["meeting:white-house-summit-2025-08-18", "place:washington"]);
    const two = await get("/api/nodes/place:washington/neighbors?depth=2");
    expect(two.body.nodes.map((n: any) => n.key)).toContain("country:ukraine");
    const nato2 = await get("/api/nodes/organization:nato/neighbors?depth=2");
    expect(nato2.body.nodes.map((n: any) => n.key)).not.toContain("country:russia");
    const nato3 = await get("/api/nodes/organization:nato/neighbors?depth=3");
    expect(nato3.body.nodes.map((n: any) => n.key)).toContain("country:russia");
    expect(nato3.body.attributes).toMatchObject({ root: "organization:nato", depth: 3 });
  });

  it("validates depth and the id", async () => {
    expect((await get("/api/nodes/country:turkey/neighbors?depth=4")).status).toBe(400);
    expect((await get("/api/nodes/country:turkey/neighbors?depth=0")).body.message).toContain("depth");
    expect((await get("/api/nodes/country:nowhere/neighbors")).status).toBe(404);
  });
});

describe("GET /api/search", () => {
  it("finds by prefix, by alias and despite a typo, ranked", async () => {
    const prefix = await get("/api/search?q=tur");
    expect(prefix.status).toBe(200);
    expect(prefix.body.hits[0].id).toBe("country:turkey");
    const typo = await get("/api/search?q=Turky");
    expect(typo.body.hits[0].id).toBe("country:turkey");
    const alias = await get("/api/search?q=Erdo");
    expect(alias.body.hits[0].id).toBe("person:recep-tayyip-erdogan");
    const twoWords = await get("/api/search?q=white%20house");
    expect(twoWords.body.hits[0].id).toBe("meeting:white-house-summit-2025-08-18");
  });

  it("treats Lucene syntax in the user's text as plain words", async () => {
    for (const q of ['tur* OR "', "AND", "(turkey", "name:turkey~", "\\", "a && b || !c", "/regex/"]) {
      const { status, body } = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(Array.isArray(body.hits)).toBe(true);
    }
  });

  it("needs q", async () => {
    const { status, body } = await get("/api/search");
    expect(status).toBe(400);
    expect(body.message).toContain("q");
  });
});

describe("articles", () => {
  it("lists articles newest first", async () => {
    const { status, body } = await get("/api/articles");
    expect(status).toBe(200);
    expect(body.articles.map((a: any) => a.id)).toEqual(["test-turkey-force", "test-hostile-markup", "test-white-house"]);
    expect(body.articles[0]).toMatchObject({ source: "Example Wire", publishedAt: "2025-08-20", entityCount: 5 });
  });

  it("returns the text with mentions as offsets that point at the names, never HTML", async () => {
    const { status, body } = await get("/api/articles/test-turkey-force");
    expect(status).toBe(200);
    expect(typeof body.body).toBe("string");
    expect(body.mentions.length).toBeGreaterThan(5);
    for (const m of body.mentions) {
      const text = body.body.slice(m.start, m.end);
      expect(["Turkey", "Ukraine", "Russia", "Recep Tayyip Erdogan", "peacekeeping force in Ukraine"]).toContain(text);
    }
    const rejected = body.relations.find((r: any) => r.type === "REJECTED");
    expect(body.body.slice(rejected.start, rejected.end)).toBe(rejected.evidence);
    const hostile = await get("/api/articles/test-hostile-markup");
    expect(hostile.body.title).toContain("<script>");
    expect(hostile.headers["content-type"]).toContain("application/json");
  });

  it("answers 404 for an unknown article", async () => {
    expect((await get("/api/articles/no-such-article")).status).toBe(404);
  });
});

describe("GET /api/stats", () => {
  it("counts nodes, relations, articles and the date span", async () => {
    const { status, body } = await get("/api/stats");
    expect(status).toBe(200);
    expect(body.nodeTypes).toMatchObject({ Country: 3, Person: 2, Topic: 1 });
    expect(body.relationTypes).toMatchObject({ OFFERED: 2, HAS_STANCE: 1, ABOUT: 1 });
    expect(body.articles).toBe(3);
    expect(body.sources["Example Wire"]).toBe(1);
    expect(body.dateRange).toEqual({ first: "2025-08-18", last: "2025-08-20" });
  });
});

describe("HTTP behaviour", () => {
  it("sends security headers with a strict CSP and compresses large answers", async () => {
    const response = await app.inject({ method: "GET", url: "/api/graph", headers: { "accept-encoding": "gzip" } });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-encoding"]).toBe("gzip");
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const { status, body } = await get("/api/nope");
    expect(status).toBe(404);
    expect(body.error).toBe("not_found");
  });

  it("requires the bearer token when one is configured", async () => {
    const guarded = await createServer({ store: reader, token: "s3cret-token-of-at-least-32-chars" });
    try {
      const anonymous = await guarded.inject({ method: "GET", url: "/api/stats" });
      expect(anonymous.statusCode).toBe(401);
      const wrong = await guarded.inject({ method: "GET", url: "/api/stats", headers: { authorization: "Bearer nope" } });
      expect(wrong.statusCode).toBe(401);
      const right = await guarded.inject({ method: "GET", url: "/api/stats", headers: { authorization: "Bearer s3cret-token-of-at-least-32-chars" } });
      expect(right.statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
