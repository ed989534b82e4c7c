import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/driver.ts";
import { QueryFailedError, QueryRefusedError, QueryTimeoutError } from "../../src/store/query/errors.ts";
import { plannedQueryType, runReadOnlyQuery, runWriteQuery } from "../../src/store/query/runner.ts";
import { loadFixtureGraph } from "../analysis/fixture.ts";
import { freshStore, rows } from "../store/helpers.ts";
import { ABUSE_CORPUS } from "./abuse-corpus.ts";

let store: Store;

/** Everything a write, schema or admin command could change, as one comparable value. */
async function snapshot() {
  const [counts] = await rows(store, "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels");
  const data = await rows(
    store,
    "MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN labels(n) AS l, properties(n) AS p, type(r) AS t, properties(r) AS rp, m.id AS m ORDER BY n.id, t, m, rp.key",
  );
  const labels = await rows(store, "CALL db.labels() YIELD label RETURN label ORDER BY label");
  const types = await rows(store, "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType ORDER BY relationshipType");
  const keys = await rows(store, "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey");
  const indexes = await rows(store, "SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name");
  const constraints = await rows(store, "SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name");
  return JSON.stringify({ counts, data, labels, types, keys, indexes, constraints });
}

beforeAll(async () => {
  store = await freshStore();
  await loadFixtureGraph(store);
});
afterAll(async () => {
  await store?.close();
});

describe("read-only query runner on a real Neo4j", () => {
  it(`refuses all ${ABUSE_CORPUS.length} write and abuse attempts and none changes the database`, async () => {
    expect(ABUSE_CORPUS.length).toBeGreaterThanOrEqual(30);
    const before = await snapshot();
    const outcomes = [];
    for (const attempt of ABUSE_CORPUS) {
      const outcome = await runReadOnlyQuery(store, attempt.query, attempt.params ?? {}).then(
        () => "ran",
        (err: unknown) => (err instanceof QueryRefusedError ? "refused" : `other error: ${(err as Error).message}`),
      );
      outcomes.push({ name: attempt.name, outcome });
    }
    expect(outcomes.filter((o) => o.outcome !== "refused")).toEqual([]);
    expect(await snapshot()).toBe(before);
    // The snapshot is sensitive: one real write changes it (so the equality above means something).
    await runWriteQuery(store, "MATCH (n:Country {id: 'country:turkey'}) SET n.probe = 1");
    expect(await snapshot()).not.toBe(before);
    await runWriteQuery(store, "MATCH (n:Country {id: 'country:turkey'}) REMOVE n.probe");
  });

  it("Neo4j's planner classifies writes on its own (second layer, without running them)", async () => {
    const before = await snapshot();
    expect(await plannedQueryType(store, "MATCH (n) RETURN count(n)")).toBe("r");
    for (const write of ["CREATE (n:Hacked) RETURN n", "MATCH (n) SET n.x = 1 RETURN n", "CALL db.createLabel('Hacked')", "MATCH (n) CALL (n) { DETACH DELETE n }"]) {
      expect(["w", "rw"]).toContain(await plannedQueryType(store, write));
    }
    expect(await plannedQueryType(store, "CREATE INDEX hacked FOR (n:Entity) ON (n.hacked)")).toBe("s");
    expect(await snapshot()).toBe(before);
  });

  it("runs reads, with parameters passed as parameters", async () => {
    const tricky = "x' }) DETACH DELETE n //";
    const result = await runReadOnlyQuery(store, "MATCH (c:Country {id: $id}) RETURN c.name AS name, $tricky AS echo", {
      id: "country:turkey",
      tricky,
    });
    expect(result.rows).toEqual([{ name: "Turkey", echo: tricky }]);
    expect(result.columns).toEqual(["name", "echo"]);
    expect(result.queryType).toBe("r");
    expect(result.truncated).toBe(false);
  });

  it("returns nodes, relationships and paths as tagged JSON", async () => {
    const result = await runReadOnlyQuery(store, "MATCH p = (a:Country {id: 'country:russia'})-[r:REJECTED]->(b) RETURN a, r, p");
    const row = result.rows[0]!;
    expect(row.a).toMatchObject({ _kind: "node", labels: expect.arrayContaining(["Country"]), properties: { name: "Russia" } });
    expect(row.r).toMatchObject({ _kind: "relationship", type: "REJECTED" });
    expect(row.p).toMatchObject({ _kind: "path" });
  });

  it("cuts the result at the row limit and says so", async () => {
    const cut = await runReadOnlyQuery(store, "UNWIND range(1, 2500) AS x RETURN x", {}, { limit: 1000 });
    expect(cut.rows).toHaveLength(1000);
    expect(cut.truncated).toBe(true);
    const exact = await runReadOnlyQuery(store, "UNWIND range(1, 5) AS x RETURN x", {}, { limit: 5 });
    expect(exact.rows).toHaveLength(5);
    expect(exact.truncated).toBe(false);
    const byDefault = await runReadOnlyQuery(store, "UNWIND range(1, 1001) AS x RETURN x");
    expect(byDefault.rows).toHaveLength(1000);
    expect(byDefault.truncated).toBe(true);
  });

  it("stops a query at the timeout with a clear error", async () => {
    const started = Date.now();
    await expect(
      runReadOnlyQuery(store, "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(*)", {}, { timeoutMs: 500 }),
    ).rejects.toThrow(QueryTimeoutError);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("runs every procedure on the read allow-list, dbms.components() included", async () => {
    const components = await runReadOnlyQuery(store, "CALL dbms.components() YIELD name, edition RETURN name, edition");
    expect(components.rows[0]).toMatchObject({ name: "Neo4j Kernel" });
    const bare = await runReadOnlyQuery(store, "CALL dbms.components()");
    expect(bare.columns).toContain("versions");
    expect((await runReadOnlyQuery(store, "CALL db.labels()")).columns).toEqual(["label"]);
  });

  it("reports Neo4j's own errors readably", async () => {
    await expect(runReadOnlyQuery(store, "MATCH (n RETURN n")).rejects.toThrow(QueryFailedError);
    await expect(runReadOnlyQuery(store, "RETURN $missing")).rejects.toThrow(/missing/i);
  });

  it("writes only through the explicit write runner, and reports the changes", async () => {
    const result = await runWriteQuery(store, "CREATE (n:Scratch {id: 'scratch'}) RETURN n.id AS id;");
    expect(result.rows).toEqual([{ id: "scratch" }]);
    expect(result.updates).toMatchObject({ nodesCreated: 1 });
    await runWriteQuery(store, "MATCH (n:Scratch) DELETE n");
    expect(await rows(store, "MATCH (n:Scratch) RETURN n")).toEqual([]);
  });
});
