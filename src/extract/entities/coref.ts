import { type Doc, type Sent, kidsOf, ekidsOf, subtree } from "../doc/doc.ts";
import { COUNTRY_ANAPHORS, TITLE_WORDS, COLLECTIVE_ACTOR_NOUNS, FEMALE_WORDS, MALE_WORDS, ORG_ANAPHORS, PAIR_NOUNS, PERSON_ROLE_NOUNS, ROLE_SYNONYMS, countryByIso3, G, PAIR_DETERMINERS, SPEECH_VERBS } from "../lexicon/index.ts";
import { type Entity, type Mention, type Registry, isActor } from "./registry.ts";

/**
 * Who a token refers to. Names resolve through their mentions; the rest through the discourse before them:
 * pronouns ("she", "its"), role nouns ("the foreign minister", "the German defence minister"), organisation
 * nouns ("the bloc", "the movement"), collective nouns with a country ("Thai officials", "Vietnam's delegation")
 * and pairs ("both sides", "the two governments"). Every resolution found is recorded as a mention, so that the
 * entity's aliases and the article view show it.
 */
const PERSON_ONLY = (e: Entity): boolean => e.type === "Person";

export class Resolver {
  /** Pair references resolved so far ("both sides" -> the two parties named last). */
  constructor(
    readonly doc: Doc,
    readonly reg: Registry,
  ) {}

  private readonly inProgress = new Set<string>();

  /** The actors token t stands for (several for a pair), or none. */
  actors(s: Sent, t: number): Entity[] {
    const key = `${s.index}:${t}`;
    if (this.inProgress.has(key)) return [];
    this.inProgress.add(key);
    try {
      return this.actorsOf(s, t);
    } finally {
      this.inProgress.delete(key);
    }
  }

  private actorsOf(s: Sent, t: number): Entity[] {
    const direct = this.named(s, t);
    if (direct.length) return direct.filter(isActor);
    const tok = s.toks[t]!;
    // "Presidents X and Y, who agreed ...": a relative pronoun stands for the noun its clause hangs on, even
    // when the parser left the clause as a bare dependent.
    if ((tok.pos === "WP" || tok.pos === "WDT") && /^nsubj/.test(s.rel[t]!)) {
      const v = s.head[t]!;
      const h = v >= 0 ? s.head[v]! : -1;
      if (h >= 0 && /^(acl:relcl|dep)$/.test(s.rel[v]!) && h < t && s.toks[h]!.pos.startsWith("NN")) {
        const out = [h, ...kidsOf(s, h, "conj")].flatMap((k) => this.named(s, k)).filter(isActor);
        if (out.length) return [...new Set(out)];
      }
    }
    if (tok.pos === "PRP" || tok.pos === "PRP$" || tok.pos === "WP") return this.pronoun(s, t);
    if (tok.pos.startsWith("NN")) {
      // "X, the foreign minister", "his British counterpart John Healey" (a name hung as dep after its role).
      const appos = kidsOf(s, t, /^(appos|dep)$/).filter((a) => s.rel[a] === "appos" || (a > t && s.toks[a]!.pos === "NNP")).flatMap((a) => this.named(s, a)).filter(isActor);
      if (appos.length) return appos;
      // "Secretary of State of the United States Marco Rubio", parsed with the title as the head: the person in it.
      if (TITLE_WORDS.has(tok.lower) && /^\p{Lu}/u.test(tok.text)) {
        const inside = subtree(s, t, (rel) => rel.startsWith("conj") || rel === "cc").flatMap((k) => this.reg.at(s.index, k).filter((m) => m.entity.type === "Person" && m.kind === "name").map((m) => m.entity));
        if (inside.length) return [inside[0]!];
      }
      // "a group of nine countries that pledged": the countries of a group stand for the group.
      if (G.memberNouns.has(tok.lemma) && s.rel[t] === "nmod:of" && s.head[t]! >= 0) {
        const g = s.head[t]!;
        if (G.groupNouns.has(s.toks[g]!.lemma)) {
          const viaGroup = this.actors(s, g);
          if (viaGroup.length) return viaGroup;
        }
      }
      // "a group of European allies", "the contingent of European leaders": the members named.
      if (G.groupNouns.has(tok.lemma)) {
        const of = kidsOf(s, t, "nmod:of").flatMap((k) => [...this.actors(s, k), ...kidsOf(s, k, "conj").flatMap((c) => this.actors(s, c))]);
        if (of.length) return [...new Set(of)];
        // "Italy, Greece and France led a group of nine countries that pledged warships": those who lead the group.
        const h = s.head[t]!;
        if (h >= 0 && G.groupLeadingVerbs.has(s.toks[h]!.lemma) && s.rel[t] === "obj") {
          const leaders = ekidsOf(s, h, /^nsubj$/).flatMap((k) => this.named(s, k)).filter(isActor);
          if (leaders.length) return [...new Set(leaders)];
        }
      }
      const collective = this.collective(s, t);
      // "The army's delegation, headed by General X, rejected": whoever heads the delegation acts with it.
      const heads = COLLECTIVE_ACTOR_NOUNS.has(tok.lemma) || COLLECTIVE_ACTOR_NOUNS.has(tok.lower) ? this.headedBy(s, t) : [];
      if (collective.length || heads.length) return [...new Set([...collective, ...heads])];
      const pair = this.pair(s, t);
      if (pair.length) return pair;
      const group = this.peopleByRole(s, t);
      if (group.length) return group;
      const role = this.roleNoun(s, t);
      if (role) return [role];
      const org = this.orgNoun(s, t);
      if (org) return [org];
    }
    return [];
  }

  /** The people a "headed by", "led by", "chaired by" participle on token t names. */
  private headedBy(s: Sent, t: number): Entity[] {
    const out: Entity[] = [];
    for (const v of kidsOf(s, t, /^(acl|dep|appos)$/)) {
      if (s.toks[v]!.pos !== "VBN" || !G.leadingVerbs.has(s.toks[v]!.lemma)) continue;
      for (const k of ekidsOf(s, v, /^obl:(by|agent)$/)) for (const e of this.named(s, k)) if (e.type === "Person" && !out.includes(e)) out.push(e);
    }
    return out;
  }

  /** Entities named at token t (by a mention covering it), innermost first. */
  named(s: Sent, t: number): Entity[] {
    const ms = this.reg.at(s.index, t).filter((m) => m.kind !== "pronoun" || m.from === t);
    if (!ms.length) return [];
    // A person's name beats the country in their title ("Hungarian Foreign Minister X": X is the person).
    const sorted = [...ms].sort((a, b) => rank(b, t) - rank(a, t));
    const best = sorted[0]!;
    // "Brazilian-Colombian": one token, two countries.
    const parts = ms.filter((m) => m.from === t && m.to === t && m.kind === "demonym" && m.entity.type === "Country");
    if (best.kind === "demonym" && parts.length > 1) return [...new Set(parts.map((m) => m.entity))];
    // "both leaders" resolved before: one phrase, several actors.
    const together = ms.filter((m) => m.kind === best.kind && m.from === best.from && m.to === best.to);
    if (best.kind === "nominal" && together.length > 1) return [...new Set(together.map((m) => m.entity))];
    return [best.entity];
  }

  /** "Thai officials", "the Thai side", "Vietnam's delegation", "officials in Kinshasa", "Russia's Foreign Ministry". */
  collective(s: Sent, t: number): Entity[] {
    const tok = s.toks[t]!;
    if (!COLLECTIVE_ACTOR_NOUNS.has(tok.lemma) && !COLLECTIVE_ACTOR_NOUNS.has(tok.lower)) return [];
    const out: Entity[] = [];
    for (const k of kidsOf(s, t, /^(amod|compound|nmod:poss|nmod:in|nmod:of|nmod:from)$/)) {
      for (const e of this.named(s, k)) if (e.type === "Country" || (e.type === "Organization" && s.rel[k] !== "nmod:in")) out.push(e);
      // "officials in Kinshasa and Kigali": conjuncts of the modifier.
      for (const c of ekidsOf(s, k, "conj")) for (const e of this.named(s, c)) if (e.type === "Country" || e.type === "Organization") out.push(e);
      // A capital named as a place still stands for its country here ("officials in Bucharest").
      for (const e of this.named(s, k)) if (e.type === "Place") {
        const c = capitalCountry(this.reg, e);
        if (c) out.push(c);
      }
    }
    // "whose government", "its foreign ministry", "his delegation": the owner's country.
    if (!out.length) {
      for (const k of kidsOf(s, t, "nmod:poss")) {
        const w = s.toks[k]!.lower;
        if (!G.pronouns.possessive.has(w)) continue;
        let owners: Entity[] = [];
        if (w === "whose") {
          // Up to the relative clause (or the bare dependent the parser made of it), then its noun.
          let x = t;
          while (x >= 0 && !s.rel[x]!.startsWith("acl:relcl") && !(s.rel[x] === "dep" && s.toks[x]!.pos.startsWith("VB"))) x = s.head[x]!;
          if (x >= 0 && s.head[x]! >= 0) owners = this.named(s, s.head[x]!);
        } else owners = this.pronoun(s, k);
        for (const o of owners) {
          if (o.type === "Country" || o.type === "Organization") out.push(o);
          else if (o.type === "Person" && typeof o.attrs.country === "string") {
            const c = this.reg.get(o.attrs.country);
            if (c) out.push(c);
          }
        }
      }
    }
    const uniq = [...new Set(out)];
    for (const e of uniq) this.reg.mention(e, s, startOfNp(s, t), t, "nominal");
    return uniq;
  }

  /** The two actors of the last "between X and Y" before token t (ten sentences back at most). */
  private lastBetween(s: Sent, t: number): Entity[] | undefined {
    for (let si = s.index; si >= 0 && si >= s.index - 10; si--) {
      const sent = this.doc.sents[si]!;
      const limit = si === s.index ? t : sent.toks.length;
      for (let i = limit - 1; i >= 0; i--) {
        if (!/^(nmod|obl)/.test(sent.rel[i]!) || !kidsOf(sent, i, "case").some((c) => sent.toks[c]!.lower === "between")) continue;
        const c = kidsOf(sent, i, /^conj/)[0];
        if (c === undefined) continue;
        const a = this.actors(sent, i);
        const b = this.actors(sent, c);
        if (a.length === 1 && b.length === 1 && a[0] !== b[0]) return [a[0]!, b[0]!];
      }
    }
    return undefined;
  }

  /** "both sides", "the two governments", "both presidents": the last two actors named together. */
  pair(s: Sent, t: number): Entity[] {
    const tok = s.toks[t]!;
    if (!PAIR_NOUNS.has(tok.lower) && !PAIR_NOUNS.has(tok.lemma)) return [];
    const dets = kidsOf(s, t, /^(det|nummod|amod|det:predet|cc:preconj)$/).map((k) => s.toks[k]!.lower);
    if (!dets.some((d) => PAIR_DETERMINERS.has(d))) return [];
    const wantPeople = G.pairOfPeopleHeads.has(tok.lemma);
    // "the two leaders" after two ministers and two leaders were named: the pair whose roles fit the noun.
    const family = ROLE_FAMILIES.find((f) => f.includes(tok.lemma));
    const fits = (e: Entity) => !family || family.some((w) => String(e.attrs.role ?? e.attrs.knownRole ?? "").toLowerCase().includes(w));
    // "both parties", "the two delegations": the two sides of the last "between X and Y" (talks, a deal, a war).
    if (G.pairOfSidesHeads.has(tok.lemma)) {
      const sides = this.lastBetween(s, t);
      if (sides) {
        for (const e of sides) this.reg.mention(e, s, startOfNp(s, t), t, "nominal");
        return sides;
      }
    }
    let fallback: Entity[] | undefined;
    for (let si = s.index; si >= 0 && si >= s.index - 10; si--) {
      const sent = this.doc.sents[si]!;
      const limit = si === s.index ? t : sent.toks.length;
      // Scan coordinations from the end of the sentence backwards.
      for (let i = limit - 1; i >= 0; i--) {
        for (const c of kidsOf(sent, i, "conj")) {
          if (si === s.index && c >= t) continue;
          const a = this.named(sent, i).filter(isActor);
          const b = this.named(sent, c).filter(isActor);
          if (a.length !== 1 || b.length !== 1 || a[0] === b[0]) continue;
          let pair = [a[0]!, b[0]!];
          // "Presidents X and Y ... both governments": the two leaders' countries.
          if (!wantPeople && pair.every((e) => e.type === "Person")) {
            const countries = pair.map((e) => (typeof e.attrs.country === "string" ? this.reg.get(e.attrs.country) : undefined));
            if (countries.every((c) => c?.type === "Country") && countries[0] !== countries[1]) pair = countries as Entity[];
          }
          if (wantPeople ? pair.every((e) => e.type === "Person") : pair.every((e) => e.type !== "Person")) {
            if (wantPeople && !pair.every(fits)) {
              fallback ??= pair;
              continue;
            }
            for (const e of pair) this.reg.mention(e, s, startOfNp(s, t), t, "nominal");
            return pair;
          }
        }
      }
    }
    if (fallback) {
      for (const e of fallback) this.reg.mention(e, s, startOfNp(s, t), t, "nominal");
      return fallback;
    }
    // "Both countries are members": the two actors last named as subjects.
    const subjects: Entity[] = [];
    for (let si = s.index - 1; si >= 0 && si >= s.index - 2 && subjects.length < 2; si--) {
      const sent = this.doc.sents[si]!;
      for (let i = 0; i < sent.toks.length && subjects.length < 2; i++) {
        if (!/^nsubj/.test(sent.rel[i]!)) continue;
        for (const e of this.named(sent, i).filter(isActor)) {
          if (subjects.includes(e)) continue;
          if (wantPeople ? e.type === "Person" : e.type === "Country") subjects.push(e);
        }
      }
    }
    if (subjects.length === 2) {
      for (const e of subjects) this.reg.mention(e, s, startOfNp(s, t), t, "nominal");
      return subjects;
    }
    return [];
  }

  /**
   * "The Ministers", "the three leaders", "the foreign ministers": every person named before with that role, when
   * there are at least two (a communique's or a summit report's participants).
   */
  peopleByRole(s: Sent, t: number): Entity[] {
    const tok = s.toks[t]!;
    // "The Ministers" is often tagged a proper noun: a capitalised plural of a role noun counts too.
    const plural = /^NNP?S$/.test(tok.pos) || (tok.pos === "NNP" && /^\p{Lu}\p{Ll}+s$/u.test(tok.text));
    const role = tok.pos === "NNP" ? tok.lower.replace(/s$/, "") : tok.lemma.toLowerCase();
    if (!plural || !PERSON_ROLE_NOUNS.has(role)) return [];
    const dets = kidsOf(s, t, /^(det|nummod)$/).map((k) => s.toks[k]!.lower);
    if (!dets.includes("the") || kidsOf(s, t, /^(nmod:poss|amod|compound)$/).some((k) => this.named(s, k).length)) return [];
    const at = s.toks[t]!.start;
    const people = this.reg.list("Person").filter((p) => {
      const r = String(p.attrs.role ?? p.attrs.knownRole ?? "").toLowerCase();
      return p.mentions.some((m) => m.start < at) && (r.includes(role) || (ROLE_SYNONYMS.get(role) ?? []).some((x) => r.includes(x)));
    });
    const count = dets.map((d) => NUMBER_WORDS.get(d)).find((n) => n !== undefined);
    if (people.length < 2 || (count !== undefined && people.length !== count)) return [];
    for (const e of people) this.reg.mention(e, s, startOfNp(s, t), t, "nominal");
    return people;
  }

  /** "the foreign minister", "the German defence minister", "the president": the person last named with that role. */
  roleNoun(s: Sent, t: number): Entity | undefined {
    const tok = s.toks[t]!;
    const det = kidsOf(s, t, "det").map((k) => s.toks[k]!.lower);
    // "the minister", or an owner's office: "the EU's special representative", "Russia's foreign minister".
    const owner = kidsOf(s, t, "nmod:poss").flatMap((k) => this.named(s, k)).find((e) => e.type === "Country" || e.type === "Organization");
    if (!det.includes("the") && !owner) return undefined;
    const words = [tok.lower];
    for (const k of kidsOf(s, t, /^(compound|amod)$/)) words.unshift(s.toks[k]!.lower);
    const roleText = words.join(" ");
    if (!PERSON_ROLE_NOUNS.has(tok.lower) && !PERSON_ROLE_NOUNS.has(roleText)) return undefined;
    // A demonym narrows it to that country's office holder ("the British prime minister").
    let country: Entity | undefined;
    for (const k of kidsOf(s, t, /^(amod|compound|nmod:poss)$/)) {
      const c = this.named(s, k).find((e) => e.type === "Country");
      if (c) country = c;
    }
    const org = owner?.type === "Organization" ? owner : undefined;
    const roleWords = words.filter((w) => !country || !this.isCountryWord(s, t, w));
    const candidates = this.reg.list("Person").filter((p) => {
      const role = String(p.attrs.role ?? p.attrs.knownRole ?? "").toLowerCase();
      if (!role) return false;
      if (!roleWords.every((w) => role.includes(w) || (ROLE_SYNONYMS.get(w) ?? []).some((x) => role.includes(x)))) return false;
      if (country && p.attrs.country !== country.key && p.attrs.knownCountry !== country.attrs.iso3) return false;
      if (org && p.attrs.org !== org.key) return false;
      return true;
    });
    const best = this.mostRecent(candidates, s, t);
    if (best) this.reg.mention(best, s, startOfNp(s, t), t, "nominal");
    return best;
  }

  private isCountryWord(s: Sent, t: number, w: string): boolean {
    for (const k of kidsOf(s, t, /^(amod|compound)$/)) if (s.toks[k]!.lower === w && this.named(s, k).some((e) => e.type === "Country")) return true;
    return false;
  }

  /** "the bloc", "the alliance", "the movement": the organisation of that kind last named. */
  orgNoun(s: Sent, t: number): Entity | undefined {
    const tok = s.toks[t]!;
    // "the kingdom", "the country's military leader": the state the text is about.
    if (COUNTRY_ANAPHORS.has(tok.lemma) && kidsOf(s, t, "det").some((d) => s.toks[d]!.lower === "the") && !kidsOf(s, t, /^(amod|compound|nmod:poss)$/).length) {
      const c = this.nearestBefore(s, t, (e) => e.type === "Country");
      if (c) this.reg.mention(c, s, startOfNp(s, t), t, "nominal");
      return c;
    }
    const kinds = ORG_ANAPHORS.get(tok.lemma);
    if (!kinds) return undefined;
    const det = kidsOf(s, t, /^(det|nmod:poss)$/).map((k) => s.toks[k]!.lower);
    if (!det.some((d) => d === "the" || d === "this" || d === "its")) return undefined;
    if (kidsOf(s, t, /^(amod|compound)$/).length) return undefined;
    const candidates = this.reg.list("Organization").filter((o) => kinds.includes(String(o.attrs.kind ?? "")));
    const best = this.mostRecent(candidates, s, t);
    if (best) this.reg.mention(best, s, startOfNp(s, t), t, "nominal");
    return best;
  }

  /** he / she / they / it and their possessives: the nearest earlier actor that fits, subjects first. */
  pronoun(s: Sent, t: number): Entity[] {
    const w = s.toks[t]!.lower;
    let want: (e: Entity) => boolean;
    if (MALE_WORDS.has(w) || FEMALE_WORDS.has(w)) {
      const female = FEMALE_WORDS.has(w);
      want = (e) => e.type === "Person" && (e.attrs.gender === undefined || e.attrs.gender === (female ? "female" : "male"));
    } else if (G.pronouns.neuter.has(w) || G.pronouns.plural.has(w)) want = (e) => e.type === "Country" || e.type === "Organization";
    else if (G.pronouns.speaker.has(w)) {
      const speaker = this.speakerOf(s);
      // "we", "our", "us" from an office holder speak for their country or organisation.
      if (G.pronouns.collectiveSpeaker.has(w)) return speaker.map((e) => this.bodyOf(e) ?? e);
      return speaker;
    } else if (G.pronouns.addressee.has(w)) {
      // "Q: You met Secretary Rubio": in an interview, the one answering.
      const who = this.interview()?.inQuestion[s.index] ? this.interview()!.interviewee : undefined;
      return who ? [who] : [];
    } else return [];
    // "The minister will take the offer to the group, which he will convene": this sentence's subject, named by
    // its role, is the likeliest antecedent; resolve it first so that it is among the mentions.
    for (let i = 0; i < t; i++) if (/^nsubj/.test(s.rel[i]!) && s.toks[i]!.pos.startsWith("NN") && !this.reg.at(s.index, i).length) this.roleNoun(s, i);
    const found = this.nearestBefore(s, t, want);
    if (found) {
      this.reg.mention(found, s, t, t, "pronoun");
      return [found];
    }
    return [];
  }

  /** The speaker of a quotation in sentence s (for "I" and "we"): the subject of its speech verb, or the last speaker. */
  speakerOf(s: Sent): Entity[] {
    for (let i = 0; i < s.toks.length; i++) {
      if (!SPEECH_VERBS.has(s.toks[i]!.lemma)) continue;
      for (const subj of ekidsOf(s, i, /^nsubj/)) {
        const a = this.named(s, subj).filter(isActor);
        if (a.length) return a;
        // "We said ...": a speaker pronoun as the speech verb's subject is what is being resolved, not its answer.
        if (G.pronouns.speaker.has(s.toks[subj]!.lower)) continue;
        const p = this.pronoun(s, subj);
        if (p.length) return p;
      }
    }
    // "A: We will not sit at a table with the gangs": in an interview's answers, the one interviewed.
    const interview = this.interview();
    if (interview && !interview.inQuestion[s.index]) return [interview.interviewee];
    return [];
  }

  /** The country or organisation an office holder acts for. */
  bodyOf(e: Entity): Entity | undefined {
    if (e.type !== "Person") return undefined;
    for (const k of [e.attrs.country, e.attrs.org]) if (typeof k === "string" && this.reg.get(k)) return this.reg.get(k);
    return undefined;
  }

  private interviewCache: { interviewee: Entity; inQuestion: boolean[] } | null | undefined;

  /**
   * A question-and-answer article ("Q: ..." / "A: ..."): the person interviewed (the first person named with an
   * office before the first question) and, per sentence, whether it belongs to a question.
   */
  interview(): { interviewee: Entity; inQuestion: boolean[] } | null {
    if (this.interviewCache !== undefined) return this.interviewCache;
    const marker = (sent: Sent) => /^(Q|A|Question|Answer)\s*[:.]/.exec(this.doc.body.slice(sent.start, sent.start + 12).trim())?.[1]?.[0];
    const marks = this.doc.sents.map(marker);
    const firstQ = marks.indexOf("Q");
    if (firstQ < 0 || !marks.includes("A")) return (this.interviewCache = null);
    const before = this.reg.list("Person").filter((p) => p.mentions.some((m) => m.sent < firstQ));
    const interviewee = before.find((p) => p.attrs.role !== undefined || p.attrs.country !== undefined) ?? before[0];
    if (!interviewee) return (this.interviewCache = null);
    const inQuestion: boolean[] = [];
    let q = false;
    marks.forEach((m, i) => {
      if (m === "Q") q = true;
      else if (m === "A") q = false;
      inQuestion[i] = q && i >= firstQ;
    });
    return (this.interviewCache = { interviewee, inQuestion });
  }

  /** The nearest entity mention before token t that satisfies want: this sentence right to left, then earlier ones. */
  nearestBefore(s: Sent, t: number, want: (e: Entity) => boolean): Entity | undefined {
    for (let si = s.index; si >= 0 && si >= s.index - 4; si--) {
      const sent = this.doc.sents[si]!;
      const limit = si === s.index ? t - 1 : sent.toks.length - 1;
      let subjectHit: Entity | undefined;
      let anyHit: Entity | undefined;
      for (let i = limit; i >= 0; i--) {
        for (const m of this.reg.at(si, i)) {
          if (m.kind === "pronoun" && m.entity.type !== "Person") continue;
          if (!want(m.entity)) continue;
          // Inside a person's title ("Hungarian Foreign Minister"), a country is not what "it" refers to.
          if (m.entity.type === "Country" && this.inPersonTitle(sent, m)) continue;
          anyHit ??= m.entity;
          if (this.isSubject(sent, m.to)) subjectHit ??= m.entity;
        }
      }
      // In an earlier sentence only a subject is a likely antecedent of "it" or "they" (a person may be named anywhere).
      const anyOk = si === s.index || !this.reg.entities.size || want === PERSON_ONLY;
      const hit = si === s.index ? (anyHit ?? subjectHit) : (subjectHit ?? (anyOk || (anyHit?.type === "Person") ? anyHit : undefined));
      if (hit) return hit;
    }
    return undefined;
  }

  /** A subject, or the owner of one ("The European Union's position is ..."). */
  private isSubject(s: Sent, t: number): boolean {
    const subj = (x: number) => /^nsubj/.test(s.rel[x] ?? "") || s.eheads[x]!.some((a) => a.rel.startsWith("nsubj"));
    if (subj(t)) return true;
    const h = s.head[t]!;
    return h >= 0 && s.rel[t] === "nmod:poss" && subj(h);
  }

  private inPersonTitle(s: Sent, m: Mention): boolean {
    let x = m.to;
    for (let guard = 0; guard < 5; guard++) {
      const h = s.head[x]!;
      if (h < 0 || !/^(compound|amod|nmod:poss|nmod:of)$/.test(s.rel[x]!)) return false;
      if (this.reg.at(s.index, h).some((mm) => mm.entity.type === "Person")) return true;
      x = h;
    }
    return false;
  }

  /** The candidate mentioned last before token t (any sentence up to t). */
  mostRecent(candidates: Entity[], s: Sent, t: number): Entity | undefined {
    const limit = s.toks[t]!.start;
    let best: Entity | undefined;
    let bestAt = -1;
    for (const c of candidates) {
      for (const m of c.mentions) {
        if (m.start < limit && m.start > bestAt) {
          bestAt = m.start;
          best = c;
        }
      }
    }
    return best;
  }
}

/** Mentions whose head is t rank first; persons beat the countries and organisations in their titles. */
function rank(m: Mention, t: number): number {
  let r = 0;
  if (m.to === t) r += 10;
  if (m.entity.type === "Person") r += 5;
  if (m.kind === "name") r += 2;
  if (m.kind === "demonym") r -= 1;
  return r - (m.to - m.from) * 0.01;
}

function startOfNp(s: Sent, t: number): number {
  let a = t;
  for (const k of kidsOf(s, t, /^(det|amod|compound|nmod:poss|nummod|det:predet)$/)) if (k < a) a = k;
  // A possessive's own words ("Vietnam's delegation").
  for (let i = a; i < t; i++) if (s.head[i]! >= a && s.head[i]! <= t) a = Math.min(a, i);
  return a;
}

/** The country whose capital this place is (officials in Bucharest act for Romania). */
export function capitalCountry(reg: Registry, place: Entity): Entity | undefined {
  for (const iso3 of CAPITAL_INDEX.get(place.name) ?? []) {
    const c = countryByIso3(iso3);
    if (c) {
      const e = reg.ensure(`country:${iso3}`, "Country", c.name);
      e.attrs.iso3 = c.iso3;
      e.attrs.iso2 = c.iso2;
      e.attrs.region = c.region;
      return e;
    }
  }
  return undefined;
}

import { COUNTRIES } from "../lexicon/index.ts";
const CAPITAL_INDEX = new Map<string, string[]>();
for (const c of COUNTRIES.values()) for (const cap of c.capitals) CAPITAL_INDEX.set(cap, [...(CAPITAL_INDEX.get(cap) ?? []), c.iso3]);

const NUMBER_WORDS = new Map([["two", 2], ["three", 3], ["four", 4], ["five", 5], ["six", 6], ["2", 2], ["3", 3], ["4", 4], ["5", 5], ["6", 6]]);

/** Role words that answer to one another when a pair is named by role ("the two leaders" are presidents, premiers...). */
const ROLE_FAMILIES = [
  ["leader", "president", "prime minister", "premier", "chancellor", "king", "emir", "head of state", "supreme leader"],
  ["minister", "secretary"],
];
