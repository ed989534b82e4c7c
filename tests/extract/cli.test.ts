import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { readArticleFile, readArticles } from "../../src/article/index.ts";
import { ExtractionSchema } from "../../src/extract/schema.ts";
import { testParserConfig } from "../parse/helpers.ts";
import { extractArticle } from "./helpers.ts";

const run = promisify(execFile);
const KG = path.resolve("bin/kg.js");
const SEED = path.resolve("seeds/2025-08-20-middle-east-eye-germany-rejects-e1.md");
const FEED = path.resolve("tests/fixtures/input/good/feed.jsonl");
let env: NodeJS.ProcessEnv = {};

beforeAll(async () => {
  // The commands use the test run's parser, as a user would point KG_NLP_URL at a parser server.
  const p = await testParserConfig();
  env = { ...process.env, KG_NLP_URL: p.url };
  if (p.user) env.KG_NLP_USER = p.user;
  if (p.password) env.KG_NLP_PASSWORD = p.password;
}, 300_000);

async function kg(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [KG, ...args], { encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

describe("kg extract and kg eval", () => {
  it("extract --format json prints exactly the document of a one-article file", async () => {
    const { stdout, code, stderr } = await kg("extract", SEED, "--format", "json");
    expect(code, stderr).toBe(0);
    const doc = ExtractionSchema.parse(JSON.parse(stdout));
    const { articles } = await readArticleFile(SEED);
    expect(doc).toEqual(JSON.parse(JSON.stringify(await extractArticle(articles[0]!.article))));
  });

  it("extract --format jsonl prints one document per article, across files and folders, in input order", async () => {
    const { articles } = await readArticleFile(FEED);
    // The feed holds one malformed line on purpose: it is reported (exit code 1) and the other articles go on.
    const jsonl = await kg("extract", FEED, "seeds", "--format", "jsonl");
    expect(jsonl.code, jsonl.stderr).toBe(1);
    expect(jsonl.stderr).toMatch(/feed\.jsonl:\d+: malformed JSON/);
    const lines = jsonl.stdout.trim().split("\n");
    expect(lines).toHaveLength(articles.length + 4);
    const ids = lines.map((l) => ExtractionSchema.parse(JSON.parse(l)).article.id);
    const expected = (await readArticles([FEED, "seeds"])).articles.map((a) => a.article.id);
    expect(ids).toEqual(expected);
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
    expect(missing.stderr).toMatch(/no such file/i);
  });

  it("eval --json prints the figures for the articles matched to gold by id", async () => {
    const { stdout, code, stderr } = await kg("eval", "--gold", "tests/fixtures/eval/gold", "seeds", "--json");
    expect(code, stderr).toBe(0);
    const figures = JSON.parse(stdout);
    expect(figures["relations:core"].gold).toBe(43);
    expect(figures.entities.f1).toBeGreaterThan(0.7);
  });

  it("eval prints a table per article and, with --errors, each missed and spurious fact with its sentence", async () => {
    const { stdout, code } = await kg("eval", "--gold", "tests/fixtures/eval/gold", "tests/fixtures/eval/articles", "--errors");
    expect(code).toBe(0);
    expect(stdout).toMatch(/12 article\(s\) scored/);
    expect(stdout).toMatch(/^dev-05-qatar-thai-cambodian-prisoner-talks\s+\d\.\d\d/m);
    expect(stdout).toMatch(/^## dev-\d\d/m);
    expect(stdout).toMatch(/^ {2}(missed|spurious) +.+ (PROPOSED|REJECTED|OFFERED|HOSTED|ATTENDED|LEADS|SUPPORTED) .+ \| .+/m);
  });
});
