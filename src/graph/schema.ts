import { z } from "zod";
import { EntityType, RelationType, Stance } from "../extract/schema.ts";

/** Neo4j property values we write: scalars and homogeneous lists of scalars (no maps, no nulls). */
const PropValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.array(z.number())]);
export const Props = z.record(z.string(), PropValue);

export const ArticleNodeSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string(),
  contentHash: z.string(),
  extractor: z.string(),
  extractorVersion: z.string(),
});

export const EntityNodeSchema = z.object({
  /** Global id, stable across articles: "<type>:<key>". */
  id: z.string().regex(/^[a-z]+:[a-z0-9][a-z0-9-]*$/),
  type: EntityType,
  name: z.string(),
  aliases: z.array(z.string()),
  props: Props,
});

export const MentionSchema = z.object({
  entityId: z.string(),
  count: z.number().int().nonnegative(),
  starts: z.array(z.number().int()),
  ends: z.array(z.number().int()),
});

export const FactSchema = z.object({
  /** Identity of the fact within its article, so that re-writing the article never duplicates it. */
  key: z.string(),
  type: RelationType,
  from: z.string(),
  to: z.string(),
  props: Props,
});

export const StanceEdgeSchema = z.object({
  key: z.string(),
  actorId: z.string(),
  topic: z.string(),
  stance: Stance,
  props: Props,
});

/** Everything one article contributes to the graph: written all-or-nothing. */
export const ArticleGraphSchema = z.object({
  article: ArticleNodeSchema,
  entities: z.array(EntityNodeSchema),
  mentions: z.array(MentionSchema),
  facts: z.array(FactSchema),
  stances: z.array(StanceEdgeSchema),
  topics: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ArticleGraph = z.infer<typeof ArticleGraphSchema>;
export type EntityNode = z.infer<typeof EntityNodeSchema>;
export type Fact = z.infer<typeof FactSchema>;
