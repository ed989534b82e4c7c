/** Neo4j cannot be reached (down, restarting, wrong address): the HTTP layer answers 503 and retries on the next request. */
export class StoreUnavailableError extends Error {
  constructor(readonly detail: string) {
    super(`The graph database is unreachable (${detail}). Check that Neo4j is running (kg db start) and try again.`);
    this.name = "StoreUnavailableError";
  }
}

/** Every connection of the pool is in use and none came free in time: the database is up, the server is busy. */
export class StoreBusyError extends Error {
  readonly userFacing = true;
  constructor() {
    super("The server is busy: every connection to the graph database is in use. Retry in a moment (KG_NEO4J_POOL_SIZE sets how many there are).");
    this.name = "StoreBusyError";
  }
}

const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired", "ECONNREFUSED", "ECONNRESET"]);

/** Whether a driver error means "no free connection in the pool in time" (the database itself answers). */
export function isPoolBusyError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  return /connection acquisition timed out/i.test(String((error as { message?: unknown }).message ?? ""));
}

/** Whether a driver error means "the database is not there" rather than "the query is wrong" or "busy". */
export function isUnavailableError(error: unknown): boolean {
  if (typeof error !== "object" || error === null || isPoolBusyError(error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  // Query errors always carry a Neo.* code; only code-less errors are inspected by message.
  if (typeof code === "string" && code.startsWith("Neo.")) return false;
  const message = String((error as { message?: unknown }).message ?? "");
  return /ECONNREFUSED|ECONNRESET|failed to connect/i.test(message);
}

/** A driver error as the HTTP layer should see it: busy, unavailable, or the error itself. */
export function classifyDriverError(error: unknown): unknown {
  if (isPoolBusyError(error)) return new StoreBusyError();
  if (isUnavailableError(error)) return new StoreUnavailableError(String((error as Error).message).split("\n")[0] ?? "");
  return error;
}
