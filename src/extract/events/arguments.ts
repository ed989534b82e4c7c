import { type Sent, ekidsOf, eheadsOf, kidsOf } from "../doc/doc.ts";
import { LIGHT_VERBS, NOUNS, RECEIVE_VERBS, TIME_WORDS, G } from "../lexicon/index.ts";
import { type Predicate, isPassive } from "./predicates.ts";

/**
 * Who did it and to what, read from the grammatical relations of a predicate: subjects, passive agents
 * ("by X"), controlled subjects ("X offered to host": X hosts), relative-clause antecedents (from the enhanced
 * graph), possessors and modifiers of nominal predicates ("Belgrade's rejection", "a Cambodian proposal"),
 * the subject of a light verb ("made an offer") and the "from" phrase of a receiving verb ("won backing from Y").
 * Returned as tokens; the rules resolve them to entities.
 */

const AGENT_NOUNS = G.agentNouns;

export function agentTokens(p: Predicate): number[] {
  const { s, t } = p;
  if (p.pos === "noun") return nounAgents(s, t);
  if (p.pos === "adj") {
    // "he is committed to it": a participle read as the adjective has its subject as a passive's.
    const own = ekidsOf(s, t, /^nsubj(:xsubj|:pass)?$/);
    if (own.length) return own;
    return controllerAgents(s, t, 0);
  }
  if (isPassive(s, t)) {
    const by = ekidsOf(s, t, /^(obl:agent|obl:by|nmod:agent)$/);
    return by;
  }
  const subj = ekidsOf(s, t, /^nsubj(:xsubj)?$/).filter((k) => !/^nsubj:pass/.test(relOf(s, t, k)));
  if (subj.length) return subj;
  return controllerAgents(s, t, 0);
}

function relOf(s: Sent, g: number, d: number): string {
  return (s.ekids[g] ?? []).find((a) => a.to === d)?.rel ?? "";
}

/** A verb without a subject of its own takes its governor's ("opened proceedings by urging X": the opener urges). */
function controllerAgents(s: Sent, t: number, depth: number): number[] {
  if (depth > 3) return [];
  const rel = s.rel[t]!;
  let h = s.head[t]!;
  if (h < 0) return [];
  if (!/^(xcomp|advcl|conj|dep)/.test(rel)) return [];
  // "opened proceedings by urging X", parsed with the gerund under the preposition: go up past it.
  if (/^(IN|RB|TO)$/.test(s.toks[h]!.pos) && s.head[h]! >= 0) h = s.head[h]!;
  // A participle modifying a noun is not controlled by a clause subject; one the parser conjoined to a noun
  // ("calling it a breach of law and urging Israel to halt") is controlled from above that noun.
  if (!s.toks[h]!.pos.startsWith("VB") && !s.toks[h]!.pos.startsWith("JJ")) {
    return s.toks[t]!.pos === "VBG" && rel.startsWith("conj") ? controllerAgents(s, h, depth + 1) : [];
  }
  const subj = ekidsOf(s, h, /^nsubj(:xsubj)?$/).filter((k) => !/^nsubj:pass/.test(relOf(s, h, k)));
  if (subj.length && !isPassive(s, h)) return subj;
  if (isPassive(s, h) && rel.startsWith("advcl")) return ekidsOf(s, h, /^(obl:agent|obl:by)$/);
  return controllerAgents(s, h, depth + 1);
}

function nounAgents(s: Sent, t: number): number[] {
  const tok = s.toks[t]!;
  const out: number[] = [];
  // "Poland has been the shield's most enthusiastic backer": the subject of the copula is the agent.
  if (AGENT_NOUNS.has(tok.lemma)) {
    out.push(...ekidsOf(s, t, /^nsubj$/));
    const h = s.head[t]!;
    if (s.rel[t] === "appos" && h >= 0) out.push(h);
    // "Bulgaria has since signed on as co-sponsor": the subject of the verb the as-phrase belongs to.
    if (/^obl:as$/.test(s.rel[t]!) && h >= 0) out.push(...ekidsOf(s, h, /^nsubj$/));
    return out;
  }
  out.push(...kidsOf(s, t, "nmod:poss"));
  const ownerOnly = NOUNS.get(tok.lemma)?.some((e) => e.ownerOnly) ?? false;
  for (const k of kidsOf(s, t, ownerOnly ? "amod" : /^(amod|compound)$/)) out.push(k);
  out.push(...ekidsOf(s, t, /^nmod:(by|from|agent)$/));
  // "the offer made by Brussels", "the package, put forward by X".
  for (const k of kidsOf(s, t, /^(acl|dep)$/)) if (s.toks[k]!.pos === "VBN") out.push(...ekidsOf(s, k, /^(obl:by|obl:agent)$/));
  // "made an offer", "voiced support for": the light verb's subject; "acceptance ... was signalled by X".
  const h = s.head[t]!;
  if (h >= 0 && LIGHT_VERBS.has(s.toks[h]!.lemma)) {
    if (s.rel[t] === "obj") {
      const own = ekidsOf(s, h, /^nsubj(:xsubj)?$/).filter((k) => !/^nsubj:pass/.test(relOf(s, h, k)));
      out.push(...(own.length ? own : controllerAgents(s, h, 0)));
    }
    if (/^nsubj:pass/.test(s.rel[t]!) || eheadsOf(s, t, /^nsubj:pass/).includes(h)) out.push(...ekidsOf(s, h, /^(obl:by|obl:agent)$/));
  }
  // "won swift backing from Germany": the from-phrase, on the noun or on the verb.
  if (h >= 0 && RECEIVE_VERBS.has(s.toks[h]!.lemma) && s.rel[t] === "obj") out.push(...ekidsOf(s, h, /^obl:from$/));
  return [...new Set(out)];
}

export interface ThemeRef {
  t: number;
  /** The relation that linked it ("obj", "obl:for", "xcomp", "nsubj:pass", "self"...). */
  via: string;
}

/** What the predicate is about: objects, prepositional themes, clauses, or the noun itself for a proposal noun. */
export function themeRefs(p: Predicate): ThemeRef[] {
  const { s, t } = p;
  if (p.pos === "noun") return nounThemes(p);
  if (p.pos === "adj") {
    const out: ThemeRef[] = [];
    for (const prep of p.themePreps) for (const k of ekidsOf(s, t, new RegExp(`^(obl|nmod|advcl):${prep}$`))) out.push({ t: k, via: `obl:${prep}` });
    for (const k of ekidsOf(s, t, "xcomp")) out.push({ t: k, via: "xcomp" });
    for (const k of kidsOf(s, t, /^(advcl|ccomp)/)) if (kidsOf(s, k, "mark").some((m) => s.toks[m]!.lower === "to")) out.push({ t: k, via: "xcomp" });
    return out;
  }
  if (isPassive(s, t)) {
    const subj = ekidsOf(s, t, /^nsubj:pass/);
    if (subj.length) return subj.map((k) => ({ t: k, via: "nsubj:pass" }));
    let h = s.head[t]!;
    // "put forward by X and co-sponsored by Y": a conjoined participle modifies what the first one does.
    if (h >= 0 && s.rel[t]!.startsWith("conj") && s.toks[h]!.pos === "VBN" && /^(acl|dep|amod)$/.test(s.rel[h]!) && s.head[h]! >= 0) return [{ t: s.head[h]!, via: "modified" }];
    // "will be held in Tokyo later this year, hosted by Japan": a participle after a clause (hung on the clause or on
    // its time phrase) is about the clause's subject.
    if (h >= 0 && /^(acl|dep|advcl)$/.test(s.rel[t]!) && !kidsOf(s, t, "aux:pass").length) {
      let v = h;
      if (TIME_WORDS.has(s.toks[v]!.lower) && /tmod|obl/.test(s.rel[v]!) && s.head[v]! >= 0) v = s.head[v]!;
      if (s.toks[v]!.pos.startsWith("VB")) {
        const subj = ekidsOf(s, v, /^nsubj(:pass)?$/).filter((k) => s.toks[k]!.pos.startsWith("NN"));
        if (subj.length) return subj.map((k) => ({ t: k, via: "modified" }));
      }
    }
    if (h >= 0 && /^(acl|dep|amod)$/.test(s.rel[t]!) && !kidsOf(s, t, "aux:pass").length && s.toks[h]!.pos.startsWith("NN")) {
      const out: ThemeRef[] = [{ t: h, via: "modified" }];
      return out;
    }
    return [];
  }
  const out: ThemeRef[] = [];
  for (const prep of p.themePreps) {
    for (const k of ekidsOf(s, t, new RegExp(`^(obl|nmod|advcl):${prep.replace(/ /g, "_")}$`))) out.push({ t: k, via: `obl:${prep}` });
    // "calling for landlocked Ethiopia to gain access": a clause marked by the preposition.
    for (const k of kidsOf(s, t, /^advcl/)) if (!out.some((o) => o.t === k) && kidsOf(s, k, "mark").some((m) => s.toks[m]!.lower === prep)) out.push({ t: k, via: `obl:${prep}` });
  }
  if (p.themePreps.length && out.length) return out;
  // The noun of an idiom is not its object ("take part").
  for (const k of ekidsOf(s, t, "obj")) if (!(s.toks[k]!.lower === "part" && s.toks[t]!.lemma === "take")) out.push({ t: k, via: "obj" });
  if (out.length) return out;
  for (const k of ekidsOf(s, t, "xcomp")) out.push({ t: k, via: "xcomp" });
  if (out.length) return out;
  for (const k of ekidsOf(s, t, "ccomp")) out.push({ t: k, via: "ccomp" });
  if (out.length) return out;
  // "a demand Asmara has rejected": a relative clause without a pronoun leaves the noun it modifies as the object.
  if (s.rel[t]!.startsWith("acl:relcl") && s.head[t]! >= 0) out.push({ t: s.head[t]!, via: "relcl" });
  return out;
}

function nounThemes(p: Predicate): ThemeRef[] {
  const { s, t } = p;
  const tok = s.toks[t]!;
  const out: ThemeRef[] = [];
  if (AGENT_NOUNS.has(tok.lemma)) {
    for (const k of kidsOf(s, t, "nmod:poss")) out.push({ t: k, via: "nmod:poss" });
    for (const k of ekidsOf(s, t, "nmod:of")) out.push({ t: k, via: "nmod:of" });
    if (!out.length) out.push({ t, via: "current" });
    return out;
  }
  for (const prep of p.themePreps) {
    for (const k of ekidsOf(s, t, new RegExp(`^(nmod|acl):${prep}$`))) out.push({ t: k, via: `nmod:${prep}` });
  }
  for (const k of kidsOf(s, t, /^(acl|acl:to)$/)) {
    if (kidsOf(s, k, "mark").some((m) => /^(to|that)$/.test(s.toks[m]!.lower)) || s.toks[k]!.pos === "VB") out.push({ t: k, via: "acl" });
  }
  for (const k of kidsOf(s, t, "ccomp")) out.push({ t: k, via: "ccomp" });
  // "the offer made by Qatar of free fuel": an of-phrase the parser hung on the agent right after the by-phrase.
  if (!out.length) {
    for (const a of nounAgents(s, t)) {
      if (a < t) continue;
      for (const prep of p.themePreps) for (const k of ekidsOf(s, a, new RegExp(`^nmod:${prep}$`))) if (k > a) out.push({ t: k, via: `nmod:${prep}` });
    }
  }
  // "a fallback option: a 10-day truce ...": the apposition or the phrase after a colon says what it is.
  for (const k of kidsOf(s, t, /^(appos|dep|parataxis)$/)) if (s.toks[k]!.pos.startsWith("NN") && hasColonBefore(s, k, t)) out.push({ t: k, via: "elaboration" });
  return out;
}

function hasColonBefore(s: Sent, k: number, t: number): boolean {
  for (let i = t + 1; i < k; i++) if (s.toks[i]!.text === ":" || s.toks[i]!.text === "—" || s.toks[i]!.text === "-") return true;
  return false;
}
