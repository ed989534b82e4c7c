import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AnalysisInputError, buildTimeline, compareActors, listTopics } from "../analysis/service.ts";
import { Neo4jAnalystReader } from "../store/query/analyst-reader.ts";
import { QueryFailedError, QueryRefusedError, QueryTimeoutError, QueryTooLargeError } from "../store/query/errors.ts";
import { classifyDriverError, StoreBusyError, StoreUnavailableError } from "../store/read/errors.ts";
import { isStackOverflow, NESTED_TOO_DEEP, sendBusy } from "./errors.ts";
import { DEFAULT_ROW_LIMIT, DEFAULT_TIMEOUT_MS, runReadOnlyQuery, type QueryStore } from "../store/query/runner.ts";
import { listSavedQueries } from "../analysis/saved-queries.ts";

/**
 * The analyst API as a Fastify 5 plugin (register it under the app; it keeps its own error handler):
 *   GET  /api/compare?topic=peacekeeping&actors=Turkey,Europe,Russia
 *   GET  /api/timeline?actor=Turkey   |   /api/timeline?topic=ceasefire
 *   GET  /api/topics
 *   GET  /api/queries                  saved queries (title, description, parameters, Cypher) for the console's menu
 *   POST /api/query {query, params?, limit?}   read-only, always (no write mode over HTTP)
 */
export interface AnalystRoutesOptions {
  store: QueryStore;
  /** Console transaction timeout (default 10 s). */
  timeoutMs?: number;
  /** Console row limit ceiling (default 1,000). */
  rowLimit?: number;
}

const ActorListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(200)).min(1, "name at least one actor").max(20));

export const CompareQuerySchema = z.strictObject({ topic: z.string().trim().min(1).max(100), actors: ActorListSchema });
export const TimelineQuerySchema = z
  .strictObject({ actor: z.string().trim().min(1).max(200).optional(), topic: z.string().trim().min(1).max(100).optional() })
  .refine((q) => Boolean(q.actor) !== Boolean(q.topic), { message: "give either actor or topic (exactly one)" });
export const QueryBodySchema = z.strictObject({
  query: z.string().min(1).max(20_000),
  params: z.record(z.string(), z.unknown()).default({}),
  limit: z.number().int().positive().optional(),
});

function send(reply: FastifyReply, status: number, error: string, message: string, extra: Record<string, unknown> = {}) {
  return reply.code(status).type("application/json; charset=utf-8").send({ error, message, ...extra });
}

function zodMessage(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`).join("; ");
}

function handle(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof z.ZodError) return send(reply, 400, "bad_request", zodMessage(error));
  if (error instanceof QueryRefusedError) return send(reply, 403, "query_refused", error.message, { clause: error.clause });
  if (error instanceof QueryTimeoutError) return send(reply, 408, "query_timeout", error.message);
  if (error instanceof QueryTooLargeError) return send(reply, 422, "query_too_large", error.message);
  if (error instanceof QueryFailedError) return send(reply, 400, "query_failed", error.message);
  if (error instanceof AnalysisInputError) return send(reply, 400, "bad_request", error.message);
  if (isStackOverflow(error)) return send(reply, 400, "bad_request", NESTED_TOO_DEEP);
  const classified = error instanceof StoreBusyError || error instanceof StoreUnavailableError ? error : classifyDriverError(error);
  if (classified instanceof StoreBusyError) return sendBusy(reply, classified.message);
  if (classified instanceof StoreUnavailableError) {
    request.log.warn({ detail: classified.detail }, "neo4j unavailable");
    return reply.header("retry-after", "5").code(503).send({ error: "database_unavailable", message: classified.message });
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) return send(reply, status, "bad_request", error.message);
  request.log.error({ err: error }, "analyst request failed");
  return send(reply, 500, "internal_error", "The server failed to answer; the log has the details.");
}

export async function analystRoutes(app: FastifyInstance, options: AnalystRoutesOptions): Promise<void> {
  const reader = new Neo4jAnalystReader(options.store);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const rowLimit = options.rowLimit ?? DEFAULT_ROW_LIMIT;
  app.setErrorHandler(handle);

  app.get("/api/compare", async (request) => {
    const q = CompareQuerySchema.parse(request.query);
    return compareActors(reader, { topic: q.topic, actors: q.actors });
  });

  app.get("/api/timeline", async (request) => {
    const q = TimelineQuerySchema.parse(request.query);
    return buildTimeline(reader, q);
  });

  app.get("/api/topics", async () => ({ topics: await listTopics(reader) }));

  app.get("/api/queries", async () => ({ queries: listSavedQueries().map(({ file: _file, ...q }) => q) }));

  app.post("/api/query", async (request) => {
    const body = QueryBodySchema.parse(request.body);
    return runReadOnlyQuery(options.store, body.query, body.params, { timeoutMs, limit: Math.min(body.limit ?? rowLimit, rowLimit) });
  });
}
