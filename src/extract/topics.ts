import type { Sentence } from "./text.ts";
import type { Draft, Mention, Registry } from "./registry.ts";
import { MEETINGS, TOPICS, slug, PHRASES } from "./lexicon.ts";
import { firstMatch, nextMatch } from "./scan.ts";
import { findDate } from "./dates.ts";
import type { Sentence as _S } from "./text.ts";

/** Proposals (by topic) and meetings (with participants, place and date). */

export interface TopicFinding {
  /** Meeting key -> proposal key, for planned meetings that are also proposals. */
  plannedProposal: Map<string, string>;
  meetingInfo: Map<string, MeetingInfo>;
}

export interface MeetingInfo {
  participants: string[]; // entity keys
  place?: string; // entity key
  date?: string;
  planned: boolean;
  sent: number;
  /** Sentence where the place was found. */
  placeSent?: number;
  /** The place is a building standing for a state ("the White House"). */
  placeIsBuilding?: boolean;
  evidenceSent: number;
}

const FUTURE = /\b(?:will|would|could|shall|to be held|to be followed|planned|proposed|possible|potential|upcoming|next|future|arrang\w+|invitation|to hold|hold a|lead to|hoped?|seeks?|sought|prepared|agree to)\b/i;
const MODIFIER_WORDS = new Set(MEETINGS.modifiers);
const HEAD_RE = new RegExp("(?<![\\p{L}-])" + MEETINGS.headPattern + "(?![\\p{L}-])", "giu");

const MEET_RE = /\b(?:(?:will|would|could|should|to|may|might|can)\s+(?:first\s+|eventually\s+|soon\s+)?)?meet\b/g;
const PHONED_RE = /\b(he|she|[A-Z][\p{L}-]+)\s+(?:had\s+|has\s+)?(?:phoned|called|telephoned|spoke\s+by\s+phone\s+(?:with|to))\s+/gu;

function capFirst(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function surname(d: Draft): string {
  const parts = d.name.split(/\s+/);
  return d.type === "Person" ? parts[parts.length - 1]! : d.name;
}

export function findTopics(body: string, sentences: Sentence[], reg: Registry, _claimed: unknown, publishedAt?: string): TopicFinding {
  const finding: TopicFinding = { plannedProposal: new Map(), meetingInfo: new Map() };
  findProposals(body, sentences, reg);
  proposalAnaphora(body, sentences, reg);
  findMeetings(body, sentences, reg, finding, publishedAt);
  // Planned meetings became proposals only now: "proposed talks ... welcomed the proposal".
  if (finding.plannedProposal.size) for (const s of sentences) if (ANAPHOR_TEST.test(s.text)) definiteAnaphora(s, reg, true, (_r, i) => sentences[i]?.text ?? "");
  return finding;
}

function sentenceIndexAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = sentences[mid]!;
    if (pos < x.start) hi = mid - 1;
    else if (pos >= x.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function findProposals(body: string, sentences: Sentence[], reg: Registry): void {
  // One scan of the body per topic (cheaper than per sentence); matches are then handled sentence by sentence.
  const bySentence = new Map<number, { t: (typeof TOPICS)[number]; m: RegExpExecArray }[]>();
  for (const t of TOPICS) {
    if (!t.cue.test(body)) continue;
    for (let m = firstMatch(t.re, body); m; m = nextMatch(t.re, body, m)) {
      const si = sentenceIndexAt(sentences, m.index!);
      if (si < 0 || m.index! + m[0].length > sentences[si]!.end) continue;
      const list = bySentence.get(si) ?? [];
      list.push({ t, m });
      bySentence.set(si, list);
    }
  }
  for (const [si, list] of [...bySentence.entries()].sort((a, b) => a[0] - b[0])) {
    const s = sentences[si]!;
    const taken: [number, number][] = [];
    for (const { t, m } of list) {
      {
        let start = m.index!;
        let end = start + m[0].length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        // "settlement" after peace/post-war is a peace deal, not a settlement plan; "peace settlement" matched earlier.
        if (t.topic === "settlements" && /\b(?:peace|post-war|final)\s+$/i.test(body.slice(start - 12, start))) continue;
        // Meeting heads inside "peace talks" are meetings, not peace-deal proposals.
        if (t.topic === "peace-deal" && /talks|process/i.test(m[0])) continue;
        // Topic words used about a person or the past without proposal sense are still kept: the scorer counts mentions of proposals.
        taken.push([start, end]);
        const core = body.slice(start, end);
        // Extend left over adjectives/qualifiers ("strong", "comprehensive", "European", "NATO", "Putin's").
        const left = /((?:(?:[A-Z][\p{L}-]*(?:'s)?|[a-z]+-[a-z]+|strong|comprehensive|final|potential|premature|robust|possible|credible|lasting|durable|new|formal|joint|firm)\s+){1,3})$/u.exec(body.slice(Math.max(s.start, start - 50), start));
        let extStart = start;
        if (left) {
          const words = left[1]!.trim().split(/\s+/);
          let keep = words.length;
          // Do not swallow sentence-initial words or verbs.
          while (keep > 0 && /^(?:The|A|An|Any|Meanwhile|Instead|But|And|On|In)$/.test(words[words.length - keep]!)) keep--;
          const kept = words.slice(words.length - keep);
          if (kept.length) extStart = start - (left[1]!.length - left[1]!.indexOf(kept[0]!)) + (left[1]!.length - left[1]!.trimEnd().length) - (left[1]!.length - left[1]!.trimEnd().length);
          extStart = start - left[1]!.length + left[1]!.indexOf(kept[0] ?? "") ;
          if (!kept.length) extStart = start;
        }
        const right = /^(\s+(?:for|to|in|on|from|of|among|between|with)\s+(?:the\s+)?(?:[A-Z][\p{L}\d-]*|[a-z]+\s+[A-Z][\p{L}\d-]*)(?:\s+(?:countries|soil|region|sides))?)/u.exec(body.slice(end, Math.min(s.end, end + 40)));
        const extEnd = right ? end + right[1]!.length : end;
        const ext = body.slice(extStart, extEnd);
        // "European plans to deploy peacekeeping forces", "European countries are preparing to send troops".
        const ctxQual = t.topic === "peacekeeping" ? /\b(European|NATO|Nato|US|Western|British|French|German)\s+(?:[\w'-]+\s+){0,4}$/.exec(body.slice(Math.max(s.start, extStart - 45), extStart)) : null;
        const qual = qualifier(ext, t.topic) ?? (ctxQual && (t.topic === "peacekeeping") ? slug(ctxQual[1] === "Nato" ? "NATO" : ctxQual[1]!) : undefined);
        // Several kinds of "other" proposal stay apart (a nuclear deal is not a two-state solution).
        const key = `pr:${t.topic}${t.topic === "other" ? ":" + t.name.replace(/\W+/g, "-") : ""}${qual ? ":" + qual : ""}`;
        const d = reg.ensure(key, "Proposal", capFirst(core.replace(/^the\s+/i, "")), start);
        d.attributes.topic = t.topic;
        if (ext !== core) d.aliases.add(ext.replace(/^the\s+/i, ""));
        if (right) d.aliases.add(body.slice(start, extEnd).replace(/^the\s+/i, ""));
        if (left) d.aliases.add(body.slice(extStart, end));
        const prefer = body.slice(start, extEnd);
        if (prefer.length > d.name.length && right && /\b(?:for|in)\b/.test(right[1]!)) {
          d.aliases.add(d.name);
          d.name = capFirst(prefer.replace(/^the\s+/i, ""));
        }
        reg.mention(d, start, end, core.replace(/^the\s+/i, ""), s.index, false);
      }
    }
  }
}

const ANAPHOR_RE = /\b(?:that|this|the|such\s+a|such)\s+(proposal|plan|idea|initiative|offer|pledge|promise|scheme|project|demand|agreement|deal|accord|treaty)\b/gi;
const ANAPHOR_TEST = /\b(?:that|this|the|such)\s+(?:proposal|plan|idea|initiative|offer|pledge|promise|scheme|project|demand)\b/i;
const OWNED_RE = /\b([A-Z][\p{L}'’-]+)'s\s+(?:\w+\s+)?(proposals?|plan|initiative|offer|idea|demands?)\b/gu;

/**
 * "that proposal", "the plan" name the proposal mentioned last; "Putin's proposals" followed by
 * "Those included handing over ..." names the proposal of the next sentence.
 */
function proposalAnaphora(body: string, sentences: Sentence[], reg: Registry): void {
  const proposals = () => reg.mentions.filter((m) => m.type === "Proposal").sort((a, b) => a.start - b.start);
  for (const s of sentences) {
    for (let m = firstMatch(OWNED_RE, s.text); m; m = nextMatch(OWNED_RE, s.text, m)) {
      const at = s.start + m.index!;
      const end = at + m[0].length;
      if (reg.mentions.some((x) => x.type === "Proposal" && x.start <= end && x.end >= at)) continue;
      // The same sentence names it right after ("Putin's plan for a ceasefire"), or the next sentence starts with an anaphor.
      const after = proposals().find((x) => x.sent === s.index && x.start >= end && x.start - end < 25);
      const next = sentences[s.index + 1];
      const nextP = next && /^(?:Those|These|They|It|This|The\s+(?:plan|proposals?|offer))\b/.test(next.text) ? proposals().find((x) => x.sent === next.index) : undefined;
      const target = after ?? nextP;
      if (!target) continue;
      const d = reg.drafts.get(target.key)!;
      reg.mention(d, at, end, m[0], s.index, false);
    }
    definiteAnaphora(s, reg);
  }
}

/** "the proposal", "that plan": the proposal mentioned last (within three sentences), when not already resolved. */
function definiteAnaphora(s: Sentence, reg: Registry, onlyPlannedMeetings = false, sentenceText: (reg: Registry, i: number) => string = () => ""): void {
  for (let m = firstMatch(ANAPHOR_RE, s.text); m; m = nextMatch(ANAPHOR_RE, s.text, m)) {
    const at = s.start + m.index!;
    if (reg.mentions.some((x) => x.type === "Proposal" && x.start <= at && x.end > at)) continue;
    const prev = reg.mentions.filter((x) => x.type === "Proposal" && x.end <= at && x.sent >= s.index - (onlyPlannedMeetings ? 5 : 3)).sort((a, b) => a.start - b.start);
    // A planned meeting is "the proposal" / "the offer" only when the text put it that way ("proposed talks").
    const word = m[1]!.toLowerCase();
    const said = word === "proposal" ? /\bpropos/i : word === "offer" ? /\boffer/i : /$^/;
    const last = onlyPlannedMeetings
      ? prev.filter((x) => x.key.startsWith("pr:summit:m:") && said.test(sentenceText(reg, x.sent))).pop()
      : prev[prev.length - 1];
    if (!last) continue;
    reg.mention(reg.drafts.get(last.key)!, at, at + m[0].length, m[0], s.index, false);
  }
}

/** Distinguishes proposals of one topic by who would carry them out ("NATO troops" vs "US combat troops"). */
function qualifier(phrase: string, topic: string): string | undefined {
  if (/article\s+5/i.test(phrase)) return "article-5";
  if (topic === "territory") {
    if (/referendum/i.test(phrase)) return "referendum";
    const place = /(?<!^)\b([A-Z][\p{L}-]+)/u.exec(phrase.replace(/^\S+\s*/, ""));
    return place && (!PHRASES.has(place[1]!) || PHRASES.get(place[1]!)!.kind === "place") ? slug(place[1]!) : undefined;
  }
  if (topic === "settlements") {
    const named = /\b([A-Z]+\d+[A-Z\d]*|[A-Z]\d+)\b/.exec(phrase);
    if (named) return slug(named[1]!);
    if (/expansion|units|outposts/i.test(phrase)) return "expansion";
    return undefined;
  }
  if (topic !== "peacekeeping" && topic !== "security-guarantees") return undefined;
  for (const w of phrase.split(/[\s-]+/)) {
    if (/^(?:NATO|Nato|US|U\.S\.|European|Western|British|French|German)$/.test(w)) return slug(w === "Nato" ? "NATO" : w);
  }
  return undefined;
}

/** The place of a meeting as an id-like slug; a building standing for a state (the White House) is its capital. */
function placeId(reg: Registry, key: string): string {
  const d = reg.drafts.get(key)!;
  if (d.type === "Country") {
    const capital = [...reg.drafts.values()].find((x) => x.type === "Place" && x.key === "pl:" + slug(String(d.attributes.capital ?? "")));
    return capital ? slug(capital.name) : slug(d.name);
  }
  return slug(d.name);
}

function addMeeting(reg: Registry, finding: TopicFinding, key: string, name: string, s: Sentence, start: number, end: number, info: Omit<MeetingInfo, "sent" | "evidenceSent">): void {
  const d = reg.ensure(key, "Meeting", name, start);
  reg.mention(d, start, end, d.name === name ? name : name, s.index, false);
  const cur = finding.meetingInfo.get(key) ?? { participants: [], planned: info.planned, sent: s.index, evidenceSent: s.index };
  for (const p of info.participants) if (!cur.participants.includes(p)) cur.participants.push(p);
  cur.date ??= info.date;
  cur.place ??= info.place;
  if (!info.planned) cur.planned = false;
  finding.meetingInfo.set(key, cur);
  if (cur.date) d.attributes.date = cur.date;
}

function mentionAt(list: Mention[], pos: number): Mention | undefined {
  return list.find((m) => m.start === pos);
}

/** The mention lies inside a longer person mention ("Kremlin aide Yuri Ushakov" holds "Kremlin"). */
function insidePerson(ments: Mention[], m: Mention): boolean {
  return ments.some((o) => o !== m && o.type === "Person" && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start);
}

/** Meetings named by a verb: "Putin and Zelensky would meet", "Trump called Putin" (a call). */
function verbalMeetings(body: string, s: Sentence, reg: Registry, finding: TopicFinding, publishedAt?: string): void {
  const ments = reg.mentionsIn(s.index);
  const people = ments.filter((m) => m.type === "Person");
  const parties = ments.filter((m) => m.type === "Person" || m.type === "Country");
  const firstPerson = people[0];
  if (/\bmeet\b/.test(s.text)) for (let m = firstMatch(MEET_RE, s.text); m; m = nextMatch(MEET_RE, s.text, m)) {
    const at = s.start + m.index!;
    const before = body.slice(s.start, at);
    const co = /([A-Z][\p{L}-]+)\s+and\s+([A-Z][\p{L}-]+)\s+$/u.exec(before);
    if (!co) continue;
    const a = mentionAt(parties, s.start + co.index!);
    const b = mentionAt(parties, at - co[0].length + co[0].indexOf(co[2]!, co[1]!.length + 4));
    if (!a || !b || a.key === b.key) continue;
    const participants = [a.key, b.key];
    const key = "m:" + [...participants].sort().join("+");
    const planned = /\b(?:will|would|could|should|to|may|might|can)\s/.test(m[0]);
    const end = at + m[0].length + (/^\s+for\s+(?:direct\s+)?talks/.exec(body.slice(at + m[0].length, s.end))?.[0].length ?? 0);
    const name = participants.map((k) => surname(reg.drafts.get(k)!)).join("-") + " meeting";
    // "... would meet in Lima": the place follows.
    const inAt = /^\s+(?:(?:for\s+\w+\s+)?in|at)\s+/.exec(body.slice(end, s.end));
    const where = inAt ? reg.mentionsIn(s.index).find((x) => (x.type === "Place" || x.type === "Country") && (x.start === end + inAt[0].length || x.start === end + inAt[0].length + 4)) : undefined;
    addMeeting(reg, finding, key, name, s, a.start, end, { participants, planned, date: findDate(s.text, publishedAt, planned)?.date, place: where?.key });
    const info = finding.meetingInfo.get(key)!;
    if (where && info.placeSent === undefined) info.placeSent = s.index;
    if (info.place) reg.drafts.get(key)!.attributes.place = placeId(reg, info.place);
    reg.drafts.get(key)!.aliases.add(body.slice(a.start, end));
  }
  if (/phoned|called|spoke by phone/.test(s.text)) for (let m = firstMatch(PHONED_RE, s.text); m; m = nextMatch(PHONED_RE, s.text, m)) {
    const at = s.start + m.index!;
    const who = /^(?:he|she)$/.test(m[1]!) ? firstPerson : mentionAt(parties, at);
    const other = people.find((p) => p.start === at + m[0].length);
    if (!who || !other || who.key === other.key || who.start > at) continue;
    const participants = [who.key, other.key];
    const key = "m:call:" + [...participants].sort().join("+");
    const name = participants.map((k) => surname(reg.drafts.get(k)!)).join("-") + " call";
    addMeeting(reg, finding, key, name, s, at, other.end, { participants, planned: false, date: findDate(s.text, publishedAt, false)?.date });
  }
}

/** What a sentence says about the meetings named in it (worked out once per sentence, at its first meeting word). */
interface MeetingSentenceFacts {
  /** "... took place in", "was held in": the place follows. */
  tookPlaceIn: RegExpExecArray | null;
  future: boolean;
  /** Speaks of the future and not of a meeting that happened. */
  futureHere: boolean;
}

function meetingSentenceFacts(text: string): MeetingSentenceFacts {
  const future = FUTURE.test(text);
  return {
    tookPlaceIn: /\b(?:took|take|taking|takes)\s+place\s+in\s+(?:the\s+)?/i.exec(text) ?? /\b(?:was|were|be|being|is|are)\s+held\s+in\s+(?:the\s+)?/i.exec(text),
    future,
    futureHere: future && !/\b(?:took place|was held|were held|held|met|hosted|ended|began)\b/.test(text),
  };
}

function findMeetings(body: string, sentences: Sentence[], reg: Registry, finding: TopicFinding, publishedAt?: string): void {
  /** The meeting last named with each head word ("conference"), for a later bare "the conference". */
  const lastByHead = new Map<string, string[]>();
  for (const s of sentences) {
    verbalMeetings(body, s, reg, finding, publishedAt);
    const ments = reg.mentionsIn(s.index).filter((m) => m.type !== "Proposal" && m.type !== "Meeting");
    let sentenceFacts: MeetingSentenceFacts | undefined;
    for (let h = firstMatch(HEAD_RE, s.text); h; h = nextMatch(HEAD_RE, s.text, h)) {
      const hStart = s.start + h.index!;
      const hEnd = hStart + h[0].length;
      // "after meeting with Putin" is the verb, not a meeting's name.
      if (/^meeting$/i.test(h[0]) && /\b(?:after|before|while|since|when|by)\s+$/i.test(body.slice(hStart - 8, hStart))) continue;
      // Left modifiers: up to four words (capitalised names, possessives, modifier adjectives, quoted names).
      const leftText = body.slice(Math.max(s.start, hStart - 60), hStart);
      const lm = /((?:(?:'[^']+'|"?[A-Z][\p{L}'’-]*|[a-z]+-[a-z]+|\w+'s|"?(?:trilateral|bilateral|multilateral|direct|technical|extraordinary|emergency|private|disastrous|another|coalition|phone|video|last|first|separate|peace|high-level|leaders'?|ceasefire|security|virtual|military|ministerial|preliminary|formal|informal|exploratory|indirect|border|nuclear))\s+){0,5})"?$/u.exec(leftText);
      let mods = (lm?.[1] ?? "").trim();
      // Drop leading determiners/sentence starters.
      mods = mods.replace(/^(?:(?:The|A|An|Any|Just|Both|Meanwhile|In|On|But)\s+)+/, "");
      let start = mods ? body.lastIndexOf(mods, hStart) : hStart;
      const series = /\b(?:a\s+)?((?:series|round|rounds)\s+of\s+(?:[\w-]+\s+)?)$/.exec(body.slice(Math.max(s.start, start - 30), start));
      if (series) start -= series[1]!.length;
      // Right context: "between X and Y", "with X", "among ...", "in X", "at the X", "on Friday".
      const rightText = body.slice(hEnd, s.end);
      const rm = /^((?:\s+(?:between|with|among|in|at|on|of|late on)\s+(?:the\s+)?(?:[\p{L}'’-]+)(?:\s+(?:and|,)\s*(?:the\s+)?[\p{L}'’-]+)*(?:\s+[A-Z][\p{L}'’-]+)*){0,3})/u.exec(rightText);
      const right = rm?.[1] ?? "";
      const end = hEnd + right.length;
      const phrase = body.slice(start, end);
      const inside = ments.filter((m) => m.start >= start && m.end <= end && !insidePerson(ments, m));
      // "his meeting", "Trump's meeting": the possessor took part.
      const poss = /\b(his|her)\s+(?:\w+\s+){0,2}$/i.exec(body.slice(Math.max(s.start, start - 30), hStart));
      if (poss) {
        // A possessive pronoun refers to the sentence's subject: its first person.
        const who = ments.find((m) => m.type === "Person" && m.end <= start && !insidePerson(ments, m));
        if (who) inside.unshift(who);
      }
      const participants: string[] = [];
      let place: string | undefined;
      let placeName: string | undefined;
      // "... took place in Turkey", "could take place in Hungary": the sentence gives the place.
      const facts = (sentenceFacts ??= meetingSentenceFacts(s.text));
      const tp = facts.tookPlaceIn;
      if (tp) {
        const at = s.start + tp.index! + tp[0].length;
        const pm = ments.find((m) => m.start === at && (m.type === "Place" || m.type === "Country"));
        if (pm) {
          place = pm.key;
          placeName = pm.text.replace(/^the /, "");
        }
      }
      // "Ankara has hosted three rounds of technical talks": the host country is the place.
      let placeFromHost = false;
      const hostRe = place ? null : /\b(?:hosted|hosts|host|hosting)\s+(?:["'\w-]+\s+){0,5}["']?$/i.exec(body.slice(s.start, start));
      if (hostRe && !place) {
        const host = ments.filter((m) => m.type === "Country" && m.end <= s.start + hostRe.index!).pop();
        if (host) {
          place = host.key;
          placeName = host.text;
          placeFromHost = true;
        }
      }
      // "a meeting that saw Trump and Vance ...": the people it saw took part.
      const sawParticipants: string[] = [];
      const saw = /^\s*,?\s*(?:that|which)\s+(?:saw|involved|brought\s+together|included)\s+/.exec(body.slice(end, s.end));
      if (saw) {
        let cur = end + saw[0].length;
        for (const m of ments.filter((x) => x.start >= cur && (x.type === "Person" || x.type === "Country") && !insidePerson(ments, x))) {
          if (!/^\s*(?:,|and|,\s*and)?\s*(?:(?:Vice\s+)?President|Prime\s+Minister|Chancellor)?\s*$/.test(body.slice(cur, m.start)) && cur !== m.start) break;
          sawParticipants.push(m.key);
          cur = m.end;
        }
      }
      for (const m of inside) {
        const d = reg.drafts.get(m.key)!;
        const before = body.slice(Math.max(start, m.start - 8), m.start);
        if (m.type === "Place" || (/\b(?:in|at)\s+(?:the\s+)?$/.test(before) && m.type === "Country") || (m.type === "Country" && PHRASES.get(m.text)?.building)) {
          if (!place || (placeFromHost && m.type === "Place")) {
            place = m.key;
            placeName = m.text.replace(/^the /, "");
            placeFromHost = false;
          }
        } else if (m.type === "Person" || m.type === "Country") {
          // A country inside a capitalised name ("Ukraine Recovery Conference") names the event, it does not attend it.
          if (m.type === "Country" && /^[A-Z]/.test(h[0]) && /^(?:\s+[A-Z][\p{L}-]+)*\s+$/u.test(body.slice(m.end, hStart))) continue;
          if (!participants.includes(d.key)) participants.push(d.key);
        }
      }
      const headWord = h[0].toLowerCase();
      const modWords = phrase.toLowerCase().split(/[^a-z-]+/);
      const trilateral = modWords.some((w) => /^(?:trilateral|three-way)$/.test(w));
      const leftOf = body.slice(s.start, start);
      const aheadHere = /\b(?:will|would|to be|planned|scheduled|due|to\s+host|to\s+hold)\b(?:(?!\b(?:said|told|announced|added)\b)[^.])*$/i.test(leftOf);
      const dateHit = findDate(body.slice(start, end), publishedAt, facts.future, aheadHere) ?? (tp ? findDate(s.text, publishedAt, facts.future) : undefined) ?? findDate(/^["']?,?\s+(?:on|in|late on|last|this|earlier|next)\s/i.test(rightText.slice(0, 40)) ? rightText.slice(0, 40) : "", publishedAt, true, aheadHere);
      const capMods = mods.split(/\s+/).filter((w) => /^[A-Z']/.test(w) && !/'s$/.test(w));
      const named = capMods.filter((w) => !PHRASES.has(w.replace(/'/g, "")) || PHRASES.get(w)?.kind === "place");
      const distinctive = trilateral || participants.length >= 2 || place || dateHit || named.length > 0 || modWords.some((w) => MODIFIER_WORDS.has(w) && w !== "direct" && w !== "peace" && w !== "private");
      // "X hosted the summit", "attended the talks": a definite meeting that someone hosts or attends is an event of its own.
      // (Only matters for a meeting that is not distinctive.)
      const hostedBare = !distinctive && (/\b(?:host(?:ed|s|ing)?|attend(?:ed|s|ing)?|chair(?:ed|s|ing)?|convened?|convening|opened)\s+the\s+$/i.test(body.slice(Math.max(s.start, start - 30), start)) && /^(?:summit|meeting|talks|conference|gathering)$/i.test(h[0]) ||
        // "a ceremony hosted by X": an event with a host.
        /^\s*,?\s*(?:hosted|chaired|convened|organi[sz]ed)\s+by\b/.test(rightText));
      // "the conference" after a named conference earlier in the article is that conference.
      if (!distinctive && !hostedBare && /\bthe\s+$/i.test(body.slice(Math.max(s.start, start - 4), start)) && !mods) {
        // The latest that took place, else the latest planned one.
        const priors = lastByHead.get(h[0].toLowerCase()) ?? [];
        const prior = [...priors].reverse().find((k) => finding.meetingInfo.get(k)?.planned === false) ?? priors[priors.length - 1];
        if (prior && reg.drafts.has(prior)) {
          reg.mention(reg.drafts.get(prior)!, start, end, phrase.replace(/^the\s+/i, ""), s.index, false);
          continue;
        }
      }
      if (!distinctive && !hostedBare && !/series\s+of\s+(?:phone\s+)?calls/i.test(body.slice(start - 12, end))) continue;
      if (/^calls?$/.test(headWord) && !/series of calls|phone call/i.test(body.slice(start - 12, end))) {
        if (participants.length < 1 && !dateHit) continue;
      }
      let key: string;
      let name: string;
      if (trilateral) {
        key = "m:trilateral";
        name = "Trilateral " + (headWord === "talks" ? "talks" : headWord === "meeting" ? "meeting" : "summit");
      } else if (participants.length >= 2) {
        key = "m:" + [...participants].sort().join("+");
        name = participants.map((p) => surname(reg.drafts.get(p)!)).join("-") + " " + headWord;
      } else if (place) {
        key = "m:place:" + place;
        name = (placeName ?? reg.drafts.get(place)!.name) + " " + headWord;
      } else if (named.length) {
        key = "m:named:" + slug(named.join(" ")) + (/coalition/i.test(mods) ? ":" + headWord : "");
        name = capFirst(phrase.replace(/^(?:the|a|an|his|her|their|its)\s+/i, ""));
      } else if (dateHit) {
        key = "m:date:" + dateHit.date;
        name = capFirst(phrase.replace(/^(?:the|a|an|his|her|their|its)\s+/i, ""));
      } else {
        key = "m:mod:" + slug(modWords.filter((w) => MODIFIER_WORDS.has(w)).join(" ") + " " + headWord);
        name = capFirst(phrase.replace(/^(?:the|a|an|his|her|their|its)\s+/i, "").trim());
      }
      const d = reg.ensure(key, "Meeting", name, start);
      lastByHead.set(h[0].toLowerCase(), [...(lastByHead.get(h[0].toLowerCase()) ?? []).filter((k) => k !== key), key]);
      reg.mention(d, start, end, phrase.replace(/^(?:the|a|an|his|her|their|its)\s+/i, ""), s.index, false);
      const info = finding.meetingInfo.get(key) ?? { participants: [], planned: true, sent: s.index, evidenceSent: s.index };
      for (const p of [...participants, ...sawParticipants]) if (!info.participants.includes(p)) info.participants.push(p);
      if (place && !info.place) {
        info.place = place;
        info.placeSent = s.index;
        info.placeIsBuilding = Boolean(placeName && (PHRASES.get(placeName)?.building || PHRASES.get("the " + placeName)?.building));
      }
      if (dateHit && !info.date) info.date = dateHit.date;
      const futureHere = facts.futureHere;
      if (!futureHere) info.planned = false;
      finding.meetingInfo.set(key, info);
      if (info.date) d.attributes.date = info.date;
      if (info.place) d.attributes.place = placeId(reg, info.place);
    }
  }
  // One event named twice: the same place and no conflicting date ("his meeting in Alaska", "the Alaska summit").
  const keys = [...finding.meetingInfo.keys()];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const a = finding.meetingInfo.get(keys[i]!);
      const b = finding.meetingInfo.get(keys[j]!);
      if (!a || !b || !a.place || a.place !== b.place) continue;
      if (a.date && b.date && a.date !== b.date) continue;
      if (keys[i] === "m:trilateral" || keys[j] === "m:trilateral") continue;
      reg.merge(keys[i]!, keys[j]!);
      for (const p of b.participants) if (!a.participants.includes(p)) a.participants.push(p);
      a.date ??= b.date;
      a.planned = a.planned && b.planned;
      finding.meetingInfo.delete(keys[j]!);
      const d = reg.drafts.get(keys[i]!)!;
      if (a.date) d.attributes.date = a.date;
    }
  }
  // The article's main event (its first meeting that took place) is often renamed later: "Monday's gathering",
  // "the multilateral talks". Meetings known only by a modifier, or only by the main event's date, fold into it.
  const mainKey = [...finding.meetingInfo.entries()].filter(([, i]) => !i.planned).sort((a, b) => a[1].sent - b[1].sent)[0]?.[0];
  const main = mainKey ? finding.meetingInfo.get(mainKey) : undefined;
  if (mainKey && main) {
    for (const [k, i] of [...finding.meetingInfo.entries()]) {
      if (k === mainKey || i.planned || i.place || i.participants.length) continue;
      const modOnly = k.startsWith("m:mod:") && !/technical|bilateral|trilateral/.test(k);
      const sameDay = k.startsWith("m:date:") && !main.date && publishedAt && i.date === publishedAt.slice(0, 10);
      if (!modOnly && !sameDay) continue;
      reg.merge(mainKey, k);
      main.date ??= i.date;
      finding.meetingInfo.delete(k);
      if (main.date) reg.drafts.get(mainKey)!.attributes.date = main.date;
    }
  }
  // Planned meetings are also proposals (topic summit), as FORMAT.md's gold does.
  for (const [key, info] of finding.meetingInfo) {
    if (!info.planned) continue;
    const m = reg.drafts.get(key)!;
    const p = reg.ensure("pr:summit:" + key, "Proposal", m.name, m.first);
    p.attributes.topic = "summit";
    for (const a of m.aliases) p.aliases.add(a);
    for (const x of reg.mentions.filter((x) => x.key === key)) reg.mention(p, x.start, x.end, x.text, x.sent, false);
    finding.plannedProposal.set(key, p.key);
  }
}

export type { Mention };
