import type { FastifyInstance } from "fastify";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { loadCorpus } from "../../bench/scale/load.ts";
import { createServer } from "../../src/server/app.ts";
import type { Store } from "../../src/store/driver.ts";
import { GraphReader } from "../../src/store/read/graph-reader.ts";
import { freshStore } from "../store/helpers.ts";
import { profilingDriver } from "../support/profiling-driver.ts";

/**
 * No route reads the whole graph: every API answer is profiled (PROFILE: Neo4j's database hits, summed over the
 * plan) on a graph of SMALL articles and again after it grew four times, loaded through the write path from the
 * scale corpus. Each read is bounded by what it shows (a limit, a page, a number of newest facts per node); the
 * bounds are made small here so that the smaller graph already reaches them, and then no answer may cost more on
 * the larger graph. The bench (npm run bench:scale) shows the same with the real bounds from 10,000 to 100,000
 * articles.
 */
const SMALL = 600;
const LARGE = 2_400;
const OVERVIEW = "/api/graph?limit=100";
const READ_BOUNDS = { filterArticles: 50, relationsPerType: 10, nodeArticles: 10 };
const ANALYST_BOUNDS = { compareScanPerActor: 30, topicTimelinePerProposal: 5, countryLeaders: 3, groupPeople: 10 };

const ROUTES: { name: string; url: string; body?: unknown }[] = [
  { name: "overview", url: OVERVIEW },
  { name: "overview, most recent", url: `${OVERVIEW}&order=recent` },
  { name: "overview, of types", url: `${OVERVIEW}&nodeTypes=Person,Country` },
  { name: "overview, of relation types", url: `${OVERVIEW}&relationTypes=PROPOSED,REJECTED` },
  { name: "overview, one source", url: `${OVERVIEW}&sources=Reuters` },
  { name: "overview, one quarter", url: `${OVERVIEW}&from=2025-04-01&to=2025-06-30` },
  { name: "node (the busiest)", url: "/api/nodes/country:united-states" },
  { name: "neighbours (the busiest)", url: "/api/nodes/country:united-states/neighbors?limit=100" },
  { name: "neighbours, next page", url: "/api/nodes/country:united-states/neighbors?limit=100&offset=100" },
  { name: "neighbours, depth 2", url: "/api/nodes/country:russia/neighbors?depth=2&limit=100" },
  { name: "search", url: "/api/search?q=United" },
  { name: "articles", url: "/api/articles?limit=50" },
  { name: "articles of a source, later page", url: "/api/articles?source=Reuters&offset=50&limit=50" },
  { name: "article", url: "/api/articles/scale-0000007" },
  { name: "stats", url: "/api/stats" },
  { name: "timeline (the busiest actor)", url: "/api/timeline?actor=United%20States&limit=30" },
  { name: "timeline (a topic)", url: "/api/timeline?topic=ceasefire&limit=30" },
  { name: "topics", url: "/api/topics" },
  { name: "Compare", url: "/api/compare?topic=ceasefire&actors=Turkey,Russia,United%20States" },
];

let store: Store;
let app: FastifyInstance;
let reader: GraphReader;
const profile = (() => {
  const target = inject("neo4j");
  return profilingDriver(neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), { disableLosslessIntegers: true }));
})();

/** Graph size: every node and relationship (count store). */
async function graphSize(): Promise<number> {
  const { records } = await store.driver.executeQuery("RETURN COUNT { () } + COUNT { ()-->() } AS size", {}, { database: store.database });
  return Number(records[0]!.get("size"));
}

/** Database hits of each route's answer (after one warm-up call: plans compiled, answers kept until the data changes). */
async function work(): Promise<Map<string, number>> {
  const hits = new Map<string, number>();
  for (const route of ROUTES) {
    const call = () => app.inject({ method: route.body ? "POST" : "GET", url: route.url, payload: route.body as object | undefined });
    expect((await call()).statusCode, route.url).toBe(200);
    profile.reset();
    await call();
    hits.set(route.name, profile.work.dbHits);
  }
  return hits;
}

let small: Map<string, number>;
let large: Map<string, number>;
let sizes: { small: number; large: number };

beforeAll(async () => {
  store = await freshStore();
  await loadCorpus(store, 0, SMALL, { seed: 1, batchSize: 50 });
  reader = GraphReader.onDriver(profile.driver, store.database, READ_BOUNDS);
  app = await createServer({ store: reader, analyst: { driver: profile.driver, database: store.database }, analystBounds: ANALYST_BOUNDS });
  small = await work();
  const smallSize = await graphSize();
  await loadCorpus(store, SMALL, LARGE, { seed: 1, batchSize: 50 });
  large = await work();
  sizes = { small: smallSize, large: await graphSize() };
  console.log(
    `graph: ${sizes.small} -> ${sizes.large} nodes and relationships; database hits per answer:\n` +
      ROUTES.map((r) => `  ${r.name}: ${small.get(r.name)} -> ${large.get(r.name)}`).join("\n"),
  );
}, 300_000);

afterAll(async () => {
  await app?.close();
  await profile.driver.close();
  await store?.close();
});

describe("reads that cost what they show", () => {
  it("the graph grew about four times", () => {
    expect(sizes.large).toBeGreaterThan(sizes.small * 3);
  });

  it.each(ROUTES.map((r) => r.name))("%s reads no more on the four times larger graph", (name) => {
    // A little slack for what does not depend on the graph (index depths, a node's few extra properties).
    expect(large.get(name)!).toBeLessThanOrEqual(small.get(name)! * 1.25 + 200);
  });

  it("the overview reads a small part of the larger graph", () => {
    expect(large.get("overview")!).toBeLessThan(sizes.large * 0.1);
  });
});
