import { z } from "zod";

/**
 * A parsed text: sentences, tokens with parts of speech, lemmas and named-entity tags, and two dependency
 * graphs per sentence (Universal Dependencies: basic, and enhanced++ with propagated conjuncts, controlled
 * subjects and relative-clause referents). This is the boundary between the `parse` stage (which talks to a
 * parser service) and the pure `extract` stage.
 */
export const TokenSchema = z.object({
  /** The token as the parser read it (CoreNLP `word`). */
  word: z.string(),
  lemma: z.string(),
  /** Penn Treebank part-of-speech tag (NNP, VBD, ...). */
  pos: z.string(),
  /** Named-entity tag (PERSON, ORGANIZATION, LOCATION, MISC, ...) or "O". */
  ner: z.string(),
  /** Character offsets in the text that was parsed (UTF-16 code units, like JavaScript strings). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Token = z.infer<typeof TokenSchema>;

/** One arc: `gov` and `dep` are 1-based token indexes of the sentence; gov 0 is the root. */
export const ArcSchema = z.object({
  rel: z.string(),
  gov: z.number().int().nonnegative(),
  dep: z.number().int().positive(),
});
export type Arc = z.infer<typeof ArcSchema>;

export const SentenceSchema = z.object({
  tokens: z.array(TokenSchema),
  basic: z.array(ArcSchema),
  enhanced: z.array(ArcSchema),
});
export type Sentence = z.infer<typeof SentenceSchema>;

export const ParsedTextSchema = z.object({
  sentences: z.array(SentenceSchema),
  /** Which parser and settings produced it (kept so that extractions can be traced and caches invalidated). */
  parser: z.object({ name: z.string(), version: z.string(), settings: z.string() }),
});
export type ParsedText = z.infer<typeof ParsedTextSchema>;
