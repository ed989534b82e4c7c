import { type Sent, ekidsOf, kidsOf } from "../doc/doc.ts";
import { ADJECTIVES, NOUNS, type PredicateClass, TIME_WORDS, VERBS, type VerbEntry, G } from "../lexicon/index.ts";

/** A word that states an event of one of the predicate classes, with the frame it was matched in. */
export interface Predicate {
  s: Sent;
  t: number;
  cls: PredicateClass;
  pos: "verb" | "adj" | "noun";
  /** The preposition that introduces the theme ("call for", "open to", "rejection of"). */
  themePreps: string[];
  /** Class of a volitional negation ("will not accept" -> REJECT). */
  negatedModal?: PredicateClass;
  /** The noun names a proposal itself ("the plan", "Vienna's proposal"). */
  generic?: boolean;
  onlyWith?: "guests";
  /** Lemma and particle, for messages ("turn down"). */
  label: string;
}

/** The particle of a phrasal verb ("turned it down", "put forward"), or the bare noun of an idiom ("take part"). */
export function particleOf(s: Sent, t: number): string | undefined {
  const prt = kidsOf(s, t, "compound:prt")[0];
  if (prt !== undefined) return s.toks[prt]!.lower;
  // The tagger sometimes reads the particle as an adverb right after the verb ("put forward").
  const adv = kidsOf(s, t, "advmod").find((k) => k === t + 1 && G.particles.has(s.toks[k]!.lower));
  if (adv !== undefined) return s.toks[adv]!.lower;
  const obj = kidsOf(s, t, "obj").find((k) => s.toks[k]!.lower === "part" && !kidsOf(s, k, "det").length);
  if (obj !== undefined) return "part";
  // "turned the ceasefire down": a particle after the object, whatever the parser attached it to.
  const direct = kidsOf(s, t, "obj")[0];
  if (direct !== undefined) {
    let end = direct;
    for (let k = direct; k < s.toks.length && k < direct + 12; k++) if (dominatedBy(s, k, direct)) end = k;
    const next = s.toks[end + 1];
    if (next && G.particles.has(next.lower) && /^(RP|IN|RB)$/.test(next.pos)) return next.lower;
  }
  return undefined;
}

function dominatedBy(s: Sent, k: number, top: number): boolean {
  let x = k;
  for (let guard = 0; guard < 20 && x >= 0; guard++) {
    if (x === top) return true;
    x = s.head[x]!;
  }
  return false;
}

/** Prepositions of the verb's oblique dependents ("called for X" -> for). */
export function oblPreps(s: Sent, t: number): Set<string> {
  const out = new Set<string>();
  // "pressed both sides for months": a time phrase is no prepositional argument.
  const timed = (k: number) => TIME_WORDS.has(s.toks[k]!.lower) || TIME_WORDS.has(s.toks[k]!.lemma);
  for (const a of s.ekids[t] ?? []) {
    const m = /^(obl|nmod|advcl):(.+)$/.exec(a.rel);
    if (m && !timed(a.to)) out.add(m[2]!.replace(/_/g, " "));
  }
  // Read the markers themselves too: an untyped oblique, or a clause marked twice ("calling for X to gain").
  for (const k of kidsOf(s, t, /^(obl|nmod|advcl)/)) if (!timed(k)) for (const c of kidsOf(s, k, /^(case|mark)$/)) out.add(s.toks[c]!.lower);
  return out;
}

/** The verb entries a verb token matches, the most specific first (particle and preposition over a bare verb). */
export function verbEntries(s: Sent, t: number): VerbEntry[] {
  const tok = s.toks[t]!;
  if (!tok.pos.startsWith("VB")) return [];
  const entries = VERBS.get(tok.lemma);
  if (!entries) return [];
  const particle = particleOf(s, t);
  const preps = oblPreps(s, t);
  const scored: Array<{ e: VerbEntry; score: number }> = [];
  for (const e of entries) {
    if (e.particle && e.particle !== particle) continue;
    // A bare entry does not fit a phrasal verb the lexicon knows ("signed on as co-sponsor" is not "signed") or
    // one whose particle changes the meaning ("call off", "back down").
    if (!e.particle && particle && (entries.some((x) => x.particle === particle) || G.meaningChangingParticles.has(particle))) continue;
    if (e.prep && !preps.has(e.prep)) continue;
    if (e.noObject && kidsOf(s, t, "obj").length) continue;
    scored.push({ e, score: (e.particle ? 2 : 0) + (e.prep ? 1 : 0) });
  }
  return scored.sort((a, b) => b.score - a.score).map((x) => x.e);
}

export function verbPredicate(s: Sent, t: number): Predicate | undefined {
  const e = verbEntries(s, t)[0];
  if (!e) return undefined;
  return {
    s,
    t,
    cls: e.class,
    pos: "verb",
    themePreps: e.prep ? [e.prep] : [],
    negatedModal: e.negatedModal,
    onlyWith: e.onlyWith,
    label: [s.toks[t]!.lemma, e.particle, e.prep].filter(Boolean).join(" "),
  };
}

/** "ready to send", "open to providing", "committed to a code", "fine with European troops". */
export function adjectivePredicate(s: Sent, t: number): Predicate | undefined {
  const tok = s.toks[t]!;
  if (!tok.pos.startsWith("JJ") && !tok.pos.startsWith("VBN") && !(tok.lower === "against" && tok.pos === "IN")) return undefined;
  const entries = ADJECTIVES.get(tok.lemma) ?? ADJECTIVES.get(tok.lower);
  if (!entries) return undefined;
  const preps = oblPreps(s, t);
  const hasXcomp = ekidsOf(s, t, "xcomp").length > 0 || kidsOf(s, t, /^(advcl|ccomp)/).some((k) => kidsOf(s, k, "mark").some((m) => s.toks[m]!.lower === "to"));
  for (const e of entries) {
    if (e.prep && !preps.has(e.prep) && !hasXcomp) continue;
    if (!e.prep && !hasXcomp) continue;
    return { s, t, cls: e.class, pos: "adj", themePreps: e.prep ? [e.prep] : [], label: tok.lemma };
  }
  return undefined;
}

export function nounPredicate(s: Sent, t: number): Predicate | undefined {
  const tok = s.toks[t]!;
  if (!tok.pos.startsWith("NN")) return undefined;
  const entries = NOUNS.get(tok.lemma) ?? NOUNS.get(tok.lower);
  if (!entries) return undefined;
  const e = entries[0]!;
  // "a call for a ceasefire" is a proposal; "a phone call" is not.
  // "a call from the opposition to cut the budget" is one too, with its infinitive.
  const toClause = kidsOf(s, t, /^(acl|acl:to)$/).some((k) => kidsOf(s, k, "mark").some((m) => s.toks[m]!.lower === "to"));
  if (e.lemma === "call" && !oblPreps(s, t).has("for") && !toClause) return undefined;
  if (e.lemma === "push" && !oblPreps(s, t).has("for")) return undefined;
  return { s, t, cls: e.class, pos: "noun", themePreps: e.themePreps, generic: e.generic, label: tok.lemma };
}

/** Is the token a verb in the passive voice (or a past participle modifying a noun: "talks hosted by X")? */
export function isPassive(s: Sent, t: number): boolean {
  if (kidsOf(s, t, "aux:pass").length) return true;
  if (ekidsOf(s, t, /^nsubj:pass/).length) return true;
  // "has proposed": a perfect with its own subject is active, whatever it hangs from.
  if (kidsOf(s, t, "aux").some((k) => G.perfectAuxiliaries.has(s.toks[k]!.lower)) || ekidsOf(s, t, /^nsubj$/).length) return false;
  const tok = s.toks[t]!;
  if (tok.pos === "VBN" && /^(acl|dep|amod)$/.test(s.rel[t]!) && s.head[t]! >= 0 && s.toks[s.head[t]!]!.pos.startsWith("NN")) return true;
  // The second of two participles ("put forward by X and co-sponsored by Y").
  if (tok.pos === "VBN" && s.rel[t]!.startsWith("conj") && s.head[t]! >= 0 && isPassive(s, s.head[t]!)) return true;
  return false;
}
