import type { Ctx } from "./context.ts";
import { type Sent, kidsOf, subtree } from "./doc/doc.ts";
import type { Entity } from "./entities/registry.ts";
import { GENERIC_PROPOSAL_NOUNS, MISSION_HEADS, TOPIC_LEXICON } from "./lexicon/index.ts";

/**
 * Proposals are open: whatever noun phrase or clause a propose / offer / reject / support / demand predicate
 * governs, trimmed of determiners, relative clauses, conditions and appositions. The same proposal named again
 * ("the plan", "the phased plan", "Vienna's proposal", "the roadmap") is one entity; distinct ones stay distinct.
 * The topic is read from the proposal's words afterwards.
 */

const STOP_WORDS = new Set(["the", "a", "an", "of", "for", "to", "in", "on", "and", "or", "its", "their", "his", "her", "any", "such", "this", "that", "these", "those", "with", "by", "at", "from", "as", "be", "would", "will", "new", "all", "which", "who"]);
const DEFINITE = /^(the|this|that|these|those|its|their|his|her|our|such)$/;

/**
 * The token range of a theme phrase to name a proposal by: the head's phrase without its own preposition, marker,
 * auxiliaries, conditions, coordinated siblings and time phrases; inside it, no appositions or parentheticals.
 * A generic head ("a plan under which ...") keeps its relative clause, which is all that says what it is.
 */
export function themeSpan(s: Sent, t: number, keepSubject = false): number[] {
  const tok = s.toks[t]!;
  const isClause = tok.pos.startsWith("VB");
  const generic = GENERIC_PROPOSAL_NOUNS.has(tok.lemma);
  const out: number[] = [];
  const visit = (k: number, depth: number) => {
    out.push(k);
    for (const a of s.kids[k] ?? []) {
      const rel = a.rel;
      const d = a.to;
      if (rel === "punct" && !/^[-–]$/.test(s.toks[d]!.text)) continue;
      if (rel === "appos" || rel === "parataxis" || rel === "discourse") continue;
      if (rel.startsWith("acl:relcl") && !(generic && depth === 0)) continue;
      if (depth === 0) {
        if (rel === "case" || rel === "mark" || rel === "cc" || rel.startsWith("conj") || rel === "dep") continue;
        if (rel.startsWith("advcl") || rel === "nmod:tmod" || rel === "obl:tmod") continue;
        if (isClause && (rel === "aux" || rel === "aux:pass" || rel === "cop" || /^nsubj/.test(rel) || rel === "expl")) {
          // A that-clause keeps its subject ("that every captured soldier be sent home").
          if (!(/^nsubj/.test(rel) && (hasThat(s, t) || keepSubject))) continue;
        }
        if (isClause && rel === "advmod" && /^(also|however|instead|still|then|now|again|first|even|already|never|not)$/.test(s.toks[d]!.lower)) continue;
        if (rel.startsWith("obl") && isTemporalPhrase(s, d)) continue;
      }
      if (rel.startsWith("nmod") && isTemporalPhrase(s, d)) continue;
      visit(d, depth + 1);
    }
  };
  visit(t, 0);
  let toks = out.sort((a, b) => a - b);
  // Leading determiners, possessives and quantifiers are not part of the name.
  while (toks.length > 1 && /^(DT|PRP\$|POS|WDT|CC|,|TO|IN)$/.test(s.toks[toks[0]!]!.pos) && toks[0] !== t) toks = toks.slice(1);
  while (toks.length > 1 && /^(,|\.|:|POS|CC|IN|TO|``|'')$/.test(s.toks[toks[toks.length - 1]!]!.pos) && toks[toks.length - 1] !== t) toks = toks.slice(0, -1);
  // A possessor that is an actor is who proposed it, not what was proposed ("Vienna's proposal").
  const poss = kidsOf(s, t, "nmod:poss");
  if (poss.length) {
    const possToks = new Set(poss.flatMap((p) => subtree(s, p)));
    const rest = toks.filter((k) => !possToks.has(k));
    if (rest.length) toks = rest;
    while (toks.length > 1 && /^(POS|DT)$/.test(s.toks[toks[0]!]!.pos) && toks[0] !== t) toks = toks.slice(1);
  }
  // Keep the phrase contiguous around its head (a parse may attach far words).
  const set = new Set(toks);
  let lo = t;
  while (set.has(lo - 1)) lo--;
  let hi = t;
  while (set.has(hi + 1)) hi++;
  const contiguous: number[] = [];
  for (let k = lo; k <= hi; k++) contiguous.push(k);
  // Names stay readable: at most 16 words.
  return contiguous.length > 16 ? contiguous.slice(0, 16) : contiguous;
}

function hasThat(s: Sent, t: number): boolean {
  return kidsOf(s, t, "mark").some((m) => s.toks[m]!.lower === "that");
}

function isTemporalPhrase(s: Sent, k: number): boolean {
  return /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|week|weeks|month|months|year|years|day|days|hours|weekend|today|yesterday|tomorrow|time)$/.test(s.toks[k]!.lower);
}

export function spanText(ctx: Ctx, s: Sent, toks: number[]): string {
  if (!toks.length) return "";
  return ctx.doc.body.slice(s.toks[toks[0]!]!.start, s.toks[toks[toks.length - 1]!]!.end).replace(/\s+/g, " ").replace(/^["'“‘]+|["'”’]+$/g, "");
}

function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, " ")
    .split(/[\s]+/)
    .filter((w) => w && !STOP_WORDS.has(w))
    .map(stem);
}

function stem(w: string): string {
  return w.replace(/(ies)$/, "y").replace(/(s)$/, "").replace(/-/g, "");
}

/** The proposal a phrase names: an existing one it refers back to, or a new one. */
export function proposalFor(ctx: Ctx, s: Sent, t: number, opts: { proposer?: Entity[]; keepSubject?: boolean } = {}): Entity | undefined {
  const here = ctx.reg.at(s.index, t).find((m) => m.entity.type === "Proposal" && m.to >= t && m.from <= t)?.entity;
  if (here) return here;
  const tok = s.toks[t]!;
  const span = themeSpan(s, t, opts.keepSubject);
  if (!span.length) return undefined;
  const text = spanText(ctx, s, span);
  if (!text || !/\p{L}/u.test(text)) return undefined;
  const dets = kidsOf(s, t, /^(det|nmod:poss|det:poss)$/).map((k) => s.toks[k]!.lower);
  const definite = dets.some((d) => DEFINITE.test(d)) || kidsOf(s, t, "nmod:poss").length > 0;
  const generic = GENERIC_PROPOSAL_NOUNS.has(tok.lemma) || GENERIC_PROPOSAL_NOUNS.has(tok.lower);
  const words = contentWords(text);
  const existing = ctx.reg.list("Proposal").filter((p) => p.first < s.toks[t]!.start || p.mentions.some((m) => m.start < s.toks[t]!.start));
  let found: Entity | undefined;
  // The same name again.
  found = existing.find((p) => sameName(p, text));
  // "a truce", "a ceasefire", "a deal" said again with nothing new: the latest proposal on that topic.
  if (!found && tok.pos.startsWith("NN") && words.length === 1 && !generic) {
    const topic = topicOf(ctx, s, span, t);
    if (topic !== "other") found = [...existing].sort((a, b) => lastMentionBefore(b, s.toks[t]!.start) - lastMentionBefore(a, s.toks[t]!.start)).find((p) => p.attrs.topic === topic);
  }
  if (!found && tok.pos.startsWith("NN") && (definite || (generic && dets.length === 0 && kidsOf(s, t, /^(amod|compound)$/).length > 0))) {
    found = referBack(ctx, existing, s, t, words, generic, opts.proposer);
  }
  // Offering to host again ("stood ready to receive delegations") is the offer to host already made.
  if (!found && tok.pos.startsWith("VB") && /^(host|receive|welcome)$/.test(tok.lemma) && opts.proposer?.length) {
    const who = new Set(opts.proposer.flatMap((a) => [a.key, String(a.attrs.country ?? ""), String(a.attrs.org ?? "")]));
    found = existing.find((p) => p.attrs.topic === "summit" && (p.attrs.proposers as string[] | undefined)?.some((k) => who.has(k)));
  }
  const [from, to] = [span[0]!, span[span.length - 1]!];
  if (found) {
    ctx.reg.mention(found, s, from, to, "nominal");
    return found;
  }
  // A bare generic noun with nothing to refer to ("a plan") is no proposal.
  if (generic && words.length <= 1 && !opts.proposer?.length) return undefined;
  const name = text[0]!.toUpperCase() + text.slice(1);
  const e = ctx.reg.ensure(ctx.reg.nextKey("proposal"), "Proposal", name, s.toks[from]!.start);
  e.attrs.head = tok.lemma;
  e.attrs.topic = topicOf(ctx, s, span, t);
  ctx.reg.mention(e, s, from, to, "name");
  return e;
}

function sameName(p: Entity, text: string): boolean {
  const key = contentWords(text).join(" ");
  if (!key) return false;
  if (contentWords(p.name).join(" ") === key) return true;
  for (const a of p.aliases) if (contentWords(a).join(" ") === key) return true;
  return false;
}

/**
 * "the plan", "the phased plan", "the Chinese text", "the roadmap": the latest earlier proposal that shares the
 * head noun or a modifier, or whose proposer the modifier names; a bare generic noun takes the latest proposal.
 */
function referBack(ctx: Ctx, existing: Entity[], s: Sent, t: number, words: string[], generic: boolean, proposer?: Entity[]): Entity | undefined {
  const tok = s.toks[t]!;
  const byRecency = [...existing].sort((a, b) => lastMentionBefore(b, s.toks[t]!.start) - lastMentionBefore(a, s.toks[t]!.start));
  const head = stem(tok.lower);
  const modifiers = words.filter((w) => w !== head);
  // Who the modifiers name ("the Chinese text", "Doha's framework") narrows it to that actor's proposals.
  const actors = new Set<Entity>(proposer ?? []);
  for (const k of kidsOf(s, t, /^(amod|compound|nmod:poss)$/)) for (const e of ctx.res.actors(s, k)) actors.add(e);
  if (actors.size) {
    const keys = new Set([...actors].map((a) => a.key));
    const byActor = byRecency.find((p) => proposerKeys(ctx, p).some((k) => keys.has(k)));
    if (byActor) return byActor;
  }
  const nameWords = (p: Entity) => new Set([p.name, ...p.aliases].flatMap(contentWords));
  if (!generic || modifiers.length) {
    const withHead = byRecency.find((p) => nameWords(p).has(head) && (modifiers.length === 0 || modifiers.some((m) => nameWords(p).has(m))));
    if (withHead) return withHead;
    const withModifier = modifiers.length ? byRecency.find((p) => modifiers.filter((m) => nameWords(p).has(m)).length >= Math.min(2, modifiers.length)) : undefined;
    if (withModifier) return withModifier;
    if (!generic) {
      const headOnly = byRecency.find((p) => nameWords(p).has(head));
      if (headOnly) return headOnly;
      // "the individual listings", "the proposed sanctions": a definite description of the proposal on that topic.
      const topic = topicOf(ctx, s, themeSpan(s, t), t);
      if (topic !== "other") return byRecency.find((p) => p.attrs.topic === topic);
      return undefined;
    }
  }
  if (generic) {
    // "the mission", "the force": the latest proposal with that head; "the plan", "the idea": the latest proposal.
    if (MISSION_HEADS.has(tok.lemma)) {
      const mission = byRecency.find((p) => nameWords(p).has(head));
      if (mission) return mission;
    }
    return byRecency[0];
  }
  return undefined;
}

/** Who put a proposal forward, with the countries and organisations those people act for. */
function proposerKeys(ctx: Ctx, p: Entity): string[] {
  const out: string[] = [];
  for (const k of (p.attrs.proposers as string[] | undefined) ?? []) {
    out.push(k);
    const e = ctx.reg.get(k);
    if (e?.type === "Person") for (const a of [e.attrs.country, e.attrs.org]) if (typeof a === "string") out.push(a);
  }
  return out;
}

function lastMentionBefore(e: Entity, offset: number): number {
  let best = -1;
  for (const m of e.mentions) if (m.start < offset && m.start > best) best = m.start;
  return best;
}

/** The topic of a proposal from its words: keyword scores, the head noun's keywords counting double. */
export function topicOf(ctx: Ctx, s: Sent, span: number[], head: number): string {
  const lemmas = span.map((k) => s.toks[k]!.lemma);
  const text = ` ${lemmas.join(" ")} `;
  const words = ` ${span.map((k) => s.toks[k]!.lower).join(" ")} `;
  const headLemma = s.toks[head]!.lemma;
  let best = "other";
  let bestScore = 0;
  for (const topic of TOPIC_LEXICON) {
    let score = 0;
    if (topic.heads.includes(headLemma)) score += 3;
    for (const kw of topic.keywords) {
      const k = ` ${kw} `;
      if (text.includes(k) || words.includes(k)) score += kw.includes(" ") ? 1.5 : 1;
    }
    if (score > bestScore) {
      bestScore = score;
      best = topic.topic;
    }
  }
  return best;
}

/** A proposal that is a planned meeting ("proposed a summit"): the meeting's twin, with topic summit. */
export function proposalOfMeeting(ctx: Ctx, meeting: Entity): Entity {
  const key = `proposal-of-${meeting.key}`;
  const existing = ctx.reg.get(key);
  if (existing) return existing;
  const e = ctx.reg.ensure(key, "Proposal", meeting.name, meeting.first);
  e.attrs.topic = "summit";
  e.attrs.meeting = meeting.key;
  for (const a of meeting.aliases) e.aliases.add(a);
  return e;
}

/** Remembers who put a proposal forward, so that "the Chinese text" or "Doha's framework" finds it again. */
export function noteProposer(p: Entity, actor: Entity): void {
  const list = (p.attrs.proposers as string[] | undefined) ?? [];
  if (!list.includes(actor.key)) list.push(actor.key);
  p.attrs.proposers = list;
}
