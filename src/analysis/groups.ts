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

/** A country's region: the graph's value when the extractor set it, else the world-countries dataset's. */
export function regionOf(c: ActorCandidate): string | null {
  if (c.region) return c.region;
  const names = new Set([c.name, ...c.aliases].map(norm));
  const hit = WORLD.find(
    (w) =>
      (c.iso3 && w.cca3 === c.iso3) ||
      (c.iso2 && w.cca2 === c.iso2) ||
      names.has(norm(w.name.common)) ||
      names.has(norm(w.name.official)),
  );
  return hit?.region ?? null;
}

function matchesAny(c: ActorCandidate, refs: string[]): boolean {
  if (refs.length === 0) return false;
  const names = new Set([c.id, c.name, ...c.aliases].map(norm));
  return refs.some((r) => {
    if (names.has(norm(r))) return true;
    // ISO codes are upper case in the config: "TUR", "TR".
    return /^[A-Z]{2,3}$/.test(r) && (c.iso3 === r || c.iso2 === r || isoOfName(c) === r);
  });
}

function isoOfName(c: ActorCandidate): string | null {
  if (c.type !== "Country") return null;
  const names = new Set([c.name, ...c.aliases].map(norm));
  const hit = WORLD.find((w) => names.has(norm(w.name.common)) || names.has(norm(w.name.official)));
  return hit?.cca3 ?? null;
}

/**
 * The members of a group among the graph's actors. Actors that have their own column in the same
 * comparison (`standalone`) are left out, so "Europe" next to "Russia" does not count Russia twice.
 */
export function groupMembers(group: Group, candidates: ActorCandidate[], standalone: Set<string> = new Set()): ActorCandidate[] {
  const regions = new Set(group.regions.map(norm));
  const groupRegions = new Set(group.includeGroupsOfRegion.map(norm));
  const countries = candidates.filter(
    (c) =>
      c.type === "Country" &&
      (matchesAny(c, group.countries) || (regions.size > 0 && regions.has(norm(regionOf(c) ?? "")))),
  );
  const countryIds = new Set(countries.map((c) => c.id));
  const organizations = candidates.filter(
    (c) =>
      c.type === "Organization" &&
      (matchesAny(c, group.organizations) || (c.kind === "group" && groupRegions.has(norm(c.region ?? "")))),
  );
  const people = group.includePeople
    ? candidates.filter(
        (c) => c.type === "Person" && ((c.country !== null && countryIds.has(c.country)) || c.leads.some((id) => countryIds.has(id))),
      )
    : [];
  const excluded = (c: ActorCandidate) => standalone.has(c.id) || matchesAny(c, group.exclude);
  // A person of an excluded country goes too (Russia named on its own takes its president with it).
  const excludedCountries = new Set(countries.filter(excluded).map((c) => c.id));
  return [...countries, ...organizations, ...people].filter(
    (c) =>
      !excluded(c) &&
      !(c.type === "Person" && ((c.country !== null && excludedCountries.has(c.country)) || c.leads.some((id) => excludedCountries.has(id)))),
  );
}
