/**
 * Failures of the parse stage. Messages are written for people (what failed, where, what to do); the CLI
 * prints them without a stack trace (`userFacing`).
 */
export class ParserError extends Error {
  override name = "ParserError";
  readonly userFacing = true;
}

/**
 * The parser service cannot be reached or keeps failing (connection refused or reset, timeouts, 5xx after
 * retries). Nothing else will parse either: a batch should stop.
 */
export class ParserUnavailableError extends ParserError {
  override name = "ParserUnavailableError";
  constructor(
    readonly url: string,
    readonly reason: string,
    hint: string,
  ) {
    super(`Cannot reach the parser at ${url}: ${reason}.\n${hint}`);
  }
}

/** The server refused the credentials (401/403). Nothing else will parse either. */
export class ParserAuthError extends ParserError {
  override name = "ParserAuthError";
}

/** The server refused or failed on this one text (too long for it, an annotation error): other texts may parse. */
export class ParserRequestError extends ParserError {
  override name = "ParserRequestError";
}

/** The server's answer is not a CoreNLP JSON document matching the text sent. */
export class ParserResponseError extends ParserError {
  override name = "ParserResponseError";
}

/** A failure of the local CoreNLP server's tooling (install, start, stop). */
export class LocalParserError extends ParserError {
  override name = "LocalParserError";
}
