/**
 * The parse stage: text -> sentences, tokens, parts of speech, lemmas, named entities and Universal Dependencies
 * (ParsedText), from a Stanford CoreNLP server: KG_NLP_URL, or the project's local one (src/parse/local).
 */
export { createParser, describeParserUrls, type ParseOutcome, type Parser, type ParserOptions } from "./client.ts";
export { splitText, type TextPiece } from "./chunk.ts";
export { LocalParserError, ParserAuthError, ParserError, ParserRequestError, ParserResponseError, ParserUnavailableError } from "./errors.ts";
export { ensureLocalParser } from "./local/index.ts";
export { CORENLP_SETTINGS, PARSER_NAME, settingsDigest } from "./settings.ts";
export * from "./schema.ts";
