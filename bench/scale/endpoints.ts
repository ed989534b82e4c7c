/**
 * The API calls the scale bench times, as the explorer and analysts make them, and how they are summarised:
 * p50 / p95 over repeated requests cycling through a few variants (hubs, middling and rare entities...).
 */
import { listSavedQueries, savedQueryParams } from "../../src/analysis/saved-queries.ts";
import { request } from "./http.ts";
import type { Samples } from "./samples.ts";

export type Call = { label: string; path: string; body?: unknown };
export type Endpoint = { name: string; group: "api" | "saved query"; calls: Call[] };
export type EndpointFigures = {
  name: string;
  group: Endpoint["group"];
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Largest answer: bytes on the wire (compressed) and of the JSON. */
  maxWireBytes: number;
  maxJsonBytes: number;
  /** Answers other than 2xx, by status (e.g. a saved query that hit the console's timeout). */
  failures: Record<string, number>;
};

const enc = encodeURIComponent;

export function endpoints(s: Samples): Endpoint[] {
  const entities = [...s.hubs.slice(0, 3), ...s.middling.slice(0, 3), ...s.rare.slice(0, 3)];
  const actorNames = entities.map((e) => e.name);
  const list: Endpoint[] = [
    { name: "graph overview (explorer's first screen, 3,000 nodes)", group: "api", calls: [{ label: "default", path: "/api/graph?limit=3000" }] },
    { name: "graph overview, most recent", group: "api", calls: [{ label: "recent", path: "/api/graph?limit=3000&order=recent" }] },
    {
      name: "graph overview, filtered",
      group: "api",
      calls: [
        { label: "types", path: "/api/graph?limit=3000&nodeTypes=Person,Country" },
        { label: "relations", path: "/api/graph?limit=3000&relationTypes=PROPOSED,REJECTED,OFFERED" },
        { label: "source", path: "/api/graph?limit=3000&sources=Reuters" },
        { label: "month", path: "/api/graph?limit=3000&from=2025-06-01&to=2025-06-30" },
      ],
    },
    { name: "search", group: "api", calls: s.searches.map((q) => ({ label: q, path: `/api/search?q=${enc(q)}&limit=8` })) },
    { name: "node", group: "api", calls: entities.map((e) => ({ label: e.id, path: `/api/nodes/${enc(e.id)}` })) },
    { name: "neighbours", group: "api", calls: entities.map((e) => ({ label: e.id, path: `/api/nodes/${enc(e.id)}/neighbors?depth=1` })) },
    {
      name: "Compare",
      group: "api",
      calls: [
        { label: "peacekeeping", path: `/api/compare?topic=peacekeeping&actors=${enc("Turkey,Europe,Russia")}` },
        { label: "ceasefire", path: `/api/compare?topic=ceasefire&actors=${enc("United States,Russia,Ukraine")}` },
        { label: "sanctions", path: `/api/compare?topic=sanctions&actors=${enc(["EU", ...actorNames.slice(3, 5)].join(","))}` },
      ],
    },
    {
      name: "timeline",
      group: "api",
      calls: [
        ...actorNames.map((a) => ({ label: a, path: `/api/timeline?actor=${enc(a)}` })),
        { label: "topic ceasefire", path: "/api/timeline?topic=ceasefire" },
      ],
    },
    {
      name: "articles",
      group: "api",
      calls: [
        { label: "first page", path: "/api/articles" },
        { label: "a source, deep page", path: "/api/articles?source=Reuters&offset=2000&limit=50" },
        ...s.articleIds.slice(0, 5).map((id) => ({ label: id, path: `/api/articles/${enc(id)}` })),
      ],
    },
    { name: "stats", group: "api", calls: [{ label: "stats", path: "/api/stats" }] },
    { name: "facts (edge tooltips, 200 keys)", group: "api", calls: [{ label: "keys", path: "/api/facts", body: { keys: s.factKeys.slice(0, 200) } }] },
  ];
  for (const q of listSavedQueries()) {
    list.push({ name: q.name, group: "saved query", calls: [{ label: q.name, path: "/api/query", body: { query: q.cypher, params: savedQueryParams(q, {}) } }] });
  }
  return list;
}

const quantile = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

/** Each call once to warm up (plans, caches), then `runs` timed requests cycling through the calls. */
export async function measure(baseUrl: string, endpoint: Endpoint, runs: number): Promise<EndpointFigures> {
  for (const call of endpoint.calls) await request(baseUrl + call.path, call.body);
  const times: number[] = [];
  const failures: Record<string, number> = {};
  let maxWireBytes = 0;
  let maxJsonBytes = 0;
  for (let i = 0; i < runs; i++) {
    const call = endpoint.calls[i % endpoint.calls.length]!;
    const answer = await request(baseUrl + call.path, call.body);
    times.push(answer.ms);
    maxWireBytes = Math.max(maxWireBytes, answer.wireBytes);
    maxJsonBytes = Math.max(maxJsonBytes, answer.jsonBytes);
    if (answer.status < 200 || answer.status >= 300) failures[String(answer.status)] = (failures[String(answer.status)] ?? 0) + 1;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name: endpoint.name,
    group: endpoint.group,
    runs,
    p50Ms: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    maxMs: sorted.at(-1) ?? Number.NaN,
    maxWireBytes,
    maxJsonBytes,
    failures,
  };
}
