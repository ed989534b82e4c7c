/**
 * The API token and the Host allow-list, attacked over a real socket: raw request targets (percent-encoding,
 * double encoding, absolute-form, dot segments, duplicate slashes, case, path parameters...) exactly as an
 * attacker sends them, not as an HTTP client library would normalise them.
 */
import net from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../src/server/app.ts";
import { ServeConfigError, startServer } from "../../src/server/start.ts";
import type { Store } from "../../src/store/driver.ts";
import type { GraphReader } from "../../src/store/read/graph-reader.ts";
import { loadFixtureGraph, readerFor } from "./helpers.ts";

const TOKEN = "k".repeat(20) + "-0123456789abcdef"; // 37 characters

let store: Store;
let reader: GraphReader;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  store = await loadFixtureGraph();
  reader = readerFor(store);
  const started = await startServer({
    store: reader,
    analyst: { driver: store.driver, database: store.database },
    host: "127.0.0.1",
    port: 0,
    token: TOKEN,
    webRoot: "/nonexistent",
  });
  app = started.app;
  port = Number(new URL(started.url).port);
});
afterAll(async () => {
  await app?.close();
  await reader?.close();
  await store?.close();
});

type RawResponse = { status: number; headers: string; body: string };

/** Sends one request with the request target and headers exactly as given. */
function raw(method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const all: Record<string, string> = { Host: `127.0.0.1:${port}`, Connection: "close", ...headers };
    if (body !== undefined) {
      all["Content-Type"] = "application/json";
      all["Content-Length"] = String(Buffer.byteLength(body));
    }
    const head = `${method} ${target} HTTP/1.1\r\n${Object.entries(all).map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\n\r\n`;
    let data = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => (data += chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const [statusLine = "", ...rest] = data.split("\r\n");
      const split = rest.indexOf("");
      resolve({ status: Number(statusLine.split(" ")[1]), headers: rest.slice(0, split).join("\n"), body: rest.slice(split + 1).join("\r\n") });
    });
    socket.write(head + (body ?? ""));
  });
}

const auth = { Authorization: `Bearer ${TOKEN}` };
const QUERY = JSON.stringify({ query: "MATCH (c:Country) RETURN c.name AS name" });

describe("the API token", () => {
  it("lets the right token through, in any case of the scheme", async () => {
    expect((await raw("GET", "/api/stats", auth)).status).toBe(200);
    expect((await raw("GET", "/api/stats", { Authorization: `bearer ${TOKEN}` })).status).toBe(200);
    expect((await raw("GET", "/api/stats", { Authorization: `BEARER   ${TOKEN}` })).status).toBe(200);
    expect((await raw("POST", "/api/query", auth, QUERY)).status).toBe(200);
  });

  it("refuses no token, a wrong one, a prefix of the right one, and other schemes", async () => {
    for (const headers of <Array<Record<string, string>>>[
      {},
      { Authorization: "Bearer nope" },
      { Authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { Authorization: `Bearer ${TOKEN}x` },
      { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}` },
      { Authorization: TOKEN },
    ]) {
      const response = await raw("GET", "/api/stats", headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.body).toContain("unauthorized");
    }
  });

  // Every spelling of an API path a router, a proxy or a browser might turn into one: none may answer with data.
  const bypasses: Array<[string, string, string?]> = [
    ["GET", "/%61pi/stats"],
    ["GET", "/ap%69/articles"],
    ["GET", "/%61%70%69/graph"],
    ["GET", "/api/%73tats"],
    ["GET", "/api%2Fstats"],
    ["GET", "/%2561pi/stats"],
    ["GET", "/%252561pi/stats"],
    ["GET", "http://x/api/stats"],
    ["GET", "http://127.0.0.1/%61pi/stats"],
    ["GET", "//api/stats"],
    ["GET", "///api/stats"],
    ["GET", "/./api/stats"],
    ["GET", "/%2e/api/stats"],
    ["GET", "/x/../api/stats"],
    ["GET", "/x/%2e%2e/api/stats"],
    ["GET", "/API/stats"],
    ["GET", "/Api/Stats"],
    ["GET", "/api/stats."],
    ["GET", "/api./stats"],
    ["GET", "/api/stats;x=1"],
    ["GET", "/api;x=1/stats"],
    ["GET", "/api/stats/"],
    ["GET", "/api/stats?"],
    ["GET", "/api/stats%00"],
    ["GET", "/api/stats%20"],
    ["GET", "/api//stats"],
    ["GET", "/api/nodes/country:turkey"],
    ["GET", "/api/nodes/country%3Aturkey"],
    ["GET", "/api/health"],
    ["HEAD", "/api/stats"],
    ["HEAD", "/%61pi/stats"],
    ["OPTIONS", "/api/stats"],
    ["OPTIONS", "*"],
    ["POST", "/%61pi/query", QUERY],
    ["POST", "/api/query", QUERY],
    ["POST", "/API/query", QUERY],
  ];

  it.each(bypasses)("%s %s never answers without the token", async (method, target, body) => {
    const response = await raw(method, target, {}, body);
    expect(response.status, `${method} ${target}: ${response.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    // No graph data in the answer, whatever the status.
    for (const leak of ["Turkey", "nodeTypes", "articles", "columns"]) expect(response.body).not.toContain(leak);
  });

  it("leaves the web app itself public (it holds no data)", async () => {
    const page = await raw("GET", "/");
    expect(page.status).toBe(200);
  });
});

describe("token rules at start-up", () => {
  it("refuses a token shorter than 32 characters, with a clear message", async () => {
    for (const token of ["x", "s3cret-token", "a".repeat(31)]) {
      const attempt = startServer({ store: reader, host: "127.0.0.1", port: 0, token, webRoot: "/nonexistent" });
      await expect(attempt).rejects.toBeInstanceOf(ServeConfigError);
      await expect(attempt).rejects.toThrow(/at least 32 characters/);
    }
    await expect(createServer({ store: reader, token: "short" })).rejects.toThrow(/at least 32 characters/);
  });
});

describe("the Host allow-list (DNS rebinding)", () => {
  it("answers loopback names and refuses other hosts with 403", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "localhost", `[::1]:${port}`, `LOCALHOST:${port}`]) {
      expect((await raw("GET", "/api/stats", { ...auth, Host: host })).status, host).toBe(200);
    }
    for (const host of ["attacker.example", `attacker.example:${port}`, "127.0.0.1.attacker.example", "localhost.attacker.example", "evil@localhost"]) {
      const response = await raw("GET", "/api/stats", { ...auth, Host: host });
      expect(response.status, host).toBe(403);
      expect(response.body).toContain("host_not_allowed");
      expect(response.body).toContain("KG_ALLOWED_HOSTS");
    }
    // The web app too: a rebound page must not load from our origin.
    expect((await raw("GET", "/", { Host: "attacker.example" })).status).toBe(403);
    // An absolute-form target names the host too.
    expect((await raw("GET", "http://attacker.example/api/stats", auth)).status).toBe(403);
  });

  it("accepts the hosts listed in allowedHosts (KG_ALLOWED_HOSTS)", async () => {
    const open = await createServer({ store: reader, allowedHosts: ["graph.example.org", "10.1.2.3"] });
    try {
      const ask = (host: string) => open.inject({ url: "/api/stats", headers: { host } });
      expect((await ask("graph.example.org")).statusCode).toBe(200);
      expect((await ask("GRAPH.example.org:8080")).statusCode).toBe(200);
      expect((await ask("10.1.2.3:8080")).statusCode).toBe(200);
      expect((await ask("127.0.0.1:8080")).statusCode).toBe(200);
      expect((await ask("other.example.org")).statusCode).toBe(403);
    } finally {
      await open.close();
    }
  });
});
