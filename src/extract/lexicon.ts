import worldCountries, { type Countries } from "world-countries";
import countriesExtra from "./lexicons/countries-extra.json" with { type: "json" };
import organizations from "./lexicons/organizations.json" with { type: "json" };
import places from "./lexicons/places.json" with { type: "json" };
import roles from "./lexicons/roles.json" with { type: "json" };
import groups from "./lexicons/groups.json" with { type: "json" };
import topics from "./lexicons/topics.json" with { type: "json" };
import meetings from "./lexicons/meetings.json" with { type: "json" };
import cues from "./lexicons/cues.json" with { type: "json" };
import dates from "./lexicons/dates.json" with { type: "json" };
import verbs from "./lexicons/verbs.json" with { type: "json" };

/** Everything the extractor knows, compiled once at module init from the data files under lexicons/. */

// world-countries ships CommonJS typed as an ES default export: take the array whichever way it arrives.
const countries: Countries = Array.isArray(worldCountries) ? (worldCountries as Countries) : (worldCountries as unknown as { default: Countries }).default;

/** Bounded memo of slug(): the same names are slugged many times per article. */
const slugCache = new Map<string, string>();
export function slug(text: string): string {
  let s = slugCache.get(text);
  if (s === undefined) {
    s = computeSlug(text);
    if (slugCache.size > 50_000) slugCache.clear();
    slugCache.set(text, s);
  }
  return s;
}

function computeSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface CountryInfo {
  iso3: string;
  iso2: string;
  id: string;
  name: string;
  region: string;
  subregion: string;
  demonym: string;
  capitals: string[];
}

export type PhraseKind = "country" | "demonym" | "metonym" | "capital" | "org" | "place";
export interface PhraseEntry {
  kind: PhraseKind;
  ref: string; // iso3 for countries, org id, place name
  building?: boolean;
}

const extra = countriesExtra as {
  preferredNames: Record<string, string>;
  extraAliases: Record<string, string[]>;
  extraDemonyms: Record<string, string[]>;
  metonyms: Record<string, string>;
  buildingMetonyms: string[];
  safeCodes: string[];
};

export const COUNTRIES = new Map<string, CountryInfo>();
export const PHRASES = new Map<string, PhraseEntry>();

function addPhrase(text: string, entry: PhraseEntry): void {
  const t = text.trim();
  if (t.length < 2) return;
  const prev = PHRASES.get(t);
  // Country names beat demonyms and capitals; an earlier, stronger entry is kept.
  const rank: Record<PhraseKind, number> = { country: 5, org: 4, metonym: 3, demonym: 2, place: 1, capital: 0 };
  if (prev && rank[prev.kind] >= rank[entry.kind]) return;
  PHRASES.set(t, entry);
}

const safeCodes = new Set(extra.safeCodes);
for (const c of countries) {
  if (!c.independent && !["PSE", "XKX", "TWN"].includes(c.cca3)) continue;
  const name = extra.preferredNames[c.cca3] ?? c.name.common;
  const info: CountryInfo = {
    iso3: c.cca3,
    iso2: c.cca2,
    id: slug(name),
    name,
    region: c.region,
    subregion: c.subregion,
    demonym: c.demonyms?.eng?.m ?? "",
    capitals: c.capital ?? [],
  };
  COUNTRIES.set(c.cca3, info);
  const names = [name, c.name.common, c.name.official, ...(extra.extraAliases[c.cca3] ?? [])];
  for (const alt of c.altSpellings ?? []) {
    // Two-letter codes collide with English words ("IN", "IT"): only a few well-known ones are matched.
    if (/^[A-Z]{2,3}$/.test(alt) && !safeCodes.has(alt)) continue;
    if (/[^\p{Script=Latin}\s'.,-]/u.test(alt)) continue;
    names.push(alt);
  }
  for (const n of names) {
    addPhrase(n, { kind: "country", ref: c.cca3 });
    if (n.includes(", ")) addPhrase(n.split(", ").reverse().join(" "), { kind: "country", ref: c.cca3 });
  }
  for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(extra.extraDemonyms[c.cca3] ?? [])]) {
    if (d) addPhrase(d, { kind: "demonym", ref: c.cca3 });
  }
  for (const cap of c.capital ?? []) addPhrase(cap.replace(/ D\.C\.$/, ""), { kind: "capital", ref: c.cca3 });
}
for (const [m, iso3] of Object.entries(extra.metonyms)) {
  addPhrase(m, { kind: "metonym", ref: iso3, building: extra.buildingMetonyms.includes(m) });
}

export interface OrgInfo {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
}
export const ORGS = new Map<string, OrgInfo>();
for (const o of (organizations as { organizations: OrgInfo[] }).organizations) {
  ORGS.set(o.id, o);
  for (const n of [o.name, ...o.aliases]) {
    // Lower-case aliases ("the alliance") are too vague to find an organisation on their own.
    if (/^[a-z]/.test(n) && !/^the [A-Z]/.test(n)) continue;
    addPhrase(n.replace(/^the /, ""), { kind: "org", ref: o.id });
  }
}

const placeData = places as { places: string[]; aliases: Record<string, string[]>; regionHeads: string[]; placeHeads: string[] };
for (const p of placeData.places) addPhrase(p, { kind: "place", ref: p });
for (const [p, al] of Object.entries(placeData.aliases)) for (const a of al) addPhrase(a.replace(/^the /, ""), { kind: "place", ref: p });
export const REGION_HEADS = placeData.regionHeads;
export const PLACE_HEADS = placeData.placeHeads;

/** One regular expression over all known phrases, longest first, on whole words (case-sensitive). */
export const PHRASE_RE = new RegExp(
  "(?<![\\p{L}\\p{N}])(" +
    [...PHRASES.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join("|") +
    ")(?![\\p{L}\\p{N}])",
  "gu",
);

export const ROLES = roles as {
  titleHeads: string[];
  titleModifiers: string[];
  honorifics: string[];
  lowerRoles: string[];
  leaderRoles: string[];
  governmentRoles: string[];
  referenceNouns: string[];
  collectiveActors: string[];
  personNounsAfterName: string[];
};

export interface GroupInfo {
  id: string;
  name: string;
  region: string;
  re: RegExp;
  /** The pattern cannot match a text holding none of these words (empty: no such words are known, always scan). */
  words: string[];
}
export const GROUPS: GroupInfo[] = (groups as { groups: { id: string; name: string; region: string; pattern: string }[] }).groups.map(
  (g) => ({ id: g.id, name: g.name, region: g.region, re: new RegExp("\\b(?:" + g.pattern + ")\\b", "g"), words: requiredWords(g.pattern) }),
);

/**
 * Capitalised literal words of a pattern, one of which every match must contain: each top-level alternative must
 * hold such a word outside groups, classes and quantifiers ("European" in "(?:the\\s+)?European\\s+(?:leaders|...)").
 * Returns [] when some alternative has none (then nothing is promised).
 */
export function requiredWords(pattern: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      cur += c + (pattern[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")") depth--;
    if (c === "|" && depth === 0) {
      alternatives.push(cur);
      cur = "";
    } else cur += c;
  }
  alternatives.push(cur);
  const words = new Set<string>();
  for (const alt of alternatives) {
    const top = stripGroups(alt.replace(/\\./g, "  ").replace(/\[[^\]]*\]/g, " "));
    if (top === undefined) return [];
    const found = [...top.matchAll(/[A-Z][a-z]+(?![a-z?*{+])/g)].map((m) => m[0]);
    if (!found.length) return [];
    for (const w of found) words.add(w);
  }
  return [...words];
}

/** The pattern text outside any parentheses (undefined when they do not balance). */
function stripGroups(text: string): string | undefined {
  let depth = 0;
  let out = "";
  for (const c of text) {
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth < 0) return undefined;
      out += " ";
    } else if (depth === 0) out += c;
  }
  return depth === 0 ? out : undefined;
}

export interface TopicInfo {
  topic: string;
  name: string;
  re: RegExp;
  /** Cheap pre-check: the patterns can only match text holding one of these stems. */
  cue: RegExp;
}
export const TOPICS: TopicInfo[] = (topics as { topics: { topic: string; name: string; patterns: string[]; cue: string }[] }).topics.map((t) => ({
  topic: t.topic,
  name: t.name,
  cue: new RegExp(t.cue, "i"),
  re: new RegExp("(?<![\\p{L}\\p{N}])(?:" + t.patterns.join("|") + ")(?![\\p{L}\\p{N}])", "giu"),
}));

export const MEETINGS = meetings as { heads: string[]; headPattern: string; modifiers: string[]; futureCues: string[] };
export const CUES = cues as { negation: string[]; denial: string[]; hedge: string[]; condition: string[]; conditionalDemand: string[]; contrast: string[]; boilerplate: string[] };
export const DATES = dates as {
  weekdays: string[];
  months: string[];
  monthAbbrev: Record<string, number>;
  relative: Record<string, number | string>;
};

/** Regular inflections of an English verb phrase (the first word is inflected). */
export function inflect(phrase: string): string[] {
  const [head = "", ...rest] = phrase.split(" ");
  const tail = rest.length ? " " + rest.join(" ") : "";
  const forms = new Set<string>([head]);
  const stem = head.endsWith("e") ? head.slice(0, -1) : head;
  const double = /^(?:[^aeiou]*[aeiou][bdgmnprt])$/.test(head) && !/(?:er|en|on|el)$/.test(head) ? head + head.slice(-1) : head;
  forms.add(/(?:s|sh|ch|x|z)$/.test(head) ? head + "es" : /[^aeiou]y$/.test(head) ? head.slice(0, -1) + "ies" : head + "s");
  forms.add(/[^aeiou]y$/.test(head) ? head.slice(0, -1) + "ied" : head.endsWith("e") ? head + "d" : double + "ed");
  forms.add((head.endsWith("ee") ? head : head.endsWith("ie") ? head.slice(0, -2) + "y" : head.endsWith("e") ? stem : double) + "ing");
  return [...forms].map((f) => f + tail);
}

export interface VerbEntry {
  type: string;
  cameo: string;
  plover: string;
  object: "proposal" | "actor" | "meeting" | "any";
  base: string;
}
type VerbGroup = { type: string; cameo: string; plover: string; object: VerbEntry["object"]; verbs: string[]; forms?: Record<string, string[]> };
const verbData = verbs as unknown as {
  relations: VerbGroup[];
  readiness: { adjectives: string[]; type: string; cameo: string; plover: string };
  nominal: Record<string, string[]>;
  negatedFlip: { verbs: string[]; type: string; cameo: string; plover: string };
  speech: string[];
  speechForms: Record<string, string[]>;
};

/** Surface form (lower-case) -> the verb entries it can stand for. */
export const VERB_FORMS = new Map<string, VerbEntry[]>();
for (const g of verbData.relations) {
  for (const v of g.verbs) {
    const entry: VerbEntry = { type: g.type, cameo: g.cameo, plover: g.plover, object: g.object, base: v };
    for (const f of [...inflect(v), ...(g.forms?.[v] ?? [])]) {
      const list = VERB_FORMS.get(f) ?? [];
      list.push(entry);
      VERB_FORMS.set(f, list);
    }
  }
}
// Verbs that only matter negated ("would not allow"): known to the trigger pattern, used only when negated.
for (const v of verbData.negatedFlip.verbs) {
  for (const f of inflect(v)) {
    const list = VERB_FORMS.get(f) ?? [];
    if (!list.length) list.push({ type: "NEGATED_ONLY", cameo: verbData.negatedFlip.cameo, plover: verbData.negatedFlip.plover, object: "proposal", base: v });
    VERB_FORMS.set(f, list);
  }
}
/** Verb forms by their first word, longest first: lets the trigger search walk tokens instead of running one huge regex. */
export const VERB_BY_FIRST = new Map<string, string[]>();
for (const f of VERB_FORMS.keys()) {
  const first = f.split(" ")[0]!;
  const list = VERB_BY_FIRST.get(first) ?? [];
  list.push(f);
  VERB_BY_FIRST.set(first, list);
}
for (const list of VERB_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

export const VERB_RE = new RegExp(
  "(?<![\\p{L}\\p{N}])(" + [...VERB_FORMS.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join("|") + ")(?![\\p{L}\\p{N}])",
  "giu",
);
export const READINESS = verbData.readiness;
export const NOMINAL = verbData.nominal;
export const NEGATED_FLIP = { ...verbData.negatedFlip, forms: new Set(verbData.negatedFlip.verbs.flatMap(inflect)) };
export const SPEECH_FORMS = new Set([...verbData.speech.flatMap(inflect), ...Object.values(verbData.speechForms).flat()]);
