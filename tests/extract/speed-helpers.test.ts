import { describe, it, expect } from "vitest";
import { firstMatch, nextMatch } from "../../src/extract/scan.ts";
import { GROUPS, requiredWords } from "../../src/extract/lexicon.ts";
import { Registry } from "../../src/extract/registry.ts";

/** The helpers that keep extract() fast must give exactly what the slower forms they replaced gave. */

function scanAll(re: RegExp, text: string): [number, string][] {
  const out: [number, string][] = [];
  for (let m = firstMatch(re, text); m; m = nextMatch(re, text, m)) out.push([m.index, m[0]]);
  return out;
}

describe("firstMatch / nextMatch", () => {
  const cases: [RegExp, string][] = [
    [/\b(?:he|she)\b/gi, "He said she would go; the shepherd, he added."],
    [/a*/g, "baaac"],
    [/(?:)/gu, "a😀b"],
    [/x?/gu, "😀x😀"],
    [/\b([A-Z][\p{L}]+)(?:[-–]([A-Z][\p{L}]+))+\b/gu, "the Putin-Zelenskyy call and Erdoğan–Aliyev talks"],
  ];
  it("finds the same matches as matchAll, including empty matches and surrogate pairs", () => {
    for (const [re, text] of cases) {
      const expected = [...text.matchAll(re)].map((m) => [m.index, m[0]]);
      expect(scanAll(re, text)).toEqual(expected);
      // A second scan with the same regex starts afresh.
      expect(scanAll(re, text)).toEqual(expected);
    }
  });
});

describe("requiredWords", () => {
  it("names a word every match of each shipped group pattern holds", () => {
    const samples = ["European leaders met", "the Europeans agreed", "European forces", "Western allies", "the Arab states", "Gulf monarchies"];
    for (const g of GROUPS) {
      expect(g.words.length).toBeGreaterThan(0);
      for (const text of samples) {
        for (const m of text.matchAll(new RegExp(g.re.source, "g"))) expect(g.words.some((w) => m[0].includes(w))).toBe(true);
      }
    }
    expect(GROUPS.find((g) => g.id === "arab-states")?.words).toEqual(["Arab"]);
  });

  it("promises nothing when a word is optional, escaped or missing from an alternative", () => {
    expect(requiredWords("(?:the\\s+)?Europeans?\\b")).toEqual([]);
    expect(requiredWords("Foo|(?:Bar)")).toEqual([]);
    expect(requiredWords("\\Sea|Gulf")).toEqual([]);
    expect(requiredWords("(?:the\\s+)?Gulf\\s+(?:states|Emirates)")).toEqual(["Gulf"]);
  });
});

describe("Registry.mentionsIn", () => {
  it("keeps each sentence's mentions in the order of a stable sort by start, longer first", () => {
    // Deterministic pseudo-random spans, many ties, added in arbitrary order.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const reg = new Registry();
    const added: { key: string; start: number; end: number; sent: number }[] = [];
    for (let i = 0; i < 400; i++) {
      const d = reg.ensure("k" + rand(12), "Country", "x");
      const start = rand(30);
      const end = start + 1 + rand(4);
      const sent = rand(3);
      const before = reg.mentions.length;
      reg.mention(d, start, end, "x", sent, true);
      if (reg.mentions.length > before) added.push({ key: d.key, start, end, sent });
    }
    for (let sent = 0; sent < 3; sent++) {
      const expected = added.filter((m) => m.sent === sent).sort((a, b) => a.start - b.start || b.end - a.end);
      expect(reg.mentionsIn(sent).map((m) => ({ key: m.key, start: m.start, end: m.end, sent: m.sent }))).toEqual(expected);
    }
    // Duplicates (same entity and span) are recorded once.
    expect(new Set(added.map((m) => `${m.key}@${m.start}:${m.end}`)).size).toBe(added.length);
  });
});
