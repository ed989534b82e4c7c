import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createServer } from "../../src/server/app.ts";
import type { Store } from "../../src/store/driver.ts";
import { GraphReader } from "../../src/store/read/graph-reader.ts";
import { loadFixtureGraph } from "./helpers.ts";

/** A TCP relay in front of the real Neo4j: closing it is "Neo4j went away", reopening it on the same port is "Neo4j is back". */
class BoltRelay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

let store: Store;
let relay: BoltRelay;
let reader: GraphReader;

beforeAll(async () => {
  store = await loadFixtureGraph();
  const target = new URL(inject("neo4j").uri.replace(/^[a-z+]+:/, "http:"));
  relay = new BoltRelay({ host: target.hostname, port: Number(target.port || 7687) });
  await relay.open();
  const { user, password, database } = inject("neo4j");
  reader = GraphReader.open({ uri: `bolt://127.0.0.1:${relay.port}`, user, password: password ?? "", database });
});
afterAll(async () => {
  await reader?.close();
  await relay?.close();
  await store?.close();
});

describe("when Neo4j is unreachable", () => {
  it("answers 503 with a clear message while it is down and recovers when it is back", async () => {
    const app = await createServer({ store: reader });
    try {
      expect((await app.inject({ url: "/api/stats" })).statusCode).toBe(200);

      await relay.close();
      const startedAt = Date.now();
      const down = await app.inject({ url: "/api/stats" });
      expect(down.statusCode).toBe(503);
      expect(down.json().error).toBe("database_unavailable");
      expect(down.json().message).toMatch(/graph database is unreachable.*Neo4j is running/s);
      expect(down.headers["retry-after"]).toBe("5");
      expect(Date.now() - startedAt).toBeLessThan(15_000);
      // The server itself keeps answering: other endpoints fail the same way, static routes still work.
      expect((await app.inject({ url: "/api/nodes/country:turkey" })).statusCode).toBe(503);
      expect((await app.inject({ url: "/api/search?q=turkey" })).statusCode).toBe(503);
      expect((await app.inject({ url: "/api/graph?limit=0" })).statusCode).toBe(400);

      await relay.open();
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        status = (await app.inject({ url: "/api/stats" })).statusCode;
        if (status !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe(200);
      const node = await app.inject({ url: "/api/nodes/country:turkey" });
      expect(node.json().name).toBe("Turkey");
    } finally {
      await app.close();
    }
  });

  it("answers 503 from the start when the configured port has no database", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nowhere = GraphReader.open({ uri: `bolt://127.0.0.1:${port}`, user: "neo4j", password: "x", database: "neo4j" });
    const app = await createServer({ store: nowhere });
    try {
      const response = await app.inject({ url: "/api/graph" });
      expect(response.statusCode).toBe(503);
      expect(response.json().message).toContain("unreachable");
      expect((await app.inject({ url: "/api/health" })).statusCode).toBe(503);
    } finally {
      await app.close();
      await nowhere.close();
    }
  });
});
