// Types only (erased at build, so zod is not bundled): every answer's shape is the server's wire contract,
// src/server/wire.ts, which the server validates what it sends against.
import type {
  ArticleDetail,
  ArticleSummary,
  CompareResult,
  EdgeAttributes,
  FactDetail,
  GraphStats,
  JsonValue,
  NodeAttributes,
  NodeDetail,
  QueryResult,
  RelationDetail,
  SavedQuery,
  SearchHit,
  SerializedGraph,
  Timeline,
  TimelineEvent,
  TopicSummary,
} from "../../src/server/wire.ts";

export type { ArticleDetail, ArticleSummary, CompareResult, FactDetail, JsonValue, NodeDetail, QueryResult, SavedQuery, SearchHit, Timeline, TimelineEvent, TopicSummary };
/** x and y: the layout stored on the server, when there is one. */
export type NodeAttrs = NodeAttributes;
export type EdgeAttrs = EdgeAttributes;
export type ApiGraph = SerializedGraph;
export type Relation = RelationDetail;
export type Stats = GraphStats;

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
  /** A page of a node's neighbourhood (its newest facts first); `attributes.nextOffset` asks for the next one. */
  neighbors: (id: string, depth = 1, offset = 0) => getJson<ApiGraph>(`/api/nodes/${enc(id)}/neighbors?depth=${depth}${offset > 0 ? `&offset=${offset}` : ""}`),
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
