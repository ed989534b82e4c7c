import { randomUUID } from "node:crypto";
import neo4j, { type QueryResult, type ResultSummary, type SessionMode } from "neo4j-driver";
import { cypher } from "../cypher.ts";
import type { Store } from "../driver.ts";
import { isPoolBusyError, StoreBusyError } from "../read/errors.ts";
import { QueryFailedError, QueryRefusedError, QueryTimeoutError, QueryTooLargeError } from "./errors.ts";
import { checkReadOnly, checkResourceLimits, DBMS_READ_PROCEDURES } from "./guard.ts";
import { toJson, type JsonValue } from "./values.ts";

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_ROW_LIMIT = 1_000;
/**
 * How long after the transaction timeout the runner stops waiting for Neo4j: the server stops a query at the
 * timeout between rows, but a query busy inside one row never answers; then the runner terminates the
 * transaction itself (TERMINATE TRANSACTIONS, found by its metadata) and answers "timed out".
 */
export const TIMEOUT_GRACE_MS = 1_500;
/** Marks console transactions in SHOW TRANSACTIONS, so the runner can find and terminate its own. */
const METADATA_KEY = "kgConsoleQuery";

/** The driver parts the runner needs: a store from connect()/openStore(), or the explorer's driver. */
export type QueryStore = Pick<Store, "driver" | "database">;

export interface RunOptions {
  timeoutMs?: number;
  /** Rows kept; when the query yields more, the result says it was cut. */
  limit?: number;
  /**
   * The timeout sent to Neo4j, when it must differ from `timeoutMs` (tests of the runner's own deadline, which
   * otherwise only fires when Neo4j does not stop a query at its timeout).
   */
  serverTimeoutMs?: number;
}

export interface QueryRunResult {
  columns: string[];
  rows: Array<Record<string, JsonValue>>;
  /** True when the query had more rows than `limit` (the rest were not fetched). */
  truncated: boolean;
  limit: number;
  /** Neo4j's classification: "r" read, "rw" read-write, "w" write, "s" schema. */
  queryType: string;
  elapsedMs: number;
  /** Only for --write runs: what changed. */
  updates?: Record<string, number>;
}

/**
 * Runs user Cypher read-only: the lexical guard first, then Neo4j's own planner (EXPLAIN must say "r"),
 * then the query itself in a READ transaction with a timeout. Nothing runs when a check refuses.
 */
export async function runReadOnlyQuery(
  store: QueryStore,
  query: string,
  params: Record<string, unknown> = {},
  opts: RunOptions = {},
): Promise<QueryRunResult> {
  const { query: statement, procedures } = checkReadOnly(query, params);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limit = opts.limit ?? DEFAULT_ROW_LIMIT;
  const queryType = await plannedQueryType(store, statement, params, timeoutMs);
  // A DBMS-mode read procedure makes the planner say "s"; the lexical check has refused every real schema command.
  const dbmsRead = queryType === "s" && procedures.length > 0 && procedures.every((p) => DBMS_READ_PROCEDURES.includes(p));
  if (queryType !== "r" && !dbmsRead) {
    throw new QueryRefusedError(
      `queryType ${queryType}`,
      `Neo4j classifies this query as ${describeQueryType(queryType)}; the console only runs read queries.`,
    );
  }
  return runBounded(store, neo4j.session.READ, statement, params, timeoutMs, (result) => collect(result, limit), opts.serverTimeoutMs);
}

/**
 * Asks Neo4j's planner what a query would do, without running it (EXPLAIN): "r", "rw", "w" or "s".
 * Exported so tests can check this layer on its own, apart from the lexical guard.
 */
export async function plannedQueryType(
  store: QueryStore,
  statement: string,
  params: Record<string, unknown> = {},
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<string> {
  try {
    // EXPLAIN on its own line keeps Neo4j's column numbers right; line numbers are shifted back below.
    return await runBounded(store, neo4j.session.READ, `EXPLAIN\n${statement}`, params, timeoutMs, async (result) =>
      String((await result.summary()).queryType ?? ""),
    );
  } catch (err) {
    throw withoutExplain(err);
  }
}

/** Runs Cypher that may write (`kg query --write`, CLI only): no read-only check, still the resource limits, a timeout and a row limit. */
export async function runWriteQuery(
  store: QueryStore,
  query: string,
  params: Record<string, unknown> = {},
  opts: RunOptions = {},
): Promise<QueryRunResult> {
  const statement = query.trim().replace(/;+\s*$/, "");
  checkResourceLimits(statement, params);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limit = opts.limit ?? DEFAULT_ROW_LIMIT;
  return runBounded(store, neo4j.session.WRITE, statement, params, timeoutMs, (result) => collect(result, limit), opts.serverTimeoutMs);
}

/**
 * One statement in an explicit transaction (no automatic retries: a console query that hit a limit must not run
 * again) with Neo4j's transaction timeout, and our own deadline a little after it: if Neo4j has not answered by
 * then, the transaction is terminated by id and the caller gets QueryTimeoutError without waiting any longer.
 */
async function runBounded<T>(
  store: QueryStore,
  mode: SessionMode,
  statement: string,
  params: Record<string, unknown>,
  timeoutMs: number,
  consume: (result: StreamingResult) => Promise<T>,
  serverTimeoutMs = timeoutMs,
): Promise<T> {
  const tag = randomUUID();
  const session = store.driver.session({ database: store.database, defaultAccessMode: mode });
  const work = (async () => {
    const tx = await session.beginTransaction({ timeout: serverTimeoutMs, metadata: { [METADATA_KEY]: tag } });
    try {
      const value = await consume(tx.run(statement, params));
      await tx.commit();
      return value;
    } finally {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    timer = setTimeout(() => resolve("deadline"), timeoutMs + TIMEOUT_GRACE_MS);
  });
  try {
    const outcome = await Promise.race([work, deadline]);
    if (outcome === "deadline") {
      work.catch(() => undefined);
      await terminateTagged(store, tag);
      // The session's connection is still waiting for Neo4j: close it in the background, never wait for it.
      void session.close().catch(() => undefined);
      throw new QueryTimeoutError(timeoutMs);
    }
    await session.close();
    return outcome as T;
  } catch (err) {
    if (!(err instanceof QueryTimeoutError)) await session.close().catch(() => undefined);
    return rethrow(err, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

/** Terminates this runner's transaction(s) carrying the tag; best effort (the user may lack the privilege). */
async function terminateTagged(store: QueryStore, tag: string): Promise<void> {
  const session = store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const found = await session.run(cypher("admin/find-transactions"), { key: METADATA_KEY, tag });
    const ids = found.records.map((r) => String(r.get("transactionId")));
    if (ids.length > 0) await session.run(cypher("admin/terminate-transactions"), { ids });
  } catch {
    // Neo4j stops it at its own timeout anyway; this only makes it sooner where it can.
  } finally {
    await session.close().catch(() => undefined);
  }
}

type StreamingResult = ReturnType<import("neo4j-driver").ManagedTransaction["run"]>;

/** Reads at most limit + 1 records (the extra one only tells that the result was cut), then discards the rest. */
async function collect(result: StreamingResult, limit: number): Promise<QueryRunResult> {
  const started = Date.now();
  const rows: Array<Record<string, JsonValue>> = [];
  let truncated = false;
  let columns: string[] = [];
  for await (const record of result) {
    if (columns.length === 0) columns = [...record.keys].map(String);
    if (rows.length >= limit) {
      truncated = true;
      break;
    }
    rows.push(Object.fromEntries(record.keys.map((k) => [String(k), toJson(record.get(k))])));
  }
  if (columns.length === 0) columns = (await result.keys()).map(String);
  const summary: ResultSummary = await result.summary();
  const counters = summary.counters.updates() as Record<string, number>;
  const updates = Object.fromEntries(Object.entries(counters).filter(([, n]) => n > 0));
  return {
    columns,
    rows,
    truncated,
    limit,
    queryType: String(summary.queryType ?? ""),
    elapsedMs: Date.now() - started,
    ...(Object.keys(updates).length > 0 ? { updates } : {}),
  };
}

/** Neo4j's messages quote the statement it received; show the user's own lines and line numbers. */
function withoutExplain(err: unknown): unknown {
  const e = err as { message?: unknown };
  if (typeof e?.message !== "string") return err;
  const message = e.message
    .replace(/\bline (\d+)/g, (_, n: string) => `line ${Math.max(1, Number(n) - 1)}`)
    .replace(/ \(offset: \d+\)/g, "")
    .replace(/"EXPLAIN\n/g, '"')
    .replace(/^EXPLAIN\n/m, "");
  return Object.assign(Object.create(Object.getPrototypeOf(err) as object), err, { message });
}

function describeQueryType(t: string): string {
  if (t === "rw") return "read-write";
  if (t === "w") return "write-only";
  if (t === "s") return "a schema change";
  return `"${t || "unknown"}"`;
}

/** Turns driver errors into messages for people; refusals pass through. */
function rethrow(err: unknown, timeoutMs: number): never {
  if (
    err instanceof QueryRefusedError ||
    err instanceof QueryTimeoutError ||
    err instanceof QueryFailedError ||
    err instanceof QueryTooLargeError
  ) {
    throw err;
  }
  if (isPoolBusyError(err)) throw new StoreBusyError();
  const code = String((err as { code?: unknown })?.code ?? "");
  const message = String((err as { message?: unknown })?.message ?? err);
  if (/MemoryLimit|OutOfMemory|MemoryPool/i.test(code)) throw new QueryTooLargeError(message.split("\n")[0]!.slice(0, 300));
  if (/TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed.*timeout/i.test(code) || (/timed out|timeout/i.test(message) && /Transaction/.test(code))) {
    throw new QueryTimeoutError(timeoutMs);
  }
  if (/AccessMode|Forbidden|WriteOnReadOnly/i.test(code)) {
    throw new QueryRefusedError("write", `Neo4j refused a write in the read-only session (${code}).`);
  }
  if (code.startsWith("Neo.ClientError") || code.startsWith("Neo.DatabaseError.Statement")) {
    throw new QueryFailedError(code.replace(/^Neo\.\w+\./, ""), message.split("\n").slice(0, 4).join("\n"));
  }
  throw err;
}

export type { QueryResult };
