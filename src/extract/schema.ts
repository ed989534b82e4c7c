import { z } from "zod";

/** The document shape shared by gold annotations and extractor output (see tests/fixtures/eval/FORMAT.md). */
export const ENTITY_TYPES = ["Person", "Organization", "Country", "Proposal", "Meeting", "Place"] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const CORE_RELATION_TYPES = ["HOSTED", "PROPOSED", "REJECTED", "OFFERED"] as const;
export const RELATION_TYPES = [
  ...CORE_RELATION_TYPES,
  "ATTENDED",
  "MET_WITH",
  "URGED",
  "SUPPORTED",
  "OPPOSED",
  "LEADS",
  "MEMBER_OF",
  "HELD_IN",
] as const;
export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;

export const TOPICS = [
  "ceasefire",
  "security-guarantees",
  "peacekeeping",
  "peace-deal",
  "territory",
  "nato-membership",
  "summit",
  "weapons",
  "sanctions",
  "settlements",
  "prisoners",
  "humanitarian",
  "naval-mission",
  "other",
] as const;
/** Topics are extensible data (a user may add their own), so any slug is accepted. */
export const Topic = z.string().regex(/^[a-z0-9-]+$/);

export const STANCES = ["support", "oppose", "conditional", "mixed"] as const;
export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;

const Slug = z.string().min(1);

/** Character offsets of a span within the article body. */
export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const EntitySchema = z.object({
  id: Slug,
  type: EntityType,
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  attributes: z.record(z.string(), z.unknown()).default({}),
  /** Extractor output only: how many times the entity is mentioned in the article. */
  mentions: z.number().int().nonnegative().optional(),
  /** Extractor output only: where the mentions are in the body. */
  spans: z.array(Span).optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

export const RelationSchema = z.object({
  subject: Slug,
  type: RelationType,
  object: Slug,
  evidence: z.string().min(1),
  confidence: z.number().min(0).max(1).optional(),
  /** Extractor output only: offsets of the evidence sentence in the body. */
  span: Span.optional(),
  /** CAMEO event code (e.g. "042" for a visit hosted) when the relation is an event. */
  cameo: z.string().optional(),
  /** PLOVER event category when the relation is an event. */
  plover: z.string().optional(),
  /** ISO date (or YYYY-MM) the fact refers to, resolved against the article date. */
  date: z.string().optional(),
});
export type Relation = z.infer<typeof RelationSchema>;

export const StanceSchema = z.object({
  actor: Slug,
  topic: Topic,
  stance: Stance,
  evidence: z.string().min(1),
  confidence: z.number().min(0).max(1).optional(),
  span: Span.optional(),
  date: z.string().optional(),
});
export type StanceRecord = z.infer<typeof StanceSchema>;

export const ExtractionSchema = z.object({
  article: z.object({
    id: z.string(),
    title: z.string(),
    source: z.string().optional(),
    publishedAt: z.string().optional(),
  }),
  entities: z.array(EntitySchema),
  relations: z.array(RelationSchema),
  stances: z.array(StanceSchema).default([]),
  /** Extractor output only: which extractor produced the document. */
  extractor: z.object({ name: z.string(), version: z.string() }).optional(),
});
export type Extraction = z.infer<typeof ExtractionSchema>;
