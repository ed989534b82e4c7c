import type { Article } from "../article/schema.ts";
import type { Entity, Extraction, Relation } from "../extract/schema.ts";
import { ArticleGraphSchema, type ArticleGraph, type EntityNode } from "./schema.ts";
import { entityId, nameKey, stableKey } from "./ids.ts";

/** Attributes that name another entity of the same document: they are rewritten to global ids. */
const REFERENCE_ATTRIBUTES = new Set(["country", "place", "host", "organization"]);
const LIST_REFERENCE_ATTRIBUTES = new Set(["participants"]);

type Scalar = string | number | boolean;
type PropValue = Scalar | string[] | number[];

/** "Zelensky-Putin meeting" and "Putin-Zelenskyy meeting" name one event: participants in a fixed order. */
function participantOrderFree(name: string): string {
  const m = /^(\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)+)(\s.*)?$/u.exec(name);
  if (!m) return name;
  const parts = m[1]!.split("-").sort((a, b) => nameKey(a).localeCompare(nameKey(b)));
  return `${parts.join("-")}${m[2] ?? ""}`;
}

/** The global identity of an extracted entity: same name (modulo spelling) and type => same node. */
function globalKey(entity: Entity): string {
  const isEvent = entity.type === "Meeting" || entity.type === "Proposal";
  const key = nameKey(isEvent ? participantOrderFree(entity.name) : entity.name);
  if (entity.type === "Meeting") {
    const date = typeof entity.attributes.date === "string" ? entity.attributes.date : "";
    // A meeting's name alone is ambiguous over time ("talks in Istanbul"): its date separates occurrences.
    return date && !key.includes(nameKey(date)) ? `${key}-${nameKey(date)}` : key;
  }
  return key;
}

function toPropValue(value: unknown): PropValue | undefined {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (Array.isArray(value) && value.length > 0) {
    if (value.every((v) => typeof v === "string")) return value as string[];
    if (value.every((v) => typeof v === "number")) return value as number[];
  }
  return undefined;
}

function compact(props: Record<string, unknown>): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  for (const [k, v] of Object.entries(props)) {
    const pv = toPropValue(v);
    if (pv !== undefined) out[k] = pv;
  }
  return out;
}

/**
 * Turns one article and its extraction into the records the store writes: entities get global ids,
 * relations and stances keep their provenance (article, sentence, offsets, confidence, extractor, date).
 */
export function buildArticleGraph(article: Article, extraction: Extraction, contentHash: string): ArticleGraph {
  const extractor = extraction.extractor ?? { name: "unknown", version: "0" };
  const localToGlobal = new Map<string, string>();
  const nodes = new Map<string, EntityNode>();

  for (const e of extraction.entities) {
    const id = entityId(e.type, globalKey(e));
    localToGlobal.set(e.id, id);
    const existing = nodes.get(id);
    const aliases = new Set([...(existing?.aliases ?? []), ...e.aliases.filter((a) => a !== e.name)]);
    nodes.set(id, { id, type: e.type, name: existing?.name ?? e.name, aliases: [...aliases], props: existing?.props ?? {} });
  }
  const resolve = (ref: string): string | undefined => localToGlobal.get(ref);

  for (const e of extraction.entities) {
    const node = nodes.get(localToGlobal.get(e.id)!)!;
    const attrs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e.attributes)) {
      if (REFERENCE_ATTRIBUTES.has(k) && typeof v === "string") {
        attrs[k] = resolve(v) ?? entityId(k === "country" ? "Country" : "Place", nameKey(v));
      } else if (LIST_REFERENCE_ATTRIBUTES.has(k) && Array.isArray(v)) {
        attrs[k] = v.map((x) => (typeof x === "string" ? (resolve(x) ?? x) : String(x)));
      } else {
        attrs[k] = v;
      }
    }
    node.props = { ...compact(attrs), ...node.props };
  }

  const mentions = extraction.entities.map((e) => {
    const spans = e.spans ?? [];
    return {
      entityId: localToGlobal.get(e.id)!,
      count: Math.max(e.mentions ?? 0, spans.length, 1),
      starts: spans.map((s) => s.start),
      ends: spans.map((s) => s.end),
    };
  });
  const mergedMentions = new Map<string, (typeof mentions)[number]>();
  for (const m of mentions) {
    const prev = mergedMentions.get(m.entityId);
    if (!prev) mergedMentions.set(m.entityId, m);
    else mergedMentions.set(m.entityId, {
      entityId: m.entityId,
      count: prev.count + m.count,
      starts: [...prev.starts, ...m.starts],
      ends: [...prev.ends, ...m.ends],
    });
  }

  /** Where a fact or stance comes from: the article, the sentence and its offsets, the extractor, the date. */
  const provenance = (item: Pick<Relation, "evidence" | "span" | "confidence" | "date">) => ({
    articleId: article.id,
    evidence: item.evidence,
    start: item.span?.start,
    end: item.span?.end,
    confidence: item.confidence,
    extractor: extractor.name,
    extractorVersion: extractor.version,
    date: item.date ?? article.publishedAt,
  });

  const facts = new Map<string, ArticleGraph["facts"][number]>();
  for (const r of extraction.relations) {
    const from = resolve(r.subject);
    const to = resolve(r.object);
    if (!from || !to || from === to) continue;
    const key = stableKey(article.id, r.type, from, to, r.span?.start ?? r.evidence);
    facts.set(key, {
      key,
      type: r.type,
      from,
      to,
      props: compact({ ...provenance(r), cameo: r.cameo, plover: r.plover }),
    });
  }

  const stances = new Map<string, ArticleGraph["stances"][number]>();
  for (const s of extraction.stances) {
    const actorId = resolve(s.actor);
    if (!actorId) continue;
    const key = stableKey(article.id, actorId, s.topic, s.stance, s.span?.start ?? s.evidence);
    stances.set(key, {
      key,
      actorId,
      topic: s.topic,
      stance: s.stance,
      props: compact(provenance(s)),
    });
  }

  const topicIds = new Set<string>(extraction.stances.map((s) => s.topic));
  for (const n of nodes.values()) if (n.type === "Proposal" && typeof n.props.topic === "string") topicIds.add(n.props.topic);

  return ArticleGraphSchema.parse({
    article: {
      id: article.id,
      title: article.title,
      body: article.body,
      source: article.source ?? null,
      publishedAt: article.publishedAt?.slice(0, 10) ?? null,
      url: article.url ?? null,
      language: article.language,
      contentHash,
      extractor: extractor.name,
      extractorVersion: extractor.version,
    },
    entities: [...nodes.values()],
    mentions: [...mergedMentions.values()],
    facts: [...facts.values()],
    stances: [...stances.values()],
    topics: [...topicIds].sort().map((id) => ({ id, name: id.replace(/-/g, " ") })),
  });
}
