import http from "node:http";
import https from "node:https";
import { ParserAuthError, ParserRequestError, ParserUnavailableError } from "./errors.ts";
import { EndpointRotation } from "./rotation.ts";
import { propertiesParam } from "./settings.ts";

/** A CoreNLP server to send text to. */
export interface ParserEndpoint {
  /** Base URL (http or https; a path is kept, for servers behind a proxy). Credentials in it are used when user is unset. */
  url: string;
  user?: string;
  password?: string;
  /** What to tell people when it cannot be reached. */
  hint: string;
  /** What to tell people when it refuses the credentials. */
  authHint: string;
}

export interface AnnotateOptions {
  /** No complete answer within this time: the attempt failed. */
  timeoutMs: number;
  /** No TCP connection within this time: the attempt failed (default min(timeoutMs, 5 s)). */
  connectTimeoutMs?: number;
  /** Further attempts after a connection failure, a 5xx or a timeout (a timeout is retried once at most). */
  retries: number;
  /** Kept-alive connections, by protocol. */
  agents?: { http?: http.Agent; https?: https.Agent };
}

interface Answer {
  status: number;
  body: string;
}

/** No answer at all: refused, reset, unreachable, timed out. */
class TransportError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/**
 * Target URL and Authorization header of an endpoint. Credentials in the URL are that server's own and win over
 * `user` / `password` (KG_NLP_USER / KG_NLP_PASSWORD, for every server); either way they go in the header.
 */
export function requestTarget(endpoint: ParserEndpoint, search = `properties=${propertiesParam()}`): { url: URL; authorization?: string } {
  const url = new URL(endpoint.url);
  const inUrl = url.username !== "";
  const user = inUrl ? decodeURIComponent(url.username) : endpoint.user;
  const password = inUrl ? decodeURIComponent(url.password) : (endpoint.password ?? "");
  url.username = "";
  url.password = "";
  if (!url.pathname) url.pathname = "/";
  url.search = search;
  url.hash = "";
  const authorization = user !== undefined ? `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` : undefined;
  return { url, authorization };
}

/** The URL without credentials, for messages. */
export function displayUrl(endpoint: ParserEndpoint): string {
  const url = new URL(endpoint.url);
  url.username = "";
  url.password = "";
  url.search = "";
  return url.toString();
}

/**
 * POSTs `text` (UTF-8, as is: CoreNLP 4.5 reads a text/plain body verbatim) for annotation with CORENLP_SETTINGS
 * and returns the JSON body. Connection failures, 5xx and timeouts are retried with backoff; then a
 * ParserUnavailableError (nothing answers) or ParserRequestError (the server answered, but failed on this text).
 * Given several servers (a rotation), each attempt goes to the next one in turn and a failed attempt moves on to a
 * server not yet tried at once; the backoff comes when every server failed, and the retries count per server.
 */
export async function annotate(target: ParserEndpoint | EndpointRotation, text: string, options: AnnotateOptions): Promise<string> {
  const rotation = target instanceof EndpointRotation ? target : new EndpointRotation([target]);
  const servers = rotation.size;
  const body = Buffer.from(text, "utf8");
  const tried = new Set<ParserEndpoint>();
  let timeouts = 0;
  let round = 0;
  for (let attempt = 0; ; attempt++) {
    const endpoint = rotation.pick(tried);
    tried.add(endpoint);
    const { url, authorization } = requestTarget(endpoint);
    const where = displayUrl(endpoint);
    const headers: http.OutgoingHttpHeaders = {
      "content-type": "text/plain; charset=utf-8",
      "content-length": body.length,
      accept: "application/json",
      ...(authorization ? { authorization } : {}),
    };
    let failure: string;
    let serverFailed = false;
    try {
      const answer = await send("POST", url, headers, body, options);
      if (answer.status === 200) {
        rotation.succeeded(endpoint);
        return answer.body;
      }
      const said = summary(answer.body);
      if (answer.status === 401 || answer.status === 403) {
        throw new ParserAuthError(`The parser at ${where} refused the request (HTTP ${answer.status}${said ? `: ${said}` : ""}). ${endpoint.authHint}`);
      }
      if (answer.status === 404) {
        throw new ParserUnavailableError(where, `HTTP 404${said ? ` (${said})` : ""}: no CoreNLP server at this path`, endpoint.hint);
      }
      if (answer.status < 500) {
        throw new ParserRequestError(
          `The parser at ${where} refused a text of ${text.length} characters (HTTP ${answer.status}${said ? `: ${said}` : ""}). ` +
            (/too long/i.test(said) ? "Set KG_NLP_MAX_CHARS to the server's maxCharLength so that long texts are split to fit." : ""),
        );
      }
      failure = `HTTP ${answer.status}${said ? ` (${said})` : ""}`;
      serverFailed = answer.status === 500;
    } catch (err) {
      if (!(err instanceof TransportError)) throw err;
      failure = err.message;
      if (err.timedOut) timeouts++;
    }
    rotation.failed(endpoint);
    // A text that makes servers time out will do so again: one more try than there are servers, no more.
    if (attempt >= (options.retries + 1) * servers - 1 || timeouts > servers) {
      const whereAll = servers > 1 ? `${where} (and ${servers - 1} other server${servers > 2 ? "s" : ""} of KG_NLP_URL)` : where;
      if (serverFailed) {
        throw new ParserRequestError(`The parser at ${whereAll} failed on a text of ${text.length} characters, ${attempt + 1} times: ${failure}.`);
      }
      throw new ParserUnavailableError(
        whereAll,
        `${failure}${attempt > 0 ? ` (${attempt + 1} attempts)` : ""}`,
        timeouts > 0 ? `${endpoint.hint} A busy or slow server may need a longer KG_NLP_TIMEOUT_MS (now ${options.timeoutMs} ms).` : endpoint.hint,
      );
    }
    // Another server not tried yet for this text: at once. Every one failed: wait, then a new round.
    if (tried.size < servers) continue;
    tried.clear();
    await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** round + Math.random() * 100));
    round++;
  }
}

/** GET a path of the server (e.g. /ready); no retry. Resolves with the status, or null when nothing answered. */
export async function probe(endpoint: ParserEndpoint, path: string, timeoutMs: number): Promise<number | null> {
  const { url } = requestTarget(endpoint, "");
  url.pathname = path;
  try {
    return (await send("GET", url, {}, undefined, { timeoutMs, retries: 0 })).status;
  } catch (err) {
    if (err instanceof TransportError) return null;
    throw err;
  }
}

function send(method: string, url: URL, headers: http.OutgoingHttpHeaders, body: Buffer | undefined, options: AnnotateOptions): Promise<Answer> {
  const connectTimeoutMs = options.connectTimeoutMs ?? Math.min(options.timeoutMs, 5000);
  return new Promise((resolve, reject) => {
    const secure = url.protocol === "https:";
    const req = (secure ? https : http).request(url, { method, headers, agent: secure ? options.agents?.https : options.agents?.http });
    let settled = false;
    const fail = (err: TransportError) => {
      if (settled) return;
      settled = true;
      clearTimeout(overall);
      clearTimeout(connecting);
      req.destroy();
      reject(err);
    };
    const overall = setTimeout(() => fail(new TransportError(`no answer within ${options.timeoutMs} ms`, true)), options.timeoutMs);
    const connecting = setTimeout(() => fail(new TransportError(`no connection within ${connectTimeoutMs} ms`)), connectTimeoutMs);
    req.on("socket", (socket) => {
      // A kept-alive socket is connected already; a new one reports "connect" (or "secureConnect").
      if (!socket.connecting) clearTimeout(connecting);
      else socket.once("connect", () => clearTimeout(connecting));
    });
    req.on("error", (err: NodeJS.ErrnoException) => fail(new TransportError(err.code ? `${err.code} (${err.message})` : err.message)));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (err) => fail(new TransportError(err.message)));
      res.on("close", () => {
        if (!res.complete) fail(new TransportError("the answer was cut off"));
      });
      res.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(overall);
        clearTimeout(connecting);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.end(body);
  });
}

/** The first line of an error body, short, for messages. */
function summary(body: string): string {
  const line = body.trim().split("\n")[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
