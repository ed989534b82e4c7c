import { describe, it, expect } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { readArticleFile } from "../../src/article/index.ts";
import { extract } from "../../src/extract/index.ts";
import { ExtractionSchema } from "../../src/extract/schema.ts";

const run = promisify(execFile);
const KG = path.resolve("bin/kg.js");
const SEED = path.resolve("seeds/2025-08-20-middle-east-eye-germany-rejects-e1.md");
const FEED = path.resolve("tests/fixtures/input/good/feed.jsonl");

async function kg(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [KG, ...args], { encoding: "utf8" });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

describe("kg extract and kg eval", () => {
  it("extract --format json prints exactly the document of a one-article file", async () => {
    const { stdout, code } = await kg("extract", SEED, "--format", "json");
    expect(code).toBe(0);
    const doc = ExtractionSchema.parse(JSON.parse(stdout));
    const { articles } = await readArticleFile(SEED);
    expect(doc).toEqual(JSON.parse(JSON.stringify(extract(articles[0]!.article))));
  });

  it("extract --format jsonl prints one document per article; json refuses several with a clear message", async () => {
    const { articles } = await readArticleFile(FEED);
    const jsonl = await kg("extract", FEED, "--format", "jsonl");
    const lines = jsonl.stdout.trim().split("\n");
    expect(lines).toHaveLength(articles.length);
    for (const l of lines) ExtractionSchema.parse(JSON.parse(l));
    const json = await kg("extract", FEED, "--format", "json");
    expect(json.code).toBe(1);
    expect(json.stdout).toBe("");
    expect(json.stderr).toMatch(/--format jsonl/);
    expect(json.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("extract --format table is readable text; a missing file is a clear error", async () => {
    const table = await kg("extract", SEED, "--format", "table");
    expect(table.stdout).toMatch(/REJECTED/);
    const missing = await kg("extract", "no/such/file.md");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it("eval --json prints the figures for the articles matched to gold by id", async () => {
    const { stdout, code } = await kg("eval", "--gold", "tests/fixtures/eval/gold", "seeds", "--json");
    expect(code).toBe(0);
    const figures = JSON.parse(stdout);
    expect(figures["relations:core"].gold).toBe(43);
    expect(figures.entities.f1).toBeGreaterThan(0.9);
  });
});
