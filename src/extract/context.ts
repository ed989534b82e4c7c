import type { Doc } from "./doc/doc.ts";
import type { Resolver } from "./entities/coref.ts";
import type { Entity, Registry } from "./entities/registry.ts";
import type { RelationType, Stance } from "./schema.ts";

/** A relation found by a rule, before it becomes output. */
export interface FactDraft {
  type: RelationType;
  subject: Entity;
  object: Entity;
  /** Sentence that is its evidence. */
  sent: number;
  confidence: number;
  /** Id of the rule that found it (kept for `kg eval --errors`). */
  rule: string;
  cameo?: string;
  plover?: string;
  date?: string;
}

/** A position an actor takes on a proposal's topic, before per-topic stances are derived. */
export interface PositionDraft {
  actor: Entity;
  /** The proposal or meeting the position is about (its topic is read at the end). */
  about: Entity;
  stance: Stance;
  sent: number;
  rule: string;
  /** The predicate class behind it: proposing or offering something is a position of one's own. */
  cls: string;
}

/** What every rule gets: the parsed article, its entities, the resolver, and the place to put what it finds. */
export interface Ctx {
  doc: Doc;
  reg: Registry;
  res: Resolver;
  /** The article date (YYYY-MM-DD), for relative dates. */
  publishedAt?: string;
  facts: FactDraft[];
  positions: PositionDraft[];
  /** Where to describe each committed event, when a developer asks (ExtractOptions.trace). */
  trace?: (line: string) => void;
}

export function addFact(ctx: Ctx, f: FactDraft): void {
  if (f.subject === f.object) return;
  ctx.facts.push(f);
}
