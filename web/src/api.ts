import type { SerializedGraph } from "graphology-types";
// Types only (erased at build): the analyst API's shapes are defined once, by the server's zod schemas.
import type { CompareResult, TimelineEvent, TopicSummary } from "../../src/analysis/schema.ts";
import type { JsonValue } from "../../src/analysis/graph-values.ts";

export type { CompareResult, TimelineEvent, TopicSummary, JsonValue };
export type Timeline = {
  subject: { kind: "actor" | "topic"; name: string; ids: string[]; note: string | null };
  events: TimelineEvent[];
};
export type SavedQuery = {
  name: string;
  title: string;
  description: string;
  params: { name: string; type: string; meaning: string; example?: unknown }[];
  cypher: string;
};
export type QueryResult = {
  columns: string[];
  rows: Array<Record<string, JsonValue>>;
  truncated: boolean;
  limit: number;
  queryType: string;
  elapsedMs: number;
};

/** x and y: the layout stored on the server, when there is one. */
export type NodeAttrs = { label: string; entityType: string; role?: string | null; degree: number; x?: number; y?: number };
export type EdgeAttrs = {
  relation: string;
  articleId: string | null;
  articleSource?: string | null;
  date: string | null;
  confidence: number | null;
  stance?: string | null;
};
export type ApiGraph = SerializedGraph<NodeAttrs, EdgeAttrs>;

export type Relation = {
  key: string;
  type: string;
  direction: "out" | "in";
  other: { id: string; name: string; type: string };
  evidence: string | null;
  start: number | null;
  end: number | null;
  date: string | null;
  stance: string | null;
  articleId: string | null;
  articleTitle: string | null;
  articleSource: string | null;
  articlePublishedAt: string | null;
  articleUrl: string | null;
};
/** One fact with its evidence (POST /api/facts). */
export type FactDetail = {
  key: string;
  relation: string;
  source: string;
  sourceName: string;
  target: string;
  targetName: string;
  evidence: string | null;
  start: number | null;
  end: number | null;
  stance: string | null;
  date: string | null;
  confidence: number | null;
  cameo: string | null;
  plover: string | null;
  articleId: string | null;
  articleTitle: string | null;
  articleSource: string | null;
  articlePublishedAt: string | null;
  articleUrl: string | null;
};
export type NodeDetail = {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  properties: Record<string, unknown>;
  degree: number;
  relations: { type: string; count: number; items: Relation[] }[];
  articles: { id: string; title: string; source: string | null; publishedAt: string | null }[];
};
export type SearchHit = { id: string; name: string; type: string; aliases: string[]; score: number };
export type ArticleSummary = { id: string; title: string; source: string | null; publishedAt: string | null; url: string | null; entityCount: number };
export type ArticleDetail = ArticleSummary & {
  body: string;
  mentions: { entityId: string; name: string; type: string; start: number; end: number }[];
  relations: { key: string; type: string; source: string; sourceName: string; target: string; targetName: string; evidence: string | null; start: number | null; end: number | null; date: string | null }[];
};
export type Stats = {
  nodes: number;
  edges: number;
  articles: number;
  nodeTypes: Record<string, number>;
  relationTypes: Record<string, number>;
  sources: Record<string, number>;
  dateRange: { first: string | null; last: string | null };
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's error code (e.g. "query_refused") and, for a refusal, the clause it refused. */
    readonly code: string | null = null,
    readonly clause: string | null = null,
  ) {
    super(message);
  }
}

const TOKEN_KEY = "kg-api-token";

/** GET a JSON endpoint; a 401 asks once for the server's token (kept for this tab only). */
export async function getJson<T>(path: string, retried = false): Promise<T> {
  return requestJson<T>(path, undefined, retried);
}

/** POST a JSON body (the console); same token handling as getJson. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return requestJson<T>(path, JSON.stringify(body), false);
}

async function requestJson<T>(path: string, body: string | undefined, retried: boolean): Promise<T> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, body === undefined ? { headers } : { method: "POST", headers, body });
  if (response.status === 401 && !retried) {
    const given = window.prompt("This graph server needs its access token (KG_API_TOKEN):");
    if (given) {
      sessionStorage.setItem(TOKEN_KEY, given.trim());
      return requestJson<T>(path, body, true);
    }
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    let code: string | null = null;
    let clause: string | null = null;
    try {
      const payload = (await response.json()) as { message?: string; error?: string; clause?: string };
      message = payload.message ?? message;
      code = payload.error ?? null;
      clause = payload.clause ?? null;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, message, code, clause);
  }
  return (await response.json()) as T;
}

const enc = encodeURIComponent;
export const api = {
  graph: (limit: number) => getJson<ApiGraph>(`/api/graph?limit=${limit}`),
  node: (id: string) => getJson<NodeDetail>(`/api/nodes/${enc(id)}`),
  neighbors: (id: string, depth = 1) => getJson<ApiGraph>(`/api/nodes/${enc(id)}/neighbors?depth=${depth}`),
  search: (q: string, limit = 8) => getJson<{ hits: SearchHit[] }>(`/api/search?q=${enc(q)}&limit=${limit}`),
  articles: () => getJson<{ articles: ArticleSummary[] }>(`/api/articles`),
  article: (id: string) => getJson<ArticleDetail>(`/api/articles/${enc(id)}`),
  stats: () => getJson<Stats>(`/api/stats`),
  facts: (keys: string[]) => postJson<{ facts: FactDetail[] }>(`/api/facts`, { keys }),
  topics: () => getJson<{ topics: TopicSummary[] }>(`/api/topics`),
  compare: (topic: string, actors: string[]) =>
    getJson<CompareResult>(`/api/compare?topic=${enc(topic)}&actors=${enc(actors.join(","))}`),
  timeline: (of: { actor: string } | { topic: string }) =>
    getJson<Timeline>("actor" in of ? `/api/timeline?actor=${enc(of.actor)}` : `/api/timeline?topic=${enc(of.topic)}`),
  savedQueries: () => getJson<{ queries: SavedQuery[] }>(`/api/queries`),
  query: (query: string, params: Record<string, unknown>, limit?: number) =>
    postJson<QueryResult>(`/api/query`, { query, params, ...(limit !== undefined ? { limit } : {}) }),
};
