import { z } from "zod";

/** Filters of the explorer's graph view; null means "no restriction". */
export const GraphFilterSchema = z.object({
  nodeTypes: z.array(z.string()).nullable(),
  relationTypes: z.array(z.string()).nullable(),
  sources: z.array(z.string()).nullable(),
  dateFrom: z.string().nullable(),
  dateTo: z.string().nullable(),
  minDegree: z.number().int().min(0),
  limit: z.number().int().positive(),
});
export type GraphFilter = z.infer<typeof GraphFilterSchema>;

export type NodeAttributes = { label: string; entityType: string; role?: string | null; degree: number; x?: number; y?: number };
export type EdgeAttributes = {
  relation: string;
  articleId: string | null;
  articleSource: string | null;
  date: string | null;
  confidence: number | null;
  stance?: string | null;
};

/** graphology's serialized format (Graph#export / Graph#import). */
export type SerializedGraph = {
  attributes: Record<string, unknown>;
  options: { type: "directed"; multi: true; allowSelfLoops: true };
  nodes: { key: string; attributes: NodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: EdgeAttributes }[];
};

export type RelationDetail = {
  key: string;
  type: string;
  direction: "out" | "in";
  other: { id: string; name: string; type: string };
  evidence: string | null;
  start: number | null;
  end: number | null;
  confidence: number | null;
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
  labels: string[];
  aliases: string[];
  properties: Record<string, unknown>;
  degree: number;
  relations: { type: string; count: number; items: RelationDetail[] }[];
  articles: { id: string; title: string; source: string | null; publishedAt: string | null; count: number | null }[];
};

export type SearchHit = { id: string; name: string; type: string; aliases: string[]; score: number };

export type ArticleSummary = {
  id: string;
  title: string;
  source: string | null;
  publishedAt: string | null;
  url: string | null;
  entityCount: number;
};

export type Mention = { entityId: string; name: string; type: string; start: number; end: number };

export type ArticleDetail = ArticleSummary & {
  body: string;
  language: string | null;
  mentions: Mention[];
  relations: {
    key: string;
    type: string;
    source: string;
    sourceName: string;
    target: string;
    targetName: string;
    evidence: string | null;
    start: number | null;
    end: number | null;
    date: string | null;
  }[];
};

/** One fact with its evidence (POST /api/facts): what a tooltip shows and an export writes. */
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

export type GraphStats = {
  nodes: number;
  edges: number;
  articles: number;
  nodeTypes: Record<string, number>;
  relationTypes: Record<string, number>;
  sources: Record<string, number>;
  dateRange: { first: string | null; last: string | null };
};

/** What the HTTP server needs from the database: reads only. */
export interface GraphReadStore {
  graph(filter: GraphFilter): Promise<SerializedGraph>;
  node(id: string): Promise<NodeDetail | null>;
  neighbors(id: string, depth: number, limit: number): Promise<SerializedGraph | null>;
  search(text: string, limit: number): Promise<SearchHit[]>;
  articles(options: { source: string | null; offset: number; limit: number }): Promise<ArticleSummary[]>;
  article(id: string): Promise<ArticleDetail | null>;
  /** The facts with these edge keys (unknown keys are left out). */
  facts(keys: string[]): Promise<FactDetail[]>;
  stats(): Promise<GraphStats>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
