import neo4j, { type QueryResult, type ResultSummary } from "neo4j-driver";
import type { Store } from "../driver.ts";
import { QueryFailedError, QueryRefusedError, QueryTimeoutError } from "./errors.ts";
import { checkReadOnly } from "./guard.ts";
import { toJson, type JsonValue } from "./values.ts";

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_ROW_LIMIT = 1_000;

/** The driver parts the runner needs: a store from connect()/openStore(), or the explorer's driver. */
export type QueryStore = Pick<Store, "driver" | "database">;

export interface RunOptions {
  timeoutMs?: number;
  /** Rows kept; when the query yields more, the result says it was cut. */
  limit?: number;
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
  const { query: statement } = checkReadOnly(query);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limit = opts.limit ?? DEFAULT_ROW_LIMIT;
  const session = store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.READ });
  try {
    const queryType = await plannedQueryType(store, statement, params, timeoutMs);
    if (queryType !== "r") {
      throw new QueryRefusedError(
        `queryType ${queryType}`,
        `Neo4j classifies this query as ${describeQueryType(queryType)}; the console only runs read queries.`,
      );
    }
    return await session
      .executeRead((tx) => collect(tx.run(statement, params), limit), { timeout: timeoutMs })
      .catch((err: unknown) => rethrow(err, timeoutMs));
  } finally {
    await session.close();
  }
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
  const session = store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.READ });
  try {
    const plan = await session
      // EXPLAIN on its own line keeps Neo4j's column numbers right; line numbers are shifted back below.
      .executeRead((tx) => tx.run(`EXPLAIN\n${statement}`, params), { timeout: timeoutMs })
      .catch((err: unknown) => rethrow(withoutExplain(err), timeoutMs));
    return String(plan.summary.queryType ?? "");
  } finally {
    await session.close();
  }
}

/** Runs Cypher that may write (`kg query --write`, CLI only): no guard, still a timeout and a row limit. */
export async function runWriteQuery(
  store: QueryStore,
  query: string,
  params: Record<string, unknown> = {},
  opts: RunOptions = {},
): Promise<QueryRunResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limit = opts.limit ?? DEFAULT_ROW_LIMIT;
  const session = store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session
      .executeWrite((tx) => collect(tx.run(query.trim().replace(/;+\s*$/, ""), params), limit), { timeout: timeoutMs })
      .catch((err: unknown) => rethrow(err, timeoutMs));
  } finally {
    await session.close();
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
  if (err instanceof QueryRefusedError || err instanceof QueryTimeoutError || err instanceof QueryFailedError) throw err;
  const code = String((err as { code?: unknown })?.code ?? "");
  const message = String((err as { message?: unknown })?.message ?? err);
  if (/TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed.*timeout/i.test(code) || /timed out|timeout/i.test(message) && /Transaction/.test(code)) {
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
