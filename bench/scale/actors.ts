/**
 * The actors of the scale corpus: the well-known ones from the extractor's lexicons (countries from the
 * world-countries data with the lexicon's preferred names, leaders, organisations, places), ranked roughly by how
 * often news names them, and a long tail of generated rare names that keeps growing with the corpus.
 */
import worldCountries, { type Countries } from "world-countries";
import countriesExtra from "../../src/extract/lexicons/countries-extra.json" with { type: "json" };
import leadersLexicon from "../../src/extract/lexicons/leaders.json" with { type: "json" };
import organizationsLexicon from "../../src/extract/lexicons/organizations.json" with { type: "json" };
import placesLexicon from "../../src/extract/lexicons/places.json" with { type: "json" };
import { hash32 } from "./random.ts";

export type ActorType = "Person" | "Organization" | "Country";
export type Actor = {
  type: ActorType;
  name: string;
  aliases: string[];
  /** FORMAT.md attributes, as the extractor emits them (Country: iso2, iso3, region; Person: role, country; Organization: kind). */
  attributes: Record<string, string>;
};

// CommonJS package: at run time the default export is the array.
const countries = (worldCountries as unknown as Countries).filter((c) => c.independent);
const preferred = countriesExtra.preferredNames as Record<string, string>;
const extraAliases = countriesExtra.extraAliases as Record<string, string[]>;

/** The states news names most, first; the rest follow in a fixed pseudo-random order. */
const PROMINENT = ["USA", "RUS", "UKR", "CHN", "ISR", "IRN", "TUR", "DEU", "FRA", "GBR", "PSE", "QAT", "EGY", "SAU", "IND", "POL", "JPN", "HUN", "ITA", "SYR"];

function countryActor(c: Countries[number]): Actor {
  const name = preferred[c.cca3] ?? c.name.common;
  return {
    type: "Country",
    name,
    aliases: (extraAliases[c.cca3] ?? []).filter((a) => a !== name && /^[\p{L} .'-]+$/u.test(a)).slice(0, 2),
    attributes: { iso2: c.cca2, iso3: c.cca3, region: c.region },
  };
}

const byIso3 = new Map(countries.map((c) => [c.cca3, c]));
const countryActors: Actor[] = [
  ...PROMINENT.flatMap((code) => (byIso3.has(code) ? [countryActor(byIso3.get(code)!)] : [])),
  ...countries
    .filter((c) => !PROMINENT.includes(c.cca3))
    .sort((a, b) => hash32(a.cca3) - hash32(b.cca3))
    .map(countryActor),
];

const leaderActors: Actor[] = (leadersLexicon.people as Array<{ name: string; role?: string; country?: string }>).map((p) => {
  const country = p.country ? byIso3.get(p.country) : undefined;
  const surname = p.name.split(" ").at(-1)!;
  return {
    type: "Person",
    name: p.name,
    aliases: surname !== p.name ? [surname] : [],
    attributes: {
      ...(p.role ? { role: p.role } : {}),
      ...(country ? { country: preferred[country.cca3] ?? country.name.common } : {}),
    },
  };
});

const organizationActors: Actor[] = (organizationsLexicon.organizations as Array<{ name: string; kind: string; aliases?: string[] }>).map((o) => ({
  type: "Organization",
  name: o.name,
  aliases: (o.aliases ?? []).filter((a) => /^\p{Lu}/u.test(a)).slice(0, 2),
  attributes: { kind: o.kind },
}));

/**
 * Well-known actors by rank: countries, leaders and organisations interleaved, so the head of the distribution
 * mixes the three as news does (the United States, Trump, Russia, Putin, NATO...).
 */
export const WELL_KNOWN: readonly Actor[] = (() => {
  const lists = [countryActors, leaderActors, organizationActors];
  const out: Actor[] = [];
  for (let i = 0; out.length < countryActors.length + leaderActors.length + organizationActors.length; i++) {
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  }
  return out;
})();

/** Places news names (the lexicon's cities, regions and seas, and the states' capitals), most named first. */
export const PLACES: readonly string[] = [
  ...new Set([
    ...(placesLexicon.places as string[]).filter((p) => !["Europe", "Asia", "Africa", "Gulf", "Golan", "Donbass", "Odessa", "Khan Yunis"].includes(p)),
    ...countries.flatMap((c) => c.capital.slice(0, 1)),
  ]),
];

const SYLLABLES = ["ka", "lo", "ren", "mi", "vas", "tor", "an", "el", "sen", "dra", "mir", "ov", "ich", "ber", "son", "ta", "ri", "no", "gar", "lin", "su", "ha", "bek", "ul", "zo", "pet", "mar", "ola", "dan", "is"];
const ORG_KINDS = ["Party", "Front", "Council", "Institute", "Movement", "Brigade", "Foundation", "Union", "Commission", "Alliance"];
const ROLES = ["foreign minister", "defence minister", "envoy", "spokesperson", "lawmaker", "commander", "mayor", "negotiator", "adviser", "governor"];

/** n written in syllables (base 30, at least `parts` of them): different numbers give different words. */
function word(n: number, parts: number): string {
  let w = "";
  for (let i = 0; i < parts || n > 0; i++) {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/**
 * The n-th rare actor: a person (two thirds) or an organisation, with a made-up but pronounceable name, unique by n.
 * Rare people work for a country (a role and a country attribute), like the officials who appear in one story.
 */
export function rareActor(n: number): Actor {
  const h = hash32(String(n), 11);
  // Unique names: the last word is n itself, spelled in syllables.
  if (n % 3 !== 2) {
    const name = `${word(h % 900, 2)} ${word(n, 3)}`;
    const country = countryActors[h % countryActors.length]!;
    return { type: "Person", name, aliases: [name.split(" ")[1]!], attributes: { role: ROLES[h % ROLES.length]!, country: country.name } };
  }
  return { type: "Organization", name: `${word(n, 3)} ${ORG_KINDS[h % ORG_KINDS.length]}`, aliases: [], attributes: { kind: "group" } };
}

/** The n-th rare place (a town or district), unique by n. */
export function rarePlace(n: number): string {
  return `${word(n, 2)}${["grad", "ville", "abad", "ovo", "port", "dorf"][n % 6]}`;
}
