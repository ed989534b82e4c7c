import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { StoreUnavailableError } from "../store/read/errors.ts";

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
  if (error instanceof StoreUnavailableError) {
    request.log.warn({ detail: error.detail }, "neo4j unavailable");
    return reply.header("retry-after", "5").code(503).send({ error: "database_unavailable", message: error.message });
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) return sendError(reply, status, "bad_request", error.message);
  request.log.error({ err: error }, "request failed");
  return sendError(reply, 500, "internal_error", "The server failed to answer; the log has the details.");
}
