/**
 * neo4j:// (the routing scheme of clusters and Aura) against the run's single Neo4j, which answers routing
 * requests too: the routing table names it as router, reader and writer, and the commands (writes through managed
 * write transactions, reads routed READ) and the HTTP API work through it exactly as through bolt://.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { contentHash } from "../../src/article/index.ts";
import { connect, type Store } from "../../src/store/driver.ts";
import { clearGraph } from "../../src/store/stats.ts";
import { kg, startKg, type KgRun } from "../support/kg.ts";
import { freshStore } from "../store/helpers.ts";

/** The run's Neo4j under the routing scheme (TLS variants kept). */
const routed = () => {
  const neo4j = inject("neo4j");
  return { ...neo4j, uri: neo4j.uri.replace(/^bolt(\+s|\+ssc)?:\/\//, "neo4j$1://") };
};

function document(id: string, a: string, b: string) {
  const body = `${a} met ${b} in Vienna on Tuesday.`;
  const article = { id, title: `${a} meets ${b}`, source: "Routing Wire", publishedAt: "2025-04-01", language: "en", body };
  return {
    article: { ...article, contentHash: contentHash(article) },
    entities: [
      { id: "a", type: "Country", name: a },
      { id: "b", type: "Country", name: b },
    ],
    relations: [{ subject: "a", type: "MET_WITH", object: "b", evidence: body, confidence: 0.9, span: { start: 0, end: body.length } }],
    stances: [],
  };
}

let store: Store;
let serve: KgRun | undefined;
beforeAll(async () => {
  store = await freshStore();
});
afterAll(async () => {
  serve?.child.kill("SIGTERM");
  await serve?.done;
  await store?.close();
});

describe("a neo4j:// URI", () => {
  it("is a routing connection: the server's routing table names it as router, reader and writer", async () => {
    const target = routed();
    expect(target.uri).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
    const routedStore = await connect(target);
    try {
      const { records } = await routedStore.driver.executeQuery(
        "CALL dbms.routing.getRoutingTable({}, $db) YIELD servers RETURN servers",
        { db: routedStore.database },
        { database: routedStore.database, routing: "READ" },
      );
      const servers = records[0]!.get("servers") as Array<{ addresses: string[]; role: string }>;
      expect(servers.map((s) => s.role).sort()).toEqual(["READ", "ROUTE", "WRITE"]);
      // The driver connects to the addresses the table gives: for the project's local server, its real Bolt port.
      const { host } = new URL(inject("neo4j").uri.replace(/^[a-z+]+:/, "http:"));
      if (host.startsWith("127.0.0.1")) for (const s of servers) expect(s.addresses).toEqual([host]);
    } finally {
      await routedStore.close();
    }
  });

  it("serves kg load, kg ingest, kg stats, kg query, kg check and kg layout", async () => {
    await clearGraph(store);
    const target = routed();
    const input = [document("routed-1", "Austria", "Hungary"), document("routed-2", "Slovakia", "Hungary")].map((d) => `${JSON.stringify(d)}\n`).join("");
    const load = await kg(["load", "-"], target, {}, input);
    expect(load.code, load.stderr).toBe(0);
    expect(load.stdout).toMatch(/^2 ingested, 0 updated, 0 unchanged, 0 failed$/m);
    expect((await kg(["load", "-", "--no-layout"], target, {}, input)).stdout).toMatch(/^0 ingested, 0 updated, 2 unchanged, 0 failed$/m);
    const ingest = await kg(["ingest", "-", "--no-layout"], target, {}, JSON.stringify({ id: "routed-3", title: "Oslo talks", body: "Norway hosted talks between Sudan and Chad in Oslo." }));
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stdout).toMatch(/^1 ingested/m);

    const stats = JSON.parse((await kg(["stats", "--json"], target)).stdout);
    expect(stats.labels.Article).toBe(3);
    const query = await kg(["query", "MATCH (c:Country)-[:MET_WITH]->(:Country {name: 'Hungary'}) RETURN c.name AS name ORDER BY name", "--format", "json"], target);
    expect(query.code, query.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(query.stdout))).toMatch(/"Austria".*"Slovakia"/);
    const check = await kg(["check"], target);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const layout = JSON.parse((await kg(["layout", "--json"], target)).stdout);
    expect(layout.nodes).toBeGreaterThan(3);
  }, 180_000);

  it("serves the HTTP API", async () => {
    serve = startKg(["serve", "--port", "0", "--quiet"], routed());
    const url = await new Promise<string>((resolve, reject) => {
      let seen = "";
      serve!.child.stderr!.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        const m = /Graph explorer: (http:\/\/\S+)/.exec(seen);
        if (m) resolve(m[1]!);
      });
      serve!.done.then((r) => reject(new Error(`kg serve ended: ${r.stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const stats = await fetch(`${url}api/stats`);
    expect(stats.status).toBe(200);
    const graph = await fetch(`${url}api/graph`);
    expect(graph.status).toBe(200);
    const body = (await graph.json()) as { nodes: Array<{ key: string }> };
    expect(body.nodes.map((n) => n.key)).toContain("country:hungary");
  });
});
