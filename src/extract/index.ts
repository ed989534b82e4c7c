import type { Article } from "../article/schema.ts";
import type { ParsedText } from "../parse/schema.ts";
import type { Ctx } from "./context.ts";
import { buildDoc } from "./doc/doc.ts";
import { Resolver } from "./entities/coref.ts";
import { dropPeoplePlaces, findNames, tidyNames } from "./entities/names.ts";
import { Registry } from "./entities/registry.ts";
import { dropUnrealisedMeetings, findMeetings } from "./meetings.ts";
import { findNamedProposals, settleTopics } from "./proposals.ts";
import { buildOutput } from "./output.ts";
import { runRules } from "./rules/index.ts";
import { leadsFromOffices } from "./rules/offices.ts";
import { type Extraction } from "./schema.ts";
import { deriveStances } from "./stances.ts";

export { ExtractionSchema, type Extraction } from "./schema.ts";

/** Which extractor made a document (kept in the graph so re-runs of a newer version can be told apart). */
export const EXTRACTOR = { name: "kg-rules", version: "2.0.0" } as const;

export interface ExtractOptions {
  /** Drop relations and stances below this confidence (default 0: keep all). */
  minConfidence?: number;
  /** Receives one line per event the rules commit, with its polarity (for developers: KG_DEBUG_EVENTS=1). */
  trace?: (line: string) => void;
}

/**
 * Extracts entities, relations and stances from one article and its parse. Pure and deterministic: no I/O, no
 * clock; relative dates are resolved against article.publishedAt only. The parse must be of article.body.
 */
export function extract(article: Article, parsed: ParsedText, opts: ExtractOptions = {}): Extraction {
  const doc = buildDoc(article.body, parsed);
  const reg = new Registry(doc);
  findNames(doc, reg);
  tidyNames(reg);
  dropPeoplePlaces(reg);
  const ctx: Ctx = { doc, reg, res: new Resolver(doc, reg), publishedAt: article.publishedAt, facts: [], positions: [], trace: opts.trace };
  leadsFromOffices(ctx);
  findMeetings(ctx);
  findNamedProposals(ctx);
  runRules(ctx);
  dropUnrealisedMeetings(ctx);
  settleTopics(ctx);
  const stances = deriveStances(ctx);
  const out = buildOutput(ctx, stances);
  const min = opts.minConfidence ?? 0;
  return {
    article: {
      id: article.id,
      title: article.title,
      ...(article.source ? { source: article.source } : {}),
      ...(article.publishedAt ? { publishedAt: article.publishedAt.slice(0, 10) } : {}),
    },
    entities: out.entities,
    relations: out.relations.filter((r) => (r.confidence ?? 1) >= min),
    stances: out.stances.filter((s) => (s.confidence ?? 1) >= min),
    extractor: { ...EXTRACTOR },
  };
}
