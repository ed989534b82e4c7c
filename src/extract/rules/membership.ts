import { addFact, type Ctx } from "../context.ts";
import { type Sent, ekidsOf, kidsOf } from "../doc/doc.ts";
import type { Entity } from "../entities/registry.ts";
import { G } from "../lexicon/index.ts";
import { type Rule, lemmaCue } from "./rule.ts";

/**
 * MEMBER_OF: "Hungary and Slovakia, both members of the EU and NATO", "Turkey, a NATO member", "Both Ethiopia and
 * Eritrea are members of the 55-nation AU", "Brazil and Colombia, both OAS members"; an organisation that groups,
 * comprises or includes countries ("the AES, which groups Mali, Burkina Faso and Niger"); a country that joined one
 * ("the EU, which Cyprus joined in 2004").
 */
export const membership: Rule = {
  id: "membership",
  about: "'X, a NATO member', 'X and Y, both members of the EU', 'X are members of the AU', 'the AES groups X and Y', 'Cyprus joined the EU'",
  cue: lemmaCue(["member", "members", ...G.membershipVerbs, ...G.joiningOrganisationVerbs]),
  apply(ctx: Ctx, s: Sent) {
    for (let v = 0; v < s.toks.length; v++) {
      const verb = s.toks[v]!;
      if (!verb.pos.startsWith("VB")) continue;
      const groups = G.membershipVerbs.has(verb.lemma);
      const joins = G.joiningOrganisationVerbs.has(verb.lemma);
      if (!groups && !joins) continue;
      // "bring together": only with its particle.
      if (verb.lemma === "bring" && !kidsOf(s, v, /^(compound:prt|advmod)$/).some((k) => s.toks[k]!.lower === "together")) continue;
      const subjects = ekidsOf(s, v, /^nsubj$/).flatMap((k) => withConjuncts(ctx, s, k));
      const objects = ekidsOf(s, v, /^obj$/).flatMap((k) => withConjuncts(ctx, s, k));
      // "which groups ...", "which Cyprus joined": the relative pronoun stands for the noun the clause hangs on.
      const modified = s.rel[v]!.startsWith("acl:relcl") && s.head[v]! >= 0 ? ctx.res.named(s, s.head[v]!) : [];
      const org = (list: Entity[]) => list.filter((e) => e.type === "Organization" && e.attrs.kind !== "group");
      const countries = (list: Entity[]) => list.filter((e) => e.type === "Country");
      const [members, bodies] = groups ? [countries(objects), org([...subjects, ...modified])] : [countries(subjects), org([...objects, ...modified])];
      for (const m of new Set(members)) for (const o of new Set(bodies)) addFact(ctx, { type: "MEMBER_OF", subject: m, object: o, sent: s.index, confidence: 0.8, rule: "membership" });
    }
    for (let t = 0; t < s.toks.length; t++) {
      const tok = s.toks[t]!;
      if (tok.lemma !== "member" || !tok.pos.startsWith("NN")) continue;
      // "member states" of an organisation are not its members named here.
      if (s.rel[t] === "compound") continue;
      const orgs: Entity[] = [];
      for (const k of [...ekidsOf(s, t, /^(nmod:of|compound|nmod:poss)$/)]) for (const e of ctx.res.named(s, k)) if (e.type === "Organization" && e.attrs.kind !== "group") orgs.push(e);
      if (!orgs.length) continue;
      const members: Entity[] = [];
      // Apposition: the countries the phrase describes.
      if (s.rel[t] === "appos" && s.head[t]! >= 0) members.push(...withConjuncts(ctx, s, s.head[t]!));
      // Copula: "X are members of Y".
      for (const k of ekidsOf(s, t, /^nsubj$/)) members.push(...withConjuncts(ctx, s, k));
      for (const m of new Set(members)) {
        if (m.type !== "Country") continue;
        for (const o of orgs) addFact(ctx, { type: "MEMBER_OF", subject: m, object: o, sent: s.index, confidence: 0.85, rule: "membership" });
      }
    }
  },
};

function withConjuncts(ctx: Ctx, s: Sent, t: number): Entity[] {
  const out = [...ctx.res.actors(s, t)];
  for (const c of kidsOf(s, t, "conj")) out.push(...ctx.res.actors(s, c));
  return out;
}
