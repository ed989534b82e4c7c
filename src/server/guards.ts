import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "./errors.ts";

/** Shortest accepted API token: 32 characters (e.g. `openssl rand -hex 16` gives exactly that). */
export const MIN_TOKEN_LENGTH = 32;

/** Host names a loopback server answers to by default (DNS rebinding: any other Host header is refused). */
export const LOOPBACK_HOST_NAMES = ["localhost", "127.0.0.1", "::1"] as const;

export class TokenTooShortError extends Error {
  readonly userFacing = true;
  constructor(length: number) {
    super(
      `KG_API_TOKEN is ${length} characters long; it must be at least ${MIN_TOKEN_LENGTH} characters of random text ` +
        "(e.g. `openssl rand -hex 32`), so that it cannot be guessed.",
    );
    this.name = "TokenTooShortError";
  }
}

export function checkTokenStrength(token: string): void {
  if (token.length < MIN_TOKEN_LENGTH) throw new TokenTooShortError(token.length);
}

function sameToken(given: string, expected: string): boolean {
  // Hash both so the comparison is constant-time whatever the lengths.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header; the scheme is case-insensitive (RFC 7235). */
export function bearerToken(header: string | undefined): string | null {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1]! : null;
}

/** Percent-decodes until stable (double encoding), at most a few rounds; undecodable text stays as it is. */
function decodeFully(path: string): string {
  let current = path;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * The path as any router, proxy or file server might understand it: absolute-form target reduced to its path,
 * percent-decoded (repeatedly), backslashes as slashes, path parameters (`;x`) and trailing dots and spaces
 * dropped from each segment, dot segments resolved, duplicate slashes merged, lower case.
 */
export function normalisedPath(url: string): string {
  let target = url;
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  if (absolute) target = target.slice(absolute[0].length) || "/";
  target = target.split(/[?#]/)[0] ?? "";
  const decoded = decodeFully(target).replace(/\\/g, "/");
  const segments: string[] = [];
  for (const raw of decoded.split("/")) {
    const segment = raw.split(";")[0]!.replace(/[.\s\u0000]+$/, (m) => (raw === "." || raw === ".." ? m : "")).toLowerCase();
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join("/")}`;
}

/**
 * Whether a request reaches the API: the route the router chose is an API route, or the request target, however
 * spelled, names one. Both are checked, so a spelling the router decodes differently from us cannot slip through.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined && route.startsWith("/api")) return true;
  const path = normalisedPath(request.raw.url ?? request.url);
  return path === "/api" || path.startsWith("/api/");
}

/** An onRequest hook: every API request needs `Authorization: Bearer <token>`. */
export function requireToken(token: string) {
  checkTokenStrength(token);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isApiRequest(request)) return;
    const given = bearerToken(request.headers.authorization) ?? "";
    if (!sameToken(given, token)) {
      reply.header("www-authenticate", 'Bearer realm="kg"');
      return sendError(reply, 401, "unauthorized", "This server needs a token: send 'Authorization: Bearer <KG_API_TOKEN>'.");
    }
  };
}

/** The host name of a Host header value or an authority: lower case, without port, brackets or user info. */
export function hostName(value: string): string {
  let host = value.trim().toLowerCase();
  if (host.includes("@")) return ""; // user info has no place in a Host header
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]") > 0 ? host.indexOf("]") : undefined);
  const colon = host.lastIndexOf(":");
  if (colon >= 0 && host.indexOf(":") === colon) host = host.slice(0, colon);
  return host.replace(/\.$/, "");
}

/**
 * An onRequest hook against DNS rebinding: a page on attacker.example that resolves its name to 127.0.0.1 sends
 * `Host: attacker.example`; only the allowed names (loopback names plus `extra`) are answered.
 */
export function requireAllowedHost(extra: readonly string[] = []) {
  const allowed = new Set([...LOOPBACK_HOST_NAMES, ...extra.map(hostName).filter(Boolean)]);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const names = [request.headers.host ?? ""];
    const absolute = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(request.raw.url ?? "");
    if (absolute) names.push(absolute[1]!);
    const refused = names.map(hostName).find((name) => !allowed.has(name));
    if (refused !== undefined) {
      return sendError(
        reply,
        403,
        "host_not_allowed",
        `This server does not answer to the host name '${refused.slice(0, 100)}'. ` +
          "If you reach it under that name, add it to KG_ALLOWED_HOSTS (comma-separated) and restart it.",
      );
    }
  };
}
