import { G } from "../lexicon/index.ts";
import { addFact, type Ctx } from "../context.ts";
import { type Sent, ekidsOf, kidsOf } from "../doc/doc.ts";
import { contextCountry, knownOrg, readOffices } from "../entities/people.ts";
import { type Entity, isActor } from "../entities/registry.ts";
import { type Rule, always, lemmaCue } from "./rule.ts";

/**
 * LEADS: a person acts for the country or organisation of their office. Read from titles and appositions
 * ("Hungarian Foreign Minister X", "X, Russia's deputy foreign minister", "NATO Secretary General X"); an office
 * that names nobody ("Foreign Minister X") acts for the country the sentence is about, or a known office holder's.
 * Runs once for the whole article (offices are read before the sentence rules, which use them).
 */
export function leadsFromOffices(ctx: Ctx): void {
  const offices = readOffices(ctx.doc, ctx.reg, (s, t) => {
    const org = ctx.res.orgNoun(s, t);
    if (org) return org;
    // "Its foreign policy chief": the country or organisation "its" refers to.
    if (G.pronouns.ownerPossessive.has(s.toks[t]!.lower)) return ctx.res.pronoun(s, t).find((e) => e.type !== "Person");
    return undefined;
  });
  // A place named only inside a title ("White House Middle East coordinator") is part of the title.
  const inTitle = (m: { sent: number; from: number; to: number }) => [...offices.values()].some((list) => list.some((o) => o.sent === m.sent && m.from >= o.from && m.to <= o.to));
  for (const place of ctx.reg.list("Place")) if (place.mentions.length && place.mentions.every(inTitle)) ctx.reg.drop(place);
  for (const person of ctx.reg.list("Person")) {
    const list = offices.get(person) ?? [];
    const withTarget = list.filter((o) => o.country || o.org);
    for (const o of withTarget) {
      if (!o.office) continue;
      for (const target of [o.country, o.org]) if (target) addLeads(ctx, person, target, o.sent, 0.85);
    }
    if (withTarget.length || person.attrs.noOffice) continue;
    // An office without a country: the sentence's country, else a known office holder's.
    const titled = list.find((o) => o.office);
    const first = person.mentions.find((m) => m.kind === "name");
    if (!first) continue;
    const s = ctx.doc.sents[titled?.sent ?? first.sent]!;
    if (titled) {
      const c = contextCountry(ctx.doc, ctx.reg, person, s) ?? previousSubjectCountry(ctx, s);
      if (c) {
        person.attrs.country ??= c.key;
        addLeads(ctx, person, c, s.index, 0.6);
        continue;
      }
    }
    const org = knownOrg(ctx.reg, person);
    if (org) {
      person.attrs.org ??= org.key;
      addLeads(ctx, person, org, first.sent, 0.6);
      continue;
    }
    if (typeof person.attrs.knownCountry === "string") {
      const c = contextCountry(ctx.doc, ctx.reg, person, s);
      if (c) {
        person.attrs.country ??= c.key;
        addLeads(ctx, person, c, first.sent, 0.55);
      }
    }
  }
}

function addLeads(ctx: Ctx, person: Entity, target: Entity, sent: number, confidence: number): void {
  if (target.type !== "Country" && target.type !== "Organization") return;
  // A regional group ("European leaders") has members, not office holders.
  if (target.attrs.kind === "group" && target.attrs.region) return;
  addFact(ctx, { type: "LEADS", subject: person, object: target, sent, confidence, rule: "offices" });
}

export const offices: Rule = {
  id: "offices",
  about: "titles and appositions: 'Hungarian Foreign Minister X', 'X, Russia's deputy foreign minister' (runs once per article)",
  cue: always,
  apply() {
    /* leadsFromOffices runs before the sentence loop; listed here so that the registry shows every rule. */
  },
};

/** "X, who leads Thailand's team", "The Israeli team is led by X", "Hamas is represented by X". */
export const leadershipVerbs: Rule = {
  id: "leadership-verbs",
  about: "'who leads Thailand's team', 'the Israeli team is led by X', 'Hamas is represented by X'",
  cue: lemmaCue(G.leadershipVerbs),
  apply(ctx: Ctx, s: Sent) {
    for (let t = 0; t < s.toks.length; t++) {
      const tok = s.toks[t]!;
      if (!tok.pos.startsWith("VB") || !G.leadershipVerbs.has(tok.lemma)) continue;
      const passive = kidsOf(s, t, "aux:pass").length > 0 || ekidsOf(s, t, /^nsubj:pass/).length > 0;
      const people = (passive ? ekidsOf(s, t, /^obl:(by|agent)$/) : ekidsOf(s, t, /^nsubj$/)).flatMap((k) => ctx.res.actors(s, k)).filter((e) => e.type === "Person");
      const targets = (passive ? ekidsOf(s, t, /^nsubj:pass/) : ekidsOf(s, t, "obj")).flatMap((k) => ctx.res.actors(s, k)).filter((e) => isActor(e) && e.type !== "Person");
      for (const p of people) for (const target of targets) addFact(ctx, { type: "LEADS", subject: p, object: target, sent: s.index, confidence: 0.75, rule: "leadership-verbs" });
    }
  },
};

/** The one country the previous sentence has as its subject ("The Philippines turned it down. ... Foreign Affairs Secretary X"). */
function previousSubjectCountry(ctx: Ctx, s: Sent): Entity | undefined {
  const prev = ctx.doc.sents[s.index - 1];
  if (!prev) return undefined;
  const found = new Set<Entity>();
  for (let t = 0; t < prev.toks.length; t++) {
    if (!/^nsubj/.test(prev.rel[t]!)) continue;
    for (const m of ctx.reg.at(prev.index, t)) if (m.entity.type === "Country") found.add(m.entity);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
