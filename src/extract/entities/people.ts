import { type Doc, type Sent, kidsOf, subtree } from "../doc/doc.ts";
import { COUNTRIES, NON_OFFICE_WORDS, OFFICE_WORDS, TITLE_WORDS, ORGS } from "../lexicon/index.ts";
import { countryEntity, orgEntity } from "./names.ts";
import type { Entity, Mention, Registry } from "./registry.ts";

/** A person's office as the text gives it: the role words and whom the office acts for. */
export interface Office {
  role: string;
  country?: Entity;
  org?: Entity;
  /** The role is an office (minister, spokesman) rather than a description (columnist, opposition leader). */
  office: boolean;
  /** Sentence whose words give the office (the evidence of LEADS). */
  sent: number;
}

/** Resolves a reference inside a title ("the movement's deputy leader") to an entity, if it can. */
export type TitleResolver = (s: Sent, t: number) => Entity | undefined;

/**
 * Reads each person's title ("Hungarian Foreign Minister X", "X, Russia's deputy foreign minister", "NATO Secretary
 * General X") into attributes: role, country, organisation. A title that names an office but not whom it acts for
 * ("Foreign Minister X") takes the country the sentence is about, then the one of a known office holder.
 */
export function readOffices(doc: Doc, reg: Registry, resolve: TitleResolver): Map<Entity, Office[]> {
  const out = new Map<Entity, Office[]>();
  for (const person of reg.list("Person")) {
    for (const m of person.mentions) {
      if (m.kind !== "name") continue;
      const s = doc.sents[m.sent]!;
      for (const office of [preNameTitle(doc, reg, s, m, resolve), appositionTitle(doc, reg, s, m, resolve)]) {
        if (!office) continue;
        const list = out.get(person) ?? [];
        list.push(office);
        out.set(person, list);
      }
    }
  }
  for (const [person, offices] of out) {
    const best = offices.find((o) => o.country || o.org) ?? offices[0]!;
    if (best.role && person.attrs.role === undefined) person.attrs.role = best.role;
    if (!best.office) person.attrs.noOffice = true;
    for (const o of offices) {
      if (o.country && person.attrs.country === undefined) person.attrs.country = o.country.key;
      if (o.org && person.attrs.org === undefined) person.attrs.org = o.org.key;
    }
  }
  return out;
}

/** The words before a name that belong to its noun phrase and make a title. */
function preNameTitle(doc: Doc, reg: Registry, s: Sent, m: Mention, resolve: TitleResolver): Office | undefined {
  const head = m.to;
  let a = m.from;
  while (a > 0) {
    const t = s.toks[a - 1]!;
    const inside = isInside(s, a - 1, m.from, head);
    if (!inside) break;
    if (t.pos === "DT" || t.pos === "," || t.pos === "CC" || t.pos.startsWith("VB") || t.pos === "PRP$") break;
    a--;
  }
  if (a === m.from) return undefined;
  return readTitle(doc, reg, s, a, m.from - 1, m, resolve);
}

/** Token t lies in the noun phrase of the name: its chain of heads reaches the name before leaving [from, head]. */
function isInside(s: Sent, t: number, from: number, head: number): boolean {
  let x = t;
  for (let guard = 0; guard < 12 && x >= 0; guard++) {
    const h = s.head[x]!;
    if (h >= from && h <= head) return true;
    if (h < 0 || h > head) return false;
    x = h;
  }
  return false;
}

/** "X, the Qatari foreign ministry spokesman" and "Cambodia's chief negotiator, X". */
function appositionTitle(doc: Doc, reg: Registry, s: Sent, m: Mention, resolve: TitleResolver): Office | undefined {
  const head = m.to;
  let np: number | undefined;
  const appos = kidsOf(s, head, "appos").find((k) => s.toks[k]!.pos.startsWith("NN"));
  if (appos !== undefined) np = appos;
  else if (s.rel[head] === "appos" && s.head[head]! >= 0 && s.toks[s.head[head]!]!.pos.startsWith("NN")) np = s.head[head]!;
  if (np === undefined) return undefined;
  // The title phrase: the noun's subtree without clauses and without the name itself.
  const toks = subtree(s, np, (rel, tok) => rel.startsWith("acl") || rel === "appos" || (tok >= m.from && tok <= m.to) || rel === "punct");
  const inTitle = toks.filter((t) => t < m.from || t > m.to);
  if (!inTitle.length) return undefined;
  const lo = Math.min(...inTitle);
  const hi = Math.max(...inTitle);
  if (!inTitle.some((t) => TITLE_WORDS.has(s.toks[t]!.lower) || OFFICE_WORDS.has(s.toks[t]!.lower) || NON_OFFICE_WORDS.has(s.toks[t]!.lower))) return undefined;
  return readTitle(doc, reg, s, lo, hi, m, resolve);
}

function readTitle(doc: Doc, reg: Registry, s: Sent, a: number, b: number, m: Mention, resolve: TitleResolver): Office | undefined {
  let country: Entity | undefined;
  let org: Entity | undefined;
  const roleWords: string[] = [];
  let office = false;
  let nonOffice = false;
  for (let t = a; t <= b; t++) {
    const tok = s.toks[t]!;
    const ms = reg.at(s.index, t).filter((x) => x.entity !== m.entity);
    const countryM = ms.find((x) => x.entity.type === "Country");
    const orgM = ms.find((x) => x.entity.type === "Organization");
    if (countryM) {
      country ??= countryM.entity;
      t = Math.max(t, countryM.to);
      continue;
    }
    if (orgM) {
      org ??= orgM.entity;
      t = Math.max(t, orgM.to);
      continue;
    }
    if (ms.some((x) => x.entity.type === "Place")) continue;
    if (tok.pos === "POS" || tok.pos === "DT") {
      continue;
    }
    // "the movement's deputy leader": a reference back to an organisation.
    const ref = resolve(s, t);
    if (ref && (ref.type === "Organization" || ref.type === "Country")) {
      if (ref.type === "Country") country ??= ref;
      else org ??= ref;
      continue;
    }
    if (OFFICE_WORDS.has(tok.lower)) office = true;
    if (NON_OFFICE_WORDS.has(tok.lower)) nonOffice = true;
    if (TITLE_WORDS.has(tok.lower) || OFFICE_WORDS.has(tok.lower) || NON_OFFICE_WORDS.has(tok.lower) || tok.pos.startsWith("JJ") || tok.pos.startsWith("NN")) {
      roleWords.push(tok.text);
    }
  }
  const role = roleWords.join(" ").replace(/^(of|for|and) | (of|for|and)$/g, "").trim();
  if (!role && !country && !org) return undefined;
  if (!office && !nonOffice && !country && !org) return undefined;
  return { role: capitaliseRole(role), country, org, office: office && !nonOffice, sent: s.index };
}

function capitaliseRole(role: string): string {
  return role ? role[0]!.toUpperCase() + role.slice(1) : role;
}

/**
 * The country an office holder without an explicit one acts for: a known office holder's country, else the one
 * country the sentence names as an actor (or the country of a capital it names as a place), else none.
 */
export function contextCountry(doc: Doc, reg: Registry, person: Entity, s: Sent): Entity | undefined {
  const known = person.attrs.knownCountry;
  if (typeof known === "string" && COUNTRIES.has(known)) return countryEntity(reg, known);
  const seen = new Set<Entity>();
  const places = new Set<string>();
  for (let t = 0; t < s.toks.length; t++) {
    for (const m of reg.at(s.index, t)) {
      if (m.entity.type === "Country") seen.add(m.entity);
      if (m.entity.type === "Place") places.add(m.entity.name);
    }
  }
  if (seen.size === 1) return [...seen][0];
  if (seen.size === 0) {
    for (const c of COUNTRIES.values()) if (c.capitals.some((cap) => places.has(cap))) return countryEntity(reg, c.iso3);
  }
  return undefined;
}

/** The organisation a known office holder acts for (a Secretary General of NATO named without a title). */
export function knownOrg(reg: Registry, person: Entity): Entity | undefined {
  const id = person.attrs.knownOrg;
  return typeof id === "string" && ORGS.has(id) ? orgEntity(reg, id) : undefined;
}
