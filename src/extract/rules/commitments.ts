import type { Ctx } from "../context.ts";
import { type Sent, ancestors, ekidsOf, kidsOf } from "../doc/doc.ts";
import { isActor } from "../entities/registry.ts";
import { agentTokens } from "../events/arguments.ts";
import { commitEvent } from "../events/commit.ts";
import { polarityOf } from "../events/polarity.ts";
import type { Predicate } from "../events/predicates.ts";
import { TRANSFER_VERBS, G } from "../lexicon/index.ts";
import { type Rule, lemmaCue } from "./rule.ts";

/**
 * A commitment to give: "Italy will contribute two frigates", "Athens would send a frigate", "Germany will send
 * Ukraine two more air-defence systems". A verb of giving with a future or volitional auxiliary is an offer of
 * what it gives (a contribution to a mission under discussion goes to that mission). Verbs inside a description
 * of a proposal ("a truce during which Hamas would release eight hostages") promise nothing and are skipped. A
 * volitional negation ("will not send troops") rejects the contribution.
 */
export const commitments: Rule = {
  id: "commitments",
  about: "'will send', 'would contribute', 'will provide': a future act of giving is an offer",
  cue: lemmaCue(TRANSFER_VERBS),
  apply(ctx: Ctx, s: Sent) {
    for (let t = 0; t < s.toks.length; t++) {
      const tok = s.toks[t]!;
      if (!tok.pos.startsWith("VB") || !TRANSFER_VERBS.has(tok.lemma)) continue;
      const auxes = kidsOf(s, t, "aux").map((k) => s.toks[k]!.lower);
      if (!auxes.some((a) => G.futureAuxiliaries.has(a))) continue;
      if (inDescription(s, t)) continue;
      const objs = ekidsOf(s, t, "obj");
      if (!objs.length) continue;
      // "will not send troops": refusing to give is rejecting the contribution.
      const p: Predicate = { s, t, cls: "OFFER", pos: "verb", themePreps: [], label: tok.lemma, negatedModal: "REJECT" };
      const agents = agentTokens(p).flatMap((k) => ctx.res.actors(s, k)).filter(isActor);
      if (!agents.length) continue;
      commitEvent(ctx, {
        cls: "OFFER",
        pred: p,
        agents,
        themes: objs.map((k) => ({ t: k, via: "obj" })),
        pol: polarityOf(s, t),
        rule: "commitments",
        confidence: 0.7,
      });
    }
  },
};

/** Inside a relative clause, a condition or the description of something else. */
function inDescription(s: Sent, t: number): boolean {
  let x = t;
  for (const h of ancestors(s, t)) {
    const rel = s.rel[x]!;
    if (rel.startsWith("acl") || (rel.startsWith("advcl:") && G.descriptionMarkers.has(rel.slice(6)))) return true;
    if (rel.startsWith("advcl") && kidsOf(s, x, "mark").some((m) => G.descriptionMarkers.has(s.toks[m]!.lower))) return true;
    x = h;
  }
  return s.rel[t]!.startsWith("acl");
}
