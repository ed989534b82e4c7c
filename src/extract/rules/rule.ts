import type { Ctx } from "../context.ts";
import type { Sent } from "../doc/doc.ts";

/**
 * One extraction rule: a phenomenon of English (a verb with its arguments, a nominalisation, a title) and what it
 * finds. `cue` is a cheap test that lets the loop skip sentences where the rule cannot fire; `apply` reads one
 * sentence and records what it finds in the context.
 */
export interface Rule {
  id: string;
  /** What the rule reads, in a sentence (for the README and `kg eval --errors`). */
  about: string;
  cue: (s: Sent) => boolean;
  apply: (ctx: Ctx, s: Sent) => void;
}

/** A cue that fires when the sentence has one of the lemmas. */
export function lemmaCue(lemmas: Iterable<string>): (s: Sent) => boolean {
  const set = new Set(lemmas);
  return (s) => s.toks.some((t) => set.has(t.lemma) || set.has(t.lower));
}

export const always = (): boolean => true;
