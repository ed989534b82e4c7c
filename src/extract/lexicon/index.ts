import worldCountries, { type Countries } from "world-countries";
import { z } from "zod";
import { slug, toAscii } from "../../text/normalise.ts";
import countriesExtraJson from "../lexicons/countries-extra.json" with { type: "json" };
import organizationsJson from "../lexicons/organizations.json" with { type: "json" };
import placesJson from "../lexicons/places.json" with { type: "json" };
import groupsJson from "../lexicons/groups.json" with { type: "json" };
import leadersJson from "../lexicons/leaders.json" with { type: "json" };
import rolesJson from "../lexicons/roles.json" with { type: "json" };
import predicatesJson from "../lexicons/predicates.json" with { type: "json" };
import polarityJson from "../lexicons/polarity.json" with { type: "json" };
import nominalsJson from "../lexicons/nominals.json" with { type: "json" };
import topicsJson from "../lexicons/topics.json" with { type: "json" };
import datesJson from "../lexicons/dates.json" with { type: "json" };
import grammarJson from "../lexicons/grammar.json" with { type: "json" };

/**
 * Everything the extractor knows, read from the data files under lexicons/ once at module load, validated with
 * zod (a malformed lexicon fails loudly at start-up, naming the file and field) and compiled into lookups.
 */

const Str = z.string().min(1);
const StrList = z.array(Str);

const CountriesExtraSchema = z.object({
  preferredNames: z.record(Str, Str),
  extraAliases: z.record(Str, StrList),
  extraDemonyms: z.record(Str, StrList),
  metonyms: z.record(Str, Str),
  combiningForms: z.record(Str, Str),
  buildingMetonyms: StrList,
  safeCodes: StrList,
  overrides: z.record(Str, Str).default({}),
});
const OrgSchema = z.object({ id: Str, name: Str, aliases: z.array(z.string()), kind: Str, metonyms: StrList.optional() });
const OrganizationsSchema = z.object({ nameHeads: StrList, organizations: z.array(OrgSchema) });
const PlacesSchema = z.object({
  places: StrList,
  aliases: z.record(Str, StrList),
  regionHeads: StrList,
  placeHeads: StrList,
  venueNouns: StrList,
});
const GroupsSchema = z.object({
  heads: StrList,
  groups: z.array(z.object({ id: Str, name: Str, region: Str, adjectives: StrList, words: z.array(z.string()) })),
});
const LeaderSchema = z.object({
  name: Str,
  role: Str,
  country: Str.optional(),
  org: Str.optional(),
  variants: StrList.optional(),
  surname: Str.optional(),
  bareSurname: z.boolean().optional(),
});
const LeadersSchema = z.object({ people: z.array(LeaderSchema) });
const RolesSchema = z.object({
  titleWords: StrList,
  officeWords: StrList,
  nonOfficeWords: StrList,
  honorifics: StrList,
  femaleWords: StrList,
  maleWords: StrList,
  nameParticles: StrList,
  roleSynonyms: z.record(Str, StrList),
  briefRoleWords: StrList,
});
const PredicateClass = z.enum(["PROPOSE", "OFFER", "REJECT", "SUPPORT", "OPPOSE", "HOST", "ATTEND", "MEET", "URGE"]);
export type PredicateClass = z.infer<typeof PredicateClass>;
const RelationName = z.enum(["PROPOSED", "OFFERED", "REJECTED", "SUPPORTED", "OPPOSED", "HOSTED", "ATTENDED", "MET_WITH", "URGED"]);
const PredicatesSchema = z.object({
  classes: z.record(
    PredicateClass,
    z.object({ relation: RelationName, cameo: Str, plover: Str, stance: z.enum(["support", "oppose"]).nullable() }),
  ),
  verbs: z.array(
    z.object({
      lemma: Str,
      class: PredicateClass,
      particle: Str.optional(),
      prep: Str.optional(),
      theme: z.enum(["obj", "xcomp", "prep", "none"]).optional(),
      negatedModal: PredicateClass.optional(),
      onlyWith: z.enum(["guests"]).optional(),
      /** The theme is the preposition's object and the verb takes no direct object ("call for X", not "call it X"). */
      noObject: z.boolean().optional(),
    }),
  ),
  adjectives: z.array(z.object({ lemma: Str, class: PredicateClass, prep: Str.optional() })),
  nouns: z.array(z.object({ lemma: Str, class: PredicateClass, themePreps: StrList, generic: z.boolean().optional(), ownerOnly: z.boolean().optional() })),
  lightVerbs: StrList,
  receiveVerbs: StrList,
  transferVerbs: StrList,
  speechVerbs: StrList,
});
const PolaritySchema = z.object({
  negators: StrList,
  negativeImplicatives: StrList,
  stopShortPhrases: z.array(z.tuple([Str, Str, Str])),
  hedgeVerbs: StrList,
  conditionMarkers: StrList,
  conditionPhrases: StrList,
  volitionalModals: StrList,
  hedgeModals: StrList,
  speculationWords: StrList,
  wishVerbs: StrList,
  denialVerbs: StrList,
});
const NominalsSchema = z.object({
  meetingNouns: StrList,
  meetingNames: StrList,
  namedProposalHeads: StrList,
  genericProposalNouns: StrList,
  notProposals: StrList,
  assetNouns: StrList,
  missionHeads: StrList,
  personRoleNouns: StrList,
  orgAnaphors: z.record(Str, StrList),
  pairNouns: StrList,
  pairDeterminers: StrList,
  collectiveActorNouns: StrList,
  locativePreps: StrList,
  peopleWords: StrList,
  eventNominals: z.record(Str, Str),
  countryAnaphors: StrList,
});
const TopicsSchema = z.object({
  topics: z.array(z.object({ topic: z.string().regex(/^[a-z0-9-]+$/), name: Str, heads: z.array(z.string()), keywords: StrList })),
});
const GrammarSchema = z.object({
  particles: StrList,
  meaningChangingParticles: StrList,
  perfectAuxiliaries: StrList,
  futureAuxiliaries: StrList,
  openQuestionVerbs: StrList,
  openQuestionMarkers: StrList,
  negationCarryingVerbs: StrList,
  onlyConditionWords: StrList,
  hypotheticalMarkers: StrList,
  descriptionMarkers: StrList,
  attemptNouns: StrList,
  namingVerbs: StrList,
  freeRelativePronouns: StrList,
  themePronouns: StrList,
  copularVerbs: StrList,
  leadershipVerbs: StrList,
  presenceVerbs: StrList,
  delegateNouns: StrList,
  delegationNouns: StrList,
  delegationLeadingVerbs: StrList,
  representingVerbs: StrList,
  inMeetingHeads: StrList,
  freeChoiceDeterminers: StrList,
  joiningVerbs: StrList,
  organisationBodyWords: StrList,
  ministryWords: StrList,
  genericBodyWords: StrList,
  regionAdjectives: StrList,
  settlementNouns: StrList,
  groupNouns: StrList,
  groupLeadingVerbs: StrList,
  memberNouns: StrList,
  adjunctClauseMarkers: StrList,
  statementNouns: StrList,
  agreementNouns: StrList,
  agreementVerbs: StrList,
  partitiveNouns: StrList,
  coAuthoringVerbs: StrList,
  leadingVerbs: StrList,
  guestNouns: StrList,
  membershipVerbs: StrList,
  joiningOrganisationVerbs: StrList,
  pairOfSidesHeads: StrList,
  pairOfPeopleHeads: StrList,
  pronouns: z.object({ neuter: StrList, plural: StrList, speaker: StrList, collectiveSpeaker: StrList, addressee: StrList, relative: StrList, possessive: StrList, ownerPossessive: StrList }),
  newMeetingMarkers: StrList,
  meetingPartMarkers: StrList,
  callModes: StrList,
  plannedMarkers: StrList,
  timeNouns: StrList,
  definiteDeterminers: StrList,
  discourseAdverbs: StrList,
  agentNouns: StrList,
  vagueModifiers: StrList,
  stopWords: StrList,
  hostingVerbsOffered: StrList,
  groupOfPeopleWords: StrList,
  placeNouns: StrList,
});
const DatesSchema = z.object({
  weekdays: StrList,
  months: StrList,
  monthAbbrev: z.record(Str, z.number().int()),
  relative: z.record(Str, z.union([z.number(), Str])),
});

function load<T extends z.ZodType>(file: string, schema: T, data: unknown): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`lexicon ${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}

const countriesExtra = load("countries-extra.json", CountriesExtraSchema, countriesExtraJson);
const organizations = load("organizations.json", OrganizationsSchema, organizationsJson);
const places = load("places.json", PlacesSchema, placesJson);
export const GROUPS = load("groups.json", GroupsSchema, groupsJson);
export const LEADERS = load("leaders.json", LeadersSchema, leadersJson).people;
export const ROLES = load("roles.json", RolesSchema, rolesJson);
export const PREDICATES = load("predicates.json", PredicatesSchema, predicatesJson);
export const POLARITY = load("polarity.json", PolaritySchema, polarityJson);
export const NOMINALS = load("nominals.json", NominalsSchema, nominalsJson);
export const TOPIC_LEXICON = load("topics.json", TopicsSchema, topicsJson).topics;
export const DATES = load("dates.json", DatesSchema, datesJson);
const grammar = load("grammar.json", GrammarSchema, grammarJson);

/** The closed word classes of grammar.json, as sets (see each key there). */
type SetsOf<T> = { [K in keyof T]: T[K] extends string[] ? Set<string> : SetsOf<T[K]> };
function toSets<T extends Record<string, unknown>>(o: T): SetsOf<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = Array.isArray(v) ? new Set(v) : toSets(v as Record<string, unknown>);
  return out as SetsOf<T>;
}
export const G = toSets(grammar);
/** Words that name a time (weekdays, months and time nouns): phrases of them are dates, not places or proposals. */
export const TIME_WORDS = new Set([...DATES.weekdays, ...DATES.months, ...grammar.timeNouns]);

// ---------------------------------------------------------------- countries

// world-countries ships CommonJS typed as an ES default export: take the array whichever way it arrives.
const countryData: Countries = Array.isArray(worldCountries)
  ? (worldCountries as Countries)
  : (worldCountries as unknown as { default: Countries }).default;

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

export const COUNTRIES = new Map<string, CountryInfo>();

// ---------------------------------------------------------------- gazetteer

/** capital: a seat of government, a place or its country by use; seat: the same for an organisation (Brussels). */
export type PhraseKind = "country" | "demonym" | "metonym" | "capital" | "seat" | "org" | "place" | "group";
export interface PhraseEntry {
  text: string;
  kind: PhraseKind;
  /** iso3 for countries, organisation or group id, place name. */
  ref: string;
  /** A building standing for its government (the Kremlin): never a Place. */
  building?: boolean;
}

const RANK: Record<PhraseKind, number> = { country: 7, org: 6, group: 5, metonym: 4, demonym: 3, seat: 2, capital: 1, place: 0 };
const phraseByText = new Map<string, PhraseEntry>();

function addPhrase(text: string, entry: Omit<PhraseEntry, "text">): void {
  addOnePhrase(text, entry);
  // News often drops accents ("Bogota", "Brasilia", "Turkiye"): the plain spelling names the same thing.
  const plain = toAscii(text);
  if (plain !== text) addOnePhrase(plain, entry);
}

function addOnePhrase(text: string, entry: Omit<PhraseEntry, "text">): void {
  const t = text.trim().replace(/^the\s+/, "");
  if (t.length < 2) return;
  const prev = phraseByText.get(t);
  if (prev && RANK[prev.kind] >= RANK[entry.kind]) return;
  phraseByText.set(t, { text: t, ...entry });
}

const safeCodes = new Set(countriesExtra.safeCodes);
for (const c of countryData) {
  // Partly recognised states are actors in the news all the same (UNK is the dataset's code for Kosovo).
  if (!c.independent && !["PSE", "UNK", "XKX", "TWN"].includes(c.cca3)) continue;
  const name = countriesExtra.preferredNames[c.cca3] ?? c.name.common;
  COUNTRIES.set(c.cca3, {
    iso3: c.cca3,
    iso2: c.cca2,
    id: slug(name),
    name,
    region: c.region,
    subregion: c.subregion,
    demonym: c.demonyms?.eng?.m ?? "",
    capitals: (c.capital ?? []).map((cap) => cap.replace(/ D\.C\.$/, "")),
  });
  const names = [name, c.name.common, c.name.official, ...(countriesExtra.extraAliases[c.cca3] ?? [])];
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
}
// Demonyms after all names, extras first, so that a shared demonym ("Congolese") goes to the listed state.
for (const [iso3, list] of Object.entries(countriesExtra.extraDemonyms)) for (const d of list) addPhrase(d, { kind: "demonym", ref: iso3 });
for (const c of countryData) {
  if (!COUNTRIES.has(c.cca3)) continue;
  for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d) addPhrase(d, { kind: "demonym", ref: c.cca3 });
  for (const cap of c.capital ?? []) addPhrase(cap.replace(/ D\.C\.$/, ""), { kind: "capital", ref: c.cca3 });
}
for (const [name, iso3] of Object.entries(countriesExtra.overrides)) phraseByText.set(name, { text: name, kind: "country", ref: iso3 });
const buildings = new Set(countriesExtra.buildingMetonyms.map((b) => b.replace(/^the\s+/, "")));
for (const [m, iso3] of Object.entries(countriesExtra.metonyms)) {
  const bare = m.replace(/^the\s+/, "");
  addPhrase(bare, { kind: buildings.has(bare) ? "metonym" : "capital", ref: iso3, building: buildings.has(bare) });
}

export interface OrgInfo {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
}
export const ORGS = new Map<string, OrgInfo>();
/** Words that make a capitalised name an organisation's ("Africa Corps", "Alliance of Sahel States"). */
export const ORG_NAME_HEADS = new Set(organizations.nameHeads);
for (const o of organizations.organizations) {
  ORGS.set(o.id, o);
  for (const n of [o.name, ...o.aliases]) {
    // Lower-case aliases ("the alliance") are too vague to name an organisation: they refer back.
    if (/^[a-z]/.test(n) && !/^the [A-Z]/.test(n) && n.split(" ").length < 3) continue;
    addPhrase(n, { kind: "org", ref: o.id });
  }
  for (const m of o.metonyms ?? []) addPhrase(m, { kind: "seat", ref: o.id });
}
for (const p of places.places) addPhrase(p, { kind: "place", ref: p });
for (const [p, list] of Object.entries(places.aliases)) for (const a of list) addPhrase(a, { kind: "place", ref: p });
export const REGION_HEADS = new Set(places.regionHeads.map((h) => h.toLowerCase()));
export const PLACE_HEADS = new Set(places.placeHeads);
export const VENUE_NOUNS = new Set(places.venueNouns);

export interface GroupInfo {
  id: string;
  name: string;
  region: string;
}
export const GROUP_INFO = new Map<string, GroupInfo>(GROUPS.groups.map((g) => [g.id, { id: g.id, name: g.name, region: g.region }]));
const groupHeads = new Set(GROUPS.heads.map((h) => h.toLowerCase()));
for (const g of GROUPS.groups) for (const w of g.words) addPhrase(w, { kind: "group", ref: g.id });

/** Gazetteer entries indexed by their first word, longest first. */
const phrasesByFirstWord = new Map<string, PhraseEntry[]>();
for (const e of phraseByText.values()) {
  const first = e.text.split(/[\s,]/)[0]!;
  const list = phrasesByFirstWord.get(first) ?? [];
  list.push(e);
  phrasesByFirstWord.set(first, list);
}
for (const list of phrasesByFirstWord.values()) list.sort((a, b) => b.text.length - a.text.length);

/** Candidate gazetteer entries that could start with this word (case-sensitive), longest first. */
export function phrasesStartingWith(word: string): PhraseEntry[] {
  return phrasesByFirstWord.get(word) ?? [];
}

/** The group named by an adjective and a head ("European leaders"), if any. */
export function groupFor(adjective: string, head: string): GroupInfo | undefined {
  if (!groupHeads.has(head.toLowerCase())) return undefined;
  for (const g of GROUPS.groups) if (g.adjectives.includes(adjective)) return GROUP_INFO.get(g.id);
  return undefined;
}
export const GROUP_ADJECTIVE_WORDS = new Set(GROUPS.groups.flatMap((g) => g.adjectives.map((a) => a.split(" ")[0]!)));

export function countryByIso3(iso3: string): CountryInfo | undefined {
  return COUNTRIES.get(iso3);
}

// ---------------------------------------------------------------- people

export interface LeaderInfo {
  name: string;
  role: string;
  iso3?: string;
  org?: string;
  variants: string[];
  surname: string;
  bareSurname: boolean;
}
export const LEADER_LIST: LeaderInfo[] = LEADERS.map((l) => ({
  name: l.name,
  role: l.role,
  iso3: l.country,
  org: l.org,
  variants: l.variants ?? [],
  surname: l.surname ?? l.name.split(" ").slice(-1)[0]!,
  bareSurname: l.bareSurname !== false,
}));

export const TITLE_WORDS = new Set(ROLES.titleWords.map((w) => w.toLowerCase()));
export const OFFICE_WORDS = new Set(ROLES.officeWords.map((w) => w.toLowerCase()));
export const NON_OFFICE_WORDS = new Set(ROLES.nonOfficeWords.map((w) => w.toLowerCase()));
export const HONORIFICS = new Set(ROLES.honorifics);
export const FEMALE_WORDS = new Set(ROLES.femaleWords);
export const MALE_WORDS = new Set(ROLES.maleWords);
export const NAME_PARTICLES = new Set(ROLES.nameParticles);

// ---------------------------------------------------------------- predicates

export type VerbEntry = z.infer<typeof PredicatesSchema>["verbs"][number];
export type NounEntry = z.infer<typeof PredicatesSchema>["nouns"][number];
export type AdjectiveEntry = z.infer<typeof PredicatesSchema>["adjectives"][number];

function indexBy<T extends { lemma: string }>(list: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const e of list) {
    const l = m.get(e.lemma) ?? [];
    l.push(e);
    m.set(e.lemma, l);
  }
  return m;
}
export const VERBS = indexBy(PREDICATES.verbs);
export const ADJECTIVES = indexBy(PREDICATES.adjectives);
export const NOUNS = indexBy(PREDICATES.nouns);
export const CLASSES = PREDICATES.classes;
export const LIGHT_VERBS = new Set(PREDICATES.lightVerbs);
export const RECEIVE_VERBS = new Set(PREDICATES.receiveVerbs);
export const TRANSFER_VERBS = new Set(PREDICATES.transferVerbs);
export const SPEECH_VERBS = new Set(PREDICATES.speechVerbs);

export const NEGATORS = new Set(POLARITY.negators);
export const NEGATIVE_IMPLICATIVES = new Set(POLARITY.negativeImplicatives);
export const HEDGE_VERBS = new Set(POLARITY.hedgeVerbs);
export const CONDITION_MARKERS = POLARITY.conditionMarkers.map((m) => m.toLowerCase());
export const CONDITION_PHRASES = POLARITY.conditionPhrases.map((m) => m.toLowerCase());
export const VOLITIONAL_MODALS = new Set(POLARITY.volitionalModals);
export const HEDGE_MODALS = new Set(POLARITY.hedgeModals);
export const SPECULATION_WORDS = new Set(POLARITY.speculationWords);
export const WISH_VERBS = new Set(POLARITY.wishVerbs);
export const DENIAL_VERBS = new Set(POLARITY.denialVerbs);

export const MEETING_NOUNS = new Set(NOMINALS.meetingNouns);
export const MEETING_NAMES = new Set(NOMINALS.meetingNames);
export const GENERIC_PROPOSAL_NOUNS = new Set(NOMINALS.genericProposalNouns);
export const NOT_PROPOSALS = new Set(NOMINALS.notProposals);
export const ASSET_NOUNS = new Set(NOMINALS.assetNouns);
export const MISSION_HEADS = new Set(NOMINALS.missionHeads);
export const NAMED_PROPOSAL_HEADS = new Set(NOMINALS.namedProposalHeads);
export const PERSON_ROLE_NOUNS = new Set(NOMINALS.personRoleNouns);
/** "the announcement" -> "announce": nouns that name what a verb's sentence named. */
export const EVENT_NOMINALS = new Map(Object.entries(NOMINALS.eventNominals));
export const COUNTRY_ANAPHORS = new Set(NOMINALS.countryAnaphors);
/** Other words for a role word ("envoy" for "representative"). */
export const ROLE_SYNONYMS = new Map(Object.entries(ROLES.roleSynonyms));
export const BRIEF_ROLE_WORDS = new Set(ROLES.briefRoleWords);
export const ORG_ANAPHORS = new Map(Object.entries(NOMINALS.orgAnaphors));
export const PAIR_NOUNS = new Set(NOMINALS.pairNouns);
export const COLLECTIVE_ACTOR_NOUNS = new Set(NOMINALS.collectiveActorNouns);
export const LOCATIVE_PREPS = new Set(NOMINALS.locativePreps);
export const PEOPLE_WORDS = new Set(NOMINALS.peopleWords);

/** A word that names a meeting ("talks" has the lemma "talk", which alone names none). */
export function isMeetingWord(tok: { lemma: string; lower: string }): boolean {
  return MEETING_NOUNS.has(tok.lower) || MEETING_NOUNS.has(tok.lemma);
}
export const PAIR_DETERMINERS = new Set(NOMINALS.pairDeterminers);

/** "Franco-" in "Franco-British": a state named only as the first part of a hyphenated pair of states. */
export const COMBINING_FORMS = new Map(Object.entries(countriesExtra.combiningForms));
