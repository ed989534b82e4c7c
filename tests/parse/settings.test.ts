import { describe, expect, it } from "vitest";
import { loadConfig, ConfigError } from "../../src/config/index.ts";
import { allButLoopbackHost } from "../../src/parse/local/blocklist.ts";
import { CORENLP_SETTINGS, settingsDigest } from "../../src/parse/index.ts";
import { propertiesParam } from "../../src/parse/settings.ts";

describe("parser settings", () => {
  it("digests the settings independently of key order, and differently when a setting changes", () => {
    const reordered = Object.fromEntries(Object.entries(CORENLP_SETTINGS).reverse());
    expect(settingsDigest(reordered)).toBe(settingsDigest());
    expect(settingsDigest({ ...CORENLP_SETTINGS, "ner.useSUTime": "true" })).not.toBe(settingsDigest());
    expect(settingsDigest()).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it("refuses a setting that the server's URL decoding would change", () => {
    expect(() => propertiesParam({ ...CORENLP_SETTINGS, "ner.model": "a+b.ser.gz" })).toThrow(/holds %, \+ or &/);
    expect(decodeURIComponent(propertiesParam())).toContain('"annotators":"tokenize,ssplit,pos,lemma,ner,depparse"');
  });

  it("reads the KG_NLP_ variables, and names a bad one", () => {
    const config = loadConfig({ KG_NLP_URL: "http://parser.example.org:9000", KG_NLP_TIMEOUT_MS: "5000", KG_NLP_CONCURRENCY: "4", KG_NLP_HOME: "/tmp/x" }).parser;
    expect(config).toMatchObject({ url: "http://parser.example.org:9000", timeoutMs: 5000, concurrency: 4, home: "/tmp/x", heap: "2g", maxChars: 100_000 });
    expect(() => loadConfig({ KG_NLP_URL: "localhost:9000" })).toThrow(ConfigError);
    expect(() => loadConfig({ KG_NLP_URL: "localhost:9000" })).toThrow(/KG_NLP_URL: must be an http\(s\) URL/);
    expect(() => loadConfig({ KG_NLP_HEAP: "lots" })).toThrow(/KG_NLP_HEAP/);
  });
});

describe("the local server's block list", () => {
  const toRange = (cidr: string): [number, number] => {
    const [address, bits] = cidr.split("/") as [string, string];
    const start = address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
    return [start, start + 2 ** (32 - Number(bits)) - 1];
  };

  it("covers every IPv4 address except 127.0.0.1, without overlaps", () => {
    const ranges = allButLoopbackHost().map(toRange).sort((a, b) => a[0] - b[0]);
    let next = 0;
    const gaps: number[] = [];
    for (const [start, end] of ranges) {
      expect(start).toBeGreaterThanOrEqual(next);
      for (let gap = next; gap < start; gap++) gaps.push(gap);
      next = end + 1;
    }
    expect(next).toBe(2 ** 32);
    expect(gaps).toEqual([(127 << 24) + 1]);
  });
});
