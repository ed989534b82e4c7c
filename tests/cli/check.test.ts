/**
 * `kg check` on a database corrupted on purpose the ways older versions and crashes could leave it (duplicate
 * facts, stances and mentions, mentions without keys, facts of a missing article, orphan entities and topics, a
 * half-claimed article), then `kg check --repair`: the graph is back to the one a clean run makes, and the
 * constraints that keep duplicates out are in place again.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { REPO_ROOT } from "../../src/config/index.ts";
import { createParser, type Parser } from "../../src/parse/index.ts";
import { ingestPaths } from "../../src/pipeline/ingest.ts";
import { testParserConfig } from "../parse/helpers.ts";
import { RELATION_TYPES } from "../../src/extract/schema.ts";
import type { Store } from "../../src/store/driver.ts";
import { dumpDifference, dumpGraph } from "../support/graph-dump.ts";
import { kg } from "../support/kg.ts";
import { freshStore, rows } from "../store/helpers.ts";

let store: Store;
let parser: Parser;
let reference: string[];

beforeAll(async () => {
  store = await freshStore();
  parser = createParser(await testParserConfig());
  const summary = await ingestPaths(store, parser, [path.join(REPO_ROOT, "seeds")], { layout: false });
  expect(summary.failures).toEqual([]);
  reference = await dumpGraph(store);
}, 120_000);
afterAll(async () => {
  await store?.close();
  await parser?.close();
});

async function keyConstraints(): Promise<string[]> {
  const found = await rows<{ name: string }>(store, "SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH 'rel_key_' RETURN name ORDER BY name");
  return found.map((c) => c.name);
}

describe("the schema", () => {
  it("has a key constraint for every relationship an article contributes", async () => {
    const schema = readFileSync(path.join(REPO_ROOT, "cypher", "schema.cypher"), "utf8");
    for (const type of [...RELATION_TYPES, "HAS_STANCE", "MENTIONED_IN"]) {
      expect(schema, type).toMatch(new RegExp(`FOR \\(\\)-\\[r:${type}\\]-\\(\\) REQUIRE r\\.key IS UNIQUE`));
    }
    expect((await keyConstraints()).length).toBe(RELATION_TYPES.length + 2);
  });
});

describe("kg check", () => {
  it("finds nothing in a clean graph", async () => {
    const clean = await kg(["check"], inject("neo4j"));
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/the graph is consistent/);
  });

  it("reports duplicates and dangling data, and --repair removes them", async () => {
    // An older version's database: no key constraints, so duplicates could be written.
    for (const name of await keyConstraints()) await rows(store, `DROP CONSTRAINT ${name}`);
    await rows(store, `
      MATCH (s)-[r:HOSTED|REJECTED|PROPOSED]->(o) WITH s, r, o LIMIT 3
      CALL (s, r, o) { CREATE (s)-[copy:$(type(r))]->(o) SET copy = properties(r) }`);
    await rows(store, "MATCH (e)-[s:HAS_STANCE]->(t) WITH e, s, t LIMIT 2 CREATE (e)-[c:HAS_STANCE]->(t) SET c = properties(s)");
    await rows(store, "MATCH (e)-[m:MENTIONED_IN]->(a) WITH e, m, a LIMIT 2 CREATE (e)-[c:MENTIONED_IN]->(a) SET c = properties(m), c.key = null");
    await rows(store, "MATCH (e)-[m:MENTIONED_IN]->(a) WITH m SKIP 5 LIMIT 1 REMOVE m.key");
    await rows(store, `
      MATCH (a:Country), (b:Country) WHERE a <> b WITH a, b LIMIT 1
      CREATE (a)-[:REJECTED {key: 'ghost-1', articleId: 'deleted-article', evidence: 'gone'}]->(b)`);
    await rows(store, "CREATE (:Entity:Person {id: 'person:nobody', name: 'Nobody', type: 'Person'})");
    await rows(store, "CREATE (:Topic {id: 'unused-topic', name: 'unused topic'})");
    await rows(store, "CREATE (:Article {id: 'half-claimed'})");

    const found = await kg(["check", "--json"], inject("neo4j"));
    expect(found.code).toBe(1);
    const report = JSON.parse(found.stdout) as { findings: Array<{ name: string; count: number; examples: string[] }> };
    const count = (name: string) => report.findings.find((f) => f.name === name)!.count;
    expect(count("duplicate-keys")).toBe(5);
    expect(count("duplicate-pairs")).toBeGreaterThanOrEqual(2);
    expect(count("unkeyed-mentions")).toBe(3);
    expect(count("dangling-facts")).toBe(1);
    expect(count("orphan-entities")).toBe(1);
    expect(count("orphan-topics")).toBe(1);
    expect(count("incomplete-articles")).toBe(1);
    expect(report.findings.find((f) => f.name === "dangling-facts")!.examples[0]).toContain("deleted-article");

    // Ingesting into it says what to do instead of failing obscurely on the constraints.
    const ingest = await kg(["ingest", path.join(REPO_ROOT, "seeds"), "--no-layout"], inject("neo4j"));
    expect(ingest.code).toBe(1);
    expect(ingest.stderr).toMatch(/kg check --repair/);

    const table = await kg(["check"], inject("neo4j"));
    expect(table.stdout).toMatch(/^duplicate-keys\s+5\s/m);
    expect(table.stdout).toMatch(/run `kg check --repair`/);

    const repaired = await kg(["check", "--repair"], inject("neo4j"));
    expect(repaired.code, repaired.stderr + repaired.stdout).toBe(0);
    expect(repaired.stdout).toMatch(/repaired: \d+ item\(s\)/);
    expect(repaired.stdout).toMatch(/the graph is consistent/);

    const dump = await dumpGraph(store);
    expect(dumpDifference(reference, dump)).toEqual({ missing: [], extra: [] });
    expect(dump.length).toBe(reference.length);
    expect((await keyConstraints()).length).toBe(RELATION_TYPES.length + 2);
    expect((await kg(["check"], inject("neo4j"))).code).toBe(0);
  }, 180_000);
});
