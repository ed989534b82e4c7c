/**
 * The driver errors every part of the project tells apart, in one place: Neo4j is not there (unavailable), or it is
 * there and every connection is busy. Everything else is the query's or the data's own error.
 */

export const DEFAULT_HINT =
  "Start the local server with `npx kg db start`, or point NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD at a running Neo4j 5.26+ (or `docker compose up -d`).";

/**
 * Neo4j cannot be reached (down, restarting, wrong address, refused credentials): the one "unavailable" error. The
 * CLI prints it (which server, what failed, what to do); the HTTP API answers 503 with Retry-After and recovers on a
 * later request.
 */
export class Neo4jUnavailableError extends Error {
  readonly userFacing = true;
  /** The driver's own first line, for logs. */
  readonly detail: string;
  constructor(
    /** Which server: a Bolt URI or "the local Neo4j"; null when the driver does not say. */
    readonly uri: string | null,
    readonly cause: unknown,
    readonly hint: string = DEFAULT_HINT,
  ) {
    const detail = describe(cause);
    super(`Cannot reach Neo4j${uri ? ` at ${uri}` : ""}: ${detail}\n${hint}`);
    this.name = "Neo4jUnavailableError";
    this.detail = detail;
  }
}

function describe(err: unknown): string {
  if (err && typeof err === "object" && "message" in err) {
    const msg = String((err as { message: unknown }).message).split("\n")[0] ?? "";
    return msg.replace(/\s+/g, " ").trim();
  }
  return String(err);
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

/** A driver error as callers should see it: busy, unavailable, or the error itself. */
export function classifyDriverError(error: unknown): unknown {
  if (error instanceof StoreBusyError || error instanceof Neo4jUnavailableError) return error;
  if (isPoolBusyError(error)) return new StoreBusyError();
  if (isUnavailableError(error)) return new Neo4jUnavailableError(null, error, "Check that Neo4j is running (`kg db start`) and try again.");
  return error;
}
