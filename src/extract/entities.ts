import type { Sentence, Token } from "./text.ts";
import { Registry, type Draft } from "./registry.ts";
import { firstMatch, nextMatch } from "./scan.ts";
import leaders from "./lexicons/leaders.json" with { type: "json" };
import { COUNTRIES, DATES, GROUPS, ORGS, PHRASES, PHRASE_RE, PLACE_HEADS, REGION_HEADS, ROLES, SPEECH_FORMS, escapeRe, slug, type PhraseEntry } from "./lexicon.ts";

/** Finds countries, organisations, places, groups and people, and resolves aliases, metonyms and role references. */

const REGION_RE = new RegExp("^\\s+(" + REGION_HEADS.join("|") + ")\\b");
const LOCATIVE = /(?:\b(?:to|in|into|at|from|near|outside|inside|across|around|via|toward|towards)|\b(?:east|west|north|south|outskirts|centre|center) of)\s+(?:the\s+)?$/i;
const MONTHS = new Set(DATES.months.map((m) => m[0]!.toUpperCase() + m.slice(1)));
const WEEKDAYS = new Set(DATES.weekdays.map((m) => m[0]!.toUpperCase() + m.slice(1)));
const TITLE_HEADS = [...ROLES.titleHeads].sort((a, b) => b.split(" ").length - a.split(" ").length);
/** Title heads by their first word, longest first. */
const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const h of TITLE_HEADS) {
  const parts = h.split(" ");
  const list = TITLES_BY_FIRST.get(parts[0]!) ?? [];
  list.push(parts);
  TITLES_BY_FIRST.set(parts[0]!, list);
}
const TITLE_HEAD_SET = new Set(TITLE_HEADS);
const ORG_HEADS = /^(?:Forces|Brigades|Court|Council|Agency|Office|Centre|Center|Organization|Organisation|Association|Ministry|Party|Cluster|Bank|Fund|Committee|Commission|Institute|Foundation|Network|Union|Alliance|Front|Movement|Army|Guard|Watch|Coalition|Times|Post|News|Today|Journal|Eye|Herald|Tribune|Gazette|Press|Agency|Service|Authority|Department|Parliament|Assembly|Congress|Senate|Court|Corps|Brigade|Group|Institute|University|Company|Corporation|Inc\.?)$/;
const NOT_NAME = new Set([
  "The", "A", "An", "And", "But", "Or", "If", "In", "On", "At", "As", "By", "For", "From", "Of", "To", "With", "While", "When", "Where", "Which", "Who", "What", "Why", "How",
  "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "This", "That", "These", "Those", "There", "Here", "Both", "Any", "All", "Some", "No", "Not",
  "Meanwhile", "However", "Instead", "Another", "Last", "Next", "New", "Just", "Since", "After", "Before", "Over", "Under", "According", "Potential", "Mr", "Mrs", "Ms", "Dr",
  "Read", "More", "Sign", "Try", "Our", "Comments", "Related", "Articles", "Explore", "Satellite", "Prisoners", "Organisations", "Organizations", "Israeli", "Western", "European",
  "Allies", "Officials", "Analysts", "Diplomats", "Sources", "Delegates", "Delegations", "Negotiators", "Mediators", "Leaders", "Ministers", "Critics", "Observers", "Residents", "Witnesses", "Protesters", "Lawmakers", "Members", "Experts", "Authorities", "Rebels", "Militants", "Neither", "Either", "Under", "Despite", "Amid", "Following", "Asked", "Speaking",
  "Article", "Oval", "Office", "Telegram", "Twitter", "Facebook", "X", "Earlier", "Later", "Also", "Still", "Yet", "Even", "Only", "Then", "Now", "Today", "Yesterday", "Tomorrow",
]);

interface Ctx {
  body: string;
  sentences: Sentence[];
  reg: Registry;
  /** Character ranges already claimed by a lexicon entity (so names are not taken from them). */
  claimed: { start: number; end: number; entry: PhraseEntry | null; key: string }[];
}

/** Attributes of each country's entity (copied for each document). */
const COUNTRY_ATTRIBUTES = new Map<string, Record<string, unknown>>();
for (const [iso3, c] of COUNTRIES) {
  COUNTRY_ATTRIBUTES.set(iso3, { iso2: c.iso2, iso3: c.iso3, region: c.region, ...(c.capitals[0] ? { capital: c.capitals[0].replace(/ D\.C\.$/, "") } : {}) });
}

function countryDraft(reg: Registry, iso3: string, at: number): Draft {
  const c = COUNTRIES.get(iso3)!;
  const d = reg.ensure("c:" + iso3, "Country", c.name, at);
  d.attributes = { ...COUNTRY_ATTRIBUTES.get(iso3)! };
  return d;
}

function sentenceAt(sentences: Sentence[], pos: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

const COLLECTIVE = new RegExp(
  "^(?:'s)?\\s+(?:(?:[a-z-]+\\s+){0,2})?(" + ROLES.collectiveActors.map(escapeRe).sort((a, b) => b.length - a.length).join("|") + ")\\b",
  "i",
);

function lexiconEntities(ctx: Ctx): void {
  const { body, reg, sentences } = ctx;
  for (let m = firstMatch(PHRASE_RE, body); m; m = nextMatch(PHRASE_RE, body, m)) {
    const text = m[0];
    const start = m.index!;
    const end = start + text.length;
    const entry = PHRASES.get(text);
    const s = sentenceAt(sentences, start);
    if (!entry || !s) continue;
    const before = body.slice(Math.max(s.start, start - 30), start);
    const after = body.slice(end, Math.min(s.end, end + 60));
    // A capitalised word continuing the phrase makes it another name ("Middle East Eye", "Turkiye Today").
    if (/^\s(?:[A-Z][a-z]+)/.test(after) && /^\s(?:Eye|Today|Times|Post|News|Dispatch|Unpacked|Herald|Journal|Review|Insider)\b/.test(after)) continue;
    if (entry.kind === "country") {
      const d = countryDraft(reg, entry.ref, start);
      const withDet = /\bthe\s$/i.test(before) && /^(?:United|Russian|Czech|Dominican|Central|Holy)/.test(text) ? "the " + text : text;
      reg.mention(d, start, end, withDet, s.index, true);
      const coll = COLLECTIVE.exec(after);
      if (coll && /^'s/.test(after)) reg.mention(d, start, end + coll[0].length, text + coll[0], s.index, true);
      ctx.claimed.push({ start, end, entry, key: d.key });
    } else if (entry.kind === "demonym") {
      ctx.claimed.push({ start, end, entry, key: "c:" + entry.ref });
      // "Turkish officials", "the German foreign ministry", "Russian and Ukrainian leaders", "his Russian, ... and French counterparts".
      const listTail = /^(?:\s*(?:,|and|or)\s*(?:[A-Z][a-z]+)\b)*/.exec(after)?.[0] ?? "";
      const coll = COLLECTIVE.exec(after.slice(listTail.length));
      const collNoun = coll?.[1]?.toLowerCase();
      if (coll && collNoun) {
        const tailWords = listTail.match(/[A-Z][a-z]+/g) ?? [];
        if (tailWords.some((w) => PHRASES.get(w)?.kind !== "demonym")) continue;
        const d = countryDraft(reg, entry.ref, start);
        const span = tailWords.length ? end : end + coll[0].length;
        reg.mention(d, start, span, body.slice(start, span), s.index, true);
      }
    } else if (entry.kind === "metonym" || entry.kind === "capital") {
      const locative = LOCATIVE.test(before);
      const acting =
        /^(?:'s\b|\s+(?:has|have|had|is|was|will|would|could|says|said|remains|urged|insisted|rejected|welcomed|[a-z]+ed)\b)/.test(after) ||
        // The one addressed: "urged Washington to", "warned Tokyo against".
        /\b(?:urg|warn|press|ask|accus|blam|criticis|criticiz|call(?:ed|s|ing)? on|told|tell)\w*\s+$/i.test(before);
      if (entry.building && !locative) {
        const d = countryDraft(reg, entry.ref, start);
        const t = /\bthe\s$/i.test(before) && !text.startsWith("the ") ? "the " + text : text;
        reg.mention(d, start, end, t, s.index, true);
      } else if (entry.building) {
        const d = countryDraft(reg, entry.ref, start);
        reg.mention(d, start, end, /^the /.test(text) || !/\bthe\s$/i.test(before) ? text : "the " + text, s.index, false);
      } else if (locative || (entry.kind === "capital" && !acting)) {
        const p = reg.ensure("pl:" + slug(text), "Place", text, start);
        reg.mention(p, start, end, text, s.index, false);
      } else {
        const d = countryDraft(reg, entry.ref, start);
        reg.mention(d, start, end, text, s.index, true);
      }
      ctx.claimed.push({ start, end, entry, key: "c:" + entry.ref });
    } else if (entry.kind === "org") {
      const o = ORGS.get(entry.ref)!;
      const d = reg.ensure("o:" + o.id, "Organization", o.name, start);
      if (o.kind) d.attributes.kind = o.kind;
      reg.mention(d, start, end, text, s.index, true);
      ctx.claimed.push({ start, end, entry, key: d.key });
    } else if (entry.kind === "place") {
      let pEnd = end;
      let name = entry.ref;
      const region = REGION_RE.exec(after);
      if (region && region[1] !== "area") {
        pEnd = end + region[0].length;
        name = text + " " + region[1];
      }
      const pd = reg.ensure("pl:" + slug(name.replace(/ (?:region|oblast|province)$/, "")), "Place", name, start);
      if (name.length > pd.name.length && name.startsWith(pd.name)) {
        pd.aliases.add(pd.name);
        pd.name = name;
      }
      reg.mention(pd, start, pEnd, body.slice(start, pEnd), s.index, false);
      ctx.claimed.push({ start, end: pEnd, entry, key: pd.key });
    }
  }
}

function groupEntities(ctx: Ctx): void {
  for (const g of GROUPS) {
    if (g.words.length && !g.words.some((w) => ctx.body.includes(w))) continue;
    for (let m = firstMatch(g.re, ctx.body); m; m = nextMatch(g.re, ctx.body, m)) {
      const s = sentenceAt(ctx.sentences, m.index!);
      if (!s) continue;
      const d = ctx.reg.ensure("o:" + g.id, "Organization", g.name, m.index!);
      d.attributes = { kind: "group", region: g.region };
      ctx.reg.mention(d, m.index!, m.index! + m[0].length, m[0], s.index, true);
      ctx.claimed.push({ start: m.index!, end: m.index! + m[0].length, entry: null, key: d.key });
    }
  }
}

const capCache = new Map<string, boolean>();
/** Capitalised token (flag set by segment(); computed here for tokens made elsewhere). */
function capTok(t: Token): boolean {
  return t.cap ?? isCap(t.text);
}

function isCap(t: string): boolean {
  let v = capCache.get(t);
  if (v === undefined) {
    v = /^(?:[A-Z][\p{L}'’.-]*|[A-Z]{2,3})$/u.test(t) && !/^[A-Z]{4,}$/.test(t);
    if (capCache.size > 50_000) capCache.clear();
    capCache.set(t, v);
  }
  return v;
}

/** Claimed ranges indexed by character (first claim wins), extended lazily as claims are appended. */
const claimIndex = new WeakMap<Ctx["claimed"], { filled: number; at: Int32Array }>();
function claimedAt(ctx: Ctx, tok: Token) {
  let idx = claimIndex.get(ctx.claimed);
  if (!idx) {
    idx = { filled: 0, at: new Int32Array(ctx.body.length + 1) };
    claimIndex.set(ctx.claimed, idx);
  }
  for (; idx.filled < ctx.claimed.length; idx.filled++) {
    const c = ctx.claimed[idx.filled]!;
    for (let p = c.start; p < c.end && p < idx.at.length; p++) if (!idx.at[p]) idx.at[p] = idx.filled + 1;
  }
  const i = idx.at[tok.start] ?? 0;
  if (!i) return undefined;
  const c = ctx.claimed[i - 1]!;
  if (tok.end <= c.end) return c;
  return ctx.claimed.find((x) => tok.start >= x.start && tok.end <= x.end);
}

/** A run of capitalised name tokens starting at token i (not lexicon entities, not dates). */
const NAME_PARTICLES = new Set(["bin", "bint", "ibn", "al", "el", "van", "von", "der", "de", "da", "dos", "du", "la", "le"]);
/** The empty run, shared (frozen: callers only read runs). */
const NO_RUN: Token[] = Object.freeze([]) as unknown as Token[];

function nameRun(ctx: Ctx, toks: Token[], i: number, max = 4): Token[] {
  // The first token can only open a run if it is capitalised (a particle needs a name before it).
  const first = toks[i];
  if (!first || !capTok(first)) return NO_RUN;
  const run: Token[] = [];
  for (let k = i; k < toks.length && run.length < max; k++) {
    const t = toks[k]!;
    // Lower-case particles inside a name: "Mohammed bin Salman", "Ursula von der Leyen" (never first or last).
    if (run.length && NAME_PARTICLES.has(t.text) && toks[k + 1] && t.start - run[run.length - 1]!.end === 1) {
      let j = k;
      while (toks[j] && NAME_PARTICLES.has(toks[j]!.text)) j++;
      const nt = toks[j];
      if (nt && capTok(nt) && !NOT_NAME.has(nt.text) && !claimedAt(ctx, nt) && nt.start - toks[j - 1]!.end === 1) {
        for (let q = k; q < j; q++) run.push(toks[q]!);
        max += j - k;
        k = j - 1;
        continue;
      }
      break;
    }
    if (!capTok(t) || NOT_NAME.has(t.text) || MONTHS.has(t.text) || WEEKDAYS.has(t.text)) break;
    if (claimedAt(ctx, t)) break;
    if (TITLE_HEAD_SET.has(t.text)) break;
    if (t.text.endsWith(".") && !/^(?:[A-Z]\.)+$/.test(t.text)) break;
    run.push(t);
    if (run.length && toks[k + 1] && ctx.body.slice(t.end, toks[k + 1]!.start).length > 1) break;
  }
  // A trailing organisation word makes it an organisation, not a person.
  if (run.length && ORG_HEADS.test(run[run.length - 1]!.text)) return [];
  // A hyphenated given name split by the tokenizer: "Lai Ching-te", "Kim Jong-un".
  const last = run[run.length - 1];
  if (last) {
    const tail = /^-[a-z]+\b/.exec(ctx.body.slice(last.end, last.end + 12));
    if (tail) run[run.length - 1] = { ...last, text: last.text + tail[0], end: last.end + tail[0].length };
  }
  return run;
}

/** Key used to merge spelling variants of a surname: Zelenskyy / Zelensky, Erdoğan / Erdogan, Ben-Gvir / Ben Gvir. */
const keyCache = new Map<string, string>();
export function nameKey(name: string): string {
  let k = keyCache.get(name);
  if (k === undefined) {
    k = computeNameKey(name);
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(name, k);
  }
  return k;
}

function computeNameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ı/g, "i")
    .replace(/[^a-z]/g, "")
    .replace(/y/g, "i")
    .replace(/(.)\1+/g, "$1")
    .replace(/ei/g, "e")
    .replace(/ii/g, "i");
}

interface LeaderInfo {
  name: string;
  variants?: string[];
  role: string;
  country?: string;
  org?: string;
  /** The family name when it is not the last word ("Wang Yi"). */
  surname?: string;
  /** false: the surname alone is too ambiguous to find the person (it still corefers after a full mention). */
  bareSurname?: boolean;
}
const LEADER_DATA = leaders as { people: LeaderInfo[]; familyNameFirst: string[] };
/** Full names (and variants) of known people, by name key. */
const LEADERS_BY_FULL = new Map<string, LeaderInfo>();
for (const l of LEADER_DATA.people) for (const n of [l.name, ...(l.variants ?? [])]) if (n.includes(" ")) LEADERS_BY_FULL.set(nameKey(n), l);
const FAMILY_FIRST = new Set(LEADER_DATA.familyNameFirst);

/**
 * The family name of a full name: a known person's own; the first word of an East Asian name written family name first
 * ("Lai Ching-te", "Mao Ning"); otherwise the last word.
 */
export function surnameOf(fullName: string): string {
  const parts = fullName.split(/\s+/);
  const last = parts[parts.length - 1]!;
  if (parts.length < 2) return last;
  const known = LEADERS_BY_FULL.get(nameKey(fullName));
  if (known) return known.surname ?? last;
  if (parts.length === 2 && (/^[A-Z][a-z]+-[a-z]+$/.test(last) || (FAMILY_FIRST.has(parts[0]!) && /^[A-Z][a-z]{1,7}$/.test(last)))) return parts[0]!;
  return last;
}

interface PersonInfo {
  fullName: string;
  surface: string;
  role?: string;
  country?: string; // iso3
  org?: string; // org key
}

function formatRole(title: string, country?: string, orgName?: string): string {
  const t = title.replace(/^(?:former|far-right|far-left)\s+/i, "");
  if (country) {
    const c = COUNTRIES.get(country)!;
    const the = /^(?:United|Czech|Dominican|Central African|Netherlands|Philippines|Bahamas|Gambia)/.test(c.name) ? "the " : "";
    return `${t} of ${the}${c.name}`;
  }
  if (orgName) return `${t} of ${orgName}`;
  return t;
}

function addPerson(ctx: Ctx, info: PersonInfo, start: number, end: number, sent: number): Draft {
  const tokens = info.fullName.split(/\s+/);
  const surname = surnameOf(info.fullName);
  const key = "p:" + nameKey(surname);
  const d = ctx.reg.ensure(key, "Person", info.fullName, start);
  if (tokens.length > d.name.split(/\s+/).length) {
    d.aliases.add(d.name);
    d.name = info.fullName;
  }
  d.aliases.add(surname);
  if (info.role && !d.attributes.role) d.attributes.role = info.role;
  if (info.country && !d.attributes.country) d.attributes.country = COUNTRIES.get(info.country)!.id;
  if (info.country) d.attributes.iso3 = info.country;
  if (info.org) d.attributes.org = info.org;
  ctx.reg.mention(d, start, end, info.surface, sent, true);
  return d;
}

const LOWER_ROLES = new Set(ROLES.lowerRoles);
const TITLE_MODIFIERS = new Set(ROLES.titleModifiers);
/** Plurals of the lower-case roles ("aides"): a word ending in s whose stem is a role. */
const LOWER_ROLES_PLURAL = new Set(ROLES.lowerRoles.map((r) => r + "s"));
const NO_TITLES: string[][] = [];
/** Words that can open a title: first words of title heads and lower-case roles (singular or plural). */
const TITLE_OPENERS = new Set([...TITLES_BY_FIRST.keys(), ...LOWER_ROLES, ...LOWER_ROLES_PLURAL]);
const PERSON_NOUNS_AFTER_NAME = new Set(ROLES.personNounsAfterName);

/** The tokens from i on read `parts` word by word. */
function tokensRead(toks: Token[], i: number, parts: string[]): boolean {
  for (let k = 0; k < parts.length; k++) if (toks[i + k]?.text !== parts[k]) return false;
  return true;
}

function titledPeople(ctx: Ctx): void {
  const lowerRoles = LOWER_ROLES;
  for (const s of ctx.sentences) {
    const toks = s.tokens;
    for (let i = 0; i < toks.length; i++) {
      if (!TITLE_OPENERS.has(toks[i]!.text)) continue;
      // Match the longest title head starting here.
      let head: string | undefined;
      let headLen = 0;
      for (const parts of TITLES_BY_FIRST.get(toks[i]!.text) ?? NO_TITLES) {
        if (tokensRead(toks, i, parts)) {
          head = parts.join(" ");
          headLen = parts.length;
          break;
        }
      }
      const low = toks[i]?.text ?? "";
      if (!head && (lowerRoles.has(low) || LOWER_ROLES_PLURAL.has(low))) {
        head = low;
        headLen = 1;
      }
      if (!head) continue;
      const run = nameRun(ctx, toks, i + headLen);
      if (!run.length) continue;
      if (/^[a-z]/.test(head) && run.length < 2) continue; // "aide X" needs a full name
      // Walk back over title modifiers and the country or organisation the title belongs to.
      let from = i;
      let country: string | undefined;
      let org: string | undefined;
      let orgName: string | undefined;
      for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
        const t = toks[k]!;
        const c = claimedAt(ctx, t);
        if (!c && (TITLE_MODIFIERS.has(t.text) || /^(?:far-right|far-left|former|then|ultranationalist|hardline)$/i.test(t.text))) {
          from = k;
          continue;
        }
        if (c && c.key.startsWith("c:")) {
          const cd = countryDraft(ctx.reg, c.key.slice(2), c.start);
          ctx.reg.mention(cd, c.start, c.end, ctx.body.slice(c.start, c.end), s.index, false);
          country = c.key.slice(2);
          from = k;
          for (let j = k - 1; j >= 0 && toks[j]!.start >= c.start; j--) from = j;
          if (toks[k + 1]?.text === "'s") from = Math.min(from, k);
          break;
        }
        if (c && c.key.startsWith("o:")) {
          org = c.key;
          orgName = ctx.reg.drafts.get(c.key)?.name;
          from = k;
          for (let j = k - 1; j >= 0 && toks[j]!.start >= c.start; j--) from = j;
          break;
        }
        if (t.text === "'s") continue;
        break;
      }
      // Keep modifiers that are part of the title proper ("National Security Minister").
      const titleToks = toks.slice(from, i + headLen).filter((t) => !claimedAt(ctx, t) && t.text !== "'s");
      const title = titleToks.map((t) => t.text).join(" ").replace(/^(?:far-right|far-left)\s+/i, "");
      const fullName = run.map((t) => t.text).join(" ");
      const start = toks[from]!.start;
      const end = run[run.length - 1]!.end;
      if (/^(?:Mr\.?|Mrs\.?|Ms\.?|Dr\.?)$/.test(head)) {
        addPerson(ctx, { fullName, surface: ctx.body.slice(start, end) }, start, end, s.index);
      } else {
        const role = head === "counterpart" ? undefined : formatRole(title || head, country, orgName);
        addPerson(ctx, { fullName, surface: ctx.body.slice(start, end), role, country, org }, start, end, s.index);
      }
      i += headLen + run.length - 1;
    }
  }
}

/** "X Y said", "according to X Y", "X Y, a columnist", "Russia's X Y": names found from sentence structure. */
function structuralPeople(ctx: Ctx): void {
  const personNouns = PERSON_NOUNS_AFTER_NAME;
  for (const s of ctx.sentences) {
    const toks = s.tokens;
    for (let i = 0; i < toks.length; i++) {
      const run = nameRun(ctx, toks, i);
      if (run.length < 2) continue;
      const nextI = i + run.length;
      const next = toks[nextI]?.text ?? "";
      const next2 = toks[nextI + 1]?.text ?? "";
      const prev = toks[i - 1];
      const prevClaim = toks[i - 2] && prev?.text === "'s" ? claimedAt(ctx, toks[i - 2]!) : undefined;
      // "Secretary of State Marco Rubio": the run continues a title; the title rule names the person.
      if (prev?.text === "of" && TITLE_HEAD_SET.has(`${toks[i - 2]?.text} of ${toks[i]!.text}`)) continue;
      let ok = false;
      let role: string | undefined;
      let country: string | undefined;
      if (SPEECH_FORMS.has(next.toLowerCase()) || (/^(?:has|had|have)$/.test(next) && /ed$/.test(next2))) ok = true;
      if (prev && /^to$/i.test(prev.text) && /^according$/i.test(toks[i - 2]?.text ?? "")) ok = true;
      const possOwner = toks[nextI + 2]?.text === "'s" && toks[nextI + 1] ? claimedAt(ctx, toks[nextI + 1]!) : undefined;
      if (next === "," && (/^(?:a|an|the)$/i.test(next2) || possOwner)) {
        const from = possOwner ? nextI + 1 : nextI + 2;
        for (let k = from; k < Math.min(toks.length, nextI + 9); k++) {
          const w = toks[k]!.text.toLowerCase();
          if (personNouns.has(w)) {
            ok = true;
            role = w[0]!.toUpperCase() + w.slice(1);
            // "the EU's foreign policy chief", "Russia's deputy foreign minister": owner and full role.
            const span = toks.slice(from, k + 1);
            const poss = span.findIndex((t) => t.text === "'s");
            if (poss > 0) {
              const owner = claimedAt(ctx, span[poss - 1]!);
              const words = span.slice(poss + 1).map((t) => t.text).join(" ");
              if (owner?.key.startsWith("c:")) {
                country = owner.key.slice(2);
                role = formatRole(words.replace(/^\w/, (c) => c.toUpperCase()), country);
              } else if (owner?.key.startsWith("o:")) {
                role = formatRole(words.replace(/^\w/, (c) => c.toUpperCase()), undefined, ctx.reg.drafts.get(owner.key)?.name);
              }
            }
            const forOrg = toks[k + 1]?.text === "for" ? toks.slice(k + 2, k + 8) : [];
            const orgName = forOrg.filter((t) => capTok(t) && !claimedAt(ctx, t)).map((t) => t.text);
            if (orgName.length) role += " for " + orgName.join(" ");
            const dem = forOrg.map((t) => claimedAt(ctx, t)).find((c) => c?.key.startsWith("c:"));
            if (dem) country = dem.key.slice(2);
            if (poss > 0 && country && !/ of /.test(role)) role = formatRole(role, country);
            break;
          }
          if (toks[k]!.text === ",") break;
        }
      }
      // "Kenya's president, William Ruto, said": a role named just before, set off by commas.
      // (Only looked for when a comma follows the name: the rule needs both.)
      const roleBefore = next === "," ? /(?:^|\s)(?:([A-Z][\p{L}]+)(?:'s)?\s+)?([a-z]+(?:\s+[a-z]+)?)\s*,\s*$/u.exec(ctx.body.slice(Math.max(s.start, run[0]!.start - 50), run[0]!.start)) : null;
      if (roleBefore && next === "," && LOWER_ROLES.has(roleBefore[2]!.split(" ").pop()!)) {
        // "Slovakia, whose prime minister, Robert Fico, ...": the role belongs to the antecedent of "whose".
        const whose = /([A-Z][\p{L}]+(?:\s+[A-Z][\p{L}]+)*)\s*,\s*whose\s+[a-z]+(?:\s+[a-z]+)?\s*,\s*$/u.exec(ctx.body.slice(Math.max(s.start, run[0]!.start - 60), run[0]!.start));
        const lead = roleBefore[1] ? PHRASES.get(roleBefore[1]) : whose ? PHRASES.get(whose[1]!) : undefined;
        ok = true;
        role = roleBefore[2]!.replace(/^\w/, (c) => c.toUpperCase());
        if (lead && (lead.kind === "country" || lead.kind === "demonym" || lead.kind === "metonym")) country = lead.ref;
        if (country) role = formatRole(role, country);
      }
      if (prevClaim && prevClaim.key.startsWith("c:") && run.length >= 2) {
        ok = true;
        country = prevClaim.key.slice(2);
      }
      if (/^(?:visiting|met|meeting|hosted|welcomed|called|told|with)$/i.test(prev?.text ?? "") && run.length >= 2 && run.length <= 3) ok = true;
      if (!ok) continue;
      const start = run[0]!.start;
      const end = run[run.length - 1]!.end;
      const fullName = run.map((t) => t.text).join(" ");
      const known = ctx.reg.drafts.get("p:" + nameKey(surnameOf(run.map((t) => t.text).join(" "))));
      addPerson(ctx, { fullName, surface: fullName, role: known ? undefined : role, country: known ? undefined : country }, start, end, s.index);
      if (prevClaim && country) ctx.reg.mention(ctx.reg.drafts.get("p:" + nameKey(surnameOf(fullName)))!, toks[i - 2]!.start, end, ctx.body.slice(toks[i - 2]!.start, end), s.index, true);
      i = nextI - 1;
    }
  }
}

function adjacent(a?: Token, b?: Token): boolean {
  return !!a && !!b && b.start - a.end <= 1;
}

/** The token is the first name of a known person (in the main name or a variant). */
function isFirstName(l: LeaderInfo, x: Token): boolean {
  return [l.name, ...(l.variants ?? [])].some((n) => n.includes(" ") && nameKey(n.split(/\s+/)[0]!) === nameKey(x.text));
}

/** Single capitalised words used as people (surnames) and surname coreference. */
function surnameMentions(ctx: Ctx, title: string): void {
  const persons = [...ctx.reg.drafts.values()].filter((d) => d.type === "Person");
  const byKey = new Map<string, Draft>();
  for (const p of persons) byKey.set(nameKey(surnameOf(p.name)), p);
  // Unknown capitalised words that act like people: followed by a verb, seen more than once.
  const counts = new Map<string, number>();
  const acting = new Set<string>();
  const coordinated = new Set<string>();
  for (const s of ctx.sentences) {
    s.tokens.forEach((t, i) => {
      if (!capTok(t) || NOT_NAME.has(t.text) || MONTHS.has(t.text) || WEEKDAYS.has(t.text) || /^[A-Z]+$/.test(t.text)) return;
      if (claimedAt(ctx, t)) return;
      counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
      const next = s.tokens[i + 1];
      const prevT = s.tokens[i - 1];
      if (prevT && capTok(prevT) && !NOT_NAME.has(prevT.text)) return;
      if (next && capTok(next)) return;
      if (t.pos !== "PROPN") return;
      if (next && (next.pos === "VERB" || next.pos === "AUX" || (next.text === "and" && i === 0))) acting.add(t.text);
      if (next?.text === "'s" && i > 0) acting.add(t.text);
      // "Starmer and Modi would meet": coordinated with a person already known.
      const prev2 = s.tokens[i - 2];
      if (prevT?.text === "and" && prev2 && byKey.has(nameKey(prev2.text)) && next && (next.pos === "VERB" || next.pos === "AUX")) coordinated.add(t.text);
    });
  }
  for (const m of title.matchAll(/\b([A-Z][a-z]+)\s+(?:tells|says|hosts|meets|rejects|urges|offers)\b/g)) acting.add(m[1]!);
  // Well-known people named by surname alone ("a meeting between Putin and Zelensky") or by full name with no title.
  for (const s of ctx.sentences) {
    const toks = s.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (!capTok(t) || NOT_NAME.has(t.text) || claimedAt(ctx, t)) continue;
      const k = nameKey(t.text);
      if (byKey.has(k)) continue;
      const l = LEADERS.get(k);
      if (!l) continue;
      const prevT = toks[i - 1];
      const nextT = toks[i + 1];
      // A first name that is also a country ("Israel Katz") is claimed by the country but still opens the name.
      const prevCap = prevT && adjacent(prevT, t) && capTok(prevT) && !NOT_NAME.has(prevT.text) && (!claimedAt(ctx, prevT) || isFirstName(l, prevT)) ? prevT : undefined;
      const nextCap = nextT && adjacent(t, nextT) && capTok(nextT) && !NOT_NAME.has(nextT.text) && !MONTHS.has(nextT.text) && !WEEKDAYS.has(nextT.text) && !claimedAt(ctx, nextT);
      const full = l.name.split(/\s+/);
      // A longer unknown name around it ("Mark Rubio Jr", "Anna Fico") is someone else; the known first name is fine.
      const firstOk = prevCap && isFirstName(l, prevCap);
      if (prevCap && !firstOk) continue;
      // Followed by another capitalised word it is part of another name ("Trump Tower"), unless written family name first.
      if (nextCap && !(l.surname && nameKey(l.surname) === k)) continue;
      if (!firstOk && l.bareSurname === false) continue;
      if (PHRASES.has(t.text)) continue;
      const d = ctx.reg.ensure("p:" + k, "Person", full.length > 1 && firstOk ? l.name : t.text, t.start);
      byKey.set(k, d);
    }
  }
  for (const w of [...acting, ...coordinated]) {
    const k = nameKey(w);
    if (byKey.has(k)) continue;
    if ((counts.get(w) ?? 0) < 2 && !coordinated.has(w)) continue;
    if (PHRASES.has(w)) continue;
    const d = ctx.reg.ensure("p:" + k, "Person", w, 0);
    byKey.set(k, d);
  }
  // Every capitalised token whose key is a known surname is a mention of that person (unless inside a longer name).
  const personCovered = new Uint8Array(ctx.body.length + 1);
  for (const m of ctx.reg.mentions) if (m.type === "Person") for (let p = m.start; p < m.end; p++) personCovered[p] = 1;
  for (const s of ctx.sentences) {
    for (const t of s.tokens) {
      if (!capTok(t)) continue;
      const k = nameKey(t.text);
      const p = byKey.get(k);
      if (!p) continue;
      if (personCovered[t.start]) continue;
      if (claimedAt(ctx, t)) continue;
      ctx.reg.mention(p, t.start, t.end, t.text, s.index, true);
    }
    // Hyphenated pairs: "Putin-Zelenskyy".
    for (let m = firstMatch(HYPHEN_PAIR_RE, s.text); m; m = nextMatch(HYPHEN_PAIR_RE, s.text, m)) {
      const parts = m[0].split(/[-–]/);
      let at = s.start + m.index!;
      for (const part of parts) {
        const p = byKey.get(nameKey(part));
        if (p && !ctx.reg.mentions.some((x) => x.key === p.key && x.start === at)) ctx.reg.mention(p, at, at + part.length, part, s.index, false);
        at += part.length + 1;
      }
    }
  }
}

const HYPHEN_PAIR_RE = /\b([A-Z][\p{L}]+)(?:[-–]([A-Z][\p{L}]+))+\b/gu;

/** Known people by the name key of their surname (and of each variant's). */
const LEADERS = new Map<string, LeaderInfo>();
for (const l of LEADER_DATA.people) {
  for (const n of [l.name, ...(l.variants ?? [])]) {
    const parts = n.split(/\s+/);
    LEADERS.set(nameKey(n === l.name ? surnameOf(n) : l.surname && parts.length > 1 ? l.surname : parts[parts.length - 1]!), l);
  }
}

/** Well-known leaders named without a title still get their role and country (general knowledge). */
function knownLeaders(ctx: Ctx): void {
  for (const d of ctx.reg.drafts.values()) {
    if (d.type !== "Person" || (d.attributes.role && (d.attributes.iso3 || d.attributes.org))) continue;
    const parts = d.name.split(/\s+/);
    const l = LEADERS_BY_FULL.get(nameKey(d.name)) ?? LEADERS.get(nameKey(surnameOf(d.name)));
    if (!l) continue;
    const first = nameKey(l.name.split(/\s+/)[0]!);
    if (parts.length > 1 && nameKey(parts[0]!) !== first && !(l.variants ?? []).some((v) => nameKey(v.split(/\s+/)[0]!) === nameKey(parts[0]!))) continue;
    if (parts.length === 1) {
      d.aliases.add(d.name);
      d.name = l.name;
    }
    const title = typeof d.attributes.role === "string" ? d.attributes.role : l.role;
    if (l.country) {
      d.attributes.iso3 = l.country;
      d.attributes.country = COUNTRIES.get(l.country)!.id;
      d.attributes.role = formatRole(title, l.country);
    } else if (l.org) {
      const org = ORGS.get(l.org);
      d.attributes.role = formatRole(title, undefined, org?.name);
      d.attributes.org = "o:" + l.org;
    }
  }
}

/**
 * "Foreign Minister X" with no nationality is, by news convention, an official of the article's focal country:
 * the country mentioned most often (clearly ahead of the next one).
 */
function focalCountryOfficials(ctx: Ctx): void {
  const counts = new Map<string, number>();
  for (const m of ctx.reg.mentions) if (m.type === "Country") counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 3 || (second && top[1] < second[1] * 1.2)) return;
  const gov = ROLES.governmentRoles.map((r) => r.toLowerCase());
  for (const d of ctx.reg.drafts.values()) {
    if (d.type !== "Person" || d.attributes.iso3 || d.attributes.org) continue;
    const role = String(d.attributes.role ?? "");
    if (!role || / of /.test(role) || !gov.some((g) => role.toLowerCase() === g || role.toLowerCase().endsWith(" " + g))) continue;
    const iso3 = top[0].slice(2);
    d.attributes.iso3 = iso3;
    d.attributes.country = COUNTRIES.get(iso3)!.id;
    d.attributes.role = formatRole(role, iso3);
  }
}

/** "the Ukrainian leader", "the president", "the minister", "his Ukrainian counterpart": resolved to a person already named. */
const ROLE_REFERENCE_RE = new RegExp(
  "\\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\\s+(?:([A-Z][a-z]+)\\s+)?(" + [...ROLES.referenceNouns].sort((a, b) => b.length - a.length).map(escapeRe).join("|") + ")\\b(?!\\s+[A-Z])",
  "g",
);
const LEADER_ROLES_LOWER = ROLES.leaderRoles.map((l) => l.toLowerCase());

/** A person's role fits a reference noun ("leader" and "counterpart" stand for heads of state or government). */
function roleFits(p: Draft, noun: string): boolean {
  const r = String(p.attributes.role ?? "").toLowerCase();
  if (noun === "leader" || noun === "counterpart") return LEADER_ROLES_LOWER.some((l) => r.startsWith(l));
  return r.includes(noun) && !(noun === "president" && r.startsWith("vice"));
}

/** Start of the person's last mention before `pos` (-1 if none). */
function lastMentionBefore(reg: Registry, p: Draft, pos: number): number {
  let last = -1;
  for (const x of reg.mentions) if (x.key === p.key && x.start < pos && x.start > last) last = x.start;
  return last;
}

function roleReferences(ctx: Ctx): void {
  const persons = [...ctx.reg.drafts.values()].filter((d) => d.type === "Person");
  for (let m = firstMatch(ROLE_REFERENCE_RE, ctx.body); m; m = nextMatch(ROLE_REFERENCE_RE, ctx.body, m)) {
    const s = sentenceAt(ctx.sentences, m.index!);
    if (!s) continue;
    const dem = m[1] ? PHRASES.get(m[1]) : undefined;
    if (m[1] && dem?.kind !== "demonym") continue;
    const noun = m[2]!.toLowerCase();
    let cands = persons.filter((p) => roleFits(p, noun) && (!dem || p.attributes.iso3 === dem.ref));
    if (!cands.length) continue;
    if (cands.length > 1) {
      // The most recently mentioned candidate.
      const at = m.index!;
      const lastOf = new Map(cands.map((p) => [p, lastMentionBefore(ctx.reg, p, at)]));
      cands = cands.sort((a, b) => lastOf.get(b)! - lastOf.get(a)!);
    }
    ctx.reg.mention(cands[0]!, m.index!, m.index! + m[0].length, m[0].replace(/^(?:his|her|their|the)\s/i, "the "), s.index, true);
  }
}

/** Organisations named by structure: newspapers, outlets, watchdogs, "(Acronym)", the article's own source. */
function addOrg(ctx: Ctx, name: string, start: number, surface = name, kind?: string): void {
  const s = sentenceAt(ctx.sentences, start);
  if (!s) return;
  const d = ctx.reg.ensure("o:" + slug(name), "Organization", name, start);
  if (kind) d.attributes.kind = kind;
  ctx.reg.mention(d, start, start + surface.length, surface, s.index, true);
  ctx.claimed.push({ start, end: start + surface.length, entry: null, key: d.key });
}

const CAPSEQ = "[A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){0,3}";
// Each pattern with its kind and, for those that start with a capitalised name (costly to scan), a cheap pattern
// for the words the match must end with: without them in the body the scan is skipped.
const ORG_PATTERNS: [RegExp, string, RegExp | null][] = [
  [new RegExp("(?:newspaper|daily|outlet|broadcaster|watchdog|group|agency|organisation|organization|NGO|channel)\\s+(" + CAPSEQ + ")", "gu"), "media", null],
  [new RegExp("(" + CAPSEQ + ")\\s+(?:newspaper|daily)\\b", "gu"), "media", /\s(?:newspaper|daily)\b/u],
  [new RegExp("(" + CAPSEQ + ")\\s+(?:reported|has\\s+warned|has\\s+reported|warned)\\b", "gu"), "", /\s(?:reported|has\s+warned|has\s+reported|warned)\b/u],
];
const ORG_HEAD_WORDS = "(?:Court|Council|Agency|Office|Centre|Center|Organization|Organisation|Association|Cluster|Fund|Committee|Commission|Institute|Foundation|Coalition|Forces|Front|Movement|Party|Brigades)\\b";
const ORG_NAME_RE = new RegExp("(?:(?:[A-Z][\\p{L}'’-]+|of|for|the|and)\\s+){0,6}" + ORG_HEAD_WORDS, "gu");
/** ORG_NAME_RE ends with one of these words: a body without them is not scanned. */
const ORG_HEAD_RE = new RegExp(ORG_HEAD_WORDS, "u");

function structuralOrgs(ctx: Ctx, source?: string): void {
  const { body, reg } = ctx;
  if (source && source.length > 2 && body.includes(source)) {
    for (const m of body.matchAll(new RegExp("\\b" + escapeRe(source) + "\\b", "g"))) addOrg(ctx, source, m.index!, source, "media");
    const initials = source.split(/\s+/).map((w) => w[0]).join("").toUpperCase();
    if (initials.length >= 2) for (const m of body.matchAll(new RegExp("\\b" + initials + "\\b(?!\\s+newsletter)", "g"))) addOrg(ctx, source, m.index!, initials, "media");
  }
  for (const [re, kind, gate] of ORG_PATTERNS) {
    if (gate && !gate.test(body)) continue;
    for (let m = firstMatch(re, body); m; m = nextMatch(re, body, m)) {
      let name = m[1]!;
      let start = m.index! + m[0].indexOf(name);
      // Drop a leading country or demonym ("Turkish conservative newspaper X" is handled by the first pattern).
      const firstWord = name.split(/\s+/)[0]!;
      if (PHRASES.has(firstWord) && name.includes(" ")) {
        const lead = PHRASES.get(firstWord)!;
        if (lead.kind === "country" || lead.kind === "demonym") continue;
      }
      if (name.endsWith("'s")) continue;
      const toks = name.split(/\s+/);
      if (toks.every((t) => PHRASES.has(t))) continue;
      if (reg.drafts.get("p:" + nameKey(toks[toks.length - 1]!))) continue;
      // "Secretary of State Marco Rubio warned": a titled, known person, not an organisation.
      if (LEADERS.has(nameKey(toks[toks.length - 1]!)) && toks.length >= 2) continue;
      if (NOT_NAME.has(toks[0]!)) {
        if (toks.length === 1) continue;
        name = toks.slice(1).join(" ");
        start += toks[0]!.length + 1;
      }
      const s = sentenceAt(ctx.sentences, start);
      const sToks = s?.tokens ?? [];
      const atStart = s && s.start === start;
      // "Peace Now has warned": a two-word name with a common word is an organisation; single unknown words at sentence start stay out.
      if (kind === "" && toks.length < 2 && atStart) continue;
      if (kind === "" && toks.length === 2 && !sToks.some((t) => t.start === start + toks[0]!.length + 1 && t.pos !== "PROPN")) continue;
      addOrg(ctx, name, start, name, kind || undefined);
      // "Finland's X newspaper": the possessive country is an alias-free mention of that country.
    }
  }
  // "(Acronym)" right after an organisation's name.
  for (const m of body.matchAll(/\(([A-Z][A-Za-z]{1,9})\)/g)) {
    const before = ctx.reg.mentions.filter((x) => x.type === "Organization" && x.end <= m.index! && m.index! - x.end <= 2);
    if (before.length) reg.drafts.get(before[0]!.key)!.aliases.add(m[1]!);
  }
  // Generic: a capitalised sequence ending in an organisation word ("United Nations Satellite Centre", "Shelter Cluster").
  if (ORG_HEAD_RE.test(body)) for (let m = firstMatch(ORG_NAME_RE, body); m; m = nextMatch(ORG_NAME_RE, body, m)) {
    let name = m[0].replace(/^(?:(?:of|for|the|and)\s+)+/, "");
    if (!/^[A-Z]/.test(name) || !name.includes(" ")) continue;
    if (/^(?:Oval|White|The)\b/.test(name)) continue;
    const start = m.index! + m[0].indexOf(name);
    if (ctx.claimed.some((c) => c.start <= start && c.end >= start + name.length && c.key.startsWith("o:"))) continue;
    if (reg.mentions.some((x) => x.type === "Organization" && x.start <= start && x.end >= start + name.length)) continue;
    const pos = name.lastIndexOf("'s ");
    if (pos >= 0) name = name.slice(pos + 3);
    addOrg(ctx, name, m.index! + m[0].length - name.length);
  }
}

const PLACE_PREPOSITIONS = new Set(["in", "to", "from", "near", "into"]);

/** Places named by structure: "X region", "the X Sea", "in X" for an unknown capitalised name. */
const PLACE_HEAD_WORDS = "(?:" + PLACE_HEADS.map(escapeRe).join("|") + ")";
const PLACE_NAME_RE = new RegExp("\\b(?:the\\s+)?((?:[A-Z][\\p{L}'’-]+\\s+){1,3}" + PLACE_HEAD_WORDS + ")\\b", "gu");
/** PLACE_NAME_RE needs a place word after white space: a body without one is not scanned. */
const PLACE_HEAD_RE = new RegExp("\\s" + PLACE_HEAD_WORDS + "\\b", "u");

function structuralPlaces(ctx: Ctx): void {
  const { body, reg } = ctx;
  if (PLACE_HEAD_RE.test(body)) for (let m = firstMatch(PLACE_NAME_RE, body); m; m = nextMatch(PLACE_NAME_RE, body, m)) {
    const name = m[1]!;
    if (name.split(/\s+/).some((w) => NOT_NAME.has(w))) continue;
    const start = m.index! + m[0].indexOf(name);
    if (ctx.claimed.some((c) => c.start <= start && c.end >= start + name.length)) continue;
    const s = sentenceAt(ctx.sentences, start);
    if (!s) continue;
    const d = reg.ensure("pl:" + slug(name), "Place", name, start);
    reg.mention(d, start, start + name.length, name, s.index, false);
    ctx.claimed.push({ start, end: start + name.length, entry: null, key: d.key });
  }
  for (const s of ctx.sentences) {
    const toks = s.tokens;
    for (let i = 1; i < toks.length; i++) {
      const prev = toks[i - 1]!.text;
      if (!PLACE_PREPOSITIONS.has(prev)) continue;
      if (prev === "to" && /^(?:according|close|next|addition)$/i.test(toks[i - 2]?.text ?? "")) continue;
      // "in Azerbaijan's Agdam": the place after a possessive country.
      let j = i;
      const c = claimedAt(ctx, toks[i]!);
      if (c && c.key.startsWith("c:") && toks[i + 1]?.text === "'s") j = i + 2;
      const t = toks[j];
      if (!t || !capTok(t) || NOT_NAME.has(t.text) || MONTHS.has(t.text) || WEEKDAYS.has(t.text) || claimedAt(ctx, t)) continue;
      if (t.pos !== "PROPN") continue;
      const run = nameRun(ctx, toks, j, 3);
      if (!run.length) continue;
      const name = run.map((x) => x.text).join(" ");
      if (ctx.reg.drafts.has("p:" + nameKey(run[run.length - 1]!.text))) continue;
      if (ctx.reg.mentions.some((x) => x.start <= run[0]!.start && x.end >= run[0]!.end)) continue;
      if (toks[j + run.length]?.text === "'s") continue;
      const start = (j > i ? toks[i]! : run[0]!).start;
      const d = reg.ensure("pl:" + slug(name), "Place", name, start);
      reg.mention(d, run[0]!.start, run[run.length - 1]!.end, name, s.index, false);
      if (j > i) d.aliases.add(body.slice(start, run[run.length - 1]!.end));
      ctx.claimed.push({ start: run[0]!.start, end: run[run.length - 1]!.end, entry: null, key: d.key });
    }
  }
}

export interface EntityFinding {
  reg: Registry;
  claimed: Ctx["claimed"];
}

export function findEntities(body: string, title: string, sentences: Sentence[], source?: string): EntityFinding {
  const ctx: Ctx = { body, sentences, reg: new Registry(), claimed: [] };
  groupEntities(ctx);
  lexiconEntities(ctx);
  structuralOrgs(ctx, source);
  titledPeople(ctx);
  structuralPeople(ctx);
  surnameMentions(ctx, title);
  knownLeaders(ctx);
  focalCountryOfficials(ctx);
  roleReferences(ctx);
  structuralPlaces(ctx);
  return { reg: ctx.reg, claimed: ctx.claimed };
}
