import { z } from "zod";

/** Shapes of the analyst features (compare, timelines, topics), shared by the CLI, the API and the web app. */

export const PositionSchema = z.enum(["support", "oppose", "conditional", "mixed"]);
export type Position = z.infer<typeof PositionSchema>;
export const StanceSummarySchema = z.union([PositionSchema, z.literal("no position found")]);
export type StanceSummary = z.infer<typeof StanceSummarySchema>;

/** One relationship behind a position: a stance on the topic, or a relation to one of its proposals. */
export const EvidenceSchema = z.object({
  actorId: z.string(),
  actorName: z.string(),
  position: PositionSchema,
  /** HAS_STANCE, or the relation type (PROPOSED, OFFERED, SUPPORTED, REJECTED, OPPOSED). */
  relation: z.string(),
  proposalId: z.string().nullable(),
  proposalName: z.string().nullable(),
  quote: z.string().nullable(),
  confidence: z.number().nullable(),
  articleId: z.string().nullable(),
  articleTitle: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  date: z.string().nullable(),
  /** The quote's offsets in the article body (to highlight it there); absent for older data. */
  start: z.number().nullish(),
  end: z.number().nullish(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ResolvedActorSchema = z.object({
  /** What the user typed. */
  query: z.string(),
  kind: z.enum(["entity", "group", "unknown"]),
  /** Display name: the entity's or the group's name. */
  name: z.string(),
  /** Entity ids covered: one for an entity, the members for a group, none when unknown. */
  memberIds: z.array(z.string()),
  memberNames: z.array(z.string()),
  note: z.string().nullable(),
});
export type ResolvedActor = z.infer<typeof ResolvedActorSchema>;

export const ShiftSchema = z.object({ from: PositionSchema, to: PositionSchema, date: z.string().nullable() });

/** One quote behind a column, listed once, with every fact it supports (a sentence can be an OFFERED and a stance). */
export const QuoteGroupSchema = z.object({
  quote: z.string().nullable(),
  articleId: z.string().nullable(),
  articleTitle: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  date: z.string().nullable(),
  start: z.number().nullish(),
  end: z.number().nullish(),
  facts: z.array(
    z.object({
      actorName: z.string(),
      position: PositionSchema,
      relation: z.string(),
      proposalName: z.string().nullable(),
      confidence: z.number().nullable(),
    }),
  ),
});
export type QuoteGroup = z.infer<typeof QuoteGroupSchema>;

/** How a column's stance was derived from its facts: counts by position, the latest and the strongest fact, the rule. */
export const StanceExplanationSchema = z.object({
  counts: z.record(PositionSchema, z.number()),
  latest: z.object({ position: PositionSchema, date: z.string(), relation: z.string(), proposalName: z.string().nullable() }).nullable(),
  strongest: z.object({ position: PositionSchema, confidence: z.number(), relation: z.string(), proposalName: z.string().nullable() }).nullable(),
  rule: z.string(),
});
export type StanceExplanation = z.infer<typeof StanceExplanationSchema>;

export const ActorColumnSchema = z.object({
  actor: ResolvedActorSchema,
  stance: StanceSummarySchema,
  /** Set when the position changed over time (e.g. backed a ceasefire, then reversed). */
  shift: ShiftSchema.nullable(),
  /** Date of the earliest fact behind the current stance ("since when"); null when undated or no position. */
  since: z.string().nullable(),
  /** For groups: each member's own stance. */
  members: z.array(z.object({ id: z.string(), name: z.string(), stance: StanceSummarySchema })),
  /** The newest facts behind the stance (at most 100), oldest first. */
  evidence: z.array(EvidenceSchema),
  /** All the facts read for the stance (`evidence` lists the newest). */
  evidenceCount: z.number().int().nonnegative(),
  /** The listed evidence grouped by quote (each quote once), oldest first. */
  quotes: z.array(QuoteGroupSchema),
  explanation: StanceExplanationSchema,
});
export type ActorColumn = z.infer<typeof ActorColumnSchema>;

export const ProposalRowSchema = z.object({
  proposalId: z.string(),
  proposalName: z.string(),
  /** Actor column name -> its position on this proposal (absent when none). */
  positions: z.record(z.string(), StanceSummarySchema),
  disputed: z.boolean(),
});

export const CompareResultSchema = z.object({
  topic: z.object({ id: z.string(), name: z.string() }),
  columns: z.array(ActorColumnSchema),
  /** Proposals of the topic touched by the actors; those where they disagree come first. */
  proposals: z.array(ProposalRowSchema),
});
export type CompareResult = z.infer<typeof CompareResultSchema>;

export const TimelineEventSchema = z.object({
  date: z.string().nullable(),
  subjectId: z.string().nullable(),
  subject: z.string().nullable(),
  relation: z.string(),
  objectId: z.string().nullable(),
  object: z.string().nullable(),
  stance: z.string().nullable(),
  quote: z.string().nullable(),
  articleId: z.string().nullable(),
  articleTitle: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  start: z.number().nullish(),
  end: z.number().nullish(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const TopicSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** In the taxonomy (src/extract/lexicons/topics.json or config/topics.json). */
  inTaxonomy: z.boolean(),
  proposals: z.number(),
  stances: z.number(),
  relations: z.number(),
  articles: z.number(),
});
export type TopicSummary = z.infer<typeof TopicSummarySchema>;

/** An actor candidate for group membership, as stored (actor-candidates.cypher). */
export const ActorCandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  aliases: z.array(z.string()),
  iso2: z.string().nullable(),
  iso3: z.string().nullable(),
  region: z.string().nullable(),
  kind: z.string().nullable(),
  country: z.string().nullable(),
  leads: z.array(z.string()),
  /** Its number of facts: a group's or a country's busiest people speak for it first. */
  degree: z.number().default(0),
});
export type ActorCandidate = z.infer<typeof ActorCandidateSchema>;
