import { existsSync, readFileSync } from "node:fs";
import { looseKey } from "../text/normalise.ts";
import path from "node:path";
import worldCountries from "world-countries";
import { z } from "zod";
import { loadConfig } from "../config/index.ts";
import type { ActorCandidate } from "./schema.ts";

/** config/groups.json: actor groups such as "Europe" and "NATO", extendable by users. */
export const GroupSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  description: z.string().optional(),
  /** Country regions (Country.region, else the world-countries dataset). */
  regions: z.array(z.string()).default([]),
  /** Country names, aliases, ids or ISO 3166 alpha-2/alpha-3 codes. */
  countries: z.array(z.string()).default([]),
  /** Organization names, aliases or ids. */
  organizations: z.array(z.string()).default([]),
  /** Organizations with kind "group" whose region is one of these (e.g. "European leaders", region Europe). */
  includeGroupsOfRegion: z.array(z.string()).default([]),
  exclude: z.array(z.string()).default([]),
  /** People whose country is a member, or who lead one. */
  includePeople: z.boolean().default(true),
});
export type Group = z.infer<typeof GroupSchema>;

export const GroupsFileSchema = z.object({ groups: z.array(GroupSchema) });


export class GroupsConfigError extends Error {
  readonly userFacing = true;
}

/** Reads the groups file; a missing file means no groups, a malformed one is a clear error. */
export function loadGroups(file: string = loadConfig().groupsFile): Group[] {
  if (!existsSync(file)) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new GroupsConfigError(`${file}: not valid JSON (${(err as Error).message}). Fix the file or remove it.`);
  }
  const parsed = GroupsFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new GroupsConfigError(`${file}: ${problems}. See the _about note at the top of config/groups.json.`);
  }
  return parsed.data.groups;
}

const norm = looseKey;

export function findGroup(groups: Group[], name: string): Group | undefined {
  const n = norm(name);
  return groups.find((g) => norm(g.name) === n || g.aliases.some((a) => norm(a) === n));
}

type WorldCountry = { name: { common: string; official: string }; cca2: string; cca3: string; region: string; altSpellings: string[] };
const WORLD = worldCountries as unknown as WorldCountry[];
// Indexed once: groups are resolved against thousands of candidates per comparison.
const WORLD_BY_NAME = new Map<string, WorldCountry>();
for (const w of WORLD) for (const name of [w.name.official, w.name.common]) WORLD_BY_NAME.set(norm(name), w);
const WORLD_BY_CODE = new Map<string, WorldCountry>(WORLD.flatMap((w) => [[w.cca3, w] as const, [w.cca2, w] as const]));

/** The world-countries entry of a country candidate: by its codes, else by one of its names. */
function worldEntry(c: ActorCandidate): WorldCountry | undefined {
  const byCode = (c.iso3 ? WORLD_BY_CODE.get(c.iso3) : undefined) ?? (c.iso2 ? WORLD_BY_CODE.get(c.iso2) : undefined);
  if (byCode) return byCode;
  for (const name of [c.name, ...c.aliases]) {
    const hit = WORLD_BY_NAME.get(norm(name));
    if (hit) return hit;
  }
  return undefined;
}

/** A country's region: the graph's value when the extractor set it, else the world-countries dataset's. */
export function regionOf(c: ActorCandidate): string | null {
  if (c.region) return c.region;
  return worldEntry(c)?.region ?? null;
}

/** A group's references (names, ids, ISO codes), normalised once. */
type Refs = { names: Set<string>; codes: Set<string> };
function refsOf(refs: string[]): Refs {
  // ISO codes are upper case in the config: "TUR", "TR".
  return { names: new Set(refs.map(norm)), codes: new Set(refs.filter((r) => /^[A-Z]{2,3}$/.test(r))) };
}

function matchesAny(c: ActorCandidate, refs: Refs): boolean {
  if (refs.names.size === 0) return false;
  if ([c.id, c.name, ...c.aliases].some((n) => refs.names.has(norm(n)))) return true;
  if (refs.codes.size === 0) return false;
  return (c.iso3 !== null && refs.codes.has(c.iso3)) || (c.iso2 !== null && refs.codes.has(c.iso2)) || refs.codes.has(isoOfName(c) ?? "");
}

function isoOfName(c: ActorCandidate): string | null {
  if (c.type !== "Country") return null;
  for (const name of [c.name, ...c.aliases]) {
    const hit = WORLD_BY_NAME.get(norm(name));
    if (hit) return hit.cca3;
  }
  return null;
}

/**
 * People join a group's column through their countries, at most this many, the busiest (most facts) first: a year
 * of news names thousands of officials of European states, and a column is read and shown for what it holds.
 */
export const GROUP_PEOPLE = 200;
/** A country speaks through the people who lead it: at most this many, the busiest first. */
export const COUNTRY_LEADERS = 12;

/** The `max` candidates with the most facts (ties by id, so the choice does not depend on the store's order). */
export function busiestFirst<T extends { id: string; degree: number }>(candidates: T[], max: number): T[] {
  return [...candidates].sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id)).slice(0, max);
}

/**
 * The members of a group among the graph's actors. Actors that have their own column in the same
 * comparison (`standalone`) are left out, so "Europe" next to "Russia" does not count Russia twice.
 */
export function groupMembers(group: Group, candidates: ActorCandidate[], standalone: Set<string> = new Set(), maxPeople = GROUP_PEOPLE): ActorCandidate[] {
  const countryRefs = refsOf(group.countries);
  const organizationRefs = refsOf(group.organizations);
  const excludeRefs = refsOf(group.exclude);
  const regions = new Set(group.regions.map(norm));
  const groupRegions = new Set(group.includeGroupsOfRegion.map(norm));
  const countries = candidates.filter(
    (c) =>
      c.type === "Country" &&
      (matchesAny(c, countryRefs) || (regions.size > 0 && regions.has(norm(regionOf(c) ?? "")))),
  );
  const countryIds = new Set(countries.map((c) => c.id));
  const organizations = candidates.filter(
    (c) =>
      c.type === "Organization" &&
      (matchesAny(c, organizationRefs) || (c.kind === "group" && groupRegions.has(norm(c.region ?? "")))),
  );
  const people = group.includePeople
    ? busiestFirst(
        candidates.filter((c) => c.type === "Person" && ((c.country !== null && countryIds.has(c.country)) || c.leads.some((id) => countryIds.has(id)))),
        maxPeople,
      )
    : [];
  const excluded = (c: ActorCandidate) => standalone.has(c.id) || matchesAny(c, excludeRefs);
  // A person of an excluded country goes too (Russia named on its own takes its president with it).
  const excludedCountries = new Set(countries.filter(excluded).map((c) => c.id));
  return [...countries, ...organizations, ...people].filter(
    (c) =>
      !excluded(c) &&
      !(c.type === "Person" && ((c.country !== null && excludedCountries.has(c.country)) || c.leads.some((id) => excludedCountries.has(id)))),
  );
}
