import { z } from "zod";
import { ParserResponseError } from "./errors.ts";
import type { Arc, Sentence } from "./schema.ts";

/** The fields of CoreNLP's JSON output (outputFormat=json) that the parse stage uses; others are ignored. */
const CoreNlpToken = z.object({
  index: z.number().int().positive(),
  word: z.string(),
  originalText: z.string(),
  lemma: z.string(),
  characterOffsetBegin: z.number().int().nonnegative(),
  characterOffsetEnd: z.number().int().nonnegative(),
  pos: z.string(),
  ner: z.string(),
});

const CoreNlpArc = z.object({
  dep: z.string().min(1),
  governor: z.number().int().nonnegative(),
  dependent: z.number().int().positive(),
});

const CoreNlpSentence = z.object({
  tokens: z.array(CoreNlpToken),
  basicDependencies: z.array(CoreNlpArc),
  enhancedPlusPlusDependencies: z.array(CoreNlpArc),
});

export const CoreNlpDocumentSchema = z.object({ sentences: z.array(CoreNlpSentence) });

/**
 * Reads the server's answer for `sent` (the exact text of the request) into sentences whose offsets are in the
 * whole text (`base` is where `sent` starts in it). Every token must slice `sent` to its original text and every
 * arc must point at tokens of its sentence: anything else is a ParserResponseError naming what is wrong.
 */
export function readCoreNlpJson(body: string, sent: string, base: number, source: string): Sentence[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw malformed(source, `it is not JSON (starts with ${JSON.stringify(body.slice(0, 80))})`);
  }
  const parsed = CoreNlpDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw malformed(source, `${issue.path.join(".") || "the document"}: ${issue.message}`);
  }

  let previousEnd = 0;
  return parsed.data.sentences.map((sentence, s) => {
    const n = sentence.tokens.length;
    const tokens = sentence.tokens.map((token, i) => {
      const where = `sentences.${s}.tokens.${i}`;
      if (token.index !== i + 1) throw malformed(source, `${where}: index ${token.index}, expected ${i + 1}`);
      const { characterOffsetBegin: begin, characterOffsetEnd: end } = token;
      if (begin < previousEnd || end < begin || end > sent.length) {
        throw malformed(source, `${where}: offsets ${begin}-${end} are out of order or outside the ${sent.length} characters sent`);
      }
      if (sent.slice(begin, end) !== token.originalText) {
        throw malformed(
          source,
          `${where}: offsets ${begin}-${end} hold ${JSON.stringify(sent.slice(begin, end))}, not the token ${JSON.stringify(token.originalText)} ` +
            "(the server changed the text: is it CoreNLP 4.5 or newer?)",
        );
      }
      previousEnd = end;
      return { word: token.word, lemma: token.lemma, pos: token.pos, ner: token.ner, start: base + begin, end: base + end };
    });
    const arcs = (list: z.infer<typeof CoreNlpArc>[], name: string): Arc[] =>
      list.map((arc, a) => {
        if (arc.governor > n || arc.dependent > n) {
          throw malformed(source, `sentences.${s}.${name}.${a}: arc ${arc.governor}->${arc.dependent} points outside the sentence's ${n} tokens`);
        }
        return { rel: arc.dep, gov: arc.governor, dep: arc.dependent };
      });
    return { tokens, basic: arcs(sentence.basicDependencies, "basicDependencies"), enhanced: arcs(sentence.enhancedPlusPlusDependencies, "enhancedPlusPlusDependencies") };
  });
}

function malformed(source: string, what: string): ParserResponseError {
  return new ParserResponseError(
    `The parser at ${source} sent an answer that is not CoreNLP's JSON for the text sent: ${what}. ` +
      "Check that KG_NLP_URL points at a Stanford CoreNLP server (4.5 or newer), or unset it to use the local one.",
  );
}
