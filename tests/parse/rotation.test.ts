/**
 * Several parser servers (KG_NLP_URL with commas): requests go to each in turn, a server that does not answer is
 * passed over for the others, and the parses are those of one server. Two counting proxies in front of the run's
 * real CoreNLP stand for two servers (so both are real parsers), a port nobody listens on for a dead one.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createParser, ParserUnavailableError } from "../../src/parse/index.ts";
import { freePort } from "../../src/parse/local/ports.ts";
import type { ParserEndpoint } from "../../src/parse/http.ts";
import { EndpointRotation } from "../../src/parse/rotation.ts";
import { countingProxy, httpServer, testParserConfig, type TestServer } from "./helpers.ts";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const TEXTS = [
  "Norway hosted talks between Sudan and Chad in Oslo on Friday.",
  "Peru rejected the border plan that Chile proposed.",
  "The European Union offered to send monitors.",
  "Kenya and Ghana signed the trade agreement in Accra.",
  "Turkey said it was ready to host a new round of talks.",
  "Brazil urged both sides to accept the ceasefire.",
];

const endpoint = (url: string): ParserEndpoint => ({ url, hint: "", authHint: "" });

describe("EndpointRotation", () => {
  it("hands out the servers in turn, passes over one that failed until its time is up, and never refuses", () => {
    let now = 1_000;
    const [a, b, c] = [endpoint("http://a/"), endpoint("http://b/"), endpoint("http://c/")];
    const rotation = new EndpointRotation([a, b, c], 10_000, () => now);
    expect([rotation.pick(), rotation.pick(), rotation.pick(), rotation.pick()]).toEqual([a, b, c, a]);
    rotation.failed(b);
    expect([rotation.pick(), rotation.pick(), rotation.pick()]).toEqual([c, a, c]);
    // Within one request, a server already tried is not tried again while others are left.
    expect(rotation.pick(new Set([a]))).toBe(c);
    expect(rotation.pick(new Set([a, c]))).toBe(b);
    now += 10_001;
    expect([rotation.pick(), rotation.pick(), rotation.pick()]).toEqual([c, a, b]);
    // Every server set aside: the one back first is tried.
    rotation.failed(a);
    now += 10;
    rotation.failed(b);
    now += 10;
    rotation.failed(c);
    expect(rotation.pick()).toBe(a);
    rotation.succeeded(c);
    expect(rotation.pick()).toBe(c);
  });
});

describe("a parser client given several servers", () => {
  it("spreads the requests over them, and parses as one server does", async () => {
    const real = await testParserConfig();
    const [p1, p2] = await Promise.all([countingProxy(real.url!), countingProxy(real.url!)]);
    servers.push(p1, p2);
    const single = createParser(real);
    const pair = createParser({ ...real, url: `${p1.url},${p2.url}`, concurrency: 2 });
    try {
      const [expected, got] = await Promise.all([single.parseMany(TEXTS), pair.parseMany(TEXTS)]);
      expect(got.map((o) => o.parsed?.sentences)).toEqual(expected.map((o) => o.parsed?.sentences));
      expect(p1.requests + p2.requests).toBe(TEXTS.length);
      expect(p1.requests).toBeGreaterThanOrEqual(2);
      expect(p2.requests).toBeGreaterThanOrEqual(2);
    } finally {
      await Promise.all([single.close(), pair.close()]);
    }
  });

  it("passes over a server nobody answers on, at once, and one that answers 503", async () => {
    const real = await testParserConfig();
    const good = await countingProxy(real.url!);
    let refused = 0;
    const busy = await httpServer((_req, res) => {
      refused++;
      res.writeHead(503).end("overloaded");
    });
    servers.push(good, busy);
    const dead = `http://127.0.0.1:${await freePort()}/`;
    const parser = createParser({ ...real, url: `${dead},${busy.url},${good.url}`, concurrency: 2 });
    try {
      const started = Date.now();
      const outcomes = await parser.parseMany(TEXTS);
      expect(outcomes.every((o) => o.parsed && o.parsed.sentences.length === 1)).toBe(true);
      expect(good.requests).toBe(TEXTS.length);
      // Set aside after failing once (per request in flight at that moment): not asked for every text.
      expect(refused).toBeLessThanOrEqual(2);
      // No backoff was waited for: another server was always left to try.
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await parser.close();
    }
  });

  it("reports every server unreachable only when none answers, naming them and what to do", async () => {
    const real = await testParserConfig();
    const [a, b] = [`http://127.0.0.1:${await freePort()}/`, `http://127.0.0.1:${await freePort()}/`];
    const parser = createParser({ ...real, url: `${a},${b}` }, { retries: 1 });
    try {
      const err = await parser.parse("Anything at all.").then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(ParserUnavailableError);
      expect(err!.message).toMatch(/and 1 other server of KG_NLP_URL/);
      expect(err!.message).toMatch(/ECONNREFUSED.*4 attempts/); // two rounds over the two servers
      expect(err!.message).toMatch(/KG_NLP_URL/);
    } finally {
      await parser.close();
    }
  });
});
