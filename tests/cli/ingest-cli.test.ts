import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { REPO_ROOT } from "../../src/config/index.ts";
import type { Store } from "../../src/store/driver.ts";
import { testParserConfig } from "../parse/helpers.ts";
import { freshStore } from "../store/helpers.ts";

const run = promisify(execFile);
const KG = path.join(REPO_ROOT, "bin", "kg.js");

/** Runs `kg` as a user would, against the test run's Neo4j and parser (so it starts no parser of its own). */
async function kg(args: string[], env: Record<string, string> = {}, input?: string) {
  const neo4j = inject("neo4j");
  const parser = await testParserConfig();
  const child = run(process.execPath, [KG, ...args], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      KG_NLP_URL: parser.url!,
      ...(parser.user ? { KG_NLP_USER: parser.user } : {}),
      ...(parser.password ? { KG_NLP_PASSWORD: parser.password } : {}),
      ...env,
    },
  });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  } else child.child.stdin!.end();
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let store: Store;
beforeAll(async () => {
  store = await freshStore();
});
afterAll(async () => {
  await store?.close();
});

describe("kg ingest / stats", () => {
  it("ingests the seeds, then reports every article unchanged on a second run", async () => {
    const first = await kg(["ingest", "seeds"]);
    expect(first.stderr).not.toMatch(/failed:/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^4 ingested, 0 updated, 0 unchanged, 0 failed$/m);
    expect(first.stdout).toMatch(/^layout: \d+ nodes \(\d+ newly placed\), \d+ iterations/m);

    const second = await kg(["ingest", "seeds"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^0 ingested, 0 updated, 4 unchanged, 0 failed$/m);

    const stats = await kg(["stats"]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/^Article\s+4$/m);
    expect(stats.stdout).toMatch(/^Country\s+\d+$/m);
    expect(stats.stdout).toMatch(/^REJECTED\s+\d+$/m);
    const json = JSON.parse((await kg(["stats", "--json"])).stdout);
    expect(json.labels.Article).toBe(4);
    expect(json.relationships.HOSTED).toBeGreaterThan(0);

    // The layout is up to date after the ingest: `kg layout` places nothing new; --reset lays everything out again.
    const layout = JSON.parse((await kg(["layout", "--json"])).stdout);
    expect(layout.nodes).toBeGreaterThan(10);
    expect(layout.placed).toBe(0);
    const reset = JSON.parse((await kg(["layout", "--reset", "--iterations", "20", "--json"])).stdout);
    expect(reset).toMatchObject({ nodes: layout.nodes, placed: layout.nodes, iterations: 20 });
  });

  it("reports bad files with a reason and a hint, exits 1, and writes --report", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-cli-"));
    writeFileSync(path.join(dir, "ok.txt"), "Chile and Peru meet\nChile hosted Peru's foreign minister in Santiago on Monday.\n");
    writeFileSync(path.join(dir, "lines.jsonl"), '{"title":"A","body":"Kenya rejected the plan."}\nnot json\n');
    writeFileSync(path.join(dir, "notes.csv"), "a,b\n");
    const report = path.join(dir, "report.json");
    const res = await kg(["ingest", dir, path.join(dir, "notes.csv"), "--report", report]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^2 ingested, 0 updated, 0 unchanged, 2 failed in 2 files$/m);
    expect(res.stderr).toMatch(/lines\.jsonl:2/);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const written = JSON.parse(readFileSync(report, "utf8"));
    expect(written.complete).toBe(true);
    expect(written.stored.map((s: { status: string }) => s.status)).toEqual(["ingested", "ingested"]);
    const failures = written.failures;
    expect(failures).toHaveLength(2);
    for (const f of failures) {
      expect(f.reason.length).toBeGreaterThan(5);
      expect(f.hint.length).toBeGreaterThan(5);
    }
  });

  it("counts failed lines and the files they are in, and names files of unknown extensions it skips in a folder", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-cli-count-"));
    writeFileSync(path.join(dir, "ok.txt"), "Peru and Chile meet\nPeru hosted Chile's foreign minister in Lima on Tuesday.\n");
    writeFileSync(path.join(dir, "lines.jsonl"), '{"title":"Accra weighs the plan","body":"Ghana rejected the plan."}\nnot json\n{"title":\nalso not json\n');
    writeFileSync(path.join(dir, "empty.md"), "");
    writeFileSync(path.join(dir, "data.csv"), "a,b\n");
    writeFileSync(path.join(dir, "notes.docx"), "binary");
    writeFileSync(path.join(dir, ".hidden"), "x");
    const report = path.join(dir, "report.json");
    const res = await kg(["ingest", dir, "--report", report]);
    expect(res.code).toBe(1);
    // Three bad JSONL lines and one empty file: four failed inputs in two files.
    expect(res.stdout).toMatch(/^2 ingested, 0 updated, 0 unchanged, 4 failed in 2 files, 2 skipped \(not article files\)$/m);
    expect(res.stderr).toMatch(/skipped: .*data\.csv: the extension \.csv is not an article format/);
    expect(res.stderr).toMatch(/skipped: .*notes\.docx/);
    expect(res.stderr).not.toMatch(/\.hidden/);
    const written = JSON.parse(readFileSync(report, "utf8"));
    expect(written.skipped.map((s: { file: string }) => path.basename(s.file))).toEqual(["data.csv", "notes.docx"]);
  });

  it("reads an article from stdin", async () => {
    const res = await kg(["ingest", "-"], {}, JSON.stringify({ id: "from-stdin", title: "Oslo talks", body: "Norway hosted talks between Sudan and Chad in Oslo." }));
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^1 ingested/m);
  });

  it("deletes an article by id and refuses an unknown id", async () => {
    expect((await kg(["delete-article", "from-stdin"])).stdout).toMatch(/1 article\(s\) deleted/);
    const missing = await kg(["delete-article", "from-stdin"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not found/);
  });

  it("says clearly when Neo4j cannot be reached: which URI, what to do, no stack trace", async () => {
    const res = await kg(["stats"], { NEO4J_URI: "bolt://127.0.0.1:1" });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    expect(res.stderr).toMatch(/NEO4J_URI/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it("has --help on every command", async () => {
    const commands = ["ingest", "load", "stats", "delete-article", "up", "db", "serve", "query", "compare", "topics", "timeline", "export", "extract", "eval"];
    const results = await Promise.all(commands.map((cmd) => kg([cmd, "--help"])));
    results.forEach((res, i) => {
      expect(res.code, commands[i]).toBe(0);
      expect(res.stdout, commands[i]).toMatch(/^Usage: kg /m);
    });
  }, 180_000);
});
