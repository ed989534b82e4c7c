/**
 * The API under load and under hostile input: 50 concurrent clients on a deliberately small pool get answers
 * or "busy, retry" (never "database unreachable" while it is up, never a 500); nested and oversized parameters,
 * deep nesting in the query text, stack-overflow input and queries stopped by Neo4j's memory limit get 4xx
 * answers that say what happened, and the server keeps answering afterwards.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createServer } from "../../src/server/app.ts";
import type { Store } from "../../src/store/driver.ts";
import { createReadDriver } from "../../src/store/read/driver.ts";
import { GraphReader } from "../../src/store/read/graph-reader.ts";
import { loadFixtureGraph } from "./helpers.ts";

let store: Store;

beforeAll(async () => {
  store = await loadFixtureGraph();
});
afterAll(async () => {
  await store?.close();
});

function connection() {
  const { uri, user, password, database } = inject("neo4j");
  return { uri, user, password: password ?? "", database };
}

/** The server as `kg serve` builds it, on a read driver with the given pool. */
async function serverWithPool(poolSize: number, acquisitionTimeoutMs: number) {
  const driver = createReadDriver(connection(), { poolSize, acquisitionTimeoutMs });
  const reader = GraphReader.onDriver(driver, connection().database);
  const app = await createServer({ store: reader, analyst: { driver, database: connection().database } });
  return { app, close: async () => (await app.close(), await driver.close()) };
}

describe("50 concurrent clients", () => {
  it("get a 503 'busy, retry' with Retry-After while every connection is taken, never 'unreachable' or a 500", async () => {
    // Two connections, 200 ms to get one; two long console queries hold both.
    const { app, close } = await serverWithPool(2, 200);
    try {
      const slow = [1, 2].map(() =>
        app.inject({ method: "POST", url: "/api/query", payload: { query: "UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n" } }),
      );
      await new Promise((r) => setTimeout(r, 1_500));
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 5 === 4
            ? app.inject({ method: "POST", url: "/api/query", payload: { query: "MATCH (n) RETURN count(n) AS n" } })
            : app.inject({ url: i % 2 ? "/api/graph" : "/api/stats" }),
        ),
      );
      const statuses = answers.map((a) => a.statusCode);
      expect(statuses.filter((s) => s !== 503)).toEqual([]);
      for (const a of answers) {
        expect(a.json()).toMatchObject({ error: "busy" });
        expect(a.json().message).toMatch(/busy.*retry/i);
        expect(Number(a.headers["retry-after"])).toBeGreaterThan(0);
      }
      // The long queries end by their timeout; then everything answers again.
      expect((await Promise.all(slow)).map((r) => r.statusCode)).toEqual([408, 408]);
      expect((await app.inject({ url: "/api/stats" })).statusCode).toBe(200);
    } finally {
      await close();
    }
  }, 30_000);

  it("all get answers from the default pool", async () => {
    const { app, close } = await serverWithPool(40, 2_000);
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, () => app.inject({ url: "/api/graph" })));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(200));
    } finally {
      await close();
    }
  });
});

describe("hostile console input gets a 4xx that says what happened", () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, close } = await serverWithPool(10, 2_000));
  });
  afterAll(async () => {
    await close();
  });

  const query = (body: unknown) =>
    app.inject({ method: "POST", url: "/api/query", headers: { "content-type": "application/json" }, payload: typeof body === "string" ? body : JSON.stringify(body) });

  function nested(depth: number): string {
    return `${"[".repeat(depth)}1${"]".repeat(depth)}`;
  }

  it.each([
    ["100,000-deep parameter", `{"query": "RETURN size($p) AS n", "params": {"p": ${nested(100_000)}}}`, /nest/],
    ["5,000-deep parameter", `{"query": "RETURN size($p) AS n", "params": {"p": ${nested(5_000)}}}`, /nest/],
    ["40-deep parameter", `{"query": "RETURN size($p) AS n", "params": {"p": ${nested(40)}}}`, /nest at most 32/],
    ["200,000 parameter values", JSON.stringify({ query: "RETURN size($p) AS n", params: { p: Array(200_000).fill(1) } }), /at most 100,000 values/],
    ["3,000-deep list in the query", JSON.stringify({ query: `RETURN ${nested(3_000)} AS x` }), /nest/],
    ["reduce() over a huge range", JSON.stringify({ query: 'RETURN size(reduce(s = "", x IN range(1, 10000000) | s + "aaaaaaaaaa"))' }), /reduce/],
    ["a list loop inside a list loop", JSON.stringify({ query: "RETURN size([x IN range(1, 1000) | [y IN range(1, 1000) | x * y]]) AS n" }), /inside the body of another/],
    ["range() with a computed bound", JSON.stringify({ query: "RETURN size([x IN range(1, toInteger(1e9)) WHERE x < 0]) AS n" }), /numbers or parameters/],
    ["range() of 2 billion values", JSON.stringify({ query: "RETURN any(x IN range(1, 2000000000) WHERE x < 0) AS n" }), /spans 2,000,000,000/],
    ["range() of 2 billion values by parameter", JSON.stringify({ query: "RETURN any(x IN range(1, $n) WHERE x < 0) AS n", params: { n: 2e9 } }), /spans/],
  ])("%s", async (_, body, message) => {
    const response = await query(body);
    expect(response.statusCode, response.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json().message).toMatch(message);
    // And the server (and Neo4j) are still fine.
    expect((await query({ query: "RETURN 1 AS one" })).json().rows).toEqual([{ one: 1 }]);
  });

  it("a query stopped by Neo4j's memory limit is a 4xx naming the limit", async () => {
    const response = await query({ query: "UNWIND range(1, 100000000) AS x RETURN collect(toString(x) + 'padding padding padding') AS xs" });
    expect(response.statusCode, response.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json().error).toMatch(/query_too_large|query_timeout/);
    expect((await query({ query: "RETURN 1 AS one" })).statusCode).toBe(200);
  });

  it("allows ranges and list loops that stay small, and UNWIND of any range", async () => {
    const ok = await query({ query: "RETURN size([x IN range(1, 1000) WHERE x % 2 = 0]) AS n, any(x IN range(-5, 5) WHERE x = 0) AS zero" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rows).toEqual([{ n: 500, zero: true }]);
    const rows = await query({ query: "UNWIND range(1, 1000000) AS x RETURN count(*) AS n" });
    expect(rows.json().rows).toEqual([{ n: 1_000_000 }]);
    const sequential = await query({ query: "RETURN [x IN [y IN range(1, 3) | y * 2] | x + 1] AS xs" });
    expect(sequential.json().rows).toEqual([{ xs: [3, 5, 7] }]);
  });

  it("malformed JSON and a wrong body are 400s", async () => {
    expect((await query("{")).statusCode).toBe(400);
    expect((await query({ query: 5 })).statusCode).toBe(400);
    expect((await query(`{"query": "RETURN 1", "params": ${nested(100_000)}}`)).statusCode).toBe(400);
  });
});
