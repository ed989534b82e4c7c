import { addFact, type Ctx } from "../context.ts";
import { type Sent, ekidsOf, kidsOf } from "../doc/doc.ts";
import { type Entity, isActor } from "../entities/registry.ts";
import { agentTokens } from "../events/arguments.ts";
import { recentMeeting } from "../events/commit.ts";
import { isNegatedToken, polarityOf } from "../events/polarity.ts";
import { verbEntries } from "../events/predicates.ts";
import { CLASSES, G } from "../lexicon/index.ts";
import { isMeetingHead, meetingAt, meetingOfNp, meetingOfVerb } from "../meetings.ts";
import { type Rule, always, lemmaCue } from "./rule.ts";

const ATTEND = CLASSES.ATTEND;
const MEET = CLASSES.MEET;

function attended(ctx: Ctx, s: Sent, who: Entity[], meeting: Entity, rule: string, confidence = 0.7): void {
  for (const w of who) {
    if (!isActor(w)) continue;
    addFact(ctx, { type: "ATTENDED", subject: w, object: meeting, sent: s.index, confidence, rule, cameo: ATTEND.cameo, plover: ATTEND.plover });
  }
}

function subjectsOf(ctx: Ctx, s: Sent, v: number): Entity[] {
  const own = ekidsOf(s, v, /^nsubj(:xsubj)?$/).filter((k) => !(s.ekids[v] ?? []).some((a) => a.to === k && a.rel.startsWith("nsubj:pass")));
  const toks = own.length ? own : agentTokens({ s, t: v, cls: "MEET", pos: "verb", themePreps: [], label: s.toks[v]!.lemma });
  const out: Entity[] = [];
  for (const k of toks) for (const e of ctx.res.actors(s, k)) if (!out.includes(e)) out.push(e);
  return out;
}

/**
 * Being at a meeting: "At the session, X tabled a plan", "X told the meeting", "X opened the morning session",
 * "India, which sent an observer to Rome", "X, who was in Berlin for talks with German officials".
 */
export const meetingPresence: Rule = {
  id: "meeting-presence",
  about: "'At the meeting, X said', 'X told the session', 'X opened the session', 'sent an observer to the talks', 'in Berlin for talks'",
  cue: always,
  apply(ctx: Ctx, s: Sent) {
    for (let v = 0; v < s.toks.length; v++) {
      const tok = s.toks[v]!;
      if (!tok.pos.startsWith("VB") && !(tok.pos.startsWith("NNP") && s.rel[v] === "root")) continue;
      if (isNegatedToken(s, v)) continue;
      const subjects = subjectsOf(ctx, s, v);
      if (!subjects.length) continue;
      // "At the session, X ...", "X unveiled the plan after talks in Brasilia", "X discussed it with Y in a phone
      // call": a meeting in an at/during/after-phrase of the clause (or an in-phrase, for a call or talks) was
      // attended by the clause's subject and by those it was with.
      // A verb of attending or hosting says so itself, with its own polarity ("participating in the talks").
      const selfSaid = verbEntries(s, v).some((e) => e.class === "ATTEND" || e.class === "HOST" || e.class === "MEET");
      const future = kidsOf(s, v, "aux").some((k) => G.futureAuxiliaries.has(s.toks[k]!.lower) && s.toks[k]!.lower !== "would");
      for (const k of selfSaid ? [] : ekidsOf(s, v, /^obl:(at|during|after|following|in)$/)) {
        const rel = (s.ekids[v] ?? []).find((a) => a.to === k)?.rel ?? "";
        if (rel === "obl:in" && !G.inMeetingHeads.has(s.toks[k]!.lemma)) continue;
        if (/^obl:(after|following)$/.test(rel) && future) continue;
        // "after two days of talks in Kunming": the talks the measure is of.
        const m = meetingAt(ctx, s, k) ?? kidsOf(s, k, "nmod:of").map((x) => meetingAt(ctx, s, x)).find(Boolean);
        if (!m) continue;
        const partners = ekidsOf(s, v, /^obl:with$/).flatMap((w) => ctx.res.actors(s, w));
        attended(ctx, s, [...subjects, ...partners], m, "meeting-presence/at");
      }
      // "X told the meeting", "X addressed the session", "X opened the morning session", "X joined the afternoon session".
      if (G.presenceVerbs.has(tok.lemma)) {
        for (const k of [...ekidsOf(s, v, /^(obj|iobj|obl:to)$/)]) {
          const m = meetingAt(ctx, s, k);
          if (m) attended(ctx, s, subjects, m, "meeting-presence/told");
        }
      }
      // "sent an observer to Rome", "sent a delegation to the talks".
      if (tok.lemma === "send" && !polarityOf(s, v).negated) {
        const sentWho = ekidsOf(s, v, "obj").some((k) => G.delegateNouns.has(s.toks[k]!.lemma));
        if (sentWho) {
          for (const k of ekidsOf(s, v, /^obl:to$/)) {
            const m = meetingAt(ctx, s, k) ?? (ctx.reg.at(s.index, k).some((x) => x.entity.type === "Place") ? placeMeeting(ctx, s, k) : undefined);
            if (m) attended(ctx, s, subjects, m, "meeting-presence/sent");
          }
        }
      }
    }
    // "The Israeli team is led by X", "X, who leads Thailand's team in Doha", "Hamas is represented by X": the
    // head of a delegation or a side's representative is at the talks under way.
    for (let v = 0; v < s.toks.length; v++) {
      const tok = s.toks[v]!;
      if (!tok.pos.startsWith("VB") || isNegatedToken(s, v)) continue;
      const leads = G.delegationLeadingVerbs.has(tok.lemma);
      if (!leads && !G.representingVerbs.has(tok.lemma)) continue;
      const passive = ekidsOf(s, v, /^nsubj:pass$/);
      const led = passive.length ? passive : ekidsOf(s, v, "obj");
      if (leads && !led.some((k) => G.delegationNouns.has(s.toks[k]!.lemma))) continue;
      const who = (passive.length ? ekidsOf(s, v, /^obl:(by|agent)$/).flatMap((k) => ctx.res.actors(s, k)) : subjectsOf(ctx, s, v)).filter((e) => e.type === "Person");
      if (!who.length) continue;
      const at = ekidsOf(s, v, /^obl:(at|in)$/).map((k) => meetingAt(ctx, s, k)).find(Boolean);
      const m = at ?? recentMeeting(ctx, s, v);
      if (m && m.attrs.planned !== true) attended(ctx, s, who, m, "meeting-presence/delegation", 0.65);
    }
    // "X, who was in Berlin for talks with German officials": the copula with a for-phrase of talks.
    for (let t = 0; t < s.toks.length; t++) {
      if (!isMeetingHead(s, t) || !/^(obl:for|nmod:for)$/.test(s.rel[t]!)) continue;
      const h = s.head[t]!;
      if (h < 0) continue;
      const subjects = [...subjectsOf(ctx, s, h)];
      if (!subjects.length) continue;
      if (polarityOf(s, h).negated) continue;
      const m = meetingAt(ctx, s, t) ?? meetingOfNp(ctx, s, t);
      attended(ctx, s, subjects, m, "meeting-presence/for-talks");
    }
  },
};

/** The meeting held at a place named as a destination ("sent an observer to Rome"). */
function placeMeeting(ctx: Ctx, s: Sent, k: number): Entity | undefined {
  const place = ctx.reg.at(s.index, k).find((x) => x.entity.type === "Place")?.entity;
  if (!place) return undefined;
  return ctx.reg.list("Meeting").find((m) => m.attrs.place === place.key);
}

/**
 * MET_WITH: "X met Y", "X met with Y", "X and Y held a bilateral meeting", "X and Y were brought together",
 * "X held talks with Y". Also the meetings verbs create: "X spoke by phone with Y" is a call both attended,
 * "X and Y will meet in Luanda on March 5" a meeting both will attend.
 */
export const metWith: Rule = {
  id: "met-with",
  about: "'X met Y', 'X and Y held a meeting', 'X held talks with Y', 'X spoke by phone with Y', 'X and Y will meet in Z'",
  cue: lemmaCue(["meet", "hold", "bring", "speak", "talk", "have"]),
  apply(ctx: Ctx, s: Sent) {
    for (let v = 0; v < s.toks.length; v++) {
      const tok = s.toks[v]!;
      if (!tok.pos.startsWith("VB")) continue;
      const pol = polarityOf(s, v);
      if (pol.negated || pol.hedged || pol.pending) continue;
      const future = kidsOf(s, v, /^(aux|mark)$/).some((k) => G.futureAuxiliaries.has(s.toks[k]!.lower) || s.toks[k]!.lower === "to") || /^(xcomp)$/.test(s.rel[v]!);
      if (tok.lemma === "meet") {
        const subjects = subjectsOf(ctx, s, v).filter((e) => e.type === "Person");
        // An object pronoun is never the verb's own subject ("X and Y met him": someone else).
        const others = [...ekidsOf(s, v, "obj"), ...ekidsOf(s, v, /^obl:with$/)].flatMap((k) => ctx.res.actors(s, k)).filter((e) => e.type === "Person" && !subjects.includes(e));
        const place = ekidsOf(s, v, /^obl:(in|at)$/).map((k) => ctx.reg.at(s.index, k).find((m) => m.entity.type === "Place")?.entity).find(Boolean);
        if (!future) {
          for (const a of subjects) for (const b of others) metFact(ctx, s, a, b);
          // "X and Y met", not "X and Y met him" (someone the resolver could not name).
          const unnamedOther = !others.length && ekidsOf(s, v, /^(obj|obl:with)$/).length > 0;
          if (!others.length && subjects.length === 2 && !unnamedOther) metFact(ctx, s, subjects[0]!, subjects[1]!);
          // "X met Y in Cairo last week": a meeting there, which both attended.
          const who = [...subjects, ...others.filter((o) => !subjects.includes(o))];
          // "X and Y met directly for forty minutes": a meeting all the same, named by who met.
          if (who.length >= 2 && !unnamedOther && !meetingAt(ctx, s, v)) attended(ctx, s, who, meetingOfVerb(ctx, s, v, who, "meeting", place), place ? "met-with/place" : "met-with");
        }
        // "X and Y will meet in Luanda": the meeting to come.
        if (future && subjects.length >= 2 && place) {
          const m = meetingOfVerb(ctx, s, v, subjects, "meeting", place);
          attended(ctx, s, subjects, m, "met-with/planned", 0.7);
        }
        continue;
      }
      if (tok.lemma === "bring" && kidsOf(s, v, "compound:prt").some((k) => s.toks[k]!.lower === "together") || (tok.lemma === "bring" && ekidsOf(s, v, /^advmod$/).some((k) => s.toks[k]!.lower === "together"))) {
        const brought = [...ekidsOf(s, v, /^nsubj:pass/), ...ekidsOf(s, v, "obj")].flatMap((k) => [k, ...ekidsOf(s, k, /^conj/)]);
        const actors = [...new Set(brought.flatMap((k) => ctx.res.actors(s, k)))];
        const people = actors.filter((e) => e.type === "Person");
        if (people.length === 2 && !future) metFact(ctx, s, people[0]!, people[1]!);
        // "is hosting a meeting in Geneva, bringing together A, B and C": those brought together attend it.
        const h = s.head[v]!;
        const meeting = h >= 0 ? [...ekidsOf(s, h, /^(obj|nsubj:pass)$/), h].map((k) => meetingAt(ctx, s, k)).find(Boolean) : undefined;
        if (meeting) attended(ctx, s, actors, meeting, "meeting-presence/brought-together", 0.7);
        continue;
      }
      if (tok.lemma === "hold" || tok.lemma === "have") {
        const meetingObj = ekidsOf(s, v, "obj").find((k) => isMeetingHead(s, k));
        if (meetingObj === undefined) continue;
        const subjects = subjectsOf(ctx, s, v);
        const m = meetingAt(ctx, s, meetingObj) ?? meetingOfNp(ctx, s, meetingObj);
        if (!future) {
          attended(ctx, s, subjects, m, "met-with/held");
          const people = subjects.filter((e) => e.type === "Person");
          const withWhom = ekidsOf(s, meetingObj, /^nmod:with$/).concat(ekidsOf(s, v, /^obl:with$/)).flatMap((k) => ctx.res.actors(s, k)).filter((e) => e.type === "Person");
          for (const a of people) for (const b of withWhom) metFact(ctx, s, a, b);
          if (people.length === 2 && !withWhom.length) metFact(ctx, s, people[0]!, people[1]!);
        }
        continue;
      }
      // "Trump and Zelenskyy spoke in private": two people talking together met.
      if ((tok.lemma === "speak" || tok.lemma === "talk") && !future && !ekidsOf(s, v, /^obl:(by|on|over|with|to)$/).length) {
        const people = subjectsOf(ctx, s, v).filter((e) => e.type === "Person");
        if (people.length === 2) metFact(ctx, s, people[0]!, people[1]!);
        continue;
      }
      if ((tok.lemma === "speak" || tok.lemma === "talk") && ekidsOf(s, v, /^obl:(by|on|over)$/).some((k) => G.callModes.has(s.toks[k]!.lower))) {
        const subjects = subjectsOf(ctx, s, v);
        const others = ekidsOf(s, v, /^obl:with$/).flatMap((k) => ctx.res.actors(s, k));
        if (!subjects.length || !others.length) continue;
        const m = meetingOfVerb(ctx, s, v, [...subjects, ...others], "phone call");
        attended(ctx, s, [...subjects, ...others], m, "met-with/call");
      }
    }
  },
};

function metFact(ctx: Ctx, s: Sent, a: Entity, b: Entity): void {
  if (a === b) return;
  addFact(ctx, { type: "MET_WITH", subject: a, object: b, sent: s.index, confidence: 0.75, rule: "met-with", cameo: MEET.cameo, plover: MEET.plover });
}

/** The hosting of guests with a place and no meeting noun ("hosted Russian and Ukrainian negotiators in Istanbul"). */
export function hostedGuests(ctx: Ctx, s: Sent, v: number): Entity | undefined {
  return recentMeeting(ctx, s, v);
}

export { meetingOfNp };
