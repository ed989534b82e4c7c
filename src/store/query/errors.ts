/**
 * Failures of the analyst query runner, phrased for people. `userFacing` makes the CLI print the message
 * as is (no stack trace) and lets the HTTP layer map them to 4xx answers.
 */
export class QueryRefusedError extends Error {
  readonly userFacing = true;
  constructor(
    /** The clause, keyword or procedure that caused the refusal, e.g. "CREATE" or "apoc.create.node". */
    readonly clause: string,
    reason: string,
  ) {
    super(`Refused: ${reason}`);
    this.name = "QueryRefusedError";
  }
}

export class QueryTimeoutError extends Error {
  readonly userFacing = true;
  constructor(readonly timeoutMs: number) {
    super(
      `The query ran longer than ${timeoutMs / 1000} s and was stopped. Narrow it (a LIMIT, a more selective MATCH) or raise the timeout (--timeout).`,
    );
    this.name = "QueryTimeoutError";
  }
}

/** Neo4j rejected the query (syntax, unknown procedure, bad parameter...): its own message, trimmed. */
export class QueryFailedError extends Error {
  readonly userFacing = true;
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(`Neo4j rejected the query (${code || "error"}): ${detail}`);
    this.name = "QueryFailedError";
  }
}

/** Neo4j stopped the query at its memory limit (db.memory.transaction.max or the global transaction pool). */
export class QueryTooLargeError extends Error {
  readonly userFacing = true;
  constructor(detail: string) {
    super(
      `The query needed more memory than a query may use and was stopped (${detail}). Narrow it: a LIMIT, a more selective MATCH, ` +
        "fewer values collected into one list.",
    );
    this.name = "QueryTooLargeError";
  }
}
