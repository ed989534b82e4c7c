/** Neo4j cannot be reached (down, restarting, wrong address): the HTTP layer answers 503 and retries on the next request. */
export class StoreUnavailableError extends Error {
  constructor(readonly detail: string) {
    super(`The graph database is unreachable (${detail}). Check that Neo4j is running (kg db start) and try again.`);
    this.name = "StoreUnavailableError";
  }
}

const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired", "ECONNREFUSED", "ECONNRESET"]);

/** Whether a driver error means "the database is not there" rather than "the query is wrong". */
export function isUnavailableError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  // Query errors always carry a Neo.* code; only code-less errors are inspected by message.
  if (typeof code === "string" && code.startsWith("Neo.")) return false;
  const message = String((error as { message?: unknown }).message ?? "");
  return /ECONNREFUSED|ECONNRESET|connection acquisition timed out|failed to connect/i.test(message);
}
