import type { Ctx } from "../context.ts";
import { commitments } from "./commitments.ts";
import { meetingPresence, metWith } from "./meetings.ts";
import { membership } from "./membership.ts";
import { leadershipVerbs, offices } from "./offices.ts";
import { adjectivalPredicates, nominalPredicates, verbalPredicates } from "./predicates.ts";
import type { Rule } from "./rule.ts";

/** Every sentence rule, in the order they run on each sentence. */
export const RULES: readonly Rule[] = [
  offices,
  verbalPredicates,
  adjectivalPredicates,
  nominalPredicates,
  commitments,
  meetingPresence,
  metWith,
  membership,
  leadershipVerbs,
];

/** Runs the rules over the article, sentence by sentence, so that later sentences can refer back to what earlier ones found. */
export function runRules(ctx: Ctx, rules: readonly Rule[] = RULES): void {
  for (const s of ctx.doc.sents) {
    // Headings repeat what the text says; facts come from the sentences.
    if (s.heading) continue;
    for (const rule of rules) if (rule.cue(s)) rule.apply(ctx, s);
  }
}
