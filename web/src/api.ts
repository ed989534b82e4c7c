import type { SerializedGraph } from "graphology-types";

export type NodeAttrs = { label: string; entityType: string; role?: string | null; degree: number };
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
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const TOKEN_KEY = "kg-api-token";

/** GET a JSON endpoint; a 401 asks once for the server's token (kept for this tab only). */
export async function getJson<T>(path: string, retried = false): Promise<T> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status === 401 && !retried) {
    const given = window.prompt("This graph server needs its access token (KG_API_TOKEN):");
    if (given) {
      sessionStorage.setItem(TOKEN_KEY, given.trim());
      return getJson<T>(path, true);
    }
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      message = ((await response.json()) as { message?: string }).message ?? message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

const enc = encodeURIComponent;
export const api = {
  graph: (limit = 20_000) => getJson<ApiGraph>(`/api/graph?limit=${limit}`),
  node: (id: string) => getJson<NodeDetail>(`/api/nodes/${enc(id)}`),
  neighbors: (id: string, depth = 1) => getJson<ApiGraph>(`/api/nodes/${enc(id)}/neighbors?depth=${depth}`),
  search: (q: string, limit = 8) => getJson<{ hits: SearchHit[] }>(`/api/search?q=${enc(q)}&limit=${limit}`),
  articles: () => getJson<{ articles: ArticleSummary[] }>(`/api/articles`),
  article: (id: string) => getJson<ArticleDetail>(`/api/articles/${enc(id)}`),
  stats: () => getJson<Stats>(`/api/stats`),
};
