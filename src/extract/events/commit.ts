import { addFact, type Ctx } from "../context.ts";
import { type Sent, ekidsOf, kidsOf } from "../doc/doc.ts";
import { type Entity, isActor } from "../entities/registry.ts";
import { ASSET_NOUNS, MEETING_NOUNS, CLASSES, EVENT_NOMINALS, GENERIC_PROPOSAL_NOUNS, MISSION_HEADS, NOT_PROPOSALS, PEOPLE_WORDS, type PredicateClass, SPEECH_VERBS, G } from "../lexicon/index.ts";
import { currentMeeting, isMeetingBody, isMeetingHead, locateMeeting, meetingAt, meetingFromBody, meetingOfNp } from "../meetings.ts";
import { noteProposer, proposalFor, proposalOfMeeting, spanText, themeSpan } from "../proposals.ts";
import { type ThemeRef, themeRefs } from "./arguments.ts";
import { isNegatedToken, type Polarity } from "./polarity.ts";
import { type Predicate, nounPredicate } from "./predicates.ts";

/** An event a rule read from a sentence, before it becomes relations and positions. */
export interface Event {
  cls: PredicateClass;
  pred: Predicate;
  agents: Entity[];
  themes: ThemeRef[];
  /** Resolved theme entities, when the rule resolved them itself. */
  themeEntities?: Entity[];
  pol: Polarity;
  rule: string;
  confidence: number;
  /** The predicate has a subject, whether or not it is an actor. */
  hasSubject?: boolean;
  /** How the text names the offered act ("host any talks"): an alias for the proposal it offers. */
  actAlias?: string;
}

/**
 * Turns an event into relations and positions: negation and hedges cancel it (a volitional negation of a
 * support verb becomes a rejection), themes become proposals, meetings or actors, and a person who reports
 * their own country's or organisation's act ("Budapest would veto it, Szijjarto said") is credited with it too.
 */
export function commitEvent(ctx: Ctx, ev: Event): void {
  if (ctx.trace) ctx.trace(describeEvent(ev));
  let cls = ev.cls;
  const { pol } = ev;
  // Whatever happens to the fact, the proposal it names exists ("has not ruled out a UN mandate" names one).
  if ((pol.pending || pol.negated || pol.hedged) && CLASSES[cls].stance && !ev.themeEntities && ev.agents.length) resolveThemes(ctx, ev, cls);
  if (pol.pending) return;
  // "will not sign any agreement that does not guarantee a permanent end to the war": a demand for what the
  // agreement must guarantee, not the rejection of an agreement.
  if (pol.negated && !ev.themeEntities) {
    const demanded = conditionalDemand(ctx, ev);
    if (demanded) {
      commitEvent(ctx, { ...ev, cls: "PROPOSE", pol: { ...pol, negated: false, volitional: false }, themeEntities: [demanded], rule: `${ev.rule}/demand` });
      return;
    }
  }
  if (pol.negated) {
    if (pol.volitional && ev.pred.negatedModal) cls = ev.pred.negatedModal;
    else {
      // "did not rule out backing it, provided ...": no rejection, but a conditional position.
      if ((cls === "REJECT" || cls === "OPPOSE") && pol.conditional) {
        for (const theme of resolveThemes(ctx, ev, cls)) for (const a of ev.agents) addPosition(ctx, a, theme, "conditional", ev);
      }
      return;
    }
  }
  if (pol.hedged) {
    // "would consider joining the force if ...": a conditional position, not a fact. "Russia might accept it",
    // an insider suggested: speculation about the actor, no position of theirs.
    if ((cls === "SUPPORT" || cls === "OFFER" || cls === "ATTEND") && (pol.considered || pol.conditional)) {
      const themes = resolveThemes(ctx, ev, cls === "ATTEND" ? "SUPPORT" : cls);
      for (const theme of themes) for (const a of ev.agents) addPosition(ctx, a, theme, "conditional", ev);
    }
    return;
  }
  // "will meet next week": a meeting to come, not two people who met.
  if (cls === "MEET" && isFuture(ev.pred.s, ev.pred.t)) return;
  if (!ev.agents.length) {
    // Proposed or offered by someone the sentence does not name (no subject at all, as in a passive without "by"):
    // the proposal still exists for later sentences to refer to.
    if ((cls === "PROPOSE" || cls === "OFFER") && !ev.themeEntities && !ev.hasSubject) resolveThemes(ctx, ev, cls);
    return;
  }
  const themes = ev.themeEntities ?? resolveThemes(ctx, ev, cls);
  if (!themes.length) return;
  const spec = CLASSES[cls];
  const agents = [...ev.agents];
  // A spokesman saying his country will host talks takes a position, but does not host or attend them himself.
  if (cls !== "HOST" && cls !== "ATTEND" && cls !== "MEET") for (const speaker of reportingSpeakers(ctx, ev.pred.s, ev.pred.t, agents)) if (!agents.includes(speaker)) agents.push(speaker);
  for (const agent of agents) {
    for (const theme of themes) {
      if (!validPair(cls, agent, theme)) continue;
      addFact(ctx, {
        type: spec.relation,
        subject: agent,
        object: theme,
        sent: ev.pred.s.index,
        confidence: ev.confidence,
        rule: ev.rule,
        cameo: spec.cameo,
        plover: spec.plover,
        date: typeof theme.attrs.date === "string" && theme.type === "Meeting" ? theme.attrs.date : undefined,
      });
      if (spec.stance) addPosition(ctx, agent, theme, pol.conditional && spec.stance === "support" ? "conditional" : spec.stance, ev);
      // "agreed to a ceasefire", "signed the accord": what "the deal" and "the agreement" later refer to.
      if (theme.type === "Proposal" && G.agreementVerbs.has(ev.pred.s.toks[ev.pred.t]!.lemma) && (cls === "SUPPORT" || cls === "PROPOSE")) theme.attrs.agreed = true;
      if ((cls === "PROPOSE" || cls === "OFFER") && theme.type === "Proposal") {
        noteProposer(theme, agent);
        if (cls === "OFFER") theme.attrs.offered = true;
        if (ev.actAlias) theme.aliases.add(ev.actAlias);
        // "floated as a 'sky shield'": another name of the proposal.
        for (const k of ekidsOf(ev.pred.s, ev.pred.t, /^obl:as$/)) if (ev.pred.s.toks[k]!.pos.startsWith("NN")) theme.aliases.add(spanText(ctx, ev.pred.s, themeSpan(ev.pred.s, k)));
      }
      if ((cls === "HOST" || cls === "ATTEND") && theme.type === "Meeting" && ev.pred.pos === "verb") locateMeeting(ctx, ev.pred.s, ev.pred.t, theme);
      // "Trump hosted Zelensky": a host who received a guest met them (once it has happened).
      if (cls === "HOST" && agent.type === "Person" && theme.type === "Person" && theme !== agent && ev.pred.pos === "verb" && !isFuture(ev.pred.s, ev.pred.t)) {
        addFact(ctx, { type: "MET_WITH", subject: agent, object: theme, sent: ev.pred.s.index, confidence: ev.confidence * 0.8, rule: `${ev.rule}/host-met`, cameo: CLASSES.MEET.cameo, plover: CLASSES.MEET.plover });
      }
      // A host takes part in what it hosts, and so do its guests.
      if (cls === "HOST" && theme.type === "Meeting") {
        addFact(ctx, { type: "ATTENDED", subject: agent, object: theme, sent: ev.pred.s.index, confidence: ev.confidence * 0.8, rule: `${ev.rule}/host-attends`, cameo: CLASSES.ATTEND.cameo, plover: CLASSES.ATTEND.plover });
        for (const guest of themes) {
          if (guest.type === "Meeting" || !isActor(guest) || guest === agent) continue;
          addFact(ctx, { type: "ATTENDED", subject: guest, object: theme, sent: ev.pred.s.index, confidence: ev.confidence * 0.8, rule: `${ev.rule}/guest-attends`, cameo: CLASSES.ATTEND.cameo, plover: CLASSES.ATTEND.plover });
        }
      }
    }
  }
}

function validPair(cls: PredicateClass, agent: Entity, theme: Entity): boolean {
  if (!isActor(agent)) return false;
  switch (cls) {
    case "PROPOSE":
    case "OFFER":
      return theme.type === "Proposal";
    case "SUPPORT":
    case "OPPOSE":
    case "REJECT":
      // A proposal, a meeting that took place, or a person ("backed Zelenskyy", "dismissed the session").
      return theme.type === "Proposal" || theme.type === "Person" || theme.type === "Meeting";
    case "HOST":
      return theme.type === "Meeting" || isActor(theme);
    case "ATTEND":
      return theme.type === "Meeting";
    case "MEET":
      return theme.type === "Person" || theme.type === "Country" || theme.type === "Organization";
    case "URGE":
      return isActor(theme);
  }
}

export function addPosition(ctx: Ctx, actor: Entity, about: Entity, stance: "support" | "oppose" | "conditional" | "mixed", ev: Event): void {
  if (!isActor(actor) || (about.type !== "Proposal" && about.type !== "Meeting")) return;
  const target = about.type === "Meeting" ? proposalOfMeeting(ctx, about) : about;
  ctx.positions.push({ actor, about: target, stance, sent: ev.pred.s.index, rule: ev.rule, cls: ev.cls });
  for (const speaker of reportingSpeakers(ctx, ev.pred.s, ev.pred.t, [actor])) {
    if (speaker !== actor) ctx.positions.push({ actor: speaker, about: target, stance, sent: ev.pred.s.index, rule: `${ev.rule}/speaker`, cls: ev.cls });
  }
}

/** Resolves the theme tokens of an event to the proposals, meetings or actors they name. */
export function resolveThemes(ctx: Ctx, ev: Event, cls: PredicateClass): Entity[] {
  const out: Entity[] = [];
  const { s } = ev.pred;
  for (const ref of ev.themes) {
    for (const e of resolveTheme(ctx, s, ref, cls, ev)) if (!out.includes(e)) out.push(e);
  }
  if (!ev.themes.length && (cls === "ATTEND" || cls === "HOST")) {
    const m = recentMeeting(ctx, s, ev.pred.t);
    if (m) out.push(m);
  }
  // "hosted his counterparts for a day of talks at the naval academy": the talks the guests came for.
  if (cls === "HOST" && ev.pred.pos === "verb" && !out.some((e) => e.type === "Meeting")) {
    for (const k of ekidsOf(s, ev.pred.t, /^obl:for$/)) {
      const of = G.partitiveNouns.has(s.toks[k]!.lemma) ? (ekidsOf(s, k, "nmod:of")[0] ?? k) : k;
      const m = meetingAt(ctx, s, of) ?? (isMeetingHead(s, of) ? meetingOfNp(ctx, s, of) : undefined);
      if (m) out.push(m);
    }
  }
  // "X has rejected" with nothing after it: the proposal just named in the sentence.
  if (!ev.themes.length && ev.pred.pos === "verb" && (cls === "REJECT" || cls === "SUPPORT" || cls === "OPPOSE")) {
    const p = lastProposal(ctx, s, ev.pred.t);
    // "Russia wants its guards to stay. Yerevan has politely declined.": a refusal with nothing after it answers the
    // proposal of the sentence before.
    const before = (m: { sent: number; start: number }) => m.sent === s.index && m.start < s.toks[ev.pred.t]!.start;
    const namedHere = p !== undefined && ctx.reg.list("Proposal").some((q) => q.mentions.some(before));
    const answers = (m: { sent: number }) => cls === "REJECT" && m.sent === s.index - 1 && !namedHere;
    if (p && p.mentions.some((m) => before(m) || answers(m))) out.push(p);
  }
  return out;
}

/** The meeting mentioned in this sentence or the three before it. */
export function recentMeeting(ctx: Ctx, s: Sent, t: number): Entity | undefined {
  const m = currentMeeting(ctx, s, Math.min(t, s.toks.length - 1));
  if (!m) return undefined;
  const last = Math.max(...m.mentions.map((x) => x.sent));
  return s.index - last <= 3 ? m : undefined;
}

function resolveTheme(ctx: Ctx, s: Sent, ref: ThemeRef, cls: PredicateClass, ev: Event): Entity[] {
  const t = ref.t;
  const tok = s.toks[t]!;
  // Coordinated themes each count ("rejected A and B").
  const conj = ref.via === "xcomp" || ref.via === "ccomp" ? [] : ekidsOf(s, t, /^conj/).filter((c) => s.toks[c]!.pos.startsWith("NN"));
  const own = resolveOne(ctx, s, t, ref, cls, ev);
  const rest = conj.flatMap((c) => resolveOne(ctx, s, c, { t: c, via: ref.via }, cls, ev));
  void tok;
  return [...own, ...rest];
}

function resolveOne(ctx: Ctx, s: Sent, t: number, ref: ThemeRef, cls: PredicateClass, ev: Event): Entity[] {
  const tok = s.toks[t]!;
  // "signed on as co-sponsor": of the proposal under discussion.
  if (ref.via === "current") {
    const p = lastProposal(ctx, s, t);
    return p ? [p] : [];
  }
  // "hosted the nine days of talks", "a series of meetings": what is counted.
  if (tok.pos.startsWith("NN") && G.partitiveNouns.has(tok.lemma) && ref.via !== "self") {
    const of = ekidsOf(s, t, "nmod:of")[0];
    if (of !== undefined && of > t) return resolveOne(ctx, s, of, { ...ref, t: of }, cls, ev);
  }
  // "veto any attempt to fund it": what the attempt would act on, when that is a proposal already named.
  if (G.attemptNouns.has(tok.lemma) && ref.via !== "self") {
    const act = kidsOf(s, t, /^(acl|acl:to|xcomp)$/).find((k) => kidsOf(s, k, "mark").some((m) => s.toks[m]!.lower === "to"));
    const obj = act === undefined ? undefined : ekidsOf(s, act, "obj")[0];
    const pronoun = obj !== undefined && G.themePronouns.has(s.toks[obj]!.lower);
    if (obj !== undefined && (pronoun || kidsOf(s, obj, "det").some((d) => s.toks[d]!.lower === "the"))) {
      const target = pronoun ? lastProposal(ctx, s, obj) : proposalFor(ctx, s, obj);
      if (target && target.mentions.some((m) => m.start < s.toks[t]!.start)) return [target];
    }
  }
  // "put forward what Beijing calls a framework of principles": the thing named.
  if (tok.pos.startsWith("VB") && G.namingVerbs.has(tok.lemma)) {
    const objs = ekidsOf(s, t, /^(obj|xcomp)$/);
    const what = objs.find((k) => G.freeRelativePronouns.has(s.toks[k]!.lower));
    const named = objs.find((k) => k !== what && s.toks[k]!.pos.startsWith("NN"));
    if (what !== undefined && named !== undefined) return resolveOne(ctx, s, named, { t: named, via: "obj" }, cls, ev);
  }
  // "floating two ways out of the standoff: a repeat election, or a power-sharing government": the listed ones.
  if (tok.pos.startsWith("NN")) {
    const listed = kidsOf(s, t, /^(dep|appos|acl)$/).filter((k) => k > t && (s.toks[k]!.pos.startsWith("NN") || s.toks[k]!.pos === "VBG") && colonBetween(s, t, k));
    if (listed.length) {
      const out: Entity[] = [];
      // "presented a three-stage roadmap: A, B and C": a single plan made of several items is itself proposed (and
      // what "the roadmap" later refers to); "two options: A, or B" are only the options, "a compromise: X" is X.
      const items = listed.flatMap((k) => [k, ...kidsOf(s, k, "conj")]).length;
      if (GENERIC_PROPOSAL_NOUNS.has(tok.lemma) && tok.pos === "NN" && items >= 2) {
        const whole = proposalFor(ctx, s, t, { proposer: ev.agents });
        if (whole) out.push(whole);
      }
      for (const k of listed) for (const x of [k, ...kidsOf(s, k, "conj")]) for (const e of resolveOne(ctx, s, x, { t: x, via: s.toks[x]!.pos === "VBG" ? "xcomp" : "obj" }, cls, ev)) if (!out.includes(e)) out.push(e);
      if (out.length) return out;
    }
  }
  const wantsActors = cls === "URGE" || cls === "MEET" || cls === "HOST";
  // A meeting named here.
  let meeting = meetingAt(ctx, s, t);
  if (!meeting && isMeetingHead(s, t)) meeting = meetingOfNp(ctx, s, t);
  // "is hosting the round", "attended the session": a definite meeting word is the meeting under way.
  if (!meeting && (cls === "HOST" || cls === "ATTEND") && tok.pos.startsWith("NN") && (MEETING_NOUNS.has(tok.lemma) || MEETING_NOUNS.has(tok.lower)) && kidsOf(s, t, "det").some((d) => /^(the|this|that)$/.test(s.toks[d]!.lower))) {
    meeting = currentMeeting(ctx, s, t);
    if (meeting) ctx.reg.mention(meeting, s, t, t, "nominal");
  }
  // "an emergency session of the Council, which the bloc convened": the meeting the organisation's phrase belongs to.
  if (!meeting && /^nmod/.test(s.rel[t]!) && s.head[t]! >= 0) meeting = meetingAt(ctx, s, s.head[t]!);
  const named = ctx.res.named(s, t);
  if (!meeting && (cls === "HOST" || cls === "ATTEND")) {
    const body = named.find((e) => isMeetingBody(e));
    if (body) meeting = meetingFromBody(ctx, s, t, body);
  }
  if (meeting) {
    if (cls === "HOST" || cls === "ATTEND") return [meeting];
    if (cls === "MEET" || cls === "URGE") return [];
    // Proposing or offering a meeting, or taking a position on one still to come, is about the proposal to meet;
    // dismissing a meeting that took place is about the meeting.
    if (cls === "PROPOSE" || cls === "OFFER" || meeting.attrs.planned === true) return [proposalOfMeeting(ctx, meeting)];
    return [meeting];
  }
  if (cls === "ATTEND") return [];
  // "welcomed the announcement": what the announcing sentence named (a meeting to come or a proposal).
  const verb = EVENT_NOMINALS.get(tok.lemma);
  if (verb && kidsOf(s, t, "det").some((d) => s.toks[d]!.lower === "the")) {
    const named = eventOfVerb(ctx, s, t, verb);
    if (named) return named.type === "Meeting" && (named.attrs.planned === true || cls === "PROPOSE" || cls === "OFFER") ? [proposalOfMeeting(ctx, named)] : [named];
  }
  // Pronouns in a theme position refer to the proposal or meeting under discussion.
  if (tok.pos === "PRP" || tok.pos === "WDT" || tok.pos === "DT") {
    if (G.themePronouns.has(tok.lower)) {
      if (wantsActors && G.pronouns.plural.has(tok.lower)) return ctx.res.actors(s, t);
      if (cls === "HOST") return [];
      const p = lastProposal(ctx, s, t);
      return p ? [p] : [];
    }
    return wantsActors ? ctx.res.actors(s, t) : [];
  }
  const actors = ctx.res.actors(s, t);
  if (actors.length) {
    if (wantsActors || cls === "SUPPORT" || cls === "OPPOSE") return actors.filter((a) => a.type === "Person" || wantsActors);
    // "calling for landlocked Ethiopia to gain access to the Red Sea": the clause about the actor is the proposal.
    const clause = kidsOf(s, t, /^(acl|xcomp|acl:to)$/)[0];
    if (clause !== undefined && (cls === "PROPOSE" || cls === "REJECT")) {
      const p = proposalFor(ctx, s, t, { proposer: ev.agents });
      return p ? [p] : [];
    }
    return [];
  }
  if (wantsActors) return [];
  // "the government" is an actor, "a transitional power-sharing government" a proposal.
  // ... but "any role for the UAE", "a part for Turkey": a place given to an actor is proposed.
  const forActor = kidsOf(s, t, /^nmod(:for)?$/).some((k) => kidsOf(s, k, "case").some((c) => s.toks[c]!.lower === "for") && ctx.res.actors(s, k).length > 0);
  if ((NOT_PROPOSALS.has(tok.lemma) || NOT_PROPOSALS.has(tok.lower)) && !forActor && !kidsOf(s, t, /^(amod|compound)$/).some((k) => !/^(the|its|their|new|current|same)$/.test(s.toks[k]!.lower))) return [];
  // People are not proposals ("wanted its soldiers back"), unless they are a contribution (below).
  if (PEOPLE_WORDS.has(tok.lower) && !(cls === "OFFER" && ASSET_NOUNS.has(tok.lemma))) return [];
  if (tok.pos.startsWith("NN") && isPlace(ctx, s, t)) return [];
  // Contributions to a mission and its personnel stand for the mission: "pledged warships for the mission",
  // "will send a frigate", "would welcome the observers", "will not accept foreign monitors".
  // "the reassurance force", "the Franco-British force": a described mission is the proposal it describes.
  if (ASSET_NOUNS.has(tok.lemma) && MISSION_HEADS.has(tok.lemma) && kidsOf(s, t, "det").some((d) => s.toks[d]!.lower === "the") && kidsOf(s, t, /^(amod|compound)$/).length) {
    const p = proposalFor(ctx, s, t);
    if (p) return [p];
  }
  if (ASSET_NOUNS.has(tok.lemma)) {
    const mission = missionFor(ctx, s, t, ev);
    if (mission) return [mission];
  }
  // "called for a permanent ceasefire to be written into the first phase": the proposal is the clause's subject;
  // "calling for landlocked Ethiopia to gain access to the sea": an actor's subject makes the whole clause the proposal.
  if (ref.via.startsWith("obl") && tok.pos.startsWith("VB")) {
    const subj = ekidsOf(s, t, /^nsubj/)[0];
    if (subj !== undefined) {
      if (ctx.res.actors(s, subj).length) {
        const p = proposalFor(ctx, s, t, { proposer: ev.agents, keepSubject: true });
        return p ? [p] : [];
      }
      return resolveOne(ctx, s, subj, { t: subj, via: "obj" }, cls, ev);
    }
  }
  if ((ref.via === "xcomp" || ref.via === "acl") && tok.pos.startsWith("VB")) {
    const obj = ekidsOf(s, t, "obj")[0];
    // "to run the mission", "to launch the mission formally": the proposal already named.
    if (obj !== undefined) {
      const named = ctx.reg.at(s.index, obj).find((m) => m.entity.type === "Proposal")?.entity;
      if (named) return [named];
      // "proposed to hold the next summit in 2027": holding a meeting to come is the proposal to meet.
      const meeting = G.hostingVerbsOffered.has(tok.lemma) || tok.lemma === "hold" ? meetingAt(ctx, s, obj) : undefined;
      if (meeting) {
        return cls === "PROPOSE" || cls === "OFFER" || meeting.attrs.planned === true ? [proposalOfMeeting(ctx, meeting)] : [meeting];
      }
      const objTok = s.toks[obj]!;
      const definite = kidsOf(s, obj, /^(det|nmod:poss)$/).some((k) => /^(the|this|that|its|their)$/.test(s.toks[k]!.lower));
      if (definite && objTok.pos.startsWith("NN") && !ASSET_NOUNS.has(objTok.lemma)) {
        const known = new Set(ctx.reg.list("Proposal"));
        const p = proposalFor(ctx, s, obj);
        // Only a proposal named before counts here; one this lookup made up is not kept.
        if (p && known.has(p) && p.mentions.some((m) => m.start < s.toks[obj]!.start)) return [p];
        if (p && !known.has(p)) ctx.reg.drop(p);
      }
      // "deploying a ceasefire monitoring mission": setting up a mission proposes the mission.
      if (MISSION_HEADS.has(objTok.lemma) && /^(deploy|establish|create|set|form|launch|send|build|lead|station)$/.test(tok.lemma)) {
        const p = proposalFor(ctx, s, obj, { proposer: ev.agents });
        if (p) return [p];
      }
    }
    if (cls === "OFFER" && obj !== undefined && ASSET_NOUNS.has(s.toks[obj]!.lemma)) {
      const mission = missionFor(ctx, s, obj, ev);
      if (mission) return [mission];
    }
  }
  // "$200 million in food aid": a sum of money is what is offered.
  if (!/^(NN|VB|JJ|CD|\$)/.test(tok.pos)) return [];
  // "wants the monitors gone", "wants Russian troops out": a small clause with its own subject is the proposal whole.
  if (ref.via === "ccomp" && /^(VBN|JJ|RB)$/.test(tok.pos) && !kidsOf(s, t, /^(aux|aux:pass|cop|mark)$/).length && ekidsOf(s, t, /^nsubj/).length) {
    const p = proposalFor(ctx, s, t, { proposer: ev.agents, keepSubject: true });
    return p ? [p] : [];
  }
  // "..., saying it would breach the convention": a reported statement is not a proposal.
  if (tok.pos.startsWith("VB") && SPEECH_VERBS.has(tok.lemma)) return [];
  // "a short truce along the lines of the Egyptian proposal": the proposal it follows.
  const h = s.head[t]!;
  const along = [...kidsOf(s, t, /^nmod:(along|like)$/), ...(h >= 0 && s.rel[t] === "obj" ? ekidsOf(s, h, /^obl:(along|like)$/) : [])];
  for (const k of along) {
    const of = kidsOf(s, k, "nmod:of")[0] ?? (s.toks[k]!.lemma === "line" ? undefined : k);
    if (of === undefined) continue;
    const p = ctx.reg.at(s.index, of).find((m) => m.entity.type === "Proposal")?.entity ?? (GENERIC_PROPOSAL_NOUNS.has(s.toks[of]!.lemma) ? proposalFor(ctx, s, of) : undefined);
    if (p && p.mentions.some((m) => m.start < s.toks[t]!.start)) {
      ctx.reg.mention(p, s, t, t, "nominal");
      return [p];
    }
  }
  // "a Cambodian proposal for an immediate swap": the proposal is the swap; "rejected a call from X to cut the
  // budget": the cut.
  const noun = nounPredicate(s, t);
  if (noun && (noun.generic || noun.cls === "PROPOSE")) {
    const inner = themeRefs(noun)[0];
    if (inner && !meetingAt(ctx, s, inner.t) && !ctx.res.actors(s, inner.t).length) {
      const p = proposalFor(ctx, s, inner.t);
      if (p) return [p];
    }
  }
  // "put forward a joint plan to mediate": an infinitive right after a proposal object describes it.
  const extend = ref.via === "obj" && GENERIC_PROPOSAL_NOUNS.has(tok.lemma) ? kidsOf(s, ev.pred.t, "xcomp").find((k) => k > t && kidsOf(s, k, "mark").some((m) => s.toks[m]!.lower === "to")) : undefined;
  const p = proposalFor(ctx, s, t, { proposer: cls === "PROPOSE" || cls === "OFFER" ? ev.agents : undefined, extend });
  return p ? [p] : [];
}

function colonBetween(s: Sent, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (/^[:—–]$/.test(s.toks[i]!.text)) return true;
  return false;
}

function isPlace(ctx: Ctx, s: Sent, t: number): boolean {
  return ctx.reg.at(s.index, t).some((m) => m.entity.type === "Place" && m.to === t);
}

/** The latest proposal mentioned before token t (for "it", "the idea"). */
export function lastProposal(ctx: Ctx, s: Sent, t: number): Entity | undefined {
  const limit = s.toks[t]!.start;
  let best: Entity | undefined;
  let at = -1;
  for (const p of ctx.reg.list("Proposal")) for (const m of p.mentions) if (m.start < limit && m.start > at) ((at = m.start), (best = p));
  return best;
}

/** The mission a contribution goes to: named with "for"/"to", else the mission under discussion. */
function missionFor(ctx: Ctx, s: Sent, t: number, ev: Event): Entity | undefined {
  const cands = [...ekidsOf(s, t, /^nmod:(for|to)$/), ...ekidsOf(s, ev.pred.t, /^obl:(for|to)$/)];
  for (const c of cands) {
    if (ctx.res.actors(s, c).length) continue;
    if (MISSION_HEADS.has(s.toks[c]!.lemma) || ctx.reg.at(s.index, c).some((m) => m.entity.type === "Proposal")) {
      const p = proposalFor(ctx, s, c);
      if (p) return p;
    }
  }
  const limit = s.toks[t]!.start;
  let best: Entity | undefined;
  let at = -1;
  for (const p of ctx.reg.list("Proposal")) {
    const head = String(p.attrs.head ?? "");
    if (!MISSION_HEADS.has(head) && !/\b(mission|force|operation|coalition|patrol)\b/i.test(p.name)) continue;
    for (const m of p.mentions) if (m.start < limit && m.start > at && s.index - m.sent <= 8) ((at = m.start), (best = p));
  }
  return best;
}

/**
 * The speakers who report an act of their own country or organisation: "Szijjarto said Budapest would veto it",
 * "Germany will send two systems, he said". Only office holders affiliated with one of the agents count.
 */
export function reportingSpeakers(ctx: Ctx, s: Sent, t: number, agents: Entity[]): Entity[] {
  const out: Entity[] = [];
  for (const v of speechVerbsOver(s, t)) {
    for (const subj of ekidsOf(s, v, /^nsubj(:xsubj)?$/)) {
      for (const sp of ctx.res.actors(s, subj)) {
        if (sp.type !== "Person" || agents.includes(sp)) continue;
        const aff = [sp.attrs.country, sp.attrs.org].filter((x): x is string => typeof x === "string");
        if (agents.some((a) => aff.includes(a.key))) out.push(sp);
      }
    }
  }
  return out;
}

/** Speech verbs that report the clause of token t (the clause is their complement, or they are a parenthetical). */
function speechVerbsOver(s: Sent, t: number): number[] {
  const out: number[] = [];
  // Up the tree: the clause is a complement of a speech verb.
  let x = t;
  for (let guard = 0; guard < 6; guard++) {
    const h = s.head[x]!;
    if (h < 0) break;
    if (SPEECH_VERBS.has(s.toks[h]!.lemma) && /^(ccomp|xcomp|parataxis|advcl|dep|obj)/.test(s.rel[x]!)) out.push(h);
    if (/^(conj)/.test(s.rel[x]!) || /^(ccomp|xcomp|parataxis|advcl|dep|obj|acl)/.test(s.rel[x]!) || s.toks[h]!.pos.startsWith("VB") || s.toks[h]!.pos.startsWith("JJ")) x = h;
    else break;
  }
  // Down: a parenthetical "..., he said" attached to the predicate's clause.
  let root = t;
  while (s.head[root]! >= 0 && /^(conj|xcomp|ccomp|advcl|dep)/.test(s.rel[root]!)) root = s.head[root]!;
  for (const k of kidsOf(s, root, /^(parataxis|ccomp|dep)$/)) if (SPEECH_VERBS.has(s.toks[k]!.lemma) && k !== t && !out.includes(k)) out.push(k);
  return out;
}

function describeEvent(ev: Event): string {
  const s = ev.pred.s;
  const flags = Object.entries(ev.pol).filter(([, v]) => v).map(([k]) => k).join(",");
  const themes = ev.themeEntities ? ev.themeEntities.map((e) => e.name) : ev.themes.map((r) => `${r.via}:${s.toks[r.t]!.text}`);
  return `[event] s${s.index} ${ev.rule} ${ev.cls} ${s.toks[ev.pred.t]!.text} agents=[${ev.agents.map((a) => a.name).join("; ")}] themes=[${themes.join("; ")}] ${flags}`;
}

function isFuture(s: Sent, t: number): boolean {
  return kidsOf(s, t, "aux").some((k) => G.futureAuxiliaries.has(s.toks[k]!.lower)) || (s.rel[t] === "xcomp" && kidsOf(s, t, "mark").some((k) => s.toks[k]!.lower === "to"));
}

/** The meeting or proposal named in the latest sentence (up to this one) where the verb occurs. */
function eventOfVerb(ctx: Ctx, s: Sent, t: number, lemma: string): Entity | undefined {
  for (let si = s.index; si >= 0; si--) {
    const sent = ctx.doc.sents[si]!;
    const limit = si === s.index ? t : sent.toks.length;
    for (let v = 0; v < limit; v++) {
      if (sent.toks[v]!.lemma !== lemma || !sent.toks[v]!.pos.startsWith("VB")) continue;
      for (let k = 0; k < sent.toks.length; k++) {
        const e = ctx.reg.at(si, k).find((m) => m.entity.type === "Meeting" || m.entity.type === "Proposal")?.entity;
        if (e) return e;
      }
    }
  }
  return undefined;
}

/** "any agreement that does not guarantee X": the X a negated relative clause on "any"/"no" requires. */
function conditionalDemand(ctx: Ctx, ev: Event): Entity | undefined {
  const s = ev.pred.s;
  for (const ref of ev.themes) {
    if (!kidsOf(s, ref.t, "det").some((d) => G.freeChoiceDeterminers.has(s.toks[d]!.lower))) continue;
    for (const r of kidsOf(s, ref.t, /^acl:relcl/)) {
      if (!isNegatedToken(s, r)) continue;
      const obj = ekidsOf(s, r, "obj").find((k) => s.toks[k]!.pos.startsWith("NN"));
      if (obj !== undefined && ev.agents.length) return proposalFor(ctx, s, obj, { proposer: ev.agents });
    }
  }
  return undefined;
}
