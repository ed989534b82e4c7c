import { z } from "zod";

/**
 * The rows the read queries (cypher/read/*.cypher) return, parsed rather than cast: a query and its reader that
 * drift apart fail on the first call with the column that changed, not later with an undefined in a web page.
 * Driver values are plain JS (the read driver sets disableLosslessIntegers).
 */
const text = z.string();
const maybeText = z.string().nullish().transform((v) => v ?? null);
const maybeNumber = z.number().nullish().transform((v) => v ?? null);
const count = z.number().int().nonnegative();

/** A node as the graph views draw it. */
export const NodeRowSchema = z.object({
  id: text,
  name: text,
  type: text,
  role: maybeText,
  degree: z.number().nullish().transform((v) => v ?? 0),
  x: maybeNumber,
  y: maybeNumber,
});
export type NodeRow = z.infer<typeof NodeRowSchema>;

export const OverviewNodeRowSchema = NodeRowSchema.extend({ elementId: text });

/** A fact as the graph views draw it (an edge). */
export const EdgeRowSchema = z.object({
  key: text,
  source: text,
  target: text,
  relation: text,
  articleId: maybeText,
  articleSource: maybeText,
  date: maybeText,
  confidence: maybeNumber,
  stance: maybeText,
});
export type EdgeRow = z.infer<typeof EdgeRowSchema>;

/** A fact of a neighbourhood, with the node at its other end. */
export const NeighborRowSchema = EdgeRowSchema.extend({ other: NodeRowSchema });

export const NodeHeadRowSchema = z.object({
  properties: z.record(z.string(), z.unknown()),
  labels: z.array(text),
  articleCount: count,
  counts: z.record(z.string(), count),
});

export const RelationRowSchema = z.object({
  key: text,
  type: text,
  direction: z.enum(["out", "in"]),
  other: z.object({ id: text, name: text, type: text }),
  evidence: maybeText,
  start: maybeNumber,
  end: maybeNumber,
  confidence: maybeNumber,
  date: maybeText,
  stance: maybeText,
  articleId: maybeText,
  articleTitle: maybeText,
  articleSource: maybeText,
  articlePublishedAt: maybeText,
  articleUrl: maybeText,
});

export const NodeArticleRowSchema = z.object({ id: text, title: text, source: maybeText, publishedAt: maybeText, count: maybeNumber });

export const SearchRowSchema = z.object({
  id: text,
  name: maybeText,
  type: maybeText,
  aliases: z.array(text).nullish().transform((v) => v ?? []),
  score: z.number(),
});

export const ArticleSummaryRowSchema = z.object({
  id: text,
  title: text,
  source: maybeText,
  publishedAt: maybeText,
  url: maybeText,
  entityCount: count,
});

export const ArticleRowSchema = z.object({
  article: z.record(z.string(), z.unknown()),
  mentions: z.array(z.object({ entityId: text, name: text, type: maybeText, starts: z.array(z.number()), ends: z.array(z.number()) })),
});

export const ArticleFactRowSchema = z.object({
  key: text,
  type: text,
  source: text,
  sourceName: text,
  target: text,
  targetName: text,
  evidence: maybeText,
  start: maybeNumber,
  end: maybeNumber,
  date: maybeText,
});

export const FactRowSchema = z.object({
  key: text,
  relation: text,
  source: text,
  sourceName: text,
  target: text,
  targetName: text,
  evidence: maybeText,
  start: maybeNumber,
  end: maybeNumber,
  stance: maybeText,
  date: maybeText,
  confidence: maybeNumber,
  cameo: maybeText,
  plover: maybeText,
  articleId: maybeText,
  articleTitle: maybeText,
  articleSource: maybeText,
  articlePublishedAt: maybeText,
  articleUrl: maybeText,
});

export const StatsRowSchema = z.object({
  nodeTypes: z.record(z.string(), count),
  relationTypes: z.record(z.string(), count),
  articles: count,
});
export const SourceCountRowSchema = z.object({ source: text, articles: count });
export const DateRangeRowSchema = z.object({ first: maybeText, last: maybeText });
export const DataVersionRowSchema = z.object({ articles: count, lastIngestedAt: maybeText });
