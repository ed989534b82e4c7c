/**
 * The wire contract of the HTTP API: one zod schema for every answer. The server validates what it sends against
 * these (src/server/app.ts), and the web app takes its types from here (type-only imports, so zod is not bundled).
 */
import { z } from "zod";
import { CompareResultSchema, TimelineEventSchema, TopicSummarySchema } from "../analysis/schema.ts";

/** A JSON value (node properties, console rows). */
export const JsonValueSchema = z.json();
export type JsonValue = z.infer<typeof JsonValueSchema>;

// --- the explorer's graph (graphology's serialized format: Graph#export / Graph#import) ---------------------------

export const NodeAttributesSchema = z.object({
  label: z.string(),
  entityType: z.string(),
  role: z.string().nullable(),
  /** The node's number of facts in the whole graph (not only those in this answer). */
  degree: z.number().int().nonnegative(),
  /** The stored explorer layout (see `kg layout`), when the node has one. */
  x: z.number().optional(),
  y: z.number().optional(),
});
export type NodeAttributes = z.infer<typeof NodeAttributesSchema>;

export const EdgeAttributesSchema = z.object({
  relation: z.string(),
  articleId: z.string().nullable(),
  articleSource: z.string().nullable(),
  date: z.string().nullable(),
  confidence: z.number().nullable(),
  stance: z.string().nullable(),
});
export type EdgeAttributes = z.infer<typeof EdgeAttributesSchema>;

/** What an answer holds of the graph, and what it left out. */
export const GraphAttributesSchema = z.object({
  /** Some nodes that match were left out (the limit). */
  truncated: z.boolean(),
  /**
   * Some facts between the nodes shown were left out: each node brings at most a fixed number of its newest facts,
   * so the answer's size does not grow with the graph. The node panel and neighbours have the rest.
   */
  edgesSampled: z.boolean(),
  /** The overview: how nodes were chosen ("connected": by number of facts; "recent": from the newest articles). */
  order: z.enum(["connected", "recent"]).optional(),
  /** Neighbours: the node asked about, the depth, and the offset of the next page (null: no more). */
  root: z.string().optional(),
  depth: z.number().int().optional(),
  offset: z.number().int().optional(),
  nextOffset: z.number().int().nullable().optional(),
});
export type GraphAttributes = z.infer<typeof GraphAttributesSchema>;

export const GraphSchema = z.object({
  attributes: GraphAttributesSchema,
  options: z.object({ type: z.literal("directed"), multi: z.literal(true), allowSelfLoops: z.literal(true) }),
  nodes: z.array(z.object({ key: z.string(), attributes: NodeAttributesSchema })),
  edges: z.array(z.object({ key: z.string(), source: z.string(), target: z.string(), attributes: EdgeAttributesSchema })),
});
export type SerializedGraph = z.infer<typeof GraphSchema>;

// --- nodes, search, articles, facts, stats ---------------------------------------------------------------------------

export const RelationDetailSchema = z.object({
  key: z.string(),
  type: z.string(),
  direction: z.enum(["out", "in"]),
  other: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  evidence: z.string().nullable(),
  start: z.number().nullable(),
  end: z.number().nullable(),
  confidence: z.number().nullable(),
  date: z.string().nullable(),
  stance: z.string().nullable(),
  articleId: z.string().nullable(),
  articleTitle: z.string().nullable(),
  articleSource: z.string().nullable(),
  articlePublishedAt: z.string().nullable(),
  articleUrl: z.string().nullable(),
});
export type RelationDetail = z.infer<typeof RelationDetailSchema>;

export const NodeArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** How many times the article names the node. */
  count: z.number().nullable(),
});

export const NodeDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  labels: z.array(z.string()),
  aliases: z.array(z.string()),
  properties: z.record(z.string(), JsonValueSchema),
  /** Facts touching the node, in the whole graph. */
  degree: z.number().int().nonnegative(),
  /** By relation type: how many facts (all of them), and the newest ones with their evidence (at most a page). */
  relations: z.array(z.object({ type: z.string(), count: z.number().int().nonnegative(), items: z.array(RelationDetailSchema) })),
  /** Articles naming the node: how many, and the newest (at most a page), newest first. */
  articleCount: z.number().int().nonnegative(),
  articles: z.array(NodeArticleSchema),
});
export type NodeDetail = z.infer<typeof NodeDetailSchema>;

export const SearchHitSchema = z.object({ id: z.string(), name: z.string(), type: z.string(), aliases: z.array(z.string()), score: z.number() });
export type SearchHit = z.infer<typeof SearchHitSchema>;
export const SearchResponseSchema = z.object({ query: z.string(), hits: z.array(SearchHitSchema) });

export const ArticleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  entityCount: z.number().int().nonnegative(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
export const ArticlesResponseSchema = z.object({ articles: z.array(ArticleSummarySchema) });

export const MentionSchema = z.object({ entityId: z.string(), name: z.string(), type: z.string(), start: z.number(), end: z.number() });
export type Mention = z.infer<typeof MentionSchema>;

export const ArticleRelationSchema = z.object({
  key: z.string(),
  type: z.string(),
  source: z.string(),
  sourceName: z.string(),
  target: z.string(),
  targetName: z.string(),
  evidence: z.string().nullable(),
  start: z.number().nullable(),
  end: z.number().nullable(),
  date: z.string().nullable(),
});

export const ArticleDetailSchema = ArticleSummarySchema.extend({
  body: z.string(),
  language: z.string().nullable(),
  mentions: z.array(MentionSchema),
  relations: z.array(ArticleRelationSchema),
});
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>;

/** One fact with its evidence (POST /api/facts): what a tooltip shows and an export writes. */
export const FactDetailSchema = z.object({
  key: z.string(),
  relation: z.string(),
  source: z.string(),
  sourceName: z.string(),
  target: z.string(),
  targetName: z.string(),
  evidence: z.string().nullable(),
  start: z.number().nullable(),
  end: z.number().nullable(),
  stance: z.string().nullable(),
  date: z.string().nullable(),
  confidence: z.number().nullable(),
  cameo: z.string().nullable(),
  plover: z.string().nullable(),
  articleId: z.string().nullable(),
  articleTitle: z.string().nullable(),
  articleSource: z.string().nullable(),
  articlePublishedAt: z.string().nullable(),
  articleUrl: z.string().nullable(),
});
export type FactDetail = z.infer<typeof FactDetailSchema>;
export const FactsResponseSchema = z.object({ facts: z.array(FactDetailSchema) });

const Counts = z.record(z.string(), z.number().int().nonnegative());
export const StatsSchema = z.object({
  nodes: z.number().int().nonnegative(),
  edges: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative(),
  nodeTypes: Counts,
  relationTypes: Counts,
  sources: Counts,
  dateRange: z.object({ first: z.string().nullable(), last: z.string().nullable() }),
});
export type GraphStats = z.infer<typeof StatsSchema>;

export const HealthSchema = z.object({ status: z.literal("ok") });

/** Every error: a short code and what happened and what to do; a refused console query names the clause. */
export const ErrorBodySchema = z.object({ error: z.string(), message: z.string(), clause: z.string().optional() });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// --- the analyst API ---------------------------------------------------------------------------------------------------

export { CompareResultSchema, TimelineEventSchema, TopicSummarySchema };
export type { CompareResult, TimelineEvent, TopicSummary } from "../analysis/schema.ts";

export const TimelineSchema = z.object({
  subject: z.object({ kind: z.enum(["actor", "topic"]), name: z.string(), ids: z.array(z.string()), note: z.string().nullable() }),
  /** Events in date order, oldest first. */
  events: z.array(TimelineEventSchema),
  /** Events of the subject in the whole graph, and whether some of them are not in `events` (the newest are). */
  total: z.number().int().nonnegative(),
  truncated: z.boolean(),
});
export type Timeline = z.infer<typeof TimelineSchema>;

export const TopicsResponseSchema = z.object({ topics: z.array(TopicSummarySchema) });

export const SavedQuerySchema = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  params: z.array(z.object({ name: z.string(), type: z.string(), meaning: z.string(), example: JsonValueSchema.optional() })),
  cypher: z.string(),
});
export type SavedQuery = z.infer<typeof SavedQuerySchema>;
export const SavedQueriesResponseSchema = z.object({ queries: z.array(SavedQuerySchema) });

export const QueryResultSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), JsonValueSchema)),
  truncated: z.boolean(),
  limit: z.number().int(),
  queryType: z.string(),
  elapsedMs: z.number(),
});
export type QueryResult = z.infer<typeof QueryResultSchema>;
