import http from "node:http";
import https from "node:https";
import { parserUrls, type ParserConfig } from "../config/index.ts";
import { splitText } from "./chunk.ts";
import { readCoreNlpJson } from "./corenlp-json.ts";
import { ParserAuthError, ParserError, ParserUnavailableError } from "./errors.ts";
import { annotate, displayUrl, type ParserEndpoint } from "./http.ts";
import { EndpointRotation } from "./rotation.ts";
import { ensureLocalParser } from "./local/ensure.ts";
import { corenlpVersion, defaultLibDir } from "./local/paths.ts";
import type { ParsedText, Sentence } from "./schema.ts";
import { PARSER_NAME, settingsDigest } from "./settings.ts";

/** The result for one text of parseMany: its parse, or why this text failed (other texts go on). */
export type ParseOutcome = { index: number; parsed: ParsedText; error?: undefined } | { index: number; parsed?: undefined; error: ParserError };

export interface Parser {
  /** Sentences, tokens, tags and dependencies of `text`, with offsets into `text`. Empty or blank text: no request. */
  parse(text: string): Promise<ParsedText>;
  /**
   * Parses many texts, at most `concurrency` requests at a time; outcomes in input order, `onEach` as each one
   * finishes. A text the server fails on gives an error outcome and the rest go on; an unreachable server or
   * refused credentials (ParserUnavailableError, ParserAuthError) reject the whole call, as no text would parse.
   */
  parseMany(texts: readonly string[], onEach?: (outcome: ParseOutcome) => void): Promise<ParseOutcome[]>;
  /** Closes kept-alive connections; later calls fail. The local server keeps running. */
  close(): Promise<void>;
}

export interface ParserOptions {
  /** Messages for people (the local server starting); default: stderr. */
  log?: (line: string) => void;
  /** Further attempts after connection failures, 5xx and timeouts (default 3; a timeout is retried once). */
  retries?: number;
  /** Default min(timeoutMs, 5 s). */
  connectTimeoutMs?: number;
}

/**
 * A client of CoreNLP servers: KG_NLP_URL (with KG_NLP_USER / KG_NLP_PASSWORD) when set, one URL or several used in
 * turn (see EndpointRotation), else the project's local server, started on the first parse when it is not running.
 * Texts longer than `maxChars` are parsed in pieces cut at paragraph breaks, and the offsets re-based.
 */
export function createParser(config: ParserConfig, options: ParserOptions = {}): Parser {
  const agentOptions = { keepAlive: true, maxSockets: config.concurrency };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  const limit = limiter(config.concurrency);
  const settings = settingsDigest();
  const external = parserUrls(config);
  let closed = false;
  let endpoint: Promise<{ rotation: EndpointRotation; where: string; version: string }> | null = null;

  const resolveEndpoint = () => {
    endpoint ??= external.length
      ? Promise.resolve(externalEndpoints(config, external))
      : ensureLocalParser(config, { log: options.log }).then(
          (local) => ({ rotation: new EndpointRotation([local]), where: displayUrl(local), version: local.version }),
          (err: unknown) => {
            endpoint = null; // let a later call try again
            throw err;
          },
        );
    return endpoint;
  };
  const versionWithoutServer = () => (external.length ? "unknown" : (corenlpVersion(defaultLibDir) ?? "unknown"));

  async function parse(text: string): Promise<ParsedText> {
    if (closed) throw new ParserError("This parser client was closed.");
    const pieces = splitText(text, config.maxChars)
      .map(trimPiece)
      .filter((piece) => /\S/.test(piece.text));
    if (pieces.length === 0) return { sentences: [], parser: { name: PARSER_NAME, version: versionWithoutServer(), settings } };

    const target = await resolveEndpoint();
    const parts = await Promise.all(
      pieces.map((piece) =>
        limit(async (): Promise<Sentence[]> => {
          const body = await annotate(target.rotation, piece.text, {
            timeoutMs: config.timeoutMs,
            connectTimeoutMs: options.connectTimeoutMs,
            retries: options.retries ?? 3,
            agents,
          });
          return readCoreNlpJson(body, piece.text, piece.start, target.where);
        }),
      ),
    ).catch((err: unknown) => {
      // The local server went away (stopped, killed): the next call looks for it again, and starts it if need be.
      if (err instanceof ParserUnavailableError && !external.length && endpoint !== null) endpoint = null;
      throw err;
    });
    return { sentences: parts.flat(), parser: { name: PARSER_NAME, version: target.version, settings } };
  }

  async function parseMany(texts: readonly string[], onEach?: (outcome: ParseOutcome) => void): Promise<ParseOutcome[]> {
    const outcomes: ParseOutcome[] = new Array(texts.length);
    let next = 0;
    let fatal: unknown = null;
    const worker = async () => {
      while (fatal === null && next < texts.length) {
        const index = next++;
        let outcome: ParseOutcome;
        try {
          outcome = { index, parsed: await parse(texts[index]!) };
        } catch (err) {
          if (!(err instanceof ParserError) || err instanceof ParserUnavailableError || err instanceof ParserAuthError) {
            fatal ??= err;
            return;
          }
          outcome = { index, error: err };
        }
        outcomes[index] = outcome;
        onEach?.(outcome);
      }
    };
    await Promise.all(Array.from({ length: Math.min(config.concurrency, texts.length) }, worker));
    if (fatal !== null) throw fatal;
    return outcomes;
  }

  return {
    parse,
    parseMany,
    async close() {
      closed = true;
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** The servers of KG_NLP_URL (the same credentials for each, unless a URL carries its own). */
function externalEndpoints(config: ParserConfig, urls: string[]): { rotation: EndpointRotation; where: string; version: string } {
  const endpoints: ParserEndpoint[] = urls.map((url) => ({
    url,
    user: config.user,
    password: config.password,
    hint:
      urls.length > 1
        ? "Check that the CoreNLP servers of KG_NLP_URL are running and reachable, or unset KG_NLP_URL to use the project's local parser."
        : "Check that the CoreNLP server at KG_NLP_URL is running and reachable, or unset KG_NLP_URL to use the project's local parser.",
    authHint: "Check KG_NLP_USER and KG_NLP_PASSWORD (the server's -username and -password).",
  }));
  // Messages about an answer name the list (any of the servers may have given it).
  return { rotation: new EndpointRotation(endpoints), where: endpoints.map(displayUrl).join(", "), version: "unknown" };
}

/**
 * The piece without leading and trailing characters up to U+0020 (what Java's String.trim removes; older CoreNLP
 * servers trim the text they get, which would shift every offset), and lone surrogates replaced by U+FFFD (one
 * code unit for one, so offsets stay; UTF-8 cannot carry them anyway).
 */
function trimPiece(piece: { start: number; text: string }): { start: number; text: string } {
  let from = 0;
  let to = piece.text.length;
  while (from < to && piece.text.charCodeAt(from) <= 0x20) from++;
  while (to > from && piece.text.charCodeAt(to - 1) <= 0x20) to--;
  const text = piece.text.slice(from, to).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  return { start: piece.start + from, text };
}

/** Runs at most `size` tasks at a time, the others in arrival order. */
function limiter(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (active < size) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // a finishing task hands its slot over
    try {
      return await task();
    } finally {
      const nextInLine = waiting.shift();
      if (nextInLine) nextInLine();
      else active--;
    }
  };
}

/** The servers of KG_NLP_URL for messages: origins only (never the credentials a URL may carry). */
export function describeParserUrls(config: Pick<ParserConfig, "url">): string {
  return parserUrls(config)
    .map((url) => new URL(url).origin)
    .join(", ");
}
