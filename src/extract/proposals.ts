import type { Ctx } from "./context.ts";
import { type Sent, capitalisedRun, kidsOf, subtree, withHyphenated } from "./doc/doc.ts";
import type { Entity } from "./entities/registry.ts";
import { GENERIC_PROPOSAL_NOUNS, MISSION_HEADS, NAMED_PROPOSAL_HEADS, NOUNS, TOPIC_LEXICON, G, TIME_WORDS } from "./lexicon/index.ts";
import { toAscii } from "../text/normalise.ts";

/**
 * Proposals are open: whatever noun phrase or clause a propose / offer / reject / support / demand predicate
 * governs, trimmed of determiners, relative clauses, conditions and appositions. The same proposal named again
 * ("the plan", "the phased plan", "Vienna's proposal", "the roadmap") is one entity; distinct ones stay distinct.
 * The topic is read from the proposal's words afterwards.
 */

const STOP_WORDS = G.stopWords;
/** Modifiers that say nothing about which proposal it is ("the full package", "the revised plan"), stemmed. */
const VAGUE_MODIFIERS = new Set([...G.vagueModifiers].map((w) => stem(w)).concat([...G.vagueModifiers]));
const isDefinite = (w: string): boolean => G.definiteDeterminers.has(w);

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
      if (rel.startsWith("acl:relcl") && !(generic && depth === 0 && !relativeOfObject(s, d))) continue;
      if (depth === 0) {
        // "the latest attempt is a roadmap that ...": a predicate noun's subject and copula are not its name.
        if (!isClause && (/^(nsubj|csubj)/.test(rel) || rel === "cop") && kidsOf(s, t, "cop").length) continue;
        if (rel === "case" || rel === "mark" || rel === "cc" || rel.startsWith("conj")) continue;
        // An unlabelled dependent right after a clause head is usually its misparsed object ("keep [the Rafah crossing open]").
        if (rel === "dep" && !(isClause && d > t && d - t <= 4)) continue;
        if (rel.startsWith("advcl") || rel === "nmod:tmod" || rel === "obl:tmod") continue;
        if (isClause && (rel === "aux" || rel === "aux:pass" || rel === "cop" || /^nsubj/.test(rel) || rel === "expl")) {
          // A that-clause keeps its subject and with it the words between ("that every captured soldier be sent home").
          const withSubject = (hasThat(s, t) || keepSubject) && (s.kids[t] ?? []).some((x) => /^nsubj/.test(x.rel) && x.to < t);
          if (!(withSubject && (/^nsubj/.test(rel) || (d < t && rel !== "expl")))) continue;
        }
        if (isClause && rel === "advmod" && G.discourseAdverbs.has(s.toks[d]!.lower)) continue;
        if (rel.startsWith("obl") && isTemporalPhrase(s, d)) continue;
      }
      if (rel.startsWith("nmod") && isTemporalPhrase(s, d)) continue;
      // Conditions and circumstances are not what is proposed ("... to verify the truce if both parties asked").
      if (rel.startsWith("advcl") && kidsOf(s, d, "mark").some((m) => G.adjunctClauseMarkers.has(s.toks[m]!.lower))) continue;
      // Where it was said and what it is part of: "in a televised address", "as part of a settlement".
      if (/^(nmod|obl)/.test(rel) && d > t) {
        const prep = kidsOf(s, d, "case").map((c) => s.toks[c]!.lower);
        if (prep.some((p) => /^(in|during|on)$/.test(p)) && G.statementNouns.has(s.toks[d]!.lemma)) continue;
        if (prep.includes("as") && s.toks[d]!.lemma === "part") continue;
        // "... bound for Burkina Faso once the rains end", read as a prepositional phrase.
        if (prep.some((p) => G.adjunctClauseMarkers.has(p) && p !== "before" && p !== "after")) continue;
      }
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
  // Quotation marks end the phrase: they usually set a name apart ('a "Black Sea Shield" of missile batteries').
  let lo = t;
  while (set.has(lo - 1)) lo--;
  let hi = t;
  while (set.has(hi + 1)) hi++;
  [lo, hi] = withHyphenated(s, lo, hi);
  // Nor does it end on a preposition, article or conjunction the parse cut it after.
  while (hi > t && /^(IN|TO|DT|CC|WDT|,|:|HYPH)$/.test(s.toks[hi]!.pos)) hi--;
  const contiguous: number[] = [];
  for (let k = lo; k <= hi; k++) contiguous.push(k);
  // Names stay readable: at most 16 words, not ending on a function word.
  if (contiguous.length <= 16) return contiguous;
  const cut = contiguous.slice(0, 16);
  while (cut.length > 1 && /^(,|:|POS|CC|IN|TO|DT|PRP\$|WDT|``)$/.test(s.toks[cut[cut.length - 1]!]!.pos)) cut.pop();
  return cut;
}

/** "a roadmap that X presented": the relative clause's object is the noun, so it says who acted, not what it is. */
function relativeOfObject(s: Sent, relcl: number): boolean {
  return kidsOf(s, relcl, "obj").some((k) => G.pronouns.relative.has(s.toks[k]!.lower) || s.toks[k]!.pos === "WDT");
}

function hasThat(s: Sent, t: number): boolean {
  return kidsOf(s, t, "mark").some((m) => s.toks[m]!.lower === "that");
}

function isTemporalPhrase(s: Sent, k: number): boolean {
  return TIME_WORDS.has(s.toks[k]!.lower);
}

export function spanText(ctx: Ctx, s: Sent, toks: number[]): string {
  if (!toks.length) return "";
  return ctx.doc.body.slice(s.toks[toks[0]!]!.start, s.toks[toks[toks.length - 1]!]!.end).replace(/\s+/g, " ").replace(/^["'“‘]+|["'”’]+$/g, "");
}

function contentWords(text: string): string[] {
  return toAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, " ")
    .split(/[\s-]+/)
    .filter((w) => w && !STOP_WORDS.has(w))
    .map(stem);
}

/** A light suffix-stripping stem, enough to tell "mediation" and "mediate", "sanctions" and "sanction" are one word. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const suffix of ["ions", "ion", "ings", "ing", "ments", "ment", "ies", "ed", "es", "s", "e"]) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** The proposal a phrase names: an existing one it refers back to, or a new one. */
export function proposalFor(ctx: Ctx, s: Sent, t: number, opts: { proposer?: Entity[]; keepSubject?: boolean; extend?: number } = {}): Entity | undefined {
  const here = ctx.reg.at(s.index, t).find((m) => m.entity.type === "Proposal" && m.to >= t && m.from <= t)?.entity;
  if (here) return here;
  const tok = s.toks[t]!;
  let span = themeSpan(s, t, opts.keepSubject);
  // "a joint plan to mediate between ...": the infinitive after the object says what the plan is.
  if (opts.extend !== undefined) {
    const more = themeSpan(s, opts.extend);
    const last = span[span.length - 1]!;
    if (more.length && more[0]! >= last + 1 && more[0]! <= last + 2) {
      const joined = [...span];
      for (let k = last + 1; k <= more[more.length - 1]!; k++) joined.push(k);
      if (joined.length <= 20) span = joined;
    }
  }
  if (!span.length) return undefined;
  const text = spanText(ctx, s, span);
  if (!text || !/\p{L}/u.test(text)) return undefined;
  const dets = kidsOf(s, t, /^(det|nmod:poss|det:poss)$/).map((k) => s.toks[k]!.lower);
  const definite = dets.some((d) => isDefinite(d)) || kidsOf(s, t, "nmod:poss").length > 0;
  const generic = GENERIC_PROPOSAL_NOUNS.has(tok.lemma) || GENERIC_PROPOSAL_NOUNS.has(tok.lower);
  const words = contentWords(text);
  const existing = ctx.reg.list("Proposal").filter((p) => p.first < s.toks[t]!.start || p.mentions.some((m) => m.start < s.toks[t]!.start));
  let found: Entity | undefined;
  // The same name again.
  found = existing.find((p) => sameName(p, text));
  // "a truce", "a ceasefire", "a deal" said again with nothing new, or "a permanent ceasefire" after "a permanent end
  // to the war": the latest proposal on that topic (that shares the modifier, if there is one).
  if (!found && tok.pos.startsWith("NN") && !generic && words.length <= 3) {
    const topic = topicOf(ctx, s, span, t);
    const mods = words.filter((w) => w !== stem(tok.lower) && !VAGUE_MODIFIERS.has(w) && !/\d/.test(w));
    if (topic !== "other") {
      const sameTopic = [...existing].sort((a, b) => lastMentionBefore(b, s.toks[t]!.start) - lastMentionBefore(a, s.toks[t]!.start)).filter((p) => p.attrs.topic === topic);
      found = mods.length === 0 ? (sameTopic.length ? salient(sameTopic, s) : undefined) : sameTopic.find((p) => { const nw = new WordSet([p.name, ...p.aliases].flatMap(contentWords)); return mods.every((m) => nw.has(m)); });
    }
  }
  if (!found && tok.pos.startsWith("NN") && (definite || (generic && dets.length === 0 && kidsOf(s, t, /^(amod|compound)$/).length > 0))) {
    found = referBack(ctx, existing, s, t, words, generic, opts.proposer);
  }
  // "Cambodia proposed an all-for-all swap ... Cambodia's negotiator tabled a plan under which every prisoner ...
  // would be freed": a plan its own proposer puts forward again on the same topic is the same proposal, described.
  if (!found && generic && !definite && opts.proposer?.length) found = restated(ctx, s, t, span, opts.proposer);
  // Offering to host again ("stood ready to receive delegations") is the offer to host already made.
  if (!found && tok.pos.startsWith("VB") && G.hostingVerbsOffered.has(tok.lemma) && opts.proposer?.length) {
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
  // "a joint intelligence cell in Niamey with a rotating chair" is also "the joint intelligence cell": the noun
  // with its modifiers, without what follows it, is how it is named again (and searched for).
  if (tok.pos.startsWith("NN") && to > t && t > from) {
    const core = spanText(ctx, s, span.filter((k) => k <= t));
    if (core.split(/\s+/).length >= 2) e.aliases.add(core);
  }
  return e;
}

/**
 * The one earlier proposal of these proposers on the topic of the phrase at t: what a restatement by the same side
 * refers to ("tabled a plan under which ...", "repeating Phnom Penh's demand that ...").
 */
export function restated(ctx: Ctx, s: Sent, t: number, span: number[], proposer: Entity[]): Entity | undefined {
  const topic = topicOf(ctx, s, span, t);
  if (topic === "other") return undefined;
  const who = new Set(proposer.flatMap((a) => [a.key, String(a.attrs.country ?? ""), String(a.attrs.org ?? "")]));
  const at = s.toks[t]!.start;
  const same = ctx.reg.list("Proposal").filter((p) => p.attrs.topic === topic && p.mentions.some((m) => m.start < at) && proposerKeys(ctx, p).some((k) => who.has(k)));
  return same.length === 1 ? same[0] : undefined;
}

/** Words that match on their stem or on a shared beginning of six letters ("mediation" ~ "mediate"). */
class WordSet {
  private readonly words: string[];
  constructor(words: string[]) {
    this.words = [...new Set(words)];
  }
  has(w: string): boolean {
    for (const x of this.words) {
      if (x === w) return true;
      if (x.length >= 6 && w.length >= 6 && x.slice(0, 6) === w.slice(0, 6)) return true;
    }
    return false;
  }
}

function sameName(p: Entity, text: string): boolean {
  const key = contentWords(text).join(" ");
  if (!key) return false;
  if (contentWords(p.name).join(" ") === key) return true;
  for (const a of p.aliases) if (contentWords(a).join(" ") === key) return true;
  return false;
}

/**
 * "the plan", "the phased plan", "the Chinese text", "the roadmap", "Vienna's proposal": the earlier proposal the
 * phrase refers to. Candidates score for an actor the modifiers name among their proposers, for the head noun and
 * for each modifier among their words; the best wins, the latest on a tie. A bare generic noun ("the plan", "the
 * idea") takes the latest proposal; a phrase whose own words match nothing is a new proposal.
 */
function referBack(ctx: Ctx, existing: Entity[], s: Sent, t: number, words: string[], generic: boolean, proposer?: Entity[]): Entity | undefined {
  const tok = s.toks[t]!;
  const at = s.toks[t]!.start;
  let byRecency = [...existing].sort((a, b) => lastMentionBefore(b, at) - lastMentionBefore(a, at));
  // "the offer", "the pledge": something offered, when anything was.
  if (generic && NOUNS.get(tok.lemma)?.some((e) => e.class === "OFFER")) {
    const offered = byRecency.filter((p) => p.attrs.offered === true);
    if (offered.length) byRecency = offered;
  }
  // "the deal", "the agreement": what the parties agreed to, when anything was.
  if (generic && G.agreementNouns.has(tok.lemma)) {
    const agreed = byRecency.filter((p) => p.attrs.agreed === true);
    if (agreed.length) byRecency = agreed;
  }
  if (!byRecency.length) return undefined;
  const head = stem(tok.lower);
  // Modifiers that name actors ("Chinese", "Doha's", "Brazilian-Colombian") say whose, not what.
  const actorKeys = new Set<string>();
  const actorWords = new Set<string>();
  for (const k of kidsOf(s, t, /^(amod|compound|nmod:poss)$/)) {
    for (const x of subtree(s, k)) {
      const actors = ctx.res.actors(s, x);
      for (const e of actors) actorKeys.add(e.key);
      if (actors.length) for (const w of contentWords(s.toks[x]!.text)) actorWords.add(w);
    }
  }
  if (generic) for (const a of proposer ?? []) actorKeys.add(a.key);
  const modifiers = words.filter((w) => w !== head && !actorWords.has(w) && !VAGUE_MODIFIERS.has(w) && !/\d/.test(w));
  const nameWords = (p: Entity) => new WordSet([p.name, ...p.aliases].flatMap(contentWords));
  const dets = kidsOf(s, t, /^(det|nmod:poss)$/).map((k) => s.toks[k]!.lower);
  const definite = dets.some((d) => isDefinite(d)) || kidsOf(s, t, "nmod:poss").length > 0;
  let best: Entity | undefined;
  let bestScore = 0;
  let bestMods = 0;
  let anyMod = false;
  // What the phrase says the proposal is outweighs whose it is: with a modifier that some candidate shares
  // ("Ankara's UN-mandate idea"), only those candidates count.
  const sharing = byRecency.filter((p) => { const nw = nameWords(p); return modifiers.some((m) => nw.has(m)); });
  for (const p of sharing.length ? sharing : byRecency) {
    const nw = nameWords(p);
    const mods = modifiers.filter((m) => nw.has(m)).length;
    if (mods) anyMod = true;
    // Whose it is says which proposal only for a proposal noun ("Vienna's plan"); "its land crossings" are owned.
    const actor = generic && actorKeys.size && proposerKeys(ctx, p).some((k) => actorKeys.has(k)) ? 3 : 0;
    const score = actor + (nw.has(head) ? 2 : 0) + mods;
    if (score > bestScore) {
      bestScore = score;
      best = p;
      bestMods = mods;
    }
  }
  if (generic) {
    // "the Chinese draft on fishing rights": a phrase that says what it is about, and matches nothing said before,
    // names a new proposal.
    const about = kidsOf(s, t, /^nmod:(on|for|of|about|to|over)$/).filter((k) => !ctx.res.actors(s, k).length && !TIME_WORDS.has(s.toks[k]!.lower));
    const aboutWords = about.flatMap((k) => subtree(s, k).flatMap((x) => contentWords(s.toks[x]!.text))).filter((w) => !actorWords.has(w));
    if (aboutWords.length && !byRecency.some((p) => { const nw = nameWords(p); return aboutWords.some((w) => nw.has(w)); })) return undefined;
    // A definite description presupposes its referent ("the 14-page document", "the full package").
    // ... unless it says what it is and nothing before shares that ("the toll plan" after an offer of engineers).
    if (definite && modifiers.length && !anyMod && !actorKeys.size && topicOf(ctx, s, themeSpan(s, t), t) === "other") return undefined;
    if (definite) return best && bestScore > 0 ? best : salient(byRecency, s);
    if (modifiers.length && !anyMod && !(best && proposerKeys(ctx, best).some((k) => actorKeys.has(k)) && actorWords.size)) return undefined;
    if (best && bestScore > 0) return best;
    // "the mission", "the force": the latest proposal with that head; "the plan", "the idea": the latest proposal.
    if (MISSION_HEADS.has(tok.lemma)) return byRecency.find((p) => nameWords(p).has(head));
    return modifiers.length ? undefined : byRecency[0];
  }
  if (best && (bestScore >= 2 + (modifiers.length ? 1 : 0) || bestMods >= Math.min(2, modifiers.length))) return best;
  if (best && nameWords(best).has(head) && !modifiers.length) return best;
  // "the individual listings", "the proposed sanctions": a definite description of the proposal on that topic.
  if (!dets.includes("the")) return undefined;
  const topic = topicOf(ctx, s, themeSpan(s, t), t);
  const onTopic = byRecency.filter((p) => p.attrs.topic === topic);
  if (topic !== "other" && onTopic.length) return salient(onTopic, s);
  return undefined;
}

/**
 * "the outline", "the proposal" with nothing to tell: the proposal the recent text is about, the one named in the
 * most sentences among those named in the last four (the latest on a tie), not an option listed inside it.
 */
function salient(byRecency: Entity[], s: Sent): Entity | undefined {
  let best: Entity | undefined;
  let bestCount = 0;
  for (const p of byRecency) {
    if (!p.mentions.some((m) => m.sent <= s.index && m.sent >= s.index - 4)) continue;
    const count = new Set(p.mentions.filter((m) => m.sent <= s.index).map((m) => m.sent)).size;
    if (count > bestCount) ((best = p), (bestCount = count));
  }
  return best ?? byRecency[0];
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

/**
 * A proposal named only by a generic word ("a three-phase framework", "the phased plan") has no topic words of its
 * own: it takes the topic most of the article's other proposals have, if they agree on one.
 */
export function settleTopics(ctx: Ctx): void {
  const proposals = ctx.reg.list("Proposal");
  const counts = new Map<string, number>();
  for (const p of proposals) if (p.attrs.topic && p.attrs.topic !== "other") counts.set(String(p.attrs.topic), (counts.get(String(p.attrs.topic)) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const main = ranked[0];
  if (!main || main[1] < 2 || (ranked[1] && ranked[1][1] === main[1])) return;
  for (const p of proposals) {
    if (p.attrs.topic !== "other") continue;
    const head = String(p.attrs.head ?? "");
    if (GENERIC_PROPOSAL_NOUNS.has(head)) p.attrs.topic = main[0];
  }
}

const NAME_LINKS = new Set(["of", "on", "for", "the", "to", "between"]);

/**
 * Agreements and plans known by a capitalised name ("the Jeddah Declaration", "the Treaty on the State Border", "the
 * Minsk Protocol"): a Proposal each, found before the rules so that predicates governing the name take it. Names of
 * people and organisations inside are left to them; places and countries inside stay what they are as well.
 */
export function findNamedProposals(ctx: Ctx): void {
  for (const s of ctx.doc.sents) {
    // A year inside the name belongs to it ("the 1992 Consensus").
    const year = (k: number) => /^\d{4}$/.test(s.toks[k]?.text ?? "");
    for (let i = 0; i < s.toks.length; i++) {
      const j = capitalisedRun(s, i, { pos: /^(NNP|NNPS|NN|NNS|JJ|CD)$/, links: NAME_LINKS, maxLinks: Infinity, extends: year });
      if (j < 0) continue;
      let head = -1;
      for (let k = i; k <= j; k++) if (NAMED_PROPOSAL_HEADS.has(s.toks[k]!.text)) head = k;
      const first = [...Array(j - i + 1).keys()].map((x) => i + x).find((k) => NAMED_PROPOSAL_HEADS.has(s.toks[k]!.text));
      if (head < 0 || first === undefined) {
        i = j;
        continue;
      }
      // The name runs to the last head word, or on through its of/on-phrase when the head leads ("Treaty on ...").
      const end = head < j && NAME_LINKS.has(s.toks[head + 1]!.lower) ? j : head;
      const span: number[] = [];
      for (let k = i; k <= end; k++) span.push(k);
      const words = span.filter((k) => /^\p{Lu}/u.test(s.toks[k]!.text));
      if (words.length < 2 || span.some((k) => ctx.reg.at(s.index, k).some((m) => m.entity.type === "Person" || m.entity.type === "Proposal"))) {
        i = j;
        continue;
      }
      const text = ctx.doc.body.slice(s.toks[i]!.start, s.toks[end]!.end).replace(/\s+/g, " ");
      const e = ctx.reg.ensure(`proposal:named:${text.toLowerCase()}`, "Proposal", text, s.toks[i]!.start);
      e.attrs.head = s.toks[first]!.lemma;
      e.attrs.topic ??= topicOf(ctx, s, span, first);
      // An organisation the tagger saw in the name, or a capital standing for its state ("the Minsk Protocol"), is
      // part of the agreement's name, not an actor.
      for (const k of span) for (const m of [...ctx.reg.at(s.index, k)]) if (m.from >= i && m.to <= end && ((m.entity.type === "Organization" && m.kind === "name") || (m.entity.type === "Country" && m.kind === "metonym"))) {
        ctx.reg.unmention(m);
        if (!m.entity.mentions.length) ctx.reg.drop(m.entity);
      }
      ctx.reg.mention(e, s, i, end, "name");
      i = j;
    }
  }
}

