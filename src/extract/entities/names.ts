import { slug } from "../../text/normalise.ts";
import { type Doc, type Sent, type Tok, capitalisedRun, kidsOf, withHyphenated } from "../doc/doc.ts";
import { COUNTRIES, GROUP_INFO, HONORIFICS, LEADER_LIST, type LeaderInfo, LOCATIVE_PREPS, MEETING_NOUNS, NAME_PARTICLES, ORGS, PLACE_HEADS, type PhraseEntry, REGION_HEADS, TITLE_WORDS, groupFor, isMeetingWord, phrasesStartingWith, G, COLLECTIVE_ACTOR_NOUNS, COMBINING_FORMS, PERSON_ROLE_NOUNS as PERSON_ROLE_WORDS, ORG_NAME_HEADS } from "../lexicon/index.ts";
import { type Entity, type Mention, Registry } from "./registry.ts";

/**
 * Finds the named entities of an article: countries (names, demonyms, capitals and buildings acting for them),
 * organisations, places and regional groups from the lexicons; people, organisations and places the lexicons do
 * not know from the parser's named-entity tags, titles and acronyms defined in the text.
 */
export function findNames(doc: Doc, reg: Registry): void {
  for (const s of doc.sents) {
    const covered = new Array<boolean>(s.toks.length).fill(false);
    gazetteer(doc, reg, s, covered);
    groupsByAdjective(reg, s, covered);
    headedOrganisations(doc, reg, s, covered);
    nerRuns(doc, reg, s, covered);
    titledNames(reg, s, covered);
    compassPlaces(reg, s);
    headedPlaces(reg, s, covered);
  }
  knownPeople(doc, reg);
  acronyms(doc, reg);
  shortNames(doc, reg);
}

export function countryEntity(reg: Registry, iso3: string): Entity | undefined {
  const c = COUNTRIES.get(iso3);
  if (!c) return undefined;
  const e = reg.ensure(`country:${iso3}`, "Country", c.name);
  e.attrs.iso3 = c.iso3;
  e.attrs.iso2 = c.iso2;
  e.attrs.region = c.region;
  return e;
}

export function orgEntity(reg: Registry, id: string): Entity | undefined {
  const o = ORGS.get(id);
  if (!o) return undefined;
  const e = reg.ensure(`org:${id}`, "Organization", o.name);
  e.attrs.kind = o.kind;
  return e;
}

export function placeEntity(reg: Registry, name: string): Entity {
  return reg.ensure(`place:${slug(name)}`, "Place", name);
}

/** "officials in Kinshasa", "diplomats in Paris": the capital stands for the government there, not a place. */
function afterCollective(s: Sent, t: number): boolean {
  let x = t;
  if (s.rel[x]!.startsWith("conj") && s.head[x]! >= 0) x = s.head[x]!;
  const h = s.head[x]!;
  if (h < 0 || !/^nmod/.test(s.rel[x]!)) return false;
  return COLLECTIVE_ACTOR_NOUNS.has(s.toks[h]!.lower) || COLLECTIVE_ACTOR_NOUNS.has(s.toks[h]!.lemma);
}

/** Is token t used as a location ("in Doha", "to Asmara", "the Doha talks")? */
export function isLocative(s: Sent, t: number): boolean {
  const rel = s.rel[t]!;
  if (rel.startsWith("obl") || rel.startsWith("nmod") || rel.startsWith("conj")) {
    let node = t;
    // A conjunct takes its first conjunct's preposition ("to Asmara and Addis Ababa").
    if (rel.startsWith("conj")) node = s.head[t]!;
    if (node < 0) return false;
    for (const c of kidsOf(s, node, "case")) if (LOCATIVE_PREPS.has(s.toks[c]!.lower)) return true;
    if (rel.startsWith("conj")) return isLocative(s, node);
  }
  if (rel === "compound" && s.head[t]! >= 0 && isMeetingWord(s.toks[s.head[t]!]!)) return true;
  if (rel === "obl:tmod" || rel === "nmod:tmod") return false;
  return false;
}

function gazetteer(doc: Doc, reg: Registry, s: Sent, covered: boolean[]): void {
  const toks = s.toks;
  for (let i = 0; i < toks.length; i++) {
    if (covered[i]) continue;
    const tok = toks[i]!;
    const hit = matchAt(doc, s, i);
    // "Ukraine Defense Contact Group": a country name inside a longer organisation name is the organisation's.
    if (hit && (hit.entry.kind === "country" || hit.entry.kind === "demonym") && s.toks[hit.to]!.ner === "ORGANIZATION" && s.toks[hit.to + 1]?.ner === "ORGANIZATION") {
      i = hit.to;
      continue;
    }
    if (hit) {
      const { entry, to } = hit;
      if (placeMention(doc, reg, s, i, to, entry)) for (let t = i; t <= to; t++) covered[t] = true;
      i = to;
      continue;
    }
    // Hyphenated compounds name several countries ("Brazilian-Colombian plan", "Kosovo-Serbia talks").
    if (tok.text.includes("-") && /^\p{Lu}/u.test(tok.text)) hyphenParts(doc, reg, s, i);
    // "Franco - British" split by the tokenizer: the combining form names a state when a state follows.
    const form = COMBINING_FORMS.get(tok.text);
    const dash = s.toks[i + 1];
    const next = s.toks[i + 2];
    if (form && dash?.text === "-" && dash.start === tok.end && next?.start === dash.end && matchAt(doc, s, i + 2)?.entry.kind.match(/^(country|demonym)$/)) {
      const e = countryEntity(reg, form);
      if (e) reg.mention(e, s, i, i, "demonym");
    }
  }
}

/** The longest gazetteer entry starting at token i and ending on a token boundary. */
function matchAt(doc: Doc, s: Sent, i: number): { entry: PhraseEntry; to: number } | undefined {
  const tok = s.toks[i]!;
  const cands = phrasesStartingWith(tok.text);
  for (const entry of cands) {
    if (!doc.body.startsWith(entry.text, tok.start)) continue;
    const end = tok.start + entry.text.length;
    for (let j = i; j < s.toks.length && s.toks[j]!.start < end; j++) {
      if (s.toks[j]!.end === end) return { entry, to: j };
    }
  }
  return undefined;
}

function placeMention(doc: Doc, reg: Registry, s: Sent, from: number, to: number, entry: PhraseEntry): boolean {
  const head = to;
  switch (entry.kind) {
    case "country": {
      const e = countryEntity(reg, entry.ref);
      if (!e) return false;
      reg.mention(e, s, from, to, "name");
      return true;
    }
    case "demonym": {
      // "Georgian Dream", "Turkish Straits": a demonym inside a longer proper name is not the country.
      const next = s.toks[to + 1];
      if (next && /^\p{Lu}/u.test(next.text) && next.ner !== "O" && s.toks[to]!.ner === next.ner && next.ner !== "PERSON") return false;
      const e = countryEntity(reg, entry.ref);
      if (!e) return false;
      reg.mention(e, s, from, to, "demonym");
      return true;
    }
    case "metonym": {
      const e = countryEntity(reg, entry.ref);
      if (!e) return false;
      reg.mention(e, s, from, to, "metonym");
      return true;
    }
    case "capital":
    case "seat": {
      if (isLocative(s, head) && !afterCollective(s, head)) {
        const name = doc.body.slice(s.toks[from]!.start, s.toks[to]!.end);
        reg.mention(placeEntity(reg, name), s, from, to, "name");
        return true;
      }
      const e = entry.kind === "seat" ? orgEntity(reg, entry.ref) : countryEntity(reg, entry.ref);
      if (!e) return false;
      reg.mention(e, s, from, to, "metonym");
      return true;
    }
    case "org": {
      const e = orgEntity(reg, entry.ref);
      if (!e) return false;
      reg.mention(e, s, from, to, "name");
      return true;
    }
    case "place": {
      reg.mention(placeEntity(reg, entry.ref), s, from, to, "name");
      return true;
    }
    case "group": {
      const g = GROUP_INFO.get(entry.ref);
      if (!g) return false;
      const e = reg.ensure(`group:${g.id}`, "Organization", g.name);
      e.attrs.kind = "group";
      e.attrs.region = g.region;
      reg.mention(e, s, from, to, "name");
      return true;
    }
  }
}

function hyphenParts(doc: Doc, reg: Registry, s: Sent, i: number): void {
  const tok = s.toks[i]!;
  const parts = tok.text.split("-");
  const states = parts.map((part) => phrasesStartingWith(part).find((e) => e.text === part && (e.kind === "country" || e.kind === "demonym"))?.ref);
  // "Franco-British": a combining form names a state when the rest of the word does too (not "Indo-Pacific").
  if (states.slice(1).some(Boolean)) parts.forEach((part, n) => (states[n] ??= n < parts.length - 1 ? COMBINING_FORMS.get(part) : undefined));
  let offset = tok.start;
  parts.forEach((part, n) => {
    const e = states[n] ? countryEntity(reg, states[n]!) : undefined;
    if (e) reg.mention(e, s, i, i, "demonym", offset, offset + part.length);
    offset += part.length + 1;
  });
}

function groupsByAdjective(reg: Registry, s: Sent, covered: boolean[]): void {
  for (let i = 0; i < s.toks.length; i++) {
    const head = s.toks[i]!;
    if (!head.pos.startsWith("NN")) continue;
    for (const a of kidsOf(s, i, /^(amod|compound)$/)) {
      let adj = s.toks[a]!.text;
      let from = a;
      // Two-word adjectives ("Latin American").
      if (a > 0 && /^\p{Lu}/u.test(s.toks[a - 1]!.text) && groupFor(`${s.toks[a - 1]!.text} ${adj}`, head.text)) {
        adj = `${s.toks[a - 1]!.text} ${adj}`;
        from = a - 1;
      }
      const g = groupFor(adj, head.text);
      if (!g) continue;
      // Inside a longer name ("Association of Southeast Asian Nations"), it is that name's.
      if (covered[i] || head.ner === "ORGANIZATION") continue;
      // "Latin American governments": the group, not the United States its adjective also names.
      for (let t = from; t <= a; t++) for (const m of [...reg.at(s.index, t)]) if (m.kind === "demonym") reg.unmention(m);
      // Include determiners and quantifiers before the adjective ("other European governments").
      let start = from;
      while (start > 0 && s.head[start - 1] === i && /^(amod|det)$/.test(s.rel[start - 1]!) && /^[a-z]/.test(s.toks[start - 1]!.text)) start--;
      const e = reg.ensure(`group:${g.id}`, "Organization", g.name);
      e.attrs.kind = "group";
      e.attrs.region = g.region;
      reg.mention(e, s, start, i, "name");
      for (let t = from; t <= i; t++) covered[t] = true;
    }
  }
}

function nerRuns(doc: Doc, reg: Registry, s: Sent, covered: boolean[]): void {
  const toks = s.toks;
  let i = 0;
  while (i < toks.length) {
    const tag = toks[i]!.ner;
    if (tag === "O" || covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < toks.length && toks[j + 1]!.ner === tag && !covered[j + 1]) j++;
    // "al-Ansari", "bin Abdulrahman": particles between name parts stay inside the name.
    while (j + 2 < toks.length && NAME_PARTICLES.has(toks[j + 1]!.lower) && toks[j + 2]!.ner === tag && !covered[j + 2]) {
      j += 2;
      while (j + 1 < toks.length && toks[j + 1]!.ner === tag && !covered[j + 1]) j++;
    }
    // "Senior General Min Aung Hlaing": a capitalised word the tagger left out, between a title and the name, is
    // the name's first part.
    let from = i;
    if (tag === "PERSON") {
      while (from > 0 && !covered[from - 1] && toks[from - 1]!.ner === "O" && toks[from - 1]!.pos === "NNP" && /^\p{Lu}\p{Ll}+$/u.test(toks[from - 1]!.text) && !TITLE_WORDS.has(toks[from - 1]!.lower) && from - 2 >= 0 && TITLE_WORDS.has(toks[from - 2]!.lower) && !reg.at(s.index, from - 1).length) from--;
    }
    if (tag === "PERSON") personRun(doc, reg, s, from, j);
    else if (tag === "ORGANIZATION") orgRun(doc, reg, s, i, j);
    else if (tag === "LOCATION") locationRun(doc, reg, s, i, j);
    for (let t = from; t <= j; t++) covered[t] = true;
    i = j + 1;
  }
}

const NAME_CONNECTORS = new Set(["of", "for", "and"]);

/**
 * "Africa Corps", "Alliance of Sahel States", "Sudanese Armed Forces": a run of capitalised words holding an
 * organisation's head word is one organisation, even where the tagger split it or the gazetteer saw a country or
 * place in it. Runs holding a known organisation or person are left to those.
 */
function headedOrganisations(doc: Doc, reg: Registry, s: Sent, covered: boolean[]): void {
  const toks = s.toks;
  for (let i = 0; i < toks.length; i++) {
    const j = capitalisedRun(s, i, { pos: /^(NNP|NNPS|NN|NNS|JJ)$/, links: NAME_CONNECTORS, maxLinks: 1 });
    if (j < 0) continue;
    // Connectors join names only inside one ("Alliance of Sahel States"), so trim to the last head-bearing part.
    let heads = 0;
    let lastHead = -1;
    for (let k = i; k <= j; k++) if (ORG_NAME_HEADS.has(toks[k]!.text)) (heads++, (lastHead = k));
    if (!heads || j === i) continue;
    let end = j;
    // Beyond the last head only an of-phrase belongs to the name ("Alliance of Sahel States", not "... and Mali").
    if (lastHead < j) {
      const of = toks[lastHead + 1]!.text === "of";
      end = of ? lastHead + 1 : lastHead;
      if (of) while (end + 1 <= j && !NAME_CONNECTORS.has(toks[end + 1]!.text)) end++;
      if (end === lastHead + 1) end = lastHead;
    }
    let from = i;
    while (from < end && NAME_CONNECTORS.has(toks[from]!.text)) from++;
    if (end === from) continue;
    const inner = new Set<Mention>();
    let blocked = false;
    for (let k = from; k <= end; k++) {
      for (const m of reg.at(s.index, k)) {
        if ((m.entity.type === "Country" || m.entity.type === "Place") && m.from >= from && m.to <= end) inner.add(m);
        else blocked = true;
      }
    }
    // A country's ministry stands for the country ("Russian Foreign Ministry"); a title is no organisation.
    if (blocked || toks.slice(from, end + 1).some((t) => !NAME_CONNECTORS.has(t.lower) && (G.ministryWords.has(t.lower) || TITLE_WORDS.has(t.lower)))) continue;
    // The name is its country's or place's in full ("Central African Republic"): the gazetteer's reading stands.
    if ([...inner].some((m) => m.from === from && m.to === end)) continue;
    for (const m of inner) {
      reg.unmention(m);
      if (!m.entity.mentions.length) reg.drop(m.entity);
    }
    const text = doc.body.slice(toks[from]!.start, toks[end]!.end);
    reg.mention(reg.ensure(`org:${slug(text)}`, "Organization", text), s, from, end, "name");
    for (let k = from; k <= end; k++) covered[k] = true;
    i = end;
  }
}

function isCapitalised(t: Tok): boolean {
  return /^\p{Lu}/u.test(t.text) || NAME_PARTICLES.has(t.lower);
}

export function personEntity(reg: Registry, name: string): Entity {
  const leader = leaderByName(name);
  const full = leader?.name ?? name;
  const e = reg.ensure(`person:${slug(full)}`, "Person", full);
  // "Volodymyr Zelensky" for "Volodymyr Zelenskyy": the text's spelling, and the full name under each known spelling.
  if (leader && name !== full && name.includes(" ")) e.aliases.add(name);
  if (leader) {
    const given = full.split(" ").slice(0, -1).join(" ");
    for (const v of leader.variants) if (!v.includes(" ") && given) e.aliases.add(`${given} ${v}`);
  }
  if (leader && e.attrs.role === undefined) {
    e.attrs.knownRole = leader.role;
    if (leader.iso3) e.attrs.knownCountry = leader.iso3;
    if (leader.org) e.attrs.knownOrg = leader.org;
  }
  return e;
}

function personRun(doc: Doc, reg: Registry, s: Sent, from: number, to: number): void {
  // "the Bendlerblock": people take no article; a tagged name after "the" is a place or a thing.
  if (from > 0 && s.toks[from - 1]!.lower === "the") {
    if (isLocative(s, to)) locationRun(doc, reg, s, from, to);
    return;
  }
  // Titles and honorifics the tagger took into the name ("President", "Sheikh") are not part of it.
  let a = from;
  while (a < to && (TITLE_WORDS.has(s.toks[a]!.lower) || HONORIFICS.has(s.toks[a]!.text))) a++;
  let b = to;
  // "Lai Ching-te", "Jae-myung": a hyphenated part written without spaces belongs to the name.
  while (s.toks[b + 2] && s.toks[b + 1]!.text === "-" && s.toks[b + 1]!.start === s.toks[b]!.end && s.toks[b + 2]!.start === s.toks[b + 1]!.end) b += 2;
  while (b > a && (s.toks[b]!.pos === "POS" || (!isCapitalised(s.toks[b]!) && s.toks[b - 1]?.text !== "-"))) b--;
  if (b < a || !s.toks.slice(a, b + 1).some((t) => /^\p{Lu}/u.test(t.text))) return;
  // "The Ministers", "Leaders": a plural title alone is no one's name.
  if (a === b && (TITLE_WORDS.has(s.toks[a]!.lower.replace(/s$/, "")) || PERSON_ROLE_WORDS.has(s.toks[a]!.lower.replace(/s$/, "")))) return;
  const name = doc.body.slice(s.toks[a]!.start, s.toks[b]!.end);
  if (existingOtherEntity(reg, s, a, b)) return;
  const e = personEntity(reg, name);
  reg.mention(e, s, a, b, "name");
  // Keep the honorific form as an alias ("Sheikh Tamim bin Hamad Al Thani").
  if (a > from && HONORIFICS.has(s.toks[a - 1]!.text)) e.aliases.add(doc.body.slice(s.toks[a - 1]!.start, s.toks[b]!.end));
}

/** Already named as something else by the gazetteer (a tagger may call "Hamas" a person). */
function existingOtherEntity(reg: Registry, s: Sent, a: number, b: number): boolean {
  for (let t = a; t <= b; t++) if (reg.at(s.index, t).some((m) => m.kind === "name")) return true;
  return false;
}


function orgRun(doc: Doc, reg: Registry, s: Sent, from: number, to: number): void {
  // A tagger's organisation that is a known person's name ("Trump said") is the person.
  const asText = doc.body.slice(s.toks[from]!.start, s.toks[to]!.end);
  if (from === to && LEADER_LIST.some((l) => l.surname === asText || l.name === asText)) {
    reg.mention(personEntity(reg, LEADER_LIST.find((l) => l.surname === asText || l.name === asText)!.name), s, from, to, "name");
    return;
  }
  // "Minister for [Foreign Affairs of Japan Toshimitsu Motegi]" tagged as one organisation: a title's country, then
  // the holder's name.
  for (let k = from; k < to - 1; k++) {
    const hit = matchAt(doc, s, k);
    if (!hit || (hit.entry.kind !== "country" && hit.entry.kind !== "demonym") || hit.to >= to - 1 || s.toks[k - 1]?.lower !== "of") continue;
    const tail = s.toks.slice(hit.to + 1, to + 1);
    const titled = s.toks.slice(Math.max(0, from - 3), k).some((t) => TITLE_WORDS.has(t.lower));
    if (!titled || tail.length > 3 || !tail.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text))) continue;
    const c = countryEntity(reg, hit.entry.ref);
    if (c) reg.mention(c, s, k, hit.to, "name");
    return personRun(doc, reg, s, hit.to + 1, to);
  }
  // Trim a leading determiner or possessive the tagger included.
  let a = from;
  while (a < to && /^(the|The)$/.test(s.toks[a]!.text)) a++;
  const text = doc.body.slice(s.toks[a]!.start, s.toks[to]!.end);
  // "Russian Foreign Ministry", "Chinese foreign ministry": a ministry stands for its country.
  const firstHit = matchAt(doc, s, a);
  if (firstHit && firstHit.to < to) {
    const rest = s.toks.slice(firstHit.to + 1, to + 1);
    if ((firstHit.entry.kind === "demonym" || firstHit.entry.kind === "country") && rest.every((t) => G.ministryWords.has(t.lower))) {
      const c = countryEntity(reg, firstHit.entry.ref);
      if (c) reg.mention(c, s, a, to, "metonym");
      return;
    }
    // "AU Commission", "AU Peace and Security Council": a body of a known organisation.
    if (firstHit.entry.kind === "org" && rest.length <= 4 && G.organisationBodyWords.has(rest[0]!.text)) {
      const o = orgEntity(reg, firstHit.entry.ref);
      if (o) reg.mention(o, s, a, to, "name");
      return;
    }
  }
  if (existingOtherEntity(reg, s, a, to)) return;
  if (!/^\p{Lu}|^\d/u.test(text)) return;
  // "Russia's Foreign Ministry": a ministry is its country (the possessor), never an organisation of its own.
  if (s.toks.slice(a, to + 1).every((t) => G.ministryWords.has(t.lower))) {
    const poss = kidsOf(s, to, "nmod:poss")[0];
    const owner = poss === undefined ? undefined : reg.at(s.index, poss).find((m) => m.entity.type === "Country")?.entity;
    if (owner) reg.mention(owner, s, poss!, to, "metonym");
    return;
  }
  // A ministry, council or office without its country or organisation is part of a title, not an actor of its own.
  if (a === to && G.genericBodyWords.has(s.toks[a]!.lower)) return;
  if (/^(ministry|department|office)$/i.test(s.toks[a]!.text)) return;
  const e = reg.ensure(`org:${slug(text)}`, "Organization", text);
  reg.mention(e, s, a, to, "name");
}

function locationRun(doc: Doc, reg: Registry, s: Sent, from: number, to: number): void {
  if (existingOtherEntity(reg, s, from, to)) return;
  // "Minister of Foreign Affairs of the Republic of Korea Cho Hyun": a name right after a title's country.
  if (afterTitleOfOwner(reg, s, from)) return personRun(doc, reg, s, from, to);
  const text = doc.body.slice(s.toks[from]!.start, s.toks[to]!.end);
  if (!/^\p{Lu}/u.test(text)) return;
  reg.mention(placeEntity(reg, text), s, from, to, "name");
}

/** Token i follows "<Title> ... of (the) <Country or Organization>" with no verb between: the title's holder. */
function afterTitleOfOwner(reg: Registry, s: Sent, i: number): boolean {
  const owner = reg.at(s.index, i - 1).find((m) => m.to === i - 1 && (m.entity.type === "Country" || m.entity.type === "Organization"));
  if (!owner) return false;
  let k = owner.from - 1;
  if (s.toks[k]?.lower === "the") k--;
  if (s.toks[k]?.lower !== "of") return false;
  for (let j = k - 1; j >= 0 && j >= k - 8; j--) {
    const tok = s.toks[j]!;
    if (tok.pos.startsWith("VB") || tok.text === "," ) return false;
    if (TITLE_WORDS.has(tok.lower) && /^\p{Lu}/u.test(tok.text)) return true;
  }
  return false;
}

/** "Foreign Minister Gedion Timothewos" when the tagger missed the name: capitalised words after a title. */
function titledNames(reg: Registry, s: Sent, covered: boolean[]): void {
  const toks = s.toks;
  for (let i = 0; i < toks.length - 1; i++) {
    if (!(TITLE_WORDS.has(toks[i]!.lower) && /^\p{Lu}/u.test(toks[i]!.text) && toks[i]!.lower !== "the")) continue;
    let a = i + 1;
    while (a < toks.length && TITLE_WORDS.has(toks[a]!.lower) && /^\p{Lu}/u.test(toks[a]!.text)) a++;
    if (a >= toks.length || covered[a] || toks[a]!.pos !== "NNP") continue;
    let b = a;
    while (b + 1 < toks.length && !covered[b + 1] && (toks[b + 1]!.pos === "NNP" || NAME_PARTICLES.has(toks[b + 1]!.lower)) && isCapitalised(toks[b + 1]!)) b++;
    if (b === a && !/^\p{Lu}\p{Ll}+$/u.test(toks[a]!.text)) continue;
    if (reg.at(s.index, a).length) continue;
    const name = s.toks.slice(a, b + 1).map((t) => t.text).join(" ");
    reg.mention(personEntity(reg, name), s, a, b, "name");
    for (let t = a; t <= b; t++) covered[t] = true;
    i = b;
  }
}

/** "western Ukraine", "eastern Congo": a region of a country is a place. */
function compassPlaces(reg: Registry, s: Sent): void {
  for (let i = 1; i < s.toks.length; i++) {
    const prev = s.toks[i - 1]!;
    if (!G.regionAdjectives.has(prev.lower)) continue;
    const ms = reg.at(s.index, i).filter((m) => m.entity.type === "Country" && m.kind === "name" && m.from === i);
    const m = ms[0];
    if (!m) continue;
    // "the eastern Donetsk region" is a region noun's job; here only a bare country name.
    const name = `${prev.text} ${reg.doc.body.slice(m.start, m.end)}`;
    const place = placeEntity(reg, name);
    reg.mention(place, s, i - 1, m.to, "name");
  }
}

/** "Ramstein Air Base", "Cidade Alta presidential palace", "the town of Zalambessa", "Donetsk region". */
function headedPlaces(reg: Registry, s: Sent, covered: boolean[]): void {
  const toks = s.toks;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // Capitalised sequence ending in a place head ("Ramstein Air Base", "Suez Canal").
    if (PLACE_HEADS.has(t.text) || (i > 0 && PLACE_HEADS.has(`${toks[i - 1]!.text} ${t.text}`))) {
      let a = PLACE_HEADS.has(t.text) ? i : i - 1;
      while (a > 0 && toks[a - 1]!.pos === "NNP" && /^\p{Lu}/u.test(toks[a - 1]!.text) && !TITLE_WORDS.has(toks[a - 1]!.lower)) a--;
      if (a === i || (a === i - 1 && !PLACE_HEADS.has(t.text))) continue;
      if (reg.at(s.index, a).some((m) => m.entity.type !== "Place" && m.kind === "name" && m.to >= i)) continue;
      const name = reg.doc.body.slice(toks[a]!.start, t.end);
      for (const m of [...reg.at(s.index, a)]) if (m.entity.type === "Place" && m.to < i) reg.drop(m.entity);
      reg.mention(placeEntity(reg, name), s, a, i, "name");
      for (let k = a; k <= i; k++) covered[k] = true;
      continue;
    }
    // "the town of Zalambessa", "the port of Assab": the name is the place, the phrase an alias.
    if (G.settlementNouns.has(t.lower) && toks[i + 1]?.lower === "of") {
      const n = i + 2;
      const place = reg.at(s.index, n).find((m) => m.entity.type === "Place" && m.from === n);
      if (place) place.entity.aliases.add(reg.doc.body.slice(t.start, toks[place.to]!.end));
    }
    // "the Rafah crossing", "Assab port": a known place followed by a lower-case place noun is a place of its own.
    if (G.placeNouns.has(t.lower) && i > 0) {
      const prevPlace = reg.at(s.index, i - 1).find((m) => m.entity.type === "Place" && m.to === i - 1);
      if (prevPlace && prevPlace.entity.mentions.length === 1) {
        const name = reg.doc.body.slice(toks[prevPlace.from]!.start, t.end);
        const from = prevPlace.from;
        reg.drop(prevPlace.entity);
        reg.mention(placeEntity(reg, name), s, from, i, "name");
        continue;
      }
    }
    // "Donetsk region": a known place followed by a region noun.
    if (REGION_HEADS.has(t.lower) && i > 0) {
      const prevPlace = reg.at(s.index, i - 1).find((m) => m.entity.type === "Place" && m.to === i - 1);
      if (prevPlace) prevPlace.entity.aliases.add(reg.doc.body.slice(toks[prevPlace.from]!.start, t.end));
    }
  }
}

function leaderByName(name: string): LeaderInfo | undefined {
  const key = slug(name);
  for (const l of LEADER_LIST) {
    if (slug(l.name) === key) return l;
    if (l.variants.some((v) => slug(v) === key)) return l;
    // "Volodymyr Zelensky": the given names with a known spelling of the surname.
    const given = l.name.split(" ").slice(0, -1).join(" ");
    if (given && l.variants.some((v) => !v.includes(" ") && slug(`${given} ${v}`) === key)) return l;
  }
  // "Netanyahu said": a known person's unambiguous surname alone.
  return LEADER_LIST.find((l) => l.bareSurname && slug(l.surname) === key);
}

/** Widely known people named by their full name, a variant, or their surname alone when that is unambiguous. */
function knownPeople(doc: Doc, reg: Registry): void {
  for (const s of doc.sents) {
    for (let i = 0; i < s.toks.length; i++) {
      for (const l of LEADER_LIST) {
        const forms = [l.name, ...l.variants];
        if (l.bareSurname) forms.push(l.surname);
        for (const f of forms) {
          if (!doc.body.startsWith(f, s.toks[i]!.start)) continue;
          const end = s.toks[i]!.start + f.length;
          let j = i;
          while (j < s.toks.length && s.toks[j]!.end < end) j++;
          if (j >= s.toks.length || s.toks[j]!.end !== end) continue;
          if (reg.at(s.index, i).some((m) => m.entity.type !== "Person")) continue;
          if (reg.at(s.index, i).some((m) => m.entity.type === "Person")) continue;
          reg.mention(personEntity(reg, l.name), s, i, j, "name");
          i = j;
          break;
        }
      }
    }
  }
}

/** "the Intergovernmental Authority on Development (IGAD)": the acronym names the same organisation later. */
function acronyms(doc: Doc, reg: Registry): void {
  for (const s of doc.sents) {
    for (let i = 1; i + 2 < s.toks.length; i++) {
      if (s.toks[i]!.text !== "(" && s.toks[i]!.text !== "-LRB-") continue;
      const acr = s.toks[i + 1]!;
      if (!/^[A-Z][A-Z0-9-]{1,9}$/.test(acr.text) || !/^\)|-RRB-$/.test(s.toks[i + 2]!.text)) continue;
      const before = reg.at(s.index, i - 1).filter((m) => m.to === i - 1 && (m.entity.type === "Organization" || m.entity.type === "Place"));
      const e = before[0]?.entity;
      if (!e) continue;
      e.aliases.add(acr.text);
      // An entity the tagger made of the acronym itself is this one.
      for (const other of reg.list("Organization", "Place")) if (other !== e && other.name === acr.text) reg.merge(e, other);
      // Every later use of the acronym is a mention of the entity.
      for (const s2 of doc.sents) {
        for (const t of s2.toks) {
          if (t.text !== acr.text) continue;
          if (reg.at(s2.index, t.i).some((m) => m.entity === e)) continue;
          for (const m of [...reg.at(s2.index, t.i)]) if (m.from === t.i && m.to === t.i && m.entity.mentions.length === 1) reg.drop(m.entity);
          reg.mention(e, s2, t.i, t.i, "name");
        }
      }
    }
  }
}

/** Later mentions by one part of a full name ("Kallas", "Abiy", "Al-Khulaifi"), when that part names one person. */
function shortNames(doc: Doc, reg: Registry): void {
  mergePartialPeople(reg);
  const people = reg.list("Person");
  const byPart = new Map<string, Entity[]>();
  for (const p of people) {
    const words = p.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !HONORIFICS.has(w));
    const parts = new Set<string>();
    if (words.length >= 2) {
      parts.add(words[words.length - 1]!);
      parts.add(words[0]!);
      // "Al Thani", "da Silva": a particle with the last word.
      const all = p.name.split(/\s+/);
      if (all.length >= 3 && NAME_PARTICLES.has(all[all.length - 2]!.toLowerCase())) parts.add(all.slice(-2).join(" "));
    }
    const known = leaderByName(p.name);
    if (known) parts.add(known.surname);
    for (const part of parts) {
      const list = byPart.get(part) ?? [];
      if (!list.includes(p)) list.push(p);
      byPart.set(part, list);
    }
  }
  for (const s of doc.sents) {
    for (let i = 0; i < s.toks.length; i++) {
      const t = s.toks[i]!;
      if (!/^\p{Lu}/u.test(t.text)) continue;
      if (reg.at(s.index, i).length) continue;
      let part = t.text;
      let j = i;
      // "Fils-Aimé", split by the tokenizer at the hyphen: the whole hyphenated word.
      const [, hy] = withHyphenated(s, i, i);
      if (hy > i) {
        part = doc.body.slice(t.start, s.toks[hy]!.end);
        j = hy;
        if (!byPart.has(part)) ((part = t.text), (j = i));
      }
      if (NAME_PARTICLES.has(t.lower) && i + 1 < s.toks.length) {
        part = `${t.text} ${s.toks[i + 1]!.text}`;
        j = i + 1;
      }
      const list = byPart.get(part);
      if (!list || list.length !== 1) continue;
      const p = list[0]!;
      // A first name alone only counts when the tagger sees a person there ("Abiy began"), not "Mohammed" in another name.
      if (part === p.name.split(/\s+/)[0] && t.ner !== "PERSON") continue;
      reg.mention(p, s, i, j, "name");
    }
  }
}

/** A person found under one part of their name ("Kallas") is the person found under the full name. */
function mergePartialPeople(reg: Registry): void {
  const people = reg.list("Person");
  for (const p of people) {
    const words = p.name.split(/\s+/);
    if (words.length > 2) continue;
    const partKey = slug(p.name);
    const fuller = people.filter((q) => q !== p && q.name.split(/\s+/).length > words.length && reg.get(q.key) && containsWords(slug(q.name), partKey));
    if (fuller.length === 1) reg.merge(fuller[0]!, p);
  }
}

function containsWords(full: string, part: string): boolean {
  return full === part || full.startsWith(part + "-") || full.endsWith("-" + part) || full.includes("-" + part + "-");
}

/** A place the tagger found that is a person's name ("Zelenskyy", "Putin-Zelenskyy") is not a place. */
export function dropPeoplePlaces(reg: Registry): void {
  const parts = new Set<string>();
  for (const p of reg.list("Person")) for (const w of p.name.split(/\s+/)) parts.add(w.toLowerCase());
  for (const pl of reg.list("Place")) {
    const words = pl.name.split(/[\s-]+/).map((w) => w.toLowerCase());
    if (words.length && words.every((w) => parts.has(w))) reg.drop(pl);
  }
}

/** A readable name for an entity found in an all-capitals dateline ("ADDIS ABABA"): a mixed-case alias when there is one. */
export function tidyNames(reg: Registry): void {
  for (const e of reg.entities.values()) {
    if (e.type !== "Place" || e.name !== e.name.toUpperCase() || !/\p{Lu}{3}/u.test(e.name)) continue;
    const better = [...e.aliases].find((a) => a !== a.toUpperCase() && a.toLowerCase() === e.name.toLowerCase());
    if (better) {
      e.aliases.add(e.name);
      e.name = better;
    }
  }
}

export { MEETING_NOUNS };
