import type { Article } from "../article/schema.ts";
import { type Extraction, type Entity } from "./schema.ts";
import { segment } from "./text.ts";
import { findEntities } from "./entities.ts";
import { findTopics } from "./topics.ts";
import { findRelations } from "./relations.ts";
import { slug } from "./lexicon.ts";
import type { Draft, Registry } from "./registry.ts";

export { ExtractionSchema, type Extraction } from "./schema.ts";

/** Which extractor made a document (kept in the graph so re-runs of a newer version can be told apart). */
export const EXTRACTOR = { name: "kg-rules", version: "0.1.0" } as const;

export interface ExtractOptions {
  /** Drop relations and stances below this confidence (default 0: keep all). */
  minConfidence?: number;
}

/**
 * Extracts entities, relations and stances from one article. Pure and deterministic: no I/O, no clock;
 * relative dates are resolved against article.publishedAt only.
 */
export function extract(article: Article, opts: ExtractOptions = {}): Extraction {
  // Typographic quotes become plain ones (one UTF-16 unit each, so every offset stays valid for the original body).
  const body = article.body.replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201F\u2033]/g, '"');
  const sentences = segment(body);
  const { reg, claimed } = findEntities(body, article.title, sentences, article.source);
  const topics = findTopics(body, sentences, reg, claimed, article.publishedAt);
  // Drafts in order of first mention; findRelations reads the registry without changing it, so one sort serves both.
  const drafts = sortedDrafts(reg);
  const ids = assignIds(drafts);
  const { relations, stances } = findRelations({ body, sentences, reg, topics, ids, publishedAt: article.publishedAt });
  const min = opts.minConfidence ?? 0;
  return {
    article: {
      id: article.id,
      title: article.title,
      ...(article.source ? { source: article.source } : {}),
      ...(article.publishedAt ? { publishedAt: article.publishedAt.slice(0, 10) } : {}),
    },
    entities: buildEntities(reg, drafts, ids),
    relations: relations.filter((r) => (r.confidence ?? 1) >= min).map((r) => ({ ...r, evidence: original(article.body, r) })),
    stances: stances.filter((s) => (s.confidence ?? 1) >= min).map((s) => ({ ...s, evidence: original(article.body, s) })),
    extractor: { ...EXTRACTOR },
  };
}

/** The evidence as written in the article (with its own quote marks). */
function original(body: string, r: { evidence: string; span?: { start: number; end: number } }): string {
  return r.span ? body.slice(r.span.start, r.span.end) : r.evidence;
}

function sortedDrafts(reg: Registry): Draft[] {
  return [...reg.drafts.values()].sort((a, b) => a.first - b.first || a.key.localeCompare(b.key));
}

/** Document-local ids: slugs of the canonical names, made unique. */
function assignIds(drafts: Draft[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const d of drafts) {
    const explicit = typeof d.attributes.id === "string" ? (d.attributes.id as string) : undefined;
    let id = explicit ?? (slug(d.name) || "entity");
    if (used.has(id)) id = `${id}-${d.type.toLowerCase()}`;
    let n = 2;
    const baseId = id;
    while (used.has(id)) id = `${baseId}-${n++}`;
    used.add(id);
    ids.set(d.key, id);
  }
  return ids;
}

function buildEntities(reg: Registry, drafts: Draft[], ids: Map<string, string>): Entity[] {
  const out: Entity[] = [];
  const byKey = new Map<string, typeof reg.mentions>();
  for (const m of reg.mentions) {
    const list = byKey.get(m.key);
    if (list) list.push(m);
    else byKey.set(m.key, [m]);
  }
  for (const d of drafts) {
    const ms = (byKey.get(d.key) ?? []).sort((a, b) => a.start - b.start);
    const spans = ms.map((m) => ({ start: m.start, end: m.end }));
    const { id: _drop, ...attributes } = d.attributes;
    const aliases = [...d.aliases].filter((a) => a && a !== d.name).sort();
    if (!ms.length && d.type !== "Meeting" && d.type !== "Proposal") continue;
    out.push({ id: ids.get(d.key)!, type: d.type, name: d.name, aliases, attributes, mentions: ms.length, spans });
  }
  return out;
}
