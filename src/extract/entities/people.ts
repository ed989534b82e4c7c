import type { Doc, Sent } from "../doc/doc.ts";
import { BRIEF_ROLE_WORDS, COUNTRIES, NON_OFFICE_WORDS, OFFICE_WORDS, TITLE_WORDS, ORGS } from "../lexicon/index.ts";
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
  /** Token range of the title words. */
  from: number;
  to: number;
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

/**
 * The words right before a name that make its title ("Qatar's foreign ministry spokesman", "Hamas political
 * leader", "AU Commission Chairperson"): read along the text, not the tree, because parsers often misattach them.
 */
function preNameTitle(doc: Doc, reg: Registry, s: Sent, m: Mention, resolve: TitleResolver): Office | undefined {
  let a = m.from;
  while (a > 0) {
    const t = s.toks[a - 1]!;
    const named = reg.at(s.index, a - 1).some((x) => x.entity !== m.entity && x.entity.type !== "Person");
    const titleLike = TITLE_WORDS.has(t.lower) || OFFICE_WORDS.has(t.lower) || NON_OFFICE_WORDS.has(t.lower) || (t.lower === "the" && s.toks[a - 2]?.lower === "of");
    const joiner = t.pos === "POS" || (t.lower === "of" && a - 1 > 0) || t.pos === "HYPH";
    const describing = t.pos.startsWith("JJ") && a - 1 > 0;
    if (!(named || titleLike || joiner || describing || (t.pos === "NNP" && /^\p{Lu}/u.test(t.text) && !reg.at(s.index, a - 1).some((x) => x.entity.type === "Person")))) break;
    // "of the Republic of Korea": an article after "of" inside the title.
    const ofThe = t.lower === "the" && s.toks[a - 2]?.lower === "of";
    if ((t.pos === "DT" && !ofThe) || t.pos === "," || t.pos.startsWith("VB")) break;
    a--;
  }
  // Leading joiners and describing words without a title after them are not a title.
  while (a < m.from && (s.toks[a]!.pos === "POS" || s.toks[a]!.lower === "of")) a++;
  if (a === m.from) return undefined;
  const words = s.toks.slice(a, m.from);
  if (!words.some((t) => TITLE_WORDS.has(t.lower) || OFFICE_WORDS.has(t.lower) || NON_OFFICE_WORDS.has(t.lower))) {
    // "Azerbaijan's Jeyhun Bayramov", "Russia's Lavrov": a state's or organisation's own official.
    const owner = m.from >= 2 && s.toks[m.from - 1]!.pos === "POS" ? reg.at(s.index, m.from - 2).find((x) => x.to === m.from - 2 && (x.entity.type === "Country" || x.entity.type === "Organization")) : undefined;
    if (!owner) return undefined;
    return { role: "", country: owner.entity.type === "Country" ? owner.entity : undefined, org: owner.entity.type === "Organization" ? owner.entity : undefined, office: true, sent: s.index, from: owner.from, to: m.from - 1 };
  }
  return readTitle(doc, reg, s, a, m.from - 1, m, resolve);
}

/** "X, the Qatari foreign ministry spokesman," and "Cambodia's chief negotiator, X": a title phrase set off by commas. */
function appositionTitle(doc: Doc, reg: Registry, s: Sent, m: Mention, resolve: TitleResolver): Office | undefined {
  const toks = s.toks;
  // After the name: ", the head of the Mossad spy agency,"
  if (toks[m.to + 1]?.text === ",") {
    let b = m.to + 2;
    while (b < toks.length && toks[b]!.text !== "," && toks[b]!.text !== "." && !toks[b]!.pos.startsWith("VB") && toks[b]!.lower !== "who" && b - m.to < 14) b++;
    const phrase = toks.slice(m.to + 2, b);
    // "X, Turkish Foreign Minister Hakan Fidan and ...": a title followed by another person's name is that person's.
    let nextPerson = false;
    for (let k = m.to + 2; k < b; k++) if (reg.at(s.index, k).some((x) => x.entity.type === "Person" && x.entity !== m.entity)) nextPerson = true;
    if (!nextPerson && phrase.length && /^(DT|PRP\$|NNP|JJ|NN)/.test(phrase[0]!.pos) && phrase.some((t) => OFFICE_WORDS.has(t.lower) || NON_OFFICE_WORDS.has(t.lower))) {
      const office = readTitle(doc, reg, s, m.to + 2, b - 1, m, resolve);
      if (office) return office;
    }
  }
  // Before the name: "Cambodia's chief negotiator, Secretary of State Chea Vuthy"
  let a = m.from - 1;
  while (a >= 0 && (TITLE_WORDS.has(toks[a]!.lower) || toks[a]!.pos === "NNP") && toks[a]!.text !== ",") a--;
  if (a >= 1 && toks[a]!.text === ",") {
    let c = a - 1;
    // "the EU's special representative for the dialogue, X": an of/for-phrase belongs to the title.
    const inTitle = (k: number) => toks[k]!.pos === "IN" && /^(for|of|to|on)$/.test(toks[k]!.lower) && toks.slice(0, k).some((x, i) => i > k - 6 && OFFICE_WORDS.has(x.lower));
    // "X and his Colombian counterpart, Y": the title starts after the conjunction.
    while (c >= 0 && toks[c]!.text !== "," && !toks[c]!.pos.startsWith("VB") && toks[c]!.pos !== "CC" && (toks[c]!.pos !== "IN" || inTitle(c)) && a - c < 12) c--;
    const phrase = toks.slice(c + 1, a);
    if (phrase.length && phrase.some((t) => OFFICE_WORDS.has(t.lower)) && (c < 0 || toks[c]!.text === "," || toks[c]!.pos === "IN" || toks[c]!.pos === "CC")) {
      return readTitle(doc, reg, s, c + 1, a - 1, m, resolve);
    }
  }
  return undefined;
}

function readTitle(doc: Doc, reg: Registry, s: Sent, a: number, b: number, m: Mention, resolve: TitleResolver): Office | undefined {
  let country: Entity | undefined;
  let org: Entity | undefined;
  const roleWords: string[] = [];
  let office = false;
  let nonOffice = false;
  // "the UN special envoy for Yemen", "the ambassador to Yemen": after for/on/to comes the brief, not the employer.
  let brief = false;
  for (let t = a; t <= b; t++) {
    const tok = s.toks[t]!;
    // "head of the UN Support Mission in Libya", "head of delegation in Yemen": where the office sits, not whose it is.
    if ((/^(for|on|to)$/.test(tok.lower) && t > a && BRIEF_ROLE_WORDS.has(s.toks[t - 1]!.lower)) || (tok.lower === "in" && t > a)) brief = true;
    const ms = brief ? [] : reg.at(s.index, t).filter((x) => x.entity !== m.entity);
    const countryM = ms.find((x) => x.entity.type === "Country");
    const orgM = ms.find((x) => x.entity.type === "Organization");
    // "Turkish Cypriot leader", "Greek Cypriot negotiator": two peoples' adjectives name a community, not a state.
    const nextCountry = reg.at(s.index, (countryM?.to ?? t) + 1).find((x) => x.entity.type === "Country" && x.kind === "demonym");
    if (countryM && countryM.kind === "demonym" && nextCountry && nextCountry.entity !== countryM.entity) {
      t = nextCountry.to;
      continue;
    }
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
  return { role: capitaliseRole(role), country, org, office: office && !nonOffice, sent: s.index, from: a, to: b };
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
