/**
 * What goes wrong between the client and a server: nothing listening, no answer, refused credentials, a server
 * failing on one text, and answers that are not CoreNLP's JSON for the text sent (from a small local server of
 * this test that answers garbage on purpose).
 */
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, type ParserConfig } from "../../src/config/index.ts";
import {
  createParser,
  ParserAuthError,
  ParserRequestError,
  ParserResponseError,
  ParserUnavailableError,
} from "../../src/parse/index.ts";
import { freePort } from "../../src/parse/local/ports.ts";
import { countingProxy, httpServer, readBody, testParserConfig, type TestServer } from "./helpers.ts";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = await httpServer(handler);
  servers.push(server);
  return server.url;
}

const configFor = (url: string, extra: Partial<ParserConfig> = {}): ParserConfig => ({ ...loadConfig({}).parser, url, ...extra });

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a failure");
}

describe("an unreachable or silent server", () => {
  it("gives ParserUnavailableError within seconds when nothing listens (after a few retries)", async () => {
    const url = `http://127.0.0.1:${await freePort()}/`;
    const parser = createParser(configFor(url));
    const started = Date.now();
    const err = await failure(parser.parse("Anything at all."));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err).toBeInstanceOf(ParserUnavailableError);
    expect(err.message).toContain(url);
    expect(err.message).toMatch(/ECONNREFUSED.*4 attempts/);
    expect(err.message).toMatch(/KG_NLP_URL/); // what to do
    await parser.close();
  });

  it("gives ParserUnavailableError with the timeout to raise when the server never answers", async () => {
    let attempts = 0;
    const url = await serve(() => {
      attempts++; // accept the request, never answer
    });
    const parser = createParser(configFor(url, { timeoutMs: 300 }));
    const started = Date.now();
    const err = await failure(parser.parse("Anything at all."));
    expect(err).toBeInstanceOf(ParserUnavailableError);
    expect(err.message).toMatch(/no answer within 300 ms/);
    expect(err.message).toMatch(/KG_NLP_TIMEOUT_MS/);
    expect(attempts).toBe(2); // a timeout is retried once, not three times
    expect(Date.now() - started).toBeLessThan(3_000);
    await parser.close();
  });

  it("retries a 503 and succeeds when the server recovers", async () => {
    const real = await testParserConfig();
    let refused = 0;
    const proxy = await countingProxy(real.url!, (_body, res) => {
      if (refused >= 2) return false;
      refused++;
      res.writeHead(503).end("busy");
      return true;
    });
    servers.push(proxy);
    const parser = createParser({ ...real, url: proxy.url });
    const parsed = await parser.parse("The summit was hosted by Norway.");
    expect(parsed.sentences[0]!.tokens.map((t) => t.word)).toContain("Norway");
    expect(proxy.requests).toBe(3);
    await parser.close();
  });
});

describe("credentials", () => {
  it("gives ParserAuthError at once, naming the variables to check, when the server says 401", async () => {
    let attempts = 0;
    const url = await serve((_req, res) => {
      attempts++;
      res.writeHead(401, { "content-type": "application/javascript" }).end('{"message": "Unauthorized API request"}');
    });
    const err = await failure(createParser(configFor(url, { user: "someone", password: "wrong" })).parse("Hello."));
    expect(err).toBeInstanceOf(ParserAuthError);
    expect(err.message).toMatch(/HTTP 401.*KG_NLP_USER and KG_NLP_PASSWORD/s);
    expect(attempts).toBe(1);
  });

  it("sends credentials given in KG_NLP_URL as basic auth, not in the request line", async () => {
    let seen: http.IncomingHttpHeaders = {};
    let requestLine = "";
    const url = await serve((req, res) => {
      seen = req.headers;
      requestLine = req.url ?? "";
      res.writeHead(401).end();
    });
    const withCredentials = url.replace("http://", "http://al%40ice:s%3Acret@");
    const err = await failure(createParser(configFor(withCredentials)).parse("Hello."));
    expect(err).toBeInstanceOf(ParserAuthError);
    expect(err.message).not.toContain("s:cret");
    expect(seen.authorization).toBe(`Basic ${Buffer.from("al@ice:s:cret").toString("base64")}`);
    expect(requestLine).toMatch(/^\/\?properties=/);
  });
});

describe("a server that fails on one text", () => {
  it("retries a 500 and then gives ParserRequestError with the server's words", async () => {
    let attempts = 0;
    const url = await serve((_req, res) => {
      attempts++;
      res.writeHead(500, { "content-type": "text/plain" }).end("java.lang.IllegalStateException: something broke\n\tat ...");
    });
    const err = await failure(createParser(configFor(url)).parse("Hello."));
    expect(err).toBeInstanceOf(ParserRequestError);
    expect(err.message).toMatch(/failed on a text of 6 characters, 4 times: HTTP 500 \(java.lang.IllegalStateException: something broke\)/);
    expect(attempts).toBe(4);
  });

  it("says which setting to change when the server finds the text too long", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(400).end("Request is too long to be handled by server: 60000 characters. Max length is 50000 characters.");
    });
    const err = await failure(createParser(configFor(url)).parse("x ".repeat(30_000)));
    expect(err).toBeInstanceOf(ParserRequestError);
    expect(err.message).toMatch(/too long.*KG_NLP_MAX_CHARS/s);
  });
});

describe("answers that are not CoreNLP's JSON for the text sent", () => {
  /** A server that answers 200 with `answer(text)` for the text it was sent. */
  const answering = (answer: (text: string) => string) =>
    serve(async (req, res) => {
      const text = (await readBody(req)).toString("utf8");
      res.writeHead(200, { "content-type": "application/json" }).end(answer(text));
    });

  const token = (index: number, word: string, begin: number, end: number, extra: object = {}) => ({
    index,
    word,
    originalText: word,
    lemma: word.toLowerCase(),
    characterOffsetBegin: begin,
    characterOffsetEnd: end,
    pos: "NN",
    ner: "O",
    ...extra,
  });
  const sentence = (tokens: object[], arcs: object[] = [{ dep: "ROOT", governor: 0, dependent: 1 }]) => ({
    tokens,
    basicDependencies: arcs,
    enhancedPlusPlusDependencies: arcs,
  });

  it.each([
    ["not JSON", () => "<html>Bad gateway</html>", /it is not JSON \(starts with "<html>Bad gateway/],
    ["JSON of another shape", () => JSON.stringify({ result: "ok" }), /sentences: .*expected array/i],
    [
      "a token without its offsets",
      () => JSON.stringify({ sentences: [sentence([{ index: 1, word: "Hello", lemma: "hello", pos: "UH", ner: "O" }])] }),
      /sentences\.0\.tokens\.0\.originalText/,
    ],
    [
      "offsets that do not hold the token",
      () => JSON.stringify({ sentences: [sentence([token(1, "Hello", 1, 6)])] }),
      /offsets 1-6 hold "ello\.", not the token "Hello"/,
    ],
    [
      "offsets beyond the text",
      () => JSON.stringify({ sentences: [sentence([token(1, "Hello", 0, 60)])] }),
      /offsets 0-60 are out of order or outside the 6 characters sent/,
    ],
    [
      "an arc to a token that is not there",
      () => JSON.stringify({ sentences: [sentence([token(1, "Hello", 0, 5)], [{ dep: "nsubj", governor: 1, dependent: 7 }])] }),
      /arc 1->7 points outside the sentence's 1 tokens/,
    ],
    [
      "token numbers out of step",
      () => JSON.stringify({ sentences: [sentence([token(2, "Hello", 0, 5)])] }),
      /tokens\.0: index 2, expected 1/,
    ],
  ])("rejects %s with a ParserResponseError", async (_what, answer, message) => {
    const url = await answering(answer);
    const err = await failure(createParser(configFor(url)).parse("Hello."));
    expect(err).toBeInstanceOf(ParserResponseError);
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/Check that KG_NLP_URL points at a Stanford CoreNLP server/);
  });

  it("accepts a well-formed answer from any server (the same checks pass for real output)", async () => {
    const url = await answering((text) =>
      JSON.stringify({ sentences: [sentence([token(1, "Hello", 0, 5), token(2, ".", 5, 6)], [{ dep: "ROOT", governor: 0, dependent: 1 }, { dep: "punct", governor: 1, dependent: 2 }])], extra: text.length }),
    );
    const parsed = await createParser(configFor(url)).parse("Hello.");
    expect(parsed.sentences[0]!.tokens.map((t) => [t.word, t.start, t.end])).toEqual([
      ["Hello", 0, 5],
      [".", 5, 6],
    ]);
    expect(parsed.sentences[0]!.basic).toEqual([
      { rel: "ROOT", gov: 0, dep: 1 },
      { rel: "punct", gov: 1, dep: 2 },
    ]);
  });
});
