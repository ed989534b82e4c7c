import type { Ctx } from "../context.ts";
import { type Sent, ekidsOf, kidsOf } from "../doc/doc.ts";
import { type Entity, isActor } from "../entities/registry.ts";
import { agentTokens, type ThemeRef, themeRefs } from "../events/arguments.ts";
import { commitEvent, type Event, lastProposal, recentMeeting } from "../events/commit.ts";
import { polarityOf } from "../events/polarity.ts";
import { type Predicate, adjectivePredicate, isPassive, nounPredicate, verbEntries, verbPredicate } from "../events/predicates.ts";
import { capitalCountry } from "../entities/coref.ts";
import { ADJECTIVES, GENERIC_PROPOSAL_NOUNS, NOUNS, RECEIVE_VERBS, VERBS, G } from "../lexicon/index.ts";
import { isMeetingBody, isMeetingHead, meetingAt, meetingOfHosting } from "../meetings.ts";
import { proposalFor, restated, spanText, themeSpan } from "../proposals.ts";
import { type Rule, lemmaCue } from "./rule.ts";

/**
 * The predicates of a sentence, read together so that one can govern another: "refused to back the shield"
 * is a rejection of the shield (not support), "offered to host talks" offers the talks (nobody hosted yet),
 * "vowed to block it" and "prepared to accept a truce" are the inner acts themselves.
 */
interface Analysis {
  preds: Predicate[];
  /** Predicates another one took over. */
  consumed: Set<number>;
  /** Theme references an outer predicate takes from the inner one it governs. */
  themesFrom: Map<number, Predicate>;
}

const cache = new WeakMap<Sent, Analysis>();

function analyse(s: Sent): Analysis {
  const hit = cache.get(s);
  if (hit) return hit;
  const preds: Predicate[] = [];
  for (let t = 0; t < s.toks.length; t++) {
    // "he is committed to it", "Athens is prepared to send a frigate": a passive with no agent states how its
    // subject stands, as the adjective does.
    const stative = s.toks[t]!.pos === "VBN" && kidsOf(s, t, "aux:pass").length > 0 && !ekidsOf(s, t, /^(obl:agent|obl:by)$/).length;
    const p = (stative ? adjectivePredicate(s, t) : undefined) ?? verbPredicate(s, t) ?? adjectivePredicate(s, t) ?? nounPredicate(s, t);
    if (p) preds.push(p);
  }
  const byTok = new Map(preds.map((p) => [p.t, p]));
  const consumed = new Set<number>();
  const themesFrom = new Map<number, Predicate>();
  for (const p of preds) {
    const inner = themeRefs(p)
      .filter((r) => r.via === "xcomp" || r.via === "acl" || (r.via.startsWith("obl") && s.toks[r.t]!.pos === "VBG"))
      .map((r) => byTok.get(r.t))
      .find((q): q is Predicate => q !== undefined);
    if (!inner) continue;
    if (p.cls === "REJECT") {
      consumed.add(inner.t);
      themesFrom.set(p.t, inner);
    } else if (p.cls === "OFFER" || p.cls === "PROPOSE" || p.cls === "SUPPORT") {
      if (inner.cls === "HOST" || inner.cls === "ATTEND") {
        consumed.add(inner.t);
        themesFrom.set(p.t, inner);
      } else consumed.add(p.t);
    }
  }
  const a = { preds, consumed, themesFrom };
  cache.set(s, a);
  return a;
}

/** The actors the agent tokens stand for; a proposal as subject stands for its proposers ("the AU plan calls for"). */
function agentsOf(ctx: Ctx, p: Predicate): Entity[] {
  const out: Entity[] = [];
  for (const k of agentTokens(p)) {
    const actors = ctx.res.actors(p.s, k);
    if (actors.length) {
      for (const a of actors) if (!out.includes(a)) out.push(a);
      continue;
    }
    const tok = p.s.toks[k]!;
    if (p.cls === "PROPOSE" && tok.pos.startsWith("NN") && GENERIC_PROPOSAL_NOUNS.has(tok.lemma)) {
      for (const m of kidsOf(p.s, k, /^(amod|compound|nmod:poss)$/)) for (const a of ctx.res.actors(p.s, m)) if (!out.includes(a)) out.push(a);
    }
    // "The roadmap ... It also proposes a joint committee": a proposal named before proposes through its proposers.
    if (p.cls === "PROPOSE" && !out.length) {
      const named = p.s.toks[k]!.pos === "PRP" && G.themePronouns.has(tok.lower) ? lastProposal(ctx, p.s, k) : tok.pos.startsWith("NN") && GENERIC_PROPOSAL_NOUNS.has(tok.lemma) && kidsOf(p.s, k, "det").some((d) => p.s.toks[d]!.lower === "the") ? (ctx.reg.at(p.s.index, k).find((m) => m.entity.type === "Proposal")?.entity ?? lastProposal(ctx, p.s, k)) : undefined;
      for (const key of (named?.attrs.proposers as string[] | undefined) ?? []) {
        const a = ctx.reg.get(key);
        if (a && !out.includes(a)) out.push(a);
      }
    }
  }
  // "the plan, which Washington drew up with Cairo", "tabled jointly with Norway": co-authors are proposers too.
  if (out.length && p.cls === "PROPOSE" && p.pos === "verb" && G.coAuthoringVerbs.has(p.s.toks[p.t]!.lemma)) {
    for (const k of ekidsOf(p.s, p.t, /^obl:with$/)) for (const x of [k, ...kidsOf(p.s, k, /^conj/)]) for (const a of ctx.res.actors(p.s, x)) if (!out.includes(a)) out.push(a);
  }
  // "used the meeting to offer a compromise": an infinitive whose controller is no actor takes the clause's subject.
  // Not when the parser gives the infinitive another controller: "urged both sides to sign" (object control) is
  // the sides' signing, even when "both sides" names no one the resolver knows.
  const h0 = p.s.head[p.t]!;
  const urging = h0 >= 0 && (VERBS.get(p.s.toks[h0]!.lemma) ?? []).some((e) => e.class === "URGE");
  const otherController = urging && ekidsOf(p.s, p.t, /^nsubj:xsubj$/).some((k) => !ekidsOf(p.s, h0, /^nsubj$/).includes(k));
  if (!out.length && !otherController && p.pos === "verb" && /^(xcomp|advcl)/.test(p.s.rel[p.t]!) && !ekidsOf(p.s, p.t, /^nsubj(:pass)?$/).length) {
    const h = p.s.head[p.t]!;
    if (h >= 0 && p.s.toks[h]!.pos.startsWith("VB")) for (const k of ekidsOf(p.s, h, /^nsubj$/)) for (const a of ctx.res.actors(p.s, k)) if (!out.includes(a)) out.push(a);
  }
  // "has been welcomed in Kyiv": a reaction in a capital, with no one named, is that capital's government's.
  if (!out.length && p.pos === "verb" && (p.cls === "SUPPORT" || p.cls === "REJECT" || p.cls === "OPPOSE") && isPassive(p.s, p.t) && !agentTokens(p).length) {
    for (const k of ekidsOf(p.s, p.t, /^obl:in$/)) {
      const place = ctx.reg.at(p.s.index, k).find((m) => m.entity.type === "Place")?.entity;
      const c = place ? capitalCountry(ctx.reg, place) : undefined;
      if (c) out.push(c);
    }
  }
  return out.filter(isActor);
}

function eventOf(ctx: Ctx, p: Predicate, rule: string, themes?: ThemeRef[]): Event {
  return { cls: p.cls, pred: p, agents: agentsOf(ctx, p), themes: themes ?? themeRefs(p), pol: polarityOf(p.s, p.t), rule, confidence: 0.8, hasSubject: agentTokens(p).length > 0 };
}

function emit(ctx: Ctx, s: Sent, p: Predicate, rule: string): void {
  const a = analyse(s);
  if (a.consumed.has(p.t)) return;
  const inner = a.themesFrom.get(p.t);
  // "declined to rule out military force", "refused to reject it": refusing to refuse rejects nothing.
  if (inner && p.cls === "REJECT" && (inner.cls === "REJECT" || inner.cls === "OPPOSE")) return;
  let themes: ThemeRef[] | undefined;
  if (inner) {
    themes = themeRefs(inner);
    // "stood ready to receive delegations": offering to host guests, with no meeting named, offers the hosting.
    if ((inner.cls === "HOST" || inner.cls === "ATTEND") && (p.cls === "OFFER" || p.cls === "PROPOSE") && (themes.length === 0 || themes.every((r) => ctx.res.actors(s, r.t).length > 0 || G.groupOfPeopleWords.has(s.toks[r.t]!.lemma)))) {
      themes = [{ t: inner.t, via: "xcomp" }];
    }
    // "declined to take part": the proposal or meeting under discussion.
    if (!themes.length) {
      const ev = eventOf(ctx, p, rule, []);
      const current = lastProposal(ctx, s, p.t) ?? meetingAt(ctx, s, p.t);
      if (current) commitEvent(ctx, { ...ev, themeEntities: [current] });
      return;
    }
  }
  const ev = eventOf(ctx, p, rule, themes);
  // "would not join the truce", "joined the coalition": joining what is no meeting is signing up to it.
  if (ev.cls === "ATTEND" && p.pos === "verb" && G.joiningVerbs.has(s.toks[p.t]!.lemma) && ev.themes.length && !ev.themes.some((r) => meetingAt(ctx, s, r.t) || isMeetingHead(s, r.t) || ctx.res.actors(s, r.t).length)) {
    ev.cls = "SUPPORT";
    ev.pred = { ...p, cls: "SUPPORT", negatedModal: "REJECT" };
  }
  if (inner && (inner.cls === "HOST" || inner.cls === "ATTEND")) ev.actAlias = spanText(ctx, s, themeSpan(s, inner.t));
  // "welcomed the delegations to the talks": a host receiving guests, not support.
  if (p.cls === "SUPPORT" && p.s.toks[p.t]!.lemma === "welcome") {
    const guests = ev.themes.flatMap((r) => ctx.res.actors(s, r.t));
    const toMeeting = ekidsOf(s, p.t, /^obl:(to|at)$/).find((k) => meetingAt(ctx, s, k));
    if (guests.length && toMeeting !== undefined) {
      commitEvent(ctx, { ...ev, cls: "HOST", themeEntities: [...guests, meetingAt(ctx, s, toMeeting)!] });
      return;
    }
    // "welcomed the delegations of X and Y", "welcomed his guests": receiving visitors, at the meeting under way.
    if (guests.length && ev.themes.some((r) => G.guestNouns.has(s.toks[r.t]!.lemma))) {
      const current = recentMeeting(ctx, s, p.t);
      commitEvent(ctx, { ...ev, cls: "HOST", themeEntities: current ? [...guests, current] : guests });
      return;
    }
  }
  // "a summit at the White House, where he hosted Zelenskyy": the meeting the where-clause belongs to.
  if (p.cls === "HOST" && s.rel[p.t]!.startsWith("acl:relcl") && kidsOf(s, p.t, "advmod").some((k) => s.toks[k]!.lower === "where")) {
    let x = s.head[p.t]!;
    for (let guard = 0; guard < 3 && x >= 0; guard++) {
      const m = meetingAt(ctx, s, x);
      if (m) {
        ev.themes = [...ev.themes, { t: x, via: "where" }];
        break;
      }
      x = s.head[x]!;
    }
  }
  // "hosted Zelenskyy and European leaders at the White House on Monday", "hosted negotiators in Istanbul in 2022":
  // guests with a place or a date and no meeting word make a meeting of their own.
  if (p.cls === "HOST" && !ev.pol.negated && !ev.pol.hedged && ev.agents.length && !ev.themes.some((r) => meetingAt(ctx, s, r.t)) && !ekidsOf(s, p.t, /^obl:(for|at)$/).some((k) => meetingAt(ctx, s, k))) {
    const guests = ev.themes.flatMap((r) => ctx.res.actors(s, r.t));
    // "convene its Permanent Council": a body that meets is the meeting, not a guest.
    if (guests.length && !guests.some((g) => isMeetingBody(g))) {
      const m = meetingOfHosting(ctx, s, p.t, guests);
      if (m) ev.themes = [...ev.themes, { t: m, via: "hosting" }];
    }
  }
  // "hosted ministers from ASEAN": where the guests come from, wherever the parser hung it.
  if (p.cls === "HOST") for (const k of ekidsOf(s, p.t, /^obl:from$/)) if (ctx.res.actors(s, k).length) ev.themes = [...ev.themes, { t: k, via: "guests" }];
  // A hosting verb with "for talks" hosts the talks as well as its guests.
  if (p.cls === "HOST") {
    const forMeeting = ekidsOf(s, p.t, /^obl:(for|at)$/).map((k) => meetingAt(ctx, s, k)).filter((m): m is Entity => m !== undefined);
    if (forMeeting.length) ev.themes = [...ev.themes, ...ekidsOf(s, p.t, /^obl:(for|at)$/).map((k) => ({ t: k, via: "obl" }))];
  }
  commitEvent(ctx, ev);
}

export const verbalPredicates: Rule = {
  id: "verbal-predicates",
  about: "a verb of the predicate lexicon with its subject or passive agent and its object, preposition or clause",
  cue: lemmaCue(VERBS.keys()),
  apply(ctx, s) {
    for (const p of analyse(s).preds) if (p.pos === "verb" && verbEntries(s, p.t).length) emit(ctx, s, p, "verbal-predicates");
  },
};

export const adjectivalPredicates: Rule = {
  id: "adjectival-predicates",
  about: "'ready to', 'open to', 'committed to', 'fine with': an adjective that offers or supports",
  cue: lemmaCue(ADJECTIVES.keys()),
  apply(ctx, s) {
    for (const p of analyse(s).preds) if (p.pos === "adj") emit(ctx, s, p, "adjectival-predicates");
  },
};

export const nominalPredicates: Rule = {
  id: "nominal-predicates",
  about: "'X's rejection of Y', 'a Cambodian proposal for Y', 'the offer made by X', 'voiced support for Y', 'won backing from X'",
  cue: lemmaCue(NOUNS.keys()),
  apply(ctx, s) {
    for (const p of analyse(s).preds) {
      if (p.pos !== "noun" || analyse(s).consumed.has(p.t)) continue;
      const ev = eventOf(ctx, p, "nominal-predicates");
      if (!ev.agents.length) {
        // No actor of its own; a proposal noun still names a proposal that others may act on.
        continue;
      }
      const h = s.head[p.t]!;
      // "Vienna's proposal won swift backing from Germany": the receiving verb's subject is what is backed.
      if (h >= 0 && RECEIVE_VERBS.has(s.toks[h]!.lemma) && s.rel[p.t] === "obj") {
        ev.themes = ekidsOf(s, h, /^nsubj$/).map((k) => ({ t: k, via: "receiver" }));
      }
      // The governing verb's negation reaches the noun ("did not make an offer").
      if (h >= 0 && polarityOf(s, h).negated && /^(obj|nsubj:pass)/.test(s.rel[p.t]!)) ev.pol.negated = true;
      if (p.generic) {
        // A proposal noun with an actor: what it names is the proposal ("Vienna's proposal", "the AU plan").
        const self = referredProposal(ctx, s, p, ev.agents);
        if (self) {
          commitEvent(ctx, { ...ev, themeEntities: [self] });
          continue;
        }
      }
      if (!ev.themes.length) continue;
      commitEvent(ctx, ev);
    }
  },
};

/** What a proposal noun with an actor names: its "for"-phrase, an earlier proposal of that actor, or itself. */
function referredProposal(ctx: Ctx, s: Sent, p: Predicate, agents: Entity[]): Entity | undefined {
  const themed = themeRefs(p);
  // "the shield remains a Romanian idea": a proposal noun said of something is that thing.
  const subj = ekidsOf(s, p.t, /^nsubj$/)[0];
  if (subj !== undefined && (kidsOf(s, p.t, "cop").length || G.copularVerbs.has(s.toks[s.head[p.t]! >= 0 ? s.head[p.t]! : p.t]!.lemma))) {
    const named = ctx.reg.at(s.index, subj).find((m) => m.entity.type === "Proposal")?.entity ?? (s.toks[subj]!.pos.startsWith("NN") ? proposalFor(ctx, s, subj) : lastProposal(ctx, s, subj));
    return named;
  }
  if (themed.length) {
    const inner = themed[0]!;
    // "Phnom Penh's demand that every soldier be sent home", "Erdogan's offer of new talks in Istanbul": a
    // definite demand or offer of a side restates its proposal.
    const definite = kidsOf(s, p.t, "nmod:poss").length > 0 || kidsOf(s, p.t, "det").some((d) => s.toks[d]!.lower === "the");
    const again = definite ? restated(ctx, s, inner.t, themeSpan(s, inner.t, true), agents) : undefined;
    if (meetingAt(ctx, s, inner.t)) return again;
    const e = again ?? proposalFor(ctx, s, inner.t, { proposer: agents });
    if (e) ctx.reg.mention(e, s, Math.min(p.t, ...kidsOf(s, p.t, /^(amod|compound|nmod:poss|det)$/)), p.t, "nominal");
    return e;
  }
  return proposalFor(ctx, s, p.t, { proposer: agents });
}

export { NOUNS };
