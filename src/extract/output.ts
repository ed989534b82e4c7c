import { slug } from "../text/normalise.ts";
import type { Ctx, FactDraft } from "./context.ts";
import type { Entity } from "./entities/registry.ts";
import type { Entity as OutEntity, Relation, StanceRecord } from "./schema.ts";
import type { StanceResult } from "./stances.ts";
import { PEOPLE_WORDS } from "./lexicon/index.ts";

/** Attributes each type shows in the output; the rest are the rules' working notes. */
const PUBLIC_ATTRIBUTES: Record<string, readonly string[]> = {
  Person: ["role", "country", "org"],
  Country: ["iso3", "iso2", "region"],
  Organization: ["kind", "region"],
  Meeting: ["date", "place", "status"],
  Proposal: ["topic", "status"],
  Place: [],
};
/** Attributes that name another entity: written as that entity's document id. */
const REFERENCES = new Set(["country", "org", "place"]);

export interface Output {
  entities: OutEntity[];
  relations: Relation[];
  stances: StanceRecord[];
}

/** The document-local ids, entities, relations (one per subject, type and object) and stances of an article. */
export function buildOutput(ctx: Ctx, stances: StanceResult[]): Output {
  const { reg, doc } = ctx;
  const facts = dedupeFacts(ctx.facts);
  const used = new Set<Entity>();
  for (const f of facts) {
    used.add(f.subject);
    used.add(f.object);
  }
  for (const s of stances) used.add(s.actor);
  // A meeting named in passing ("any peace talks", "direct talks with Russia" inside a proposal) with nothing known
  // about it (no one attending, no place, no date) is not one the graph can say anything about.
  const twinUsed = new Set<string>();
  for (const e of used) if (e.type === "Proposal" && typeof e.attrs.meeting === "string") twinUsed.add(e.attrs.meeting);
  const keep = reg.list().filter((e) => {
    if (!(e.mentions.length > 0 || used.has(e))) return false;
    if (e.type === "Meeting") return used.has(e) || twinUsed.has(e.key) || e.attrs.date !== undefined || e.attrs.place !== undefined;
    if (e.type === "Proposal" && typeof e.attrs.meeting === "string") return used.has(e);
    // "Palestinian prisoners": a people's adjective alone does not put its state in the story.
    if (e.type === "Country" && !used.has(e) && e.mentions.length && e.mentions.every((m) => m.kind === "demonym" && modifiesPeople(ctx, m))) return false;
    return true;
  });
  // "Indirect talks between Sudan's army and the paramilitary Rapid Support Forces in Jeddah" is what people call
  // "the Jeddah talks": a long meeting name becomes its place and kind, the long form an alias.
  for (const e of keep) {
    if (e.type !== "Meeting" || typeof e.attrs.place !== "string") continue;
    const place = reg.get(e.attrs.place);
    if (!place) continue;
    const placed = `${place.name} ${meetingKind(e)}`;
    if (e.name.split(/\s+/).length > 5 && !e.name.startsWith(place.name)) {
      e.aliases.add(e.name);
      e.name = placed;
    } else if (placed !== e.name) e.aliases.add(placed);
  }
  const ids = new Map<Entity, string>();
  const taken = new Set<string>();
  for (const e of keep) {
    let id = slug(e.name, 60) || e.type.toLowerCase();
    if (taken.has(id)) id = `${id}-${e.type.toLowerCase()}`;
    let n = 2;
    const base = id;
    while (taken.has(id)) id = `${base}-${n++}`;
    taken.add(id);
    ids.set(e, id);
  }
  const byKey = new Map(keep.map((e) => [e.key, e]));
  const entities: OutEntity[] = keep.map((e) => {
    const attributes: Record<string, unknown> = {};
    for (const k of PUBLIC_ATTRIBUTES[e.type] ?? []) {
      const v = e.attrs[k];
      if (v === undefined || v === null || v === "") continue;
      if (REFERENCES.has(k) && typeof v === "string") {
        const target = byKey.get(v);
        if (target) attributes[k] = ids.get(target);
        continue;
      }
      attributes[k] = v;
    }
    if (e.type === "Meeting" && e.attrs.planned === true) attributes.status = "planned";
    const mentions = e.mentions.filter((m) => m.kind !== "pronoun").sort((a, b) => a.start - b.start);
    const aliases = [...new Set(e.mentions.filter((m) => m.kind !== "pronoun").map((m) => m.text).concat([...e.aliases]))]
      .map((a) => a.replace(/\s+/g, " ").trim())
      .filter((a) => a && a !== e.name && a.length <= 120)
      .sort();
    return {
      id: ids.get(e)!,
      type: e.type,
      name: e.name,
      aliases: [...new Set(aliases)],
      attributes,
      mentions: mentions.length,
      spans: mentions.map((m) => ({ start: m.start, end: m.end })),
    };
  });
  const relations: Relation[] = [];
  for (const f of facts) {
    const subject = ids.get(f.subject);
    const object = ids.get(f.object);
    if (!subject || !object || subject === object) continue;
    const s = doc.sents[f.sent]!;
    relations.push({
      subject,
      type: f.type,
      object,
      evidence: s.text,
      confidence: round(f.confidence),
      span: { start: s.start, end: s.end },
      ...(f.cameo ? { cameo: f.cameo } : {}),
      ...(f.plover ? { plover: f.plover } : {}),
      ...(f.date ?? ctx.publishedAt ? { date: f.date ?? ctx.publishedAt!.slice(0, 10) } : {}),
    });
  }
  const stanceRecords: StanceRecord[] = [];
  for (const st of stances) {
    const actor = ids.get(st.actor);
    if (!actor) continue;
    const s = doc.sents[st.sent]!;
    stanceRecords.push({
      actor,
      topic: st.topic,
      stance: st.stance,
      evidence: s.text,
      confidence: round(st.confidence),
      span: { start: s.start, end: s.end },
      ...(ctx.publishedAt ? { date: ctx.publishedAt.slice(0, 10) } : {}),
    });
  }
  return { entities, relations, stances: stanceRecords };
}

function modifiesPeople(ctx: Ctx, m: { sent: number; to: number }): boolean {
  const s = ctx.doc.sents[m.sent]!;
  const h = s.head[m.to]!;
  return h >= 0 && (PEOPLE_WORDS.has(s.toks[h]!.lower) || PEOPLE_WORDS.has(s.toks[h]!.lemma));
}

/** One relation per subject, type and object: the most confident finding, evidence from its sentence. */
function dedupeFacts(facts: FactDraft[]): FactDraft[] {
  const best = new Map<string, FactDraft>();
  for (const f of facts) {
    const sym = f.type === "MET_WITH" && f.object.key < f.subject.key;
    const key = sym ? `${f.object.key}|${f.type}|${f.subject.key}` : `${f.subject.key}|${f.type}|${f.object.key}`;
    const prev = best.get(key);
    if (!prev || f.confidence > prev.confidence + 1e-9) best.set(key, f);
  }
  return [...best.values()].sort((a, b) => a.sent - b.sent || a.type.localeCompare(b.type));
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

/** The kind of meeting as people name it after its place: "talks", "summit", "meeting". */
function meetingKind(e: Entity): string {
  const head = String(e.attrs.headLemma ?? "meeting").toLowerCase();
  return MEETING_PLURALS.get(head) ?? head;
}

const MEETING_PLURALS = new Map([["talk", "talks"], ["negotiation", "negotiations"], ["consultation", "consultations"], ["round", "talks"], ["day", "talks"]]);
