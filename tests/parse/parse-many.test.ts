/** parseMany against the real server, through a proxy that counts requests in flight. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParserConfig } from "../../src/config/index.ts";
import { createParser, ParserRequestError, ParserUnavailableError, type ParseOutcome } from "../../src/parse/index.ts";
import { freePort } from "../../src/parse/local/ports.ts";
import { countingProxy, testParserConfig } from "./helpers.ts";

let config: ParserConfig;
beforeAll(async () => {
  config = await testParserConfig();
});

/** Texts that take the server a little while each, so requests overlap; each names its own number. */
const texts = Array.from(
  { length: 8 },
  (_, i) => `Article ${i}. ` + "The delegation from Norway proposed a ceasefire, and the envoy rejected the plan on Monday. ".repeat(12),
);
const numberOf = (outcome: ParseOutcome) => outcome.parsed!.sentences[0]!.tokens[1]!.word;

describe("parseMany", () => {
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  beforeAll(async () => {
    proxy = await countingProxy(config.url!, (body, res) => {
      if (!body.includes("BOOM")) return false;
      res.writeHead(500, { "content-type": "text/plain" }).end("java.lang.RuntimeException: this text breaks the annotator");
      return true;
    });
  });
  afterAll(() => proxy.close());

  it.each([1, 2, 3])("keeps the input order and has at most %i requests in flight", async (concurrency) => {
    const parser = createParser({ ...config, url: proxy.url, concurrency });
    proxy.resetCounts();
    const seen: number[] = [];
    try {
      const outcomes = await parser.parseMany(texts, (outcome) => seen.push(outcome.index));
      expect(outcomes.map((o) => o.index)).toEqual(texts.map((_, i) => i));
      expect(outcomes.map(numberOf)).toEqual(texts.map((_, i) => String(i)));
      expect(seen.sort((a, b) => a - b)).toEqual(texts.map((_, i) => i)); // onEach once per text
    } finally {
      await parser.close();
    }
    expect(proxy.requests).toBe(texts.length);
    expect(proxy.maxInFlight).toBe(concurrency);
  });

  it("gives an error outcome for a text the server fails on and parses the others", async () => {
    const parser = createParser({ ...config, url: proxy.url, concurrency: 2 }, { retries: 1 });
    try {
      const batch = [texts[0]!, "This one goes BOOM.", texts[2]!];
      const outcomes = await parser.parseMany(batch);
      expect(outcomes[0]!.parsed).toBeDefined();
      expect(outcomes[1]!.error).toBeInstanceOf(ParserRequestError);
      expect(outcomes[1]!.error!.message).toMatch(/this text breaks the annotator/);
      expect(outcomes[2]!.parsed).toBeDefined();
    } finally {
      await parser.close();
    }
  });

  it("stops the batch with ParserUnavailableError when the server cannot be reached", async () => {
    let reported = 0;
    const parser = createParser({ ...config, url: `http://127.0.0.1:${await freePort()}/` }, { retries: 1 });
    await expect(parser.parseMany(texts, () => reported++)).rejects.toBeInstanceOf(ParserUnavailableError);
    expect(reported).toBe(0);
    await parser.close();
  });

  it("returns nothing for no texts, and refuses work after close", async () => {
    const parser = createParser({ ...config, url: proxy.url });
    expect(await parser.parseMany([])).toEqual([]);
    await parser.close();
    await expect(parser.parse("Too late.")).rejects.toThrow(/closed/);
  });
});
