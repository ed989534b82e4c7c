import { addFact, type Ctx } from "../context.ts";
import { type Sent, ekidsOf, kidsOf } from "../doc/doc.ts";
import type { Entity } from "../entities/registry.ts";
import { type Rule, lemmaCue } from "./rule.ts";

/**
 * MEMBER_OF: "Hungary and Slovakia, both members of the EU and NATO", "Turkey, a NATO member", "Both Ethiopia and
 * Eritrea are members of the 55-nation AU", "Brazil and Colombia, both OAS members".
 */
export const membership: Rule = {
  id: "membership",
  about: "'X, a NATO member', 'X and Y, both members of the EU', 'X are members of the AU'",
  cue: lemmaCue(["member", "members"]),
  apply(ctx: Ctx, s: Sent) {
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
