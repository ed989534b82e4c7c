import { z } from "zod";
// The answers' shapes are the API's wire contract (type-only: the store returns what the server sends).
import type {
  ArticleDetail,
  ArticleSummary,
  FactDetail,
  GraphStats,
  NodeDetail,
  SearchHit,
  SerializedGraph,
} from "../../server/wire.ts";

export type { ArticleDetail, ArticleSummary, FactDetail, GraphStats, NodeDetail, SearchHit, SerializedGraph };

/** Filters of the explorer's overview; null means "no restriction". */
export const GraphFilterSchema = z.object({
  /** "connected": the most connected nodes; "recent": the nodes of the newest articles. */
  order: z.enum(["connected", "recent"]),
  nodeTypes: z.array(z.string()).nullable(),
  relationTypes: z.array(z.string()).nullable(),
  sources: z.array(z.string()).nullable(),
  dateFrom: z.string().nullable(),
  dateTo: z.string().nullable(),
  minDegree: z.number().int().min(0),
  limit: z.number().int().positive(),
});
export type GraphFilter = z.infer<typeof GraphFilterSchema>;

/** A page of a node's neighbourhood. */
export type NeighborsRequest = { depth: number; limit: number; offset: number };

/** What the HTTP server needs from the database: reads only, each bounded by what it returns. */
export interface GraphReadStore {
  graph(filter: GraphFilter): Promise<SerializedGraph>;
  node(id: string): Promise<NodeDetail | null>;
  neighbors(id: string, request: NeighborsRequest): Promise<SerializedGraph | null>;
  search(text: string, limit: number): Promise<SearchHit[]>;
  articles(options: { source: string | null; offset: number; limit: number }): Promise<ArticleSummary[]>;
  article(id: string): Promise<ArticleDetail | null>;
  /** The facts with these edge keys (unknown keys are left out). */
  facts(keys: string[]): Promise<FactDetail[]>;
  stats(): Promise<GraphStats>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
