import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { compareCommand } from "../../src/cli/compare.ts";
import { exportCommand } from "../../src/cli/export.ts";
import { queryCommand } from "../../src/cli/query.ts";
import { timelineCommand } from "../../src/cli/timeline.ts";
import { topicsCommand } from "../../src/cli/topics.ts";
import type { Store } from "../../src/store/driver.ts";
import { loadFixtureGraph } from "../analysis/fixture.ts";
import { freshStore, rows } from "../store/helpers.ts";

/** The commands as the user runs them (commander parsing, output, exit code) against the test Neo4j. */
let store: Store;
const savedEnv = { ...process.env };

beforeAll(async () => {
  store = await freshStore();
  await loadFixtureGraph(store);
  const neo = inject("neo4j");
  Object.assign(process.env, { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password, NEO4J_DATABASE: neo.database });
});
afterAll(async () => {
  process.env = savedEnv;
  await store?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(command: Command, args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  command.exitOverride();
  await command.parseAsync(args, { from: "user" });
  vi.restoreAllMocks();
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { out, err, code };
}

describe("kg query", () => {
  it("prints a table, JSON or CSV, and passes --param values as parameters", async () => {
    const table = await run(queryCommand(), ["MATCH (c:Country {id: $id}) RETURN c.name AS name", "--param", "id=country:turkey"]);
    expect(table.out).toMatch(/name\s*\n-+\s*\nTurkey\s*\n1 row/);
    const json = await run(queryCommand(), ["RETURN $n + 1 AS n", "-p", "n=41", "--format", "json"]);
    expect(JSON.parse(json.out)).toMatchObject({ rows: [{ n: 42 }], truncated: false });
    const csv = await run(queryCommand(), ["UNWIND range(1, 5) AS x RETURN x, 'a,b' AS s", "--format", "csv", "--limit", "2"]);
    expect(csv.out).toBe('x,s\r\n1,"a,b"\r\n2,"a,b"\n');
    expect(csv.err).toMatch(/cut at 2 rows/);
  });

  it("refuses a write with a clear message and exit code 1, and changes nothing", async () => {
    const before = await rows(store, "MATCH (n) RETURN count(n) AS n");
    const result = await run(queryCommand(), ["MATCH (n) DETACH DELETE n"]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^kg: Refused: DETACH DELETE removes data/);
    expect(result.err).not.toMatch(/at .*\.ts:\d+/);
    expect(await rows(store, "MATCH (n) RETURN count(n) AS n")).toEqual(before);
  });

  it("--write is the explicit way to write", async () => {
    const result = await run(queryCommand(), ["CREATE (:Scratch) RETURN 1 AS one", "--write"]);
    expect(result.out).toMatch(/changes: nodesCreated 1/);
    await run(queryCommand(), ["MATCH (n:Scratch) DELETE n", "--write"]);
  });

  it("--saved lists the saved queries; --saved <name> runs one", async () => {
    const list = await run(queryCommand(), ["--saved"]);
    expect(list.out).toMatch(/compare-positions\s+Compare positions on a topic\s+topic \(string\)/);
    const one = await run(queryCommand(), ["--saved", "who-rejected-proposal", "--format", "json"]);
    expect(JSON.parse(one.out).rows[0]).toMatchObject({ actor: "Russia", relation: "REJECTED" });
    const missing = await run(queryCommand(), ["--saved", "nope"]);
    expect(missing.err).toMatch(/No saved query named "nope"/);
  });
});

describe("kg compare, topics, timeline, export", () => {
  it("compare prints the side-by-side table, JSON and markdown", async () => {
    const table = await run(compareCommand(), ["--topic", "peacekeeping", "Turkey", "Europe", "Russia"]);
    expect(table.out).toMatch(/stance\s+conditional since 2025-08-01\s+support since 2025-08-01\s+oppose since 2025-08-10/);
    const json = await run(compareCommand(), ["--topic", "peacekeeping", "Russia", "--format", "json"]);
    expect(JSON.parse(json.out).columns[0].stance).toBe("oppose");
    const md = await run(compareCommand(), ["-t", "ceasefire", "Anna Fixture", "-f", "markdown"]);
    expect(md.out).toMatch(/\| \*\*stance\*\* \| oppose \(was support until 2025-08-20\) \|/);
  });

  it("topics and timeline print their lists", async () => {
    expect((await run(topicsCommand(), [])).out).toMatch(/peacekeeping\s+peacekeeping force\s+1\s+3/);
    const t = await run(timelineCommand(), ["--actor", "Russia"]);
    expect(t.out).toMatch(/2025-08-10\s+Russia REJECTED peacekeeping force/);
    expect((await run(timelineCommand(), [])).err).toMatch(/either --actor or --topic/);
  });

  it("export writes GraphML to a file and CSV of a query to stdout", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-export-"));
    const file = path.join(dir, "graph.graphml");
    await run(exportCommand(), ["--format", "graphml", "--out", file]);
    expect(readFileSync(file, "utf8")).toMatch(/<node id="country:turkey">/);
    const csv = await run(exportCommand(), ["--format", "csv", "--query", "MATCH (c:Country) RETURN c.name AS name ORDER BY name LIMIT 2"]);
    expect(csv.out).toBe("name\r\nFrance\r\nGermany\r\n");
    const refused = await run(exportCommand(), ["--format", "json", "--query", "MATCH (n) SET n.x = 1 RETURN n"]);
    expect(refused.err).toMatch(/Refused: SET/);
  });
});
