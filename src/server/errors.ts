import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { StoreBusyError, StoreUnavailableError } from "../store/read/errors.ts";

export class NotFoundError extends Error {
  constructor(what: string) {
    super(what);
    this.name = "NotFoundError";
  }
}

/** Every API error is JSON: { error: short code, message: what happened and what to do }. */
export function sendError(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).type("application/json; charset=utf-8").send({ error, message });
}

/** Seconds a client should wait before retrying when every connection to Neo4j is in use. */
export const BUSY_RETRY_AFTER_S = 2;

/** Input so deeply nested that parsing or validating it overflowed the stack: bad input, not a server fault. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

export function sendBusy(reply: FastifyReply, message: string) {
  return reply.header("retry-after", String(BUSY_RETRY_AFTER_S)).code(503).type("application/json; charset=utf-8").send({ error: "busy", message });
}

export const NESTED_TOO_DEEP = "The request is nested too deeply to be read (lists or maps inside one another thousands of levels deep).";

function zodMessage(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      if (issue.code === "unrecognized_keys") return `unknown parameter(s): ${issue.keys.join(", ")}`;
      const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      return `${where}${issue.message}`;
    })
    .join("; ");
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof z.ZodError) return sendError(reply, 400, "bad_request", zodMessage(error));
  if (error instanceof NotFoundError) return sendError(reply, 404, "not_found", error.message);
  if (error instanceof StoreBusyError) return sendBusy(reply, error.message);
  if (isStackOverflow(error)) return sendError(reply, 400, "bad_request", NESTED_TOO_DEEP);
  if (error instanceof StoreUnavailableError) {
    request.log.warn({ detail: error.detail }, "neo4j unavailable");
    return reply.header("retry-after", "5").code(503).send({ error: "database_unavailable", message: error.message });
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) return sendError(reply, status, "bad_request", error.message);
  request.log.error({ err: error }, "request failed");
  return sendError(reply, 500, "internal_error", "The server failed to answer; the log has the details.");
}
