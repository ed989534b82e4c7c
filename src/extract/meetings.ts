import { addFact, type Ctx } from "./context.ts";
import { findDate } from "./dates.ts";
import { findDateline } from "../parse/prepare.ts";
import { type Sent, ekidsOf, kidsOf, subtree, withHyphenated } from "./doc/doc.ts";
import { placeEntity } from "./entities/names.ts";
import { type Entity, isActor } from "./entities/registry.ts";
import { CLASSES, MEETING_NAMES, MEETING_NOUNS, isMeetingWord, G, TIME_WORDS, VENUE_NOUNS } from "./lexicon/index.ts";

/**
 * Meetings: noun phrases headed by a meeting word (talks, summit, session, round, call, visit...), each either a
 * new meeting or one already named ("the talks", "the afternoon session"), with its date, place and participants.
 * A meeting that happens is a Meeting; one that someone proposes or offers is also a Proposal (see proposals).
 */


export interface MeetingInfo {
  entity: Entity;
  planned: boolean;
}

/** Is token t a meeting noun that heads its own meeting phrase? */
export function isMeetingHead(s: Sent, t: number): boolean {
  const tok = s.toks[t]!;
  if (!tok.pos.startsWith("NN")) return false;
  if (!MEETING_NOUNS.has(tok.lemma) && !MEETING_NOUNS.has(tok.lower)) return false;
  // "a round of talks": the round is the head; the talks inside it are not another meeting.
  if (s.rel[t] === "nmod:of" && s.head[t]! >= 0 && isMeetingWord(s.toks[s.head[t]!]!)) return false;
  if (tok.lemma === "round" && !kidsOf(s, t, "nmod:of").some((k) => isMeetingWord(s.toks[k]!)) && !kidsOf(s, t, "amod").length) return false;
  if (tok.lemma === "call") {
    // A call is a meeting when it is a phone or video call, not "a call for a ceasefire".
    const mods = kidsOf(s, t, /^(compound|amod)$/).map((k) => s.toks[k]!.lower);
    if (!mods.some((m) => G.callModes.has(m))) return false;
  }
  if (tok.lemma === "visit" && kidsOf(s, t, /^(nmod:to|compound|amod|nmod:poss)$/).length === 0) return false;
  return true;
}

/** Finds the meetings of the article in text order. */
export function findMeetings(ctx: Ctx): void {
  for (const s of ctx.doc.sents) {
    if (s.heading) continue;
    for (let t = 0; t < s.toks.length; t++) if (isMeetingHead(s, t)) meetingOfNp(ctx, s, t);
  }
  bodiesMeeting(ctx);
  datelinePlace(ctx);
}

/** "the next Foreign Affairs Council in April": a meeting body with a time or a "next" is a meeting of it. */
function bodiesMeeting(ctx: Ctx): void {
  for (const body of ctx.reg.list("Organization")) {
    if (!isMeetingBody(body)) continue;
    for (const m of [...body.mentions]) {
      const s = ctx.doc.sents[m.sent]!;
      const head = m.to;
      const mods = [...kidsOf(s, head, /^(amod|det)$/), ...(m.from > 0 ? [m.from - 1] : [])].map((k) => s.toks[k]!.lower);
      const timed = mods.some((w) => G.newMeetingMarkers.has(w) && w !== "a" && w !== "an") || dateOf(ctx, s, head) !== undefined;
      if (timed && !s.heading) meetingFromBody(ctx, s, head, body);
    }
  }
}

/** "DOHA, Feb 12 — Qatar hosted talks ...": a meeting of the first sentence without a place is where the dateline is. */
function datelinePlace(ctx: Ctx): void {
  const d = findDateline(ctx.doc.body);
  const first = ctx.doc.sents[0];
  if (!d || !first) return;
  const name = d.place.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (c) => c.toUpperCase());
  const place = placeEntity(ctx.reg, name);
  if (!place.mentions.length) {
    // The dateline is blanked for the parser; its words are still the place's first mention.
    const tok = first.toks[0]!;
    ctx.reg.mention(place, first, 0, 0, "name", d.start, d.start + d.place.length);
    void tok;
  }
  for (const m of ctx.reg.list("Meeting")) {
    if (m.attrs.place !== undefined || !m.mentions.some((x) => x.sent === 0)) continue;
    m.attrs.place = place.key;
    addFact(ctx, { type: "HELD_IN", subject: m, object: place, sent: 0, confidence: 0.6, rule: "meeting-place/dateline" });
  }
}

/** The meeting a token names, if one was found there. */
export function meetingAt(ctx: Ctx, s: Sent, t: number): Entity | undefined {
  return ctx.reg.at(s.index, t).find((m) => m.entity.type === "Meeting")?.entity;
}

/** The most recent meeting mentioned before token t (what "the talks" or an attendee's "at the meeting" refers to). */
export function currentMeeting(ctx: Ctx, s: Sent, t: number, where?: (e: Entity) => boolean): Entity | undefined {
  const limit = s.toks[t]?.start ?? s.end;
  let best: Entity | undefined;
  let bestAt = -1;
  for (const e of ctx.reg.list("Meeting")) {
    if (where && !where(e)) continue;
    for (const m of e.mentions) if (m.start < limit && m.start > bestAt) ((bestAt = m.start), (best = e));
  }
  return best;
}

/** Creates or resolves the meeting named by the noun phrase headed at t; records its mention and attributes. */
export function meetingOfNp(ctx: Ctx, s: Sent, t: number, forceName?: string): Entity {
  const existingHere = meetingAt(ctx, s, t);
  if (existingHere) return existingHere;
  const tok = s.toks[t]!;
  const mods = kidsOf(s, t, /^(det|amod|nummod|compound|nmod:poss|det:predet)$/).map((k) => s.toks[k]!.lower);
  const isPart = tok.lemma === "session" && mods.some((m) => G.meetingPartMarkers.has(m));
  const isNew = mods.some((m) => G.newMeetingMarkers.has(m)) || (!mods.includes("the") && !mods.some((m) => /^(this|that|these|those|its|their|his|her)$/.test(m)) && !kidsOf(s, t, "nmod:poss").length);
  const place = placeOf(ctx, s, t);
  const date = dateOf(ctx, s, t);
  let entity: Entity | undefined;
  if (isPart) entity = currentMeeting(ctx, s, t);
  // "the next summit" after "the next trilateral summit in 2027": the one to come, already named.
  else if (mods.includes("next") && mods.includes("the")) {
    entity = ctx.reg.list("Meeting").find((m) => m.attrs.planned === true && m.first < s.toks[t]!.start && [m.name, ...m.aliases].some((n) => /\bnext\b/i.test(n)) && m.attrs.headLemma === tok.lemma);
  }
  if (!entity && !isPart && !isNew) {
    entity = currentMeeting(ctx, s, t, (e) => compatible(e, place, date) && e.attrs.planned !== true) ?? currentMeeting(ctx, s, t, (e) => compatible(e, place, date));
  }
  const [from, to] = npRange(s, t);
  if (!entity) {
    const name = forceName ?? meetingName(ctx, s, t, place);
    entity = ctx.reg.ensure(ctx.reg.nextKey("meeting"), "Meeting", name, s.toks[from]!.start);
    entity.attrs.headLemma = tok.lemma;
    if (isPlanned(s, t)) entity.attrs.planned = true;
    // "The summit" with nothing before it: a verb met later may have introduced it ("X and Y will meet in Luanda").
    if (!isNew && !isPart) entity.attrs.awaitsAntecedent = true;
  }
  ctx.reg.mention(entity, s, from, to, "nominal");
  if (date && entity.attrs.date === undefined) entity.attrs.date = date;
  if (place && entity.attrs.place === undefined) {
    entity.attrs.place = place.key;
    addFact(ctx, { type: "HELD_IN", subject: entity, object: place, sent: s.index, confidence: 0.8, rule: "meeting-place" });
  }
  const who = participants(ctx, s, t);
  for (const p of who) {
    addFact(ctx, { type: "ATTENDED", subject: p, object: entity, sent: s.index, confidence: 0.75, rule: "meeting-participants", cameo: CLASSES.ATTEND.cameo, plover: CLASSES.ATTEND.plover });
  }
  // A meeting of two people that took place: they met ("his meeting with Putin on Friday").
  const people = who.filter((e) => e.type === "Person");
  if (people.length === 2 && entity.attrs.planned !== true && !isPlanned(s, t)) {
    addFact(ctx, { type: "MET_WITH", subject: people[0]!, object: people[1]!, sent: s.index, confidence: 0.7, rule: "meeting-participants", cameo: CLASSES.MEET.cameo, plover: CLASSES.MEET.plover });
  }
  return entity;
}

/** A meeting named by an organisation that meets ("the Foreign Affairs Council", "its Permanent Council"). */
export function meetingFromBody(ctx: Ctx, s: Sent, t: number, body: Entity): Entity {
  const existing = ctx.reg.list("Meeting").find((m) => m.attrs.body === body.key && compatible(m, placeOf(ctx, s, t), dateOf(ctx, s, t)));
  const [from, to] = npRange(s, t);
  const entity = existing ?? ctx.reg.ensure(ctx.reg.nextKey("meeting"), "Meeting", body.name, s.toks[from]!.start);
  entity.attrs.body = body.key;
  ctx.reg.mention(entity, s, from, to, "nominal");
  // The body's name here names the meeting: the organisation stays only where it acts as one.
  for (const m of [...body.mentions]) if (m.sent === s.index && m.from >= from && m.to <= to) ctx.reg.unmention(m);
  const date = dateOf(ctx, s, t);
  if (date && entity.attrs.date === undefined) entity.attrs.date = date;
  const place = placeOf(ctx, s, t);
  if (place && entity.attrs.place === undefined) {
    entity.attrs.place = place.key;
    addFact(ctx, { type: "HELD_IN", subject: entity, object: place, sent: s.index, confidence: 0.75, rule: "meeting-place" });
  }
  if (isPlanned(s, t)) entity.attrs.planned = true;
  return entity;
}

/** Organisations that are really meeting bodies ("Foreign Affairs Council", "Permanent Council"). */
export function isMeetingBody(e: Entity): boolean {
  if (e.type !== "Organization" || e.attrs.kind) return false;
  const last = e.name.split(/\s+/).pop() ?? "";
  return MEETING_NAMES.has(last);
}

/** A phrase that names its own place or date refers back only to a meeting known to have the same. */
function compatible(e: Entity, place: Entity | undefined, date: string | undefined): boolean {
  if (place && e.attrs.place !== place.key) return false;
  if (date && (typeof e.attrs.date !== "string" || (!e.attrs.date.startsWith(date) && !date.startsWith(e.attrs.date)))) return false;
  return true;
}

/** A meeting known to be elsewhere or at another time. */
function conflicts(e: Entity, place: Entity | undefined, date: string | undefined): boolean {
  if (place && e.attrs.place !== undefined && e.attrs.place !== place.key) return true;
  return !!date && typeof e.attrs.date === "string" && !e.attrs.date.startsWith(date) && !date.startsWith(e.attrs.date);
}

/** The noun phrase's token range for the mention: determiners, modifiers, "of"-phrases and places, not clauses. */
function npRange(s: Sent, t: number): [number, number] {
  const out: number[] = [];
  const visit = (k: number, depth: number) => {
    out.push(k);
    for (const a of s.kids[k] ?? []) {
      const rel = a.rel;
      if (rel.startsWith("acl") || rel === "appos" || rel === "punct" || rel === "parataxis" || rel === "dep") continue;
      if (depth === 0 && (rel === "cc" || rel.startsWith("conj") || rel === "case" || rel === "nmod:tmod")) continue;
      if (rel.startsWith("nmod") && isTemporal(s, a.to)) continue;
      visit(a.to, depth + 1);
    }
  };
  visit(t, 0);
  const set = new Set(out);
  let lo = t;
  while (set.has(lo - 1)) lo--;
  let hi = t;
  while (set.has(hi + 1)) hi++;
  while (lo < t && /^(DT|PRP\$|,|IN)$/.test(s.toks[lo]!.pos)) lo++;
  hi = Math.min(hi, t + 14);
  // "the trilateral meeting in which ...": a relative clause's preposition and pronoun are not part of the name.
  while (hi > t && /^(IN|TO|CC|WDT|WP|WP\$|,|DT)$/.test(s.toks[hi]!.pos)) hi--;
  return withHyphenated(s, lo, hi);
}

/** Tokens in a locative phrase (in/at) of a clause, not descending into other clauses. */
function clauseLocatives(s: Sent, v: number): number[] {
  const out: number[] = [];
  // The verb's own in/at phrases, and those the parser hung on its object or on another of its phrases.
  const direct = kidsOf(s, v, /^(obl|obj|nsubj:pass)/);
  for (const k of direct) {
    if (kidsOf(s, k, "case").some((c) => /^(in|at)$/.test(s.toks[c]!.lower))) out.push(k);
    for (const n of kidsOf(s, k, /^nmod:(in|at)$/)) if (!isMeetingWord(s.toks[k]!)) out.push(n);
  }
  return out;
}

function isTemporal(s: Sent, k: number): boolean {
  const tok = s.toks[k]!;
  return TIME_WORDS.has(tok.lower) || tok.pos === "CD";
}

function meetingName(ctx: Ctx, s: Sent, t: number, place?: Entity): string {
  const [lo, hi] = npRange(s, t);
  let text = ctx.doc.body.slice(s.toks[lo]!.start, s.toks[hi]!.end).replace(/\s+/g, " ");
  text = text.replace(/^(a|an|the)\s+/i, "");
  if (/^any\s/i.test(text) && !place) text = text.replace(/^any\s+/i, "Any ");
  // "talks hosted by X in Kuala Lumpur": a short phrase is named by its place ("Kuala Lumpur talks").
  if (place && !text.includes(place.name) && text.split(" ").length <= 3) text = `${place.name} ${text}`;
  return text[0]!.toUpperCase() + text.slice(1);
}

/** A place the phrase or its verb gives: "talks in Rome", "the Doha talks", "hosted ... in Doha". */
function placeOf(ctx: Ctx, s: Sent, t: number): Entity | undefined {
  const cands = [...kidsOf(s, t, /^(nmod:in|nmod:at|compound|nmod:to)$/)];
  // "a new round of talks in Cairo": the place of the talks inside the round.
  for (const k of kidsOf(s, t, "nmod:of")) if (isMeetingWord(s.toks[k]!)) cands.push(...kidsOf(s, k, /^(nmod:in|nmod:at)$/));
  const h = s.head[t]!;
  if (h >= 0 && /^(obj|nsubj:pass|nsubj|obl)/.test(s.rel[t]!)) cands.push(...kidsOf(s, h, /^(obl:in|obl:at)$/));
  // "talks hosted by X in Kuala Lumpur", "a summit held in Luanda".
  for (const k of kidsOf(s, t, /^(acl|dep)$/)) if (s.toks[k]!.pos === "VBN") cands.push(...kidsOf(s, k, /^(obl:in|obl:at)$/));
  // Any "in <place>" of the same clause, wherever the parser hung it ("hosted ministers from ASEAN in Kuala Lumpur").
  if (h >= 0 && s.toks[h]!.pos.startsWith("VB")) cands.push(...clauseLocatives(s, h));
  // "talks between Sudan's army and the RSF in Jeddah", with the place hung on the last party: within the phrase.
  for (const k of subtree(s, t, (rel) => /^(acl|appos)/.test(rel))) if (k !== t && /^nmod:(in|at)$/.test(s.rel[k]!)) cands.push(k);
  for (const k of cands) {
    const place = ctx.reg.at(s.index, k).find((m) => m.entity.type === "Place" && m.to === k)?.entity;
    if (place) return place;
    // A capital named in the country role ("the Doha talks") still gives the place.
    const c = ctx.reg.at(s.index, k).find((m) => m.entity.type === "Country" && m.kind === "metonym" && m.to === k);
    if (c && s.rel[k] === "compound") return placeEntity(ctx.reg, ctx.doc.body.slice(c.start, c.end));
  }
  return undefined;
}

/** The date the phrase or its verb gives ("on Wednesday", "on March 5", "in April"), resolved against the article date. */
function dateOf(ctx: Ctx, s: Sent, t: number): string | undefined {
  const parts: number[] = [];
  const temporal = (k: number) => isTemporal(s, k) || kidsOf(s, k, /^(compound|nummod|amod)$/).some((x) => isTemporal(s, x));
  for (const k of kidsOf(s, t)) if (/^(nmod:tmod|nmod:on|nmod:in|nmod:for|nmod:at|amod)$/.test(s.rel[k]!) && temporal(k)) parts.push(...subtree(s, k));
  const h = s.head[t]!;
  if (h >= 0) for (const k of kidsOf(s, h)) if (/^(obl:tmod|obl:on|obl:in|obl:for|obl:at|obl:npmod|nmod:tmod)$/.test(s.rel[k]!) && temporal(k)) parts.push(...subtree(s, k));
  if (!parts.length) return undefined;
  parts.sort((a, b) => a - b);
  const text = parts.map((k) => s.toks[k]!.text).join(" ");
  const hit = findDate(text, ctx.publishedAt, isPlanned(s, t), isPlanned(s, t));
  return hit?.date;
}

/** Will happen rather than happened: a future auxiliary, "to be held", or a planning modifier. */
export function isPlanned(s: Sent, t: number): boolean {
  const mods = kidsOf(s, t, /^(amod|det)$/).map((k) => s.toks[k]!.lower);
  if (mods.some((m) => G.plannedMarkers.has(m))) return true;
  let v = s.head[t]!;
  for (let guard = 0; guard < 3 && v >= 0; guard++) {
    const auxes = kidsOf(s, v, /^(aux|aux:pass|mark)$/).map((k) => s.toks[k]!.lower);
    if (auxes.some((a) => G.futureAuxiliaries.has(a) && a !== "would")) return true;
    if (auxes.includes("to") && (s.rel[v] === "xcomp" || s.rel[v]!.startsWith("acl"))) return true;
    if (s.toks[v]!.pos.startsWith("VB")) break;
    v = s.head[v]!;
  }
  return false;
}

/** "talks between Thailand and Cambodia", "talks with German officials". */
function participants(ctx: Ctx, s: Sent, t: number): Entity[] {
  const out: Entity[] = [];
  // "his meeting with Putin": the possessor took part.
  for (const k of kidsOf(s, t, "nmod:poss")) for (const e of ctx.res.actors(s, k)) if (e.type === "Person" && !out.includes(e)) out.push(e);
  // "a second round of talks between Thailand and Cambodia": the talks inside the round say who took part; "the
  // meeting, the first between X and Y": so does an apposition.
  const heads = [t, ...kidsOf(s, t, "nmod:of").filter((k) => isMeetingWord(s.toks[k]!)), ...kidsOf(s, t, "appos")];
  for (const h of heads) {
    for (const k of [...ekidsOf(s, h, "nmod:between"), ...ekidsOf(s, h, "nmod:with"), ...ekidsOf(s, h, "nmod:among")]) {
      for (const e of ctx.res.actors(s, k)) if (isActor(e) && !out.includes(e)) out.push(e);
    }
  }
  return out;
}

/**
 * A meeting a hosting verb makes when it names guests but no meeting ("hosted negotiators in Istanbul in 2022"):
 * when the clause gives a place or a date, the meeting is named "Talks in <place>" and its mention is the verb.
 * Returns the verb's token, which then resolves to the meeting.
 */
export function meetingOfHosting(ctx: Ctx, s: Sent, v: number, guests: Entity[]): number | undefined {
  // "at the Cidade Alta presidential palace": the place named inside the locative phrase.
  const inPhrase = (k: number) => subtree(s, k).map((x) => ctx.reg.at(s.index, x).find((m) => m.entity.type === "Place")?.entity).find(Boolean);
  const place = placeOf(ctx, s, v) ?? clauseLocatives(s, v).map(inPhrase).find(Boolean);
  const date = dateOf(ctx, s, v) ?? verbDate(ctx, s, v);
  const venue = clauseLocatives(s, v).some((k) => VENUE_NOUNS.has(s.toks[k]!.lemma));
  const existing = meetingAt(ctx, s, v);
  if (existing) return v;
  // "The summit was proposed by X, who will host both leaders": the meeting of this or the last sentence.
  const recent = currentMeeting(ctx, s, v, (e) => !conflicts(e, venue ? undefined : place, date) && e.mentions.some((m) => m.sent >= s.index - 1 && m.start < s.toks[v]!.start));
  if (recent) {
    ctx.reg.mention(recent, s, v, v, "nominal");
    if (place && recent.attrs.place !== place.key) {
      recent.attrs.place ??= place.key;
      addFact(ctx, { type: "HELD_IN", subject: recent, object: place, sent: s.index, confidence: 0.65, rule: "meeting-place/hosting" });
    }
    return v;
  }
  // A date alone makes no new meeting: "hosted X on Monday" is usually the summit the article names elsewhere.
  if (!place && !dateOf(ctx, s, v)) return undefined;
  const name = place ? `Talks in ${place.name}` : `${guests.map((g) => g.name).join("-")} talks`;
  const e = ctx.reg.ensure(ctx.reg.nextKey("meeting"), "Meeting", name, s.toks[v]!.start);
  e.attrs.headLemma = "talks";
  ctx.reg.mention(e, s, v, v, "nominal");
  if (date) e.attrs.date = date;
  if (place) {
    e.attrs.place = place.key;
    addFact(ctx, { type: "HELD_IN", subject: e, object: place, sent: s.index, confidence: 0.65, rule: "meeting-place/hosting" });
  }
  return v;
}

/**
 * The meeting a verb introduces ("X and Y will meet in Luanda on March 5", "X spoke by phone with Y"), named by its
 * participants. A definite meeting phrase of the next sentences that found nothing before it ("The summit was
 * proposed by ...") is this meeting.
 */
export function meetingOfVerb(ctx: Ctx, s: Sent, v: number, who: Entity[], kind: string, place?: Entity): Entity {
  const names = who.map((e) => (e.type === "Person" ? e.name.split(/\s+/).pop()! : e.name));
  const name = `${names.join("-")} ${kind}`;
  const date = verbDate(ctx, s, v);
  const at = s.toks[v]!.start;
  const later = (m: Entity) =>
    m.attrs.awaitsAntecedent === true && m.mentions.every((x) => x.start > at) && m.mentions.some((x) => x.sent - s.index <= 2) && !conflicts(m, place, date);
  const e = ctx.reg.list("Meeting").find((m) => m.name === name) ?? ctx.reg.list("Meeting").find(later) ?? ctx.reg.ensure(ctx.reg.nextKey("meeting"), "Meeting", name, at);
  delete e.attrs.awaitsAntecedent;
  ctx.reg.mention(e, s, v, v, "nominal");
  if (isPlanned(s, v) || kidsOf(s, v, "aux").some((k) => G.futureAuxiliaries.has(s.toks[k]!.lower) && s.toks[k]!.lower !== "would")) e.attrs.planned = true;
  if (date && e.attrs.date === undefined) e.attrs.date = date;
  if (place && e.attrs.place === undefined) {
    e.attrs.place = place.key;
    addFact(ctx, { type: "HELD_IN", subject: e, object: place, sent: s.index, confidence: 0.7, rule: "meeting-place/verb" });
  }
  return e;
}

/** The date a verb's clause gives ("will meet in Luanda on March 5"). */
function verbDate(ctx: Ctx, s: Sent, v: number): string | undefined {
  const parts: number[] = [];
  for (const k of kidsOf(s, v)) if (/^(obl:tmod|obl:on|obl:in|obl:npmod|nmod:tmod)$/.test(s.rel[k]!) && (isTemporal(s, k) || kidsOf(s, k, /^(compound|nummod|amod)$/).some((x) => isTemporal(s, x)))) parts.push(...subtree(s, k));
  if (!parts.length) return undefined;
  parts.sort((a, b) => a - b);
  const future = isPlanned(s, v) || kidsOf(s, v, "aux").some((k) => G.futureAuxiliaries.has(s.toks[k]!.lower));
  return findDate(parts.map((k) => s.toks[k]!.text).join(" "), ctx.publishedAt, future, future)?.date;
}

/** "which he will convene at Ramstein Air Base on Friday": the place and date a hosting or attending verb gives its meeting. */
export function locateMeeting(ctx: Ctx, s: Sent, v: number, meeting: Entity): void {
  const place = clauseLocatives(s, v)
    .flatMap((k) => subtree(s, k))
    .map((x) => ctx.reg.at(s.index, x).find((m) => m.entity.type === "Place")?.entity)
    .find(Boolean);
  const date = verbDate(ctx, s, v);
  if (date && meeting.attrs.date === undefined) meeting.attrs.date = date;
  if (place && meeting.attrs.place === undefined) {
    meeting.attrs.place = place.key;
    addFact(ctx, { type: "HELD_IN", subject: meeting, object: place, sent: s.index, confidence: 0.65, rule: "meeting-place/verb" });
  }
}

/**
 * A meeting nobody attends, hosts or takes a position on, with no date, is a kind of event mentioned, not a
 * meeting: "offered to host a new round of talks" and "proposed a summit in Istanbul" are Proposals (FORMAT.md),
 * "a prerequisite to any direct talks" is neither. Such a Meeting and its place go; a proposal twin keeps its mentions.
 */
export function dropUnrealisedMeetings(ctx: Ctx): void {
  for (const m of ctx.reg.list("Meeting")) {
    if (m.attrs.date !== undefined || m.attrs.body !== undefined) continue;
    const about = ctx.facts.filter((f) => f.subject === m || f.object === m);
    if (about.some((f) => f.type !== "HELD_IN") || ctx.positions.some((p) => p.about === m)) continue;
    const twin = ctx.reg.get(`proposal-of-${m.key}`);
    // "the White House summit", "talks in Rome": a meeting named by its place is one, unless only proposed.
    if (!twin && about.length) continue;
    ctx.facts = ctx.facts.filter((f) => !about.includes(f));
    if (twin) for (const x of m.mentions) ctx.reg.mention(twin, ctx.doc.sents[x.sent]!, x.from, x.to, "nominal", x.start, x.end);
    ctx.reg.drop(m);
  }
}