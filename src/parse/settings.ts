import { createHash } from "node:crypto";

/**
 * The CoreNLP properties of every parse: sent with each request (so an external server with other defaults
 * gives the same result) and given to the local server as its defaults and preload list. Tune here only.
 *
 * NER: one CRF model (PERSON, ORGANIZATION, LOCATION) without SUTime, the numeric classifiers or the
 * fine-grained tagger: the full default NER cut throughput about 4x; this set costs about 10%.
 * `ssplit.newlineIsSentenceBreak=two`: a blank line (paragraph break) always ends a sentence, so long texts
 * can be parsed in chunks split at blank lines with the same result as in one piece.
 */
export const CORENLP_SETTINGS = Object.freeze({
  annotators: "tokenize,ssplit,pos,lemma,ner,depparse",
  "ssplit.newlineIsSentenceBreak": "two",
  "ner.model": "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz",
  "ner.useSUTime": "false",
  "ner.applyNumericClassifiers": "false",
  "ner.applyFineGrained": "false",
  "ner.buildEntityMentions": "false",
} as const);

/** Output options of each request: not analysis settings, so not part of the digest. */
export const CORENLP_OUTPUT = Object.freeze({ outputFormat: "json", prettyPrint: "false" } as const);

export const PARSER_NAME = "stanford-corenlp";

/** Stable digest of the settings (key order does not matter), stored in ParsedText.parser.settings. */
export function settingsDigest(settings: Readonly<Record<string, string>> = CORENLP_SETTINGS): string {
  const canonical = JSON.stringify(Object.keys(settings).sort().map((key) => [key, settings[key]]));
  return `sha256:${createHash("sha256").update(canonical).digest("hex").slice(0, 16)}`;
}

/**
 * The `properties` URL parameter. The server percent-decodes the query more than once and splits it at `&`,
 * so a value holding `%`, `+` or `&` would arrive changed: refuse such settings instead of sending them.
 */
export function propertiesParam(settings: Readonly<Record<string, string>> = CORENLP_SETTINGS): string {
  const all = { ...settings, ...CORENLP_OUTPUT };
  for (const [key, value] of Object.entries(all)) {
    if (/[%+&]/.test(key + value)) throw new Error(`CoreNLP setting ${key}=${value} holds %, + or &, which the server's URL decoding would change.`);
  }
  return encodeURIComponent(JSON.stringify(all));
}
