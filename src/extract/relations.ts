import type { Sentence, Token } from "./text.ts";
import type { Mention, Registry } from "./registry.ts";
import type { Relation, RelationType, Stance, StanceRecord } from "./schema.ts";
import type { TopicFinding } from "./topics.ts";
import { COUNTRIES, CUES, slug, NEGATED_FLIP, READINESS, ROLES, SPEECH_FORMS, VERB_BY_FIRST, VERB_FORMS, escapeRe, type VerbEntry } from "./lexicon.ts";
import { findDate } from "./dates.ts";
import { firstMatch, nextMatch } from "./scan.ts";

/** Relations from verb patterns (subject, verb, object from the sentence's structure) and stances derived from them. */

export interface RelationInput {
  body: string;
  sentences: Sentence[];
  reg: Registry;
  topics: TopicFinding;
  ids: Map<string, string>;
  publishedAt?: string;
}

interface Found {
  subject: string; // entity key
  type: RelationType;
  object: string;
  sent: Sentence;
  confidence: number;
  cameo?: string;
  plover?: string;
  conditional?: boolean;
  /** Support voiced and then qualified in the same sentence ("liked the idea of a ceasefire but ..."). */
  mixed?: boolean;
  objEnd?: number;
}

const NEG_RE = new RegExp("(?:\\b(?:" + CUES.negation.filter((n) => n !== "n't").map(escapeRe).join("|") + ")|n't)(?:\\s+\\w+){0,2}\\s*$", "i");
const DENIAL_RE = new RegExp("\\b(?:" + CUES.denial.map(escapeRe).join("|") + ")\\b", "i");
const HEDGE_RE = new RegExp("\\b(?:" + CUES.hedge.map(escapeRe).join("|") + ")\\b", "i");
const COND_RE = new RegExp("(?:^|\\W)(?:" + CUES.condition.map(escapeRe).join("|") + ")\\b", "i");
const READY_RE = new RegExp("\\b(?:is|are|was|were|remains?|remained|stands?|stood|be|been|still|also)\\s+(?:still\\s+|also\\s+|now\\s+)?(?:" + READINESS.adjectives.join("|") + ")\\s+(?:to|for)\\b", "gi");
const PRONOUN_RE = /\b(?:he|she)\b/gi;
const ACTOR_TYPES = new Set(["Person", "Country", "Organization"]);
const TARGET_TYPES = new Set(["Proposal", "Meeting"]);
const SPEECH_RE = new RegExp("\\b(?:" + [...SPEECH_FORMS].map(escapeRe).join("|") + ")\\b", "i");
const DEMAND_RE = new RegExp("\\b(?:meeting|summit|talks|negotiations)\\s+(?:\\w+\\s+)?(?:" + CUES.conditionalDemand.map(escapeRe).join("|") + ")\\b", "i");
const QUOTE_SPEAKER_RE = /['"’”]\s*,?\s*(?:([A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)?)\s+(?:said|says|added|told)|(?:said|says|added)\s+([A-Z][\p{L}-]+))/u;
const IT_AUX_RE = /\bit\s+(?:would|will|could|has|had|is|was|did|does|must|should|can|may|might)\b/g;

/** The nominalisation pattern needs "'s" and a space (case-insensitive with Unicode folding: s, S or long s). */
const NOMINAL_PRE = /'[sS\u017F]\s/;
const WE_I_RE = /\b(?:we|I)\b/g;
const SAID_SHOULD_RE = /\b(?:said|says|saying|argued|arguing|insisted|insisting)\s+(?:that\s+)?([A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+)?)\s+(?:should|must|ought\s+to|has\s+to|needs?\s+to)\s+/gu;
const GOAL_RE = /\b(?:is|remains|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:objective|goal|priority|aim|ambition)\s+(?:for|of)\s+/g;
const NOMINAL_RE = /\b([\p{L}'’-]+)'s\s+(?:\w+\s+)?(rejection|refusal|proposals?|plan|initiative|invitation|offer|demands?|support|opposition|position|insistence|call)(\s+(?:of|for|to|that)\s+)?/giu;
const MEETING_WORDS = new Set(["peace", "ceasefire", "security", "leaders", "trade"]);
const LIGHT_NOUNS = new Set(["deal", "agreement", "arrangement", "package", "packages", "round", "set", "raft", "wave", "series", "promise", "pledge", "outline", "outlines", "concept", "idea", "prospect", "prospects", "possibility", "notion", "terms", "details", "hopes", "hope", "kind", "sort", "form", "part", "deployment", "proposal", "proposals", "plan", "plans", "offer", "invitation", "call", "calls", "demand", "demands", "support", "backing", "principle", "framework", "version", "scale", "level", "talks", "efforts", "effort", "push", "role", "way", "sort",
  // Nominalisations that introduce the thing itself: "called for the opening of humanitarian corridors".
  "opening", "creation", "establishment", "resumption", "restoration", "introduction", "imposition", "lifting", "extension", "renewal", "launch", "implementation", "adoption", "start", "day", "week", "month"]);
// A new clause with its own named subject (", and Budapest called for ...") also ends the object.
const STOP_OBJECT = /[;:]|\s(?:but|while|although|though|whereas)\s|\.\s|,\s+(?:and|but)\s+(?:the\s+)?[A-Z]/;

/** Token text -> the verb forms whose first word it is (case-insensitive); null when none. Bounded memo of a pure lookup. */
const formsByTokenText = new Map<string, string[] | null>();
function verbFormsStartingWith(text: string): string[] | undefined {
  let forms = formsByTokenText.get(text);
  if (forms === undefined) {
    forms = VERB_BY_FIRST.get(text.toLowerCase()) ?? null;
    if (formsByTokenText.size > 50_000) formsByTokenText.clear();
    formsByTokenText.set(text, forms);
  }
  return forms ?? undefined;
}

/** Verb phrases of the lexicon in a sentence, found token by token (longest phrase first, no overlaps). */
function verbTriggers(body: string, s: Sentence): { 0: string; index: number }[] {
  const out: { 0: string; index: number }[] = [];
  let until = -1;
  for (const t of s.tokens) {
    if (t.start < until) continue;
    const forms = verbFormsStartingWith(t.text);
    if (!forms) continue;
    for (const f of forms) {
      const cand = body.slice(t.start, t.start + f.length);
      if (cand.toLowerCase() !== f) continue;
      const after = body[t.start + f.length];
      if (after && /[\p{L}\p{N}]/u.test(after)) continue;
      if (t.start + f.length > s.end) continue;
      out.push({ 0: cand, index: t.start - s.start });
      until = t.start + f.length;
      break;
    }
  }
  return out;
}

function verbEntries(surface: string): VerbEntry[] {
  return VERB_FORMS.get(surface.toLowerCase()) ?? [];
}

/** What the rules look at in one sentence. The rule helpers below are module functions taking this scope, so no closures are made per sentence. */
interface SentenceScope {
  input: RelationInput;
  body: string;
  reg: Registry;
  s: Sentence;
  all: Mention[];
  actors: Mention[];
  targets: Mention[];
  conditional: boolean;
  add: (f: Found) => void;
  /** Last STOP_OBJECT search: from stopFrom the first stop is at stopAt (-1: none up to the sentence end). */
  stopFrom: number;
  stopAt: number;
}

/**
 * Where the first STOP_OBJECT match at or after pos starts in the sentence (-1: none). The pattern looks at no text before
 * its match, so a search from p0 that found the first stop at q0 also answers every pos in [p0, q0] (and, with no stop
 * found, every pos after p0).
 */
function clauseStop(sc: SentenceScope, pos: number): number {
  if (sc.stopFrom >= 0 && pos >= sc.stopFrom && (sc.stopAt < 0 || pos <= sc.stopAt)) return sc.stopAt;
  const m = STOP_OBJECT.exec(sc.body.slice(pos, sc.s.end));
  sc.stopFrom = pos;
  sc.stopAt = m ? pos + m.index : -1;
  return sc.stopAt;
}

function sentenceSubject(sc: SentenceScope): Mention | undefined {
  const { actors, body, s } = sc;
  return actors.find((m) => {
    // A time adverbial may stand between subject and verb: "Beijing on Thursday condemned ...".
    const adv = /^\s*(?:(?:late\s+|early\s+)?on\s+[A-Z][a-z]+|last\s+(?:week|month|year)|this\s+(?:week|month)|yesterday|today|earlier)\b/.exec(body.slice(m.end, m.end + 30));
    const from = adv ? m.end + adv[0].length : m.end;
    // A possessor ("condemned Russia's attacks") or anything after the clause's first verb is not its subject.
    if (/^'s\b/.test(body.slice(m.end, m.end + 2))) return false;
    if (s.tokens.some((t) => t.end <= m.start && t.pos === "VERB")) return false;
    const next = s.tokens.find((t) => t.start >= from);
    const next2 = next ? s.tokens.find((t) => t.start > next.start) : undefined;
    return (next && (next.pos === "VERB" || next.pos === "AUX")) || (next?.pos === "ADV" && next2 && (next2.pos === "VERB" || next2.pos === "AUX"));
  });
}

function subjectsBefore(sc: SentenceScope, pos: number): Mention[] {
  const { actors, body, s } = sc;
  if (/(?:,\s*|\s)(?:but|and|then)\s+(?:also\s+|then\s+|later\s+)?(?:has\s+|have\s+|had\s+)?$/i.test(body.slice(Math.max(s.start, pos - 25), pos))) {
    const subj = sentenceSubject(sc);
    if (subj && subj.end < pos) return [subj];
    // "The ministers condemned Russia's attacks and called for ...": the shared subject is no entity; the
    // nearest actor is an object of the first verb.
    const nearest = actors.filter((m) => m.end <= pos).pop();
    if (!subj && nearest && /^\s+and\s+(?:also\s+)?$/.test(body.slice(Math.max(s.start, pos - 10), pos).replace(/^.*?(?=\s+and\s)/, "")) && s.tokens.some((t) => t.end <= nearest.start && t.pos === "VERB")) return [];
  }
  // Skip parentheticals between dashes and relative clauses: "X - who ... - urged".
  const left = body.slice(s.start, pos);
  let cut = pos;
  const dash = /\s[-–—]\s[^-–—]*\s[-–—]\s*$/.exec(left) ?? /\s[-–—]\s[^-–—]*$/.exec(left);
  if (dash && /\s[-–—]\s[^-–—]*\s[-–—]\s*$/.test(left)) cut = s.start + dash.index;
  // ", which have been mediating between A and B," is a parenthesis: its actors are not the subject.
  const paren = /,\s*(?:which|who|whose)\b[^,]*,\s*(?:\w+ly\s+)?$/i.exec(body.slice(s.start, cut));
  if (paren) cut = s.start + paren.index;
  const rel = /\b(?:who|which)\s+(?:\w+\s+){0,2}$/i.exec(body.slice(s.start, cut)) ?? /\bthat\s+(?:(?:has|have|had|would|will|is|are|was|were)\s+)?$/i.exec(body.slice(s.start, cut));
  const cands = actors.filter((m) => m.end <= cut && !(m.start >= cut && m.end <= pos) && !/\bAs\s+$/.test(body.slice(Math.max(s.start, m.start - 4), m.start)));
  if (!cands.length) return [];
  let last = cands[cands.length - 1]!;
  // "X, who ... urged": the antecedent acts; "the plan, which Y dismissed": Y acts (an actor stands after "which").
  const relAbs = rel ? s.start + rel.index : -1;
  if (rel && !cands.some((m) => m.start > relAbs)) {
    const before = cands.filter((m) => m.end <= relAbs);
    if (before.length) last = before[before.length - 1]!;
  }
  // A possessor ("Ankara's position") or an object of a preposition is not the subject: look further left.
  const lead = body.slice(s.start, last.start);
  const after = body.slice(last.end, last.end + 3);
  if (/'s?\b/.test(after.slice(0, 2)) && /^'s\s/.test(after)) {
    const alt = cands.filter((m) => m.end <= last.start && !/\b(?:of|from|for|with|to|about|between)\s+(?:the\s+)?$/i.test(body.slice(Math.max(s.start, m.start - 12), m.start)));
    if (alt.length) last = alt[alt.length - 1]!;
  }
  if (/\b(?:of|from|with|to|for|between|against|about|by|on)\s+(?:the\s+)?(?:\w+\s+)?$/i.test(lead.slice(-20)) && last.type !== "Person") {
    const alt = cands.filter((m) => m.end <= last.start && !/\b(?:of|from|with|to|for|between|by)\s+(?:the\s+)?$/i.test(body.slice(Math.max(s.start, m.start - 10), m.start)));
    if (alt.length) last = alt[alt.length - 1]!;
  }
  // A clause with its own (non-entity) subject stands between: "Trump said that the two sides could ...".
  const gap = body.slice(last.end, pos);
  if (/(?:\b(?:that|but|and|while|because|if|when|as|although|though)|[,;:])\s+(?:the|a|an|they|it|we|you|i|this|these|those|any|no|some|such|its|their|his|her)\s+(?:[\w-]+\s+){0,3}$/i.test(gap) && !/\b(?:has|have|had|is|are|was|were)\s+$/.test(gap.slice(0, 0))) return [];
  // Coordinated verbs: "he had called the Russian leader and begun arranging ..." share the first verb's subject.
  if (/^\s+and\s+(?:\w+ly\s+)?(?:has\s+|have\s+|had\s+)?$/.test(gap)) {
    const tokBefore = s.tokens.filter((t) => t.end <= last.start).pop();
    const det = tokBefore && /^(?:the|a|an)$/i.test(tokBefore.text) ? s.tokens.filter((t) => t.end <= tokBefore.start).pop() : tokBefore;
    if (det && (det.pos === "VERB" || det.pos === "AUX")) return subjectsBefore(sc, det.start);
  }
  // Coordination: "Merz and Macron", "Trump and Zelenskyy".
  const out = [last];
  let cur = last;
  for (;;) {
    const prevs = cands.filter((m) => m.end <= cur.start && m.key !== cur.key);
    const p = prevs[prevs.length - 1];
    if (!p) break;
    const between = body.slice(p.end, cur.start);
    if (!/^\s*(?:,|and|,\s*and|&)\s*(?:(?:French|German|British|US|the)\s+)?(?:[A-Z][a-z]+\s+){0,3}$/.test(between) && !/^\s*(?:and)\s*$/.test(between)) break;
    if (!/^\s*(?:,|and|,\s*and)\s*$/.test(between) && !/^\s*and\s+/.test(between)) break;
    out.unshift(p);
    cur = p;
  }
  // "mediate between Kyiv and Moscow, and Budapest called": members after a preposition are its objects, not subjects.
  if (out.length > 1 && /\b(?:between|with|to|from|of|against|for|by|among|and)\s+(?:the\s+)?$/i.test(body.slice(Math.max(s.start, cur.start - 12), cur.start))) return [last];
  return out;
}

function objectsAfter(sc: SentenceScope, pos: number, kind: VerbEntry["object"], limitChars = 140): Mention[] {
  const { actors, targets, all, body, s } = sc;
  const stop = clauseStop(sc, pos);
  const end = pos + Math.min(stop >= 0 ? stop - pos : Math.max(0, s.end - pos), limitChars);
  const pool = (kind === "actor" ? actors : kind === "proposal" || kind === "meeting" ? targets : [...actors, ...targets])
    .filter((m) => m.start >= pos && m.start < end)
    .filter((m) => !(m.type !== "Proposal" && m.type !== "Meeting" && /^'s\b/.test(body.slice(m.end, m.end + 2))))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (!pool.length) return [];
  const first = pool[0]!;
  // A head noun of its own before the target ("rejected claims that the summit ...") means the target is not the object.
  if (kind !== "actor" && (TARGET_TYPES.has(first.type) || kind === "any")) {
    const gapToks = s.tokens.filter((t) => t.start >= pos && t.end <= first.start);
    if (gapToks.some((t) => t.pos === "NOUN" && !/^\d/.test(t.text) && !LIGHT_NOUNS.has(t.text.toLowerCase()) && !MEETING_WORDS.has(t.text.toLowerCase()) && !all.some((m) => m.start <= t.start && m.end >= t.end))) return [];
  }
  const out = [first];
  // Coordinated objects: "hosted Zelenskyy and a group of European allies".
  for (const m of pool.slice(1)) {
    const between = body.slice(out[out.length - 1]!.end, m.start);
    const sameKind = ACTOR_TYPES.has(m.type) === ACTOR_TYPES.has(first.type);
    if (sameKind && /^\s*(?:,|and|or|,\s*and|,\s*or)\s*(?:(?:a|the|several|both)\s+)?(?:group\s+of\s+|number\s+of\s+)?$/i.test(between)) out.push(m);
    else break;
  }
  return out;
}

function emit(sc: SentenceScope, subjects: Mention[], type: RelationType, objectsIn: Mention[], entry: { cameo?: string; plover?: string }, conf: number): void {
  const { actors, targets, body, reg, input, s, conditional, add } = sc;
  // "persuade Russian and Ukrainian leaders": the leaders are the people who lead those countries, when the article names them.
  const objects = objectsIn.map((o) => {
    if (o.type !== "Country" || !/^(?:\s*(?:,|and)\s*[A-Z][\p{L}]+)*\s*(?:leaders?|presidents?)\b/u.test(body.slice(o.end, o.end + 40)) && !/\bleaders?$/.test(o.text)) return o;
    const leader = [...reg.drafts.values()].find((d) => d.type === "Person" && d.attributes.iso3 === o.key.slice(2) && ROLES.leaderRoles.some((r) => String(d.attributes.role ?? "").startsWith(r)));
    return leader ? { ...o, key: leader.key, type: "Person" as const } : o;
  });
  // "a meeting between A and B, to be followed by a trilateral summit": the follow-up is proposed too.
  const lastObj = objects[objects.length - 1];
  if (lastObj?.type === "Meeting" && (type === "PROPOSED" || type === "SUPPORTED")) {
    const follow = targets.find((m) => m.type === "Meeting" && m.start > lastObj.end && /^[,\s]*(?:to\s+be\s+)?followed\s+by\s+(?:a|an|the)?\s*$/i.test(body.slice(lastObj.end, m.start)));
    if (follow) objects.push(follow);
  }
  for (const sub of subjects) for (const ob of objects) {
    if (ob.type === "Meeting" && (type === "PROPOSED" || type === "SUPPORTED" || type === "OFFERED")) {
      const prop = input.topics.plannedProposal.get(ob.key);
      if (prop) {
        add({ subject: sub.key, type, object: prop, sent: s, confidence: conf, cameo: entry.cameo, plover: entry.plover, conditional });
        continue;
      }
    }
    add({ subject: sub.key, type, object: ob.key, sent: s, confidence: conf, cameo: entry.cameo, plover: entry.plover, conditional, objEnd: ob.end });
  }
  // Reported speech: "Trump said Washington would ..." also binds the speaker when the subject is the speaker's own country.
  for (const sub of subjects) {
    if (sub.type !== "Country") continue;
    const speaker = actors.find((m) => {
      if (m.type !== "Person" || m.end > sub.start || sub.start - m.end > 90) return false;
      const words = body.slice(m.end, sub.start).toLowerCase().split(/[^a-z']+/);
      return words.some((w) => SPEECH_FORMS.has(w)) && !actors.some((o) => o.start > m.end && o.end < sub.start && o.key !== m.key);
    });
    if (speaker && reg.drafts.get(speaker.key)?.attributes.iso3 === sub.key.slice(2)) emit(sc, [speaker], type, objects, entry, conf - 0.1);
  }
}

export function findRelations(input: RelationInput): { relations: Relation[]; stances: StanceRecord[] } {
  const { body, sentences, reg } = input;
  const found: Found[] = [];
  // One relation per subject, type and object (the first found wins): subject -> type -> objects seen.
  const seen = new Map<string, Map<string, Set<string>>>();
  const add = (f: Found) => {
    if (f.subject === f.object) return;
    let byType = seen.get(f.subject);
    if (!byType) seen.set(f.subject, (byType = new Map()));
    let objects = byType.get(f.type);
    if (!objects) byType.set(f.type, (objects = new Set()));
    if (objects.has(f.object)) return;
    objects.add(f.object);
    found.push(f);
  };
  let lastPersonSubject: string | undefined;
  const stanceOnly: StanceOnly[] = [];

  for (const s of sentences) {
    const ments = reg.mentionsIn(s.index);
    // Pronouns he/she stand for the nearest person before them (this sentence, else the previous sentence's first person).
    const text = s.text;
    const extra: Mention[] = [];
    for (let p = firstMatch(PRONOUN_RE, text); p; p = nextMatch(PRONOUN_RE, text, p)) {
      const at = s.start + p.index;
      const prev = ments.find((m) => m.type === "Person" && m.end <= at);
      const key = prev?.key ?? lastPersonSubject;
      if (key) extra.push({ key, type: "Person", start: at, end: at + p[0].length, text: p[0], sent: s.index, actor: true });
    }
    // "'We will support ...,' Yilmaz said": we/I inside a quote is the quoted speaker.
    const quoteSpeaker = QUOTE_SPEAKER_RE.exec(text);
    if (quoteSpeaker) {
      const spAt = s.start + quoteSpeaker.index! + quoteSpeaker[0].indexOf(quoteSpeaker[1] ?? quoteSpeaker[2]!);
      const sp = ments.find((m) => m.type === "Person" && m.start <= spAt && m.end > spAt);
      if (sp) for (let w = firstMatch(WE_I_RE, text); w; w = nextMatch(WE_I_RE, text, w)) {
        const at = s.start + w.index!;
        if (at < sp.start) extra.push({ key: sp.key, type: "Person", start: at, end: at + w[0].length, text: w[0], sent: s.index, actor: true });
      }
    }
    if (text.includes("it")) for (let p = firstMatch(IT_AUX_RE, text); p; p = nextMatch(IT_AUX_RE, text, p)) {
      const at = s.start + p.index!;
      const prev = ments.filter((m) => (m.type === "Country" || m.type === "Organization") && m.end <= at && m.actor).pop();
      if (prev) extra.push({ key: prev.key, type: prev.type, start: at, end: at + 2, text: "it", sent: s.index, actor: true });
    }
    // mentionsIn() is already in this order (start, longer first, then insertion), so only added pronouns need a sort.
    const all = extra.length ? [...ments, ...extra].sort((a, b) => a.start - b.start || b.end - a.end) : ments;
    // Outer mentions only: a country inside "Kremlin aide Yuri Ushakov" is not an actor of the sentence.
    const outer = all.filter((m) => !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && (o.end - o.start) > (m.end - m.start) && o.type === "Person"));
    const actors = outer.filter((m) => ACTOR_TYPES.has(m.type) && m.actor);
    const targets = all.filter((m) => TARGET_TYPES.has(m.type));
    const firstPerson = actors.find((m) => m.type === "Person");
    // Every rule of sections 1-3 and the summit condition needs an actor of this sentence as subject, owner or speaker:
    // without one they find nothing, so they are skipped (and the cues only they use are not looked for).
    const hasActors = actors.length > 0;
    const hedged = hasActors && HEDGE_RE.test(text);
    const conditional = hasActors && COND_RE.test(text);

    const sc: SentenceScope = { input, body, reg, s, all, actors, targets, conditional, add, stopFrom: -1, stopAt: -1 };

    // 1. Verb triggers.
    if (hasActors) for (const v of verbTriggers(body, s)) {
      const vStart = s.start + v.index!;
      const vEnd = vStart + v[0].length;
      const entries = verbEntries(v[0]);
      if (!entries.length) continue;
      // Subjects come from actors before the verb, or after "by" in a passive: with neither, nothing can be found.
      if (!actors.some((m) => m.end <= vStart) && !/^\s+by\s+/.test(body.slice(vEnd, s.end))) continue;
      // The trigger must be used as a verb ("the pledge", "talks with" are nouns).
      const tok = s.tokens.find((t) => t.start === vStart);
      if (tok && (tok.pos === "NOUN" || tok.pos === "PROPN") && !/ed$/i.test(tok.text)) continue;
      if (tok && tok.pos === "ADJ" && !/ed$/i.test(tok.text)) continue;
      // Right after another verb, an -s form is that verb's object ("rejected calls for ...").
      let prevTok: Token | undefined;
      for (const t of s.tokens) if (t.end <= vStart) prevTok = t;
      if (prevTok && prevTok.pos === "VERB" && /s$/i.test(v[0].split(" ")[0]!) && !/ss$/i.test(v[0].split(" ")[0]!)) continue;
      // After a determiner or particle it is a noun ("give up hopes", "the pledge").
      if (/\b(?:the|a|an|of|up|its|their|his|her|whose|our|my|your)\s+$/i.test(body.slice(Math.max(s.start, vStart - 8), vStart)) && !/ed$/i.test(v[0])) continue;
      // "a planned arms sale", "the proposed truce": a participle after an article is an adjective.
      if (/\b(?:a|an|the)\s+$/i.test(body.slice(Math.max(s.start, vStart - 5), vStart)) && /ed$/i.test(v[0]) && !v[0].includes(" ")) continue;
      // Only the last words before the verb matter for these cues (and short strings keep the anchored regexes cheap).
      const leftText = body.slice(Math.max(s.start, vStart - 120), vStart);
      // Inside "urged X to <verb> ...", the verb belongs to the one urged and is reported as URGED + the proposal.
      if (/\b(?:urg\w+|ask\w*|press\w*|call\w* on|persuad\w+|push\w*)\s+[^,.;]{1,40}\bto\s+[^,.;]{0,40}$/i.test(leftText)) continue;
      // Speculation about someone else ("Russia might accept ...") is not their position.
      if (/\b(?:might|may|could)\s+(?:\w+ly\s+)?$/i.test(leftText) && entries.every((e) => e.type === "SUPPORTED")) continue;
      const negated = NEG_RE.test(leftText) || /\bno\s+(?:party|one|country|side)\b[^,]*$/i.test(leftText);
      // Passive: "was rejected by X".
      const participle = /ed$|en$|^(?:put|set|laid|drawn|made|given|held|sent|brought)\b/.test(v[0]);
      // Also a reduced relative: "the conference, attended by X and Y", "a plan backed by France".
      const passive = participle && (/\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$/i.test(leftText) || (/(?:,|\w)\s*$/.test(leftText) && /^\s+by\s/.test(body.slice(vEnd, vEnd + 4)) && !/\b(?:was|were|is|are|has|have|had)\s+\w+\s*$/.test(leftText) && (/,\s*$|\b(?:summit|meeting|talks|conference|ceremony|plan|proposal|deal|offer|initiative|ceasefire|truce)\s*$/i.test(leftText) || s.tokens.find((t) => t.end <= vStart && t.end >= vStart - 1)?.pos === "NOUN")));
      const byAgent = passive ? /^\s+by\s+/.exec(body.slice(vEnd, s.end)) : null;
      for (const e of entries) {
        if (e.type === "NEGATED_ONLY" && !negated) continue;
        // "preparing to send troops": the governing verb ("preparing") carries the relation.
        if (e.plover === "AID" && /\bto\s+$/i.test(leftText)) continue;
        let type = e.type as RelationType;
        let entry: { cameo?: string; plover?: string } = e;
        if (negated) {
          // "has yet to accept", "not yet agreed": still open, neither acceptance nor rejection.
          if (/\byet\s+to\s+(?:\w+\s+)?$|\bnot\s+yet\s+$/i.test(leftText)) continue;
          if (NEGATED_FLIP.forms.has(v[0].toLowerCase())) {
            type = NEGATED_FLIP.type as RelationType;
            entry = NEGATED_FLIP;
          } else continue;
        }
        if (DENIAL_RE.test(leftText.slice(-40))) continue;
        // "insisted it would not allow ...", "suggested Russia might accept ...": the verb reports a clause; the clause's own verb decides.
        if (/^\s+(?:that\s+)?(?:it|he|she|they|we|[A-Z][\p{L}-]+)\s+(?:would|will|could|should|must|might|may|is|was|were|are|has|had|can)\b/u.test(body.slice(vEnd, s.end)) && type !== "URGED") continue;
        // "ready to support": the readiness rule makes it an offer.
        if (/\b(?:ready|open|willing|prepared)\s+to\s+(?:\w+\s+)?$/i.test(leftText) && type !== "REJECTED") continue;
        // "would support", "will help": a promise of future support is an offer.
        if (type === "SUPPORTED" && /\b(?:would|will)\s+$/i.test(leftText) && !/continue/.test(leftText.slice(-20))) type = "OFFERED";
        // "urge X to" needs an actor object; "urged caution against" is opposition (a longer verb entry).
        const conf = (hedged ? 0.6 : 0.8) - (passive ? 0.05 : 0);
        let subjects: Mention[];
        let objects: Mention[];
        if (passive && byAgent) {
          subjects = objectsAfter(sc, vEnd + byAgent[0].length, "actor");
          const tBefore = targets.filter((m) => m.end <= vStart);
          objects = tBefore.length ? [tBefore[tBefore.length - 1]!] : [];
        } else if (passive) {
          continue;
        } else {
          subjects = subjectsBefore(sc, vStart);
          objects = objectsAfter(sc, vEnd, e.object);
          // The proposal may begin with the verb itself ("will send air defence systems").
          if (!objects.length) {
            const own = targets.find((m) => m.start === vStart && m.type === "Proposal");
            if (own) objects = [own];
          }
          // "a peace plan, which Western countries dismissed": the object is what "which" stands for.
          if (!objects.length && e.object !== "actor") {
            const relc = /(?:,\s*|\s)(?:which|that)\s+(?:[\w'-]+\s+){1,5}$/.exec(leftText);
            if (relc) {
              const relAt = vStart - leftText.length + relc.index!;
              const ante = targets.filter((m) => m.end <= relAt && relAt - m.end < 20 && !/[.;:]/.test(body.slice(m.end, relAt))).pop();
              if (ante && subjects.length && subjects[0]!.start > relAt) objects = [ante];
            }
          }
          // "supports Trump's initiative": what that actor proposed last.
          const owned = /^\s+(?:the\s+)?([A-Z][\p{L}'-]+)'s\s+(?:\w+\s+)?(?:initiative|plan|proposals?|offer|idea|push|efforts?)\b/u.exec(body.slice(vEnd, s.end));
          if (owned && (!objects.length || objects[0]!.start > vEnd + owned[0].length)) {
            const owner = all.find((m) => m.start === vEnd + owned[0].indexOf(owned[1]!) && ACTOR_TYPES.has(m.type));
            const theirs = owner ? found.filter((f) => f.subject === owner.key && (f.type === "PROPOSED" || f.type === "OFFERED")) : [];
            const lastSent = theirs[theirs.length - 1]?.sent;
            if (lastSent) {
              const refs = theirs.filter((f) => f.sent === lastSent).map((f) => ({ ...owner!, key: f.object, type: reg.drafts.get(f.object)?.type ?? "Proposal" }) as Mention);
              objects = refs;
            }
          }
        }
        if (type === "URGED") {
          const obj = objectsAfter(sc, vEnd, "actor", 40).filter((m) => body.slice(vEnd, m.start).trim().split(/\s+/).length <= 4);
          if (!obj.length) {
            // "urged allies to increase weapons deliveries": whom is not an entity, what is.
            const inf = /^\s+(?:\w+\s+){1,3}to\s+\w+\s+/.exec(body.slice(vEnd, s.end));
            const what = inf ? objectsAfter(sc, vEnd + inf[0].length - 1, "proposal", 60) : [];
            if (what.length && !/^(?:tell|told|warn)/i.test(v[0])) emit(sc, subjects, "PROPOSED", what.slice(0, 1), { cameo: "020", plover: "REQUEST" }, conf - 0.1);
            continue;
          }
          if (!/^\s*(?:,\s*)?(?:'s\s+\w+\s+)?to\b|^(?:\s+\w+){0,3}\s+to\s/.test(body.slice(obj[obj.length - 1]!.end, obj[obj.length - 1]!.end + 30))) continue;
          if (/^tell|told|warn/i.test(v[0]) && !/^\s+to\b/.test(body.slice(obj[obj.length - 1]!.end, obj[obj.length - 1]!.end + 5))) continue;
          emit(sc, subjects, "URGED", obj, entry, conf);
          // "urged X to halt Y" opposes Y; "urged X to <do> Y" proposes Y.
          const after = body.slice(obj[obj.length - 1]!.end, s.end);
          const inf = /^\s+to\s+(\w+)/.exec(after);
          const tgt = objectsAfter(sc, obj[obj.length - 1]!.end, "proposal");
          if (inf && tgt.length) {
            const stopVerb = /^(?:halt|stop|end|abandon|freeze|drop|scrap|cancel|withdraw|reverse)$/.test(inf[1]!);
            emit(sc, subjects, stopVerb ? "OPPOSED" : "PROPOSED", tgt.slice(0, 1), stopVerb ? { cameo: "110", plover: "DISAPPROVE" } : { cameo: "020", plover: "REQUEST" }, conf - 0.1);
          }
          continue;
        }
        if (type === "MET_WITH") {
          const obj = objectsAfter(sc, vEnd, "actor", 60).filter((m) => m.type === "Person");
          const subs = subjects.filter((m) => m.type === "Person");
          if (obj.length && subs.length) emit(sc, subs, "MET_WITH", obj.slice(0, 1), entry, conf);
          // "X and Y met": a coordinated subject meets itself.
          if (!obj.length && subs.length >= 2) emit(sc, [subs[0]!], "MET_WITH", subs.slice(1), entry, conf);
          continue;
        }
        if (!subjects.length || !objects.length) continue;
        if (type === "HOSTED") {
          // One hosts guests or a meeting, not a proposal ("welcomed the ceasefire proposal" is support).
          objects = objects.filter((o) => o.type !== "Proposal");
          if (!objects.length) continue;
          emit(sc, subjects, "HOSTED", objects, entry, conf);
          // Guests of a hosted summit attended it; the host met the guests.
          // The hosted meeting: one held at the place named after the guests, else one not introduced by "following/after".
          const atPlace = /^[^.;]*?\bat\s+(?:the\s+)?/.exec(body.slice(objects[objects.length - 1]!.end, s.end));
          const placeAt = atPlace ? objects[objects.length - 1]!.end + atPlace[0].length : -1;
          const placeM = atPlace ? all.find((m) => m.start === placeAt || m.start === placeAt - 4) : undefined;
          const byPlace = placeM ? [...input.topics.meetingInfo.entries()].find(([, i]) => i.place === placeM.key)?.[0] : undefined;
          const meeting = byPlace
            ? ({ ...objects[0]!, key: byPlace, type: "Meeting" } as Mention)
            : targets.find((m) => m.type === "Meeting" && !/\b(?:following|after|before|since)\s+(?:[\w']+\s+){0,3}$/i.test(body.slice(s.start, m.start)));
          if (meeting && objects.some((o) => o.type !== "Meeting")) {
            emit(sc, subjects, "HOSTED", [meeting], entry, conf - 0.1);
            emit(sc, subjects, "ATTENDED", [meeting], { cameo: "040", plover: "CONSULT" }, conf - 0.1);
            emit(sc, objects.filter((o) => o.type !== "Meeting"), "ATTENDED", [meeting], { cameo: "040", plover: "CONSULT" }, conf - 0.1);
          }
          const people = objects.filter((o) => o.type === "Person");
          emit(sc, subjects.filter((x) => x.type === "Person"), "MET_WITH", people, { cameo: "040", plover: "CONSULT" }, conf - 0.1);
          continue;
        }
        if (type === "ATTENDED") {
          emit(sc, subjects, "ATTENDED", objects.filter((o) => o.type === "Meeting"), entry, conf);
          continue;
        }
        if ((type === "SUPPORTED" || type === "PROPOSED") && objects[0]?.type === "Meeting" && !input.topics.plannedProposal.has(objects[0].key)) {
          // "hoped Monday's gathering would lead to three-way talks": what is hoped for is the planned meeting.
          const later = targets.find((m) => m.start > objects[0]!.end && input.topics.plannedProposal.has(m.key) && !STOP_OBJECT.test(body.slice(objects[0]!.end, m.start)));
          if (later) objects = [later];
          else continue;
        }
        emit(sc, subjects, type, objects.filter((o) => TARGET_TYPES.has(o.type) || type === "SUPPORTED" || type === "OPPOSED"), entry, conf);
      }
    }

    // 1b. "X said Y should give up Z": the speaker proposes what Y should do.
    if (hasActors) for (let m = firstMatch(SAID_SHOULD_RE, text); m; m = nextMatch(SAID_SHOULD_RE, text, m)) {
      const at = s.start + m.index!;
      const subj = /^saying/i.test(m[0]) ? sentenceSubject(sc) : undefined;
      const speaker = subj ? [subj] : subjectsBefore(sc, at);
      const objs = objectsAfter(sc, at + m[0].length, "proposal", 120);
      if (speaker.length && objs.length) emit(sc, speaker, "PROPOSED", objs.slice(0, 1), { cameo: "020", plover: "REQUEST" }, 0.65);
    }

    // 1c. "Joining NATO is a strategic objective for Kyiv": the one whose goal it is supports it.
    if (hasActors) for (let m = firstMatch(GOAL_RE, text); m; m = nextMatch(GOAL_RE, text, m)) {
      const at = s.start + m.index!;
      const who = objectsAfter(sc, at + m[0].length, "actor", 30);
      const what = targets.filter((t) => t.end <= at).pop();
      if (who.length && what) emit(sc, who.slice(0, 1), "SUPPORTED", [what], { cameo: "051", plover: "SUPPORT" }, 0.6);
    }

    // 1d. Taking part: "<person> said during <meeting>", "<meeting> he joined", "joining <actors> for <meeting>".
    for (const t of targets.filter((x) => x.type === "Meeting" && !input.topics.meetingInfo.get(x.key)?.planned)) {
      const before = body.slice(s.start, t.start);
      if (/\b(?:during|at)\s+(?:a|an|the|another|his|her)?\s*$/i.test(before) && SPEECH_RE.test(before)) {
        const who = actors.filter((a) => a.type === "Person" && a.end <= t.start);
        if (who.length) add({ subject: who[who.length - 1]!.key, type: "ATTENDED", object: t.key, sent: s, confidence: 0.6, cameo: "040", plover: "CONSULT" });
      }
      const rel = /^\s*(?:that|which)?\s*(he|she|they|[A-Z][\p{L}-]+)\s+(?:had\s+|has\s+)?(?:joined|attended)\b/u.exec(body.slice(t.end, s.end));
      if (rel) {
        const who = /^(?:he|she)$/i.test(rel[1]!) ? all.find((a) => a.type === "Person" && a.start >= t.end && a.start <= t.end + rel[0].length) ?? actors.find((a) => a.type === "Person") : actors.find((a) => a.start === t.end + rel[0].indexOf(rel[1]!));
        if (who) add({ subject: who.key, type: "ATTENDED", object: t.key, sent: s, confidence: 0.6, cameo: "040", plover: "CONSULT" });
      }
      const join = /\b(?:joining|joined|join|joins)\s+/i.exec(before);
      if (join) {
        const from = s.start + join.index! + join[0].length;
        const subs = subjectsBefore(sc, s.start + join.index!);
        const guests = actors.filter((a) => a.start >= from && a.end <= t.start);
        for (const g of [...subs, ...guests]) add({ subject: g.key, type: "ATTENDED", object: t.key, sent: s, confidence: 0.6, cameo: "040", plover: "CONSULT" });
      }
      // "holding a series of calls with his Russian, Ukrainian ... counterparts": the holder and the counterparts' countries took part.
      if (/\b(?:holding|held|hold|holds)\s+(?:a\s+)?(?:series\s+of\s+|round\s+of\s+)?$/i.test(before)) {
        const holder = subjectsBefore(sc, s.start + /\b(?:holding|held|hold|holds)\s+(?:a\s+)?(?:series\s+of\s+|round\s+of\s+)?$/i.exec(before)!.index!);
        const tail = body.slice(t.end, s.end);
        const withM = /^[^.;]*?\bwith\s+/.exec(tail);
        const others = withM ? actors.filter((a) => a.start >= t.end + withM[0].length && a.type === "Country" && /^[\s,]*(?:and\s+)?$/.test("")) : [];
        for (const g of [...holder, ...others.filter((o) => /counterparts?|leaders?|officials?/.test(body.slice(o.end, o.end + 60)))]) add({ subject: g.key, type: "ATTENDED", object: t.key, sent: s, confidence: 0.55, cameo: "040", plover: "CONSULT" });
      }
    }

    // 2. Readiness: "X is ready/open to providing Y".
    if (hasActors) for (let r = firstMatch(READY_RE, text); r; r = nextMatch(READY_RE, text, r)) {
      const at = s.start + r.index!;
      if (NEG_RE.test(body.slice(s.start, at + r[0].length - 3))) continue;
      const subjects = subjectsBefore(sc, at);
      const objects = objectsAfter(sc, at + r[0].length, "proposal", 200);
      emit(sc, subjects, "OFFERED", objects.slice(0, 2), READINESS, 0.75);
      // "including the deployment of ...": a second proposal in the same clause.
      const more = targets.filter((m) => m.start > (objects[0]?.end ?? Infinity) && /\bincluding\b/.test(body.slice(objects[0]!.end, m.start)));
      if (more.length) emit(sc, subjects, "OFFERED", more.slice(0, 1), READINESS, 0.7);
    }

    // 3. Nominalisations: "X's rejection of Y", "X's proposal(s)".
    if (hasActors && NOMINAL_PRE.test(text)) for (let n = firstMatch(NOMINAL_RE, text); n; n = nextMatch(NOMINAL_RE, text, n)) {
      const at = s.start + n.index!;
      const owner = actors.find((m) => m.start <= at && m.end >= at + n[1]!.length - 1);
      if (!owner) continue;
      const word = n[2]!.toLowerCase();
      const type: RelationType = /rejection|refusal/.test(word) ? "REJECTED" : /support/.test(word) ? "SUPPORTED" : /opposition/.test(word) ? "OPPOSED" : /offer/.test(word) ? "OFFERED" : "PROPOSED";
      const self = targets.find((m) => m.type === "Proposal" && m.start === at);
      const objects = self ? [self] : n[3] ? objectsAfter(sc, at + n[0].length, "proposal", 60).filter((m) => m.start - (at + n[0].length) < 40) : [];
      if (objects.length) emit(sc, [owner], type, objects.slice(0, 1), { cameo: type === "REJECTED" ? "120" : "020", plover: type === "REJECTED" ? "REJECT" : "REQUEST" }, 0.6);
    }

    // 4. Meetings in the sentence: participants attended; held in their place.
    for (const t of targets.filter((m) => m.type === "Meeting")) {
      const info = input.topics.meetingInfo.get(t.key);
      if (!info) continue;
      if (!info.planned && info.sent === s.index) {
        for (const p of info.participants) add({ subject: p, type: "ATTENDED", object: t.key, sent: s, confidence: 0.6, cameo: "040", plover: "CONSULT" });
        const people = info.participants.filter((p) => p.startsWith("p:"));
        if (people.length === 2) add({ subject: people[0]!, type: "MET_WITH", object: people[1]!, sent: s, confidence: 0.55, cameo: "040", plover: "CONSULT" });
      }
      if (info.place && (info.placeSent ?? info.sent) === s.index) {
        // A building standing for a state (the White House) puts the meeting in that state's capital, when the text names it.
        const pd = reg.drafts.get(info.place);
        const capitalKey = pd?.type === "Country" && pd.attributes.capital ? "pl:" + slug(String(pd.attributes.capital)) : undefined;
        const where = info.placeIsBuilding ? (capitalKey && reg.drafts.has(capitalKey) ? capitalKey : undefined) : info.place;
        if (where) add({ subject: t.key, type: "HELD_IN", object: where, sent: s, confidence: 0.6 });
      }
    }
    // "X said any meeting would have to be prepared ...": a condition put on a summit (a stance, not a relation).
    const demand = hasActors ? DEMAND_RE.exec(text) : null;
    if (demand) {
      const speaker = actors.find((m) => m.type === "Person" && SPEECH_FORMS.has((body.slice(m.end, m.end + 20).trim().split(/\s+/)[0] ?? "").toLowerCase()));
      if (speaker) {
        stanceOnly.push({ actor: speaker.key, topic: "summit", stance: "conditional", sent: s, confidence: 0.6 });
        const iso3 = reg.drafts.get(speaker.key)?.attributes.iso3;
        if (iso3 && reg.drafts.has("c:" + iso3)) stanceOnly.push({ actor: "c:" + iso3, topic: "summit", stance: "conditional", sent: s, confidence: 0.5 });
      }
    }
    if (firstPerson) lastPersonSubject = firstPerson.key;
  }

  // 5. LEADS from titles: a person with a government title leads (represents) that country or organisation.
  const gov = ROLES.governmentRoles.map((r) => r.toLowerCase());
  for (const d of reg.drafts.values()) {
    if (d.type !== "Person") continue;
    const role = String(d.attributes.role ?? "").toLowerCase();
    if (!role || !gov.some((g) => role.includes(g.toLowerCase()))) continue;
    const target = d.attributes.iso3 ? "c:" + d.attributes.iso3 : (d.attributes.org as string | undefined);
    if (!target || !reg.drafts.has(target)) continue;
    // Evidence: the sentence of the titled mention (longer than the bare name), else the first mention.
    const nameLen = d.name.length;
    const m = reg.mentions.find((x) => x.key === d.key && x.text.length > nameLen && x.text.endsWith(d.name.split(" ").pop()!));
    const s = sentences[m?.sent ?? reg.mentions.find((x) => x.key === d.key)?.sent ?? 0];
    if (s) add({ subject: d.key, type: "LEADS", object: target, sent: s, confidence: 0.9 });
  }
  void COUNTRIES;

  const ids = input.ids;
  const relations: Relation[] = [];
  const dateOf = new Map<number, string | undefined>();
  for (const f of found) {
    const subject = ids.get(f.subject);
    const object = ids.get(f.object);
    if (!subject || !object) continue;
    if (!dateOf.has(f.sent.index)) dateOf.set(f.sent.index, findDate(f.sent.text, input.publishedAt, /\b(?:will|would|to be|next|plans?|planned|upcoming)\b/i.test(f.sent.text))?.date);
    const date = f.type === "LEADS" || f.type === "MEMBER_OF" ? undefined : dateOf.get(f.sent.index);
    relations.push({
      subject,
      type: f.type,
      object,
      evidence: f.sent.text,
      confidence: Math.round(Math.max(0.1, Math.min(1, f.confidence)) * 100) / 100,
      span: { start: f.sent.start, end: f.sent.end },
      ...(f.cameo ? { cameo: f.cameo } : {}),
      ...(f.plover ? { plover: f.plover } : {}),
      ...(date ? { date } : {}),
    });
  }
  return { relations, stances: deriveStances(found, stanceOnly, reg, ids, body) };
}

/** Stances: support for what an actor proposed, offered or supported; opposition to what it rejected or opposed. */
interface StanceOnly {
  actor: string;
  topic: string;
  stance: Stance;
  sent: Sentence;
  confidence: number;
}

const SUPPORTING = new Set(["PROPOSED", "OFFERED", "SUPPORTED"]);
const OPPOSING = new Set(["REJECTED", "OPPOSED"]);

function deriveStances(found: Found[], only: StanceOnly[], reg: Registry, ids: Map<string, string>, body: string): StanceRecord[] {
  const acc = new Map<string, { actor: string; topic: string; kinds: Set<Stance>; f: { sent: Sentence; confidence: number } }>();
  for (const f of found) {
    const obj = reg.drafts.get(f.object);
    if (!obj || obj.type !== "Proposal") continue;
    const topic = String(obj.attributes.topic ?? "other");
    let stance: Stance | undefined;
    if (SUPPORTING.has(f.type)) stance = f.conditional ? "conditional" : "support";
    else if (OPPOSING.has(f.type)) stance = "oppose";
    if (!stance) continue;
    // Opposition voiced in the same breath as support for something else ("would support X, but ruled out Y") is mixed.
    if (stance === "oppose" && found.some((g) => g !== f && g.subject === f.subject && g.sent === f.sent && SUPPORTING.has(g.type)) && /\b(?:but|however|while)\b/.test(f.sent.text)) stance = "mixed";
    // Support followed by "but" and nothing else this actor does in the sentence: qualified support.
    if (stance === "support" && f.objEnd !== undefined) {
      const rest = body.slice(f.objEnd, f.sent.end);
      // "..., but declined to say when": a refusal to give details does not qualify the support.
      const butAt = /\bbut\s+(?:\w+\s+)?(?:declined|refused|would\s+not|did\s+not)\s+(?:to\s+)?(?:say|comment|confirm|elaborate|specify|give)\b/.test(rest) ? -1 : rest.search(/\bbut\b/);
      if (butAt >= 0 && !found.some((g) => g !== f && g.sent === f.sent && (SUPPORTING.has(g.type) || OPPOSING.has(g.type)) && (g.objEnd ?? 0) > f.objEnd! + butAt)) stance = "mixed";
    }
    const key = f.subject + "|" + topic;
    const cur = acc.get(key) ?? { actor: f.subject, topic, kinds: new Set<Stance>(), f };
    cur.kinds.add(stance);
    acc.set(key, cur);
  }
  for (const o of only) {
    const key = o.actor + "|" + o.topic;
    const cur = acc.get(key) ?? { actor: o.actor, topic: o.topic, kinds: new Set<Stance>(), f: o };
    cur.kinds.add(o.stance);
    acc.set(key, cur);
  }
  const out: StanceRecord[] = [];
  for (const v of acc.values()) {
    const actor = ids.get(v.actor);
    if (!actor) continue;
    const k = v.kinds;
    const stance: Stance = k.has("mixed")
      ? "mixed"
      : k.has("oppose") && (k.has("support") || k.has("conditional"))
        ? k.has("conditional") ? "conditional" : "mixed"
        : k.has("oppose") ? "oppose" : k.has("conditional") ? "conditional" : "support";
    out.push({ actor, topic: v.topic, stance, evidence: v.f.sent.text, confidence: Math.round(v.f.confidence * 90) / 100, span: { start: v.f.sent.start, end: v.f.sent.end } });
  }
  return out;
}
