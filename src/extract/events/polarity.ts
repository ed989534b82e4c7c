import { type Sent, kidsOf } from "../doc/doc.ts";
import { CONDITION_MARKERS, CONDITION_PHRASES, HEDGE_MODALS, HEDGE_VERBS, WISH_VERBS, DENIAL_VERBS, NEGATIVE_IMPLICATIVES, NEGATORS, SPECULATION_WORDS, VOLITIONAL_MODALS, G, POLARITY } from "../lexicon/index.ts";

/** How a predicate is asserted: whether it happened, will, might, or only under a condition. */
export interface Polarity {
  /** "did not reject", "no counter-proposal", "failed to back", "stopped short of endorsing". */
  negated: boolean;
  /** The negation is a refusal: "will not accept", "cannot support". */
  volitional: boolean;
  /** "has yet to answer", "had not decided whether": open, not a fact. */
  pending: boolean;
  /** "could offer", "would consider joining", "reportedly": a possibility, not a commitment. */
  hedged: boolean;
  /** The hedge is the actor's own consideration ("would consider joining"), not someone's speculation ("might accept"). */
  considered?: boolean;
  /** "if", "provided", "only if", "with conditions": true under a condition. */
  conditional: boolean;
}

const UP_RELS = /^(xcomp|ccomp|advcl|acl|conj|obl|nmod|dep|parataxis)/;

/** Reads the polarity of the predicate at token t from its own dependents and those of the verbs above it. */
export function polarityOf(s: Sent, t: number): Polarity {
  const p: Polarity = { negated: false, volitional: false, pending: false, hedged: false, conditional: false };
  ownMarkers(s, t, p);
  // Inside a condition ("if the Union endorsed it", "once a deal is signed"): what might happen, not a fact.
  if (inCondition(s, t)) p.pending = true;
  // Copular and auxiliary constructions put negation on the head ("is not ready", "was not part of").
  let node = t;
  for (let guard = 0; guard < 4; guard++) {
    const h = s.head[node]!;
    if (h < 0) break;
    const rel = s.rel[node]!;
    const gov = s.toks[h]!;
    if (rel === "xcomp" || rel.startsWith("advcl") || rel === "ccomp" || rel.startsWith("obl") || rel === "dep") {
      // "failed to back", "declined to join" (the governing verb did the negating), "stopped short of endorsing".
      if (NEGATIVE_IMPLICATIVES.has(gov.lemma) && (rel === "xcomp" || rel.startsWith("advcl") || rel.startsWith("obl"))) {
        const stopShort = POLARITY.stopShortPhrases.find(([verb]) => verb === gov.lemma);
        if (stopShort) {
          // "stopped short of endorsing": the verb, then its two words ("short", "of") before the clause.
          const [, w1, w2] = stopShort;
          if (kidsOf(s, h, "advmod").some((k) => s.toks[k]!.lower === w1) || (s.toks[h + 1]?.lower === w1 && s.toks[h + 2]?.lower === w2)) p.negated = true;
        } else p.negated = !isNegatedToken(s, h);
      }
      // "stopped short of endorsing", parsed with the clause under "short".
      const overShort = POLARITY.stopShortPhrases.find(([verb, w1]) => gov.lower === w1 && s.head[h]! >= 0 && s.toks[s.head[h]!]!.lemma === verb);
      if (overShort) p.negated = true;
      if (HEDGE_VERBS.has(gov.lemma)) p.hedged = p.considered = true;
      if (WISH_VERBS.has(gov.lemma) && (rel === "ccomp" || rel === "xcomp")) p.pending = true;
      // "Tehran denied that it had agreed to supply drones": a denied clause did not happen (unless the denial is).
      if (DENIAL_VERBS.has(gov.lemma) && rel === "ccomp" && !isNegatedToken(s, h)) p.negated = true;
      // "I would resign before I signed off on talks": what one would sooner die than do is not done.
      if (rel.startsWith("advcl") && kidsOf(s, node, "mark").some((k) => /^(before|than)$/.test(s.toks[k]!.lower)) && kidsOf(s, h, "aux").some((k) => /^(would|'d)$/.test(s.toks[k]!.lower))) p.pending = true;
      // "has yet to say": pending.
      if (gov.lemma === "have" && kidsOf(s, h, "advmod").some((k) => s.toks[k]!.lower === "yet")) p.pending = true;
      if (G.openQuestionVerbs.has(gov.lemma) && kidsOf(s, t, "mark").some((k) => G.openQuestionMarkers.has(s.toks[k]!.lower))) p.pending = true;
      // Negation of a governing verb of saying or intending carries down ("did not say it would back").
      if (isNegatedToken(s, h) && (rel === "xcomp" || rel === "ccomp")) {
        if (G.negationCarryingVerbs.has(gov.lemma)) p.negated = true;
      }
      // "We have not come here to sign a ceasefire at any price": the purpose of a journey not made is not done.
      if (isNegatedToken(s, h) && rel.startsWith("advcl") && G.negationCarryingVerbs.has(gov.lemma) && kidsOf(s, node, "mark").some((k) => s.toks[k]!.lower === "to")) p.negated = true;
      if (rel === "ccomp" || rel === "dep" || rel.startsWith("obl") || rel.startsWith("advcl")) break;
      node = h;
      continue;
    }
    break;
  }
  // "Only if", "provided", "with conditions" anywhere in the clause make it conditional.
  if (clauseHasCondition(s, t)) p.conditional = true;
  return p;
}

function ownMarkers(s: Sent, t: number, p: Polarity): void {
  const kids = s.kids[t] ?? [];
  for (const k of kids) {
    const tok = s.toks[k.to]!;
    if ((k.rel === "advmod" || k.rel === "neg" || k.rel === "det" || k.rel === "cc:preconj") && NEGATORS.has(tok.lower)) p.negated = true;
    if (k.rel === "aux" && HEDGE_MODALS.has(tok.lower)) p.hedged = true;
    if (k.rel === "aux" && VOLITIONAL_MODALS.has(tok.lower)) p.volitional = true;
    if (k.rel === "advmod" && SPECULATION_WORDS.has(tok.lower)) p.hedged = true;
    if (k.rel === "advmod" && tok.lower === "yet" && kids.some((x) => x.rel === "advmod" && NEGATORS.has(s.toks[x.to]!.lower))) p.pending = true;
  }
  // "cannot" is one token in some texts, two in others ("can not", "ca n't").
  if (kids.some((k) => k.rel === "aux" && /^(cannot)$/.test(s.toks[k.to]!.lower))) {
    p.negated = true;
    p.volitional = true;
  }
  if (p.negated && !p.volitional) {
    // A negation under a future or ability modal is a refusal ("Spain would not place its ships").
    if (kids.some((k) => k.rel === "aux" && /^(will|wo|would|can|ca|could|shall)$/.test(s.toks[k.to]!.lower))) p.volitional = true;
  }
  if (p.hedged && kids.some((k) => k.rel === "aux" && s.toks[k.to]!.lower === "could") && p.negated) p.hedged = false;
}

export function isNegatedToken(s: Sent, t: number): boolean {
  for (const k of s.kids[t] ?? []) {
    if ((k.rel === "advmod" || k.rel === "neg" || k.rel === "det") && NEGATORS.has(s.toks[k.to]!.lower)) return true;
    if (k.rel === "aux" && s.toks[k.to]!.lower === "cannot") return true;
  }
  return false;
}

/** The predicate's clause states a condition: an adverbial clause or phrase introduced by a condition marker. */
export function clauseHasCondition(s: Sent, t: number): boolean {
  for (const k of s.kids[t] ?? []) {
    if (!k.rel.startsWith("advcl") && !k.rel.startsWith("obl") && k.rel !== "conj" && k.rel !== "dep") continue;
    const marks = kidsOf(s, k.to, /^(mark|case|advmod)$/).map((m) => s.toks[m]!.lower);
    const first = s.toks[Math.min(k.to, ...kidsOf(s, k.to, /^(mark|case|advmod)$/))]!;
    const lead = s.text.slice(first.start - s.start, first.start - s.start + 30).toLowerCase();
    if (marks.some((m) => CONDITION_MARKERS.includes(m))) return true;
    if (CONDITION_MARKERS.some((m) => m.includes(" ") && lead.startsWith(m))) return true;
    if (k.rel.startsWith("advcl") && /^advcl:(if|unless|provided|providing|once)$/.test(k.rel)) return true;
  }
  const text = s.text.toLowerCase();
  if (CONDITION_PHRASES.some((phrase) => text.includes(phrase))) return true;
  // "provided (that) ..." is often parsed as a participle or a loose dependent.
  for (let i = 0; i < s.toks.length; i++) {
    const tok = s.toks[i]!;
    if ((tok.lower === "provided" || tok.lower === "providing") && i > 0 && (s.toks[i - 1]!.pos === "," || s.toks[i - 1]!.pos.startsWith("NN") || s.toks[i - 1]!.pos.startsWith("VB"))) {
      if (s.toks[i + 1] && (s.toks[i + 1]!.lower === "that" || /^(NN|DT|PRP|JJ|CD)/.test(s.toks[i + 1]!.pos))) return true;
    }
    if (tok.lower === "only" && G.onlyConditionWords.has(s.toks[i + 1]?.lower ?? "")) return true;
  }
  return false;
}

/** The token lies in an adverbial clause that states a condition or a time to come ("if ...", "unless ...", "once ..."). */
export function inCondition(s: Sent, t: number): boolean {
  let x = t;
  for (let guard = 0; guard < 8 && x >= 0; guard++) {
    if (s.rel[x]!.startsWith("advcl") || s.rel[x] === "dep") {
      const marks = kidsOf(s, x, /^(mark|advmod)$/).map((k) => s.toks[k]!.lower);
      if (marks.some((m) => G.hypotheticalMarkers.has(m)) || G.hypotheticalMarkers.has(s.rel[x]!.replace(/^advcl:/, ""))) return true;
    }
    x = s.head[x]!;
  }
  return false;
}
