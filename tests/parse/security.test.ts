/**
 * The local parser's network arrangement, checked on the run's throw-away server with raw HTTP requests: it
 * listens on every IPv4 interface (the stock server cannot bind one address), so every request needs this home's
 * credentials, and a request from any source address other than 127.0.0.1 is refused even with them. The other
 * source is 127.0.0.2: on Linux all of 127.0.0.0/8 is local, so this tests the server's source check without
 * sending anything off the loopback interface.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import { describe, expect, it } from "vitest";
import { CORENLP_SETTINGS } from "../../src/parse/index.ts";
import { localTestParser, testParserConfig } from "./helpers.ts";

interface Sent {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function send(url: string, options: { method?: string; path?: string; auth?: string; from?: string; host?: string; body?: string }): Promise<Sent> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.host ?? target.hostname,
        port: target.port,
        method: options.method ?? "POST",
        path: options.path ?? `/?properties=${encodeURIComponent(JSON.stringify(CORENLP_SETTINGS))}`,
        localAddress: options.from,
        headers: { "content-type": "text/plain; charset=utf-8", ...(options.auth ? { authorization: `Basic ${Buffer.from(options.auth).toString("base64")}` } : {}) },
        timeout: 30_000,
        // A fresh connection each time: the server does not read the body of a request it refuses, so a kept-alive
        // connection would carry that body into the next request.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(options.method === "GET" ? undefined : (options.body ?? "Norway hosted the talks."));
  });
}

/** Listening TCP sockets on `port` from /proc/net/tcp and tcp6, as "address:port" in hex. */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  return ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[3] === "0A" && cols[1]?.endsWith(`:${hexPort}`))
      .map((cols) => `${file.endsWith("6") ? "tcp6" : "tcp"} ${cols[1]}`),
  );
}

const local = localTestParser();

describe.skipIf(!local)("the local parser's network arrangement", () => {
  it("answers an annotation request only with this home's credentials", async () => {
    const { url, user, password } = await testParserConfig();
    const without = await send(url!, {});
    expect(without.status).toBe(401);
    expect(without.headers["www-authenticate"]).toMatch(/^Basic realm=/);
    expect((await send(url!, { auth: `${user}:not-the-password` })).status).toBe(401);
    expect((await send(url!, { auth: `not-the-user:${password}` })).status).toBe(401);
    const good = await send(url!, { auth: `${user}:${password}` });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body).sentences[0].tokens[0].word).toBe("Norway");
  });

  it("refuses a request from another source address even with the credentials", async () => {
    const { url, user, password } = await testParserConfig();
    const other = await send(url!, { auth: `${user}:${password}`, from: "127.0.0.2" });
    expect(other.status).toBe(401);
    expect(other.body).toContain("Unauthorized API request");
    // ...while the same request from 127.0.0.1 goes through (the refusal is about the source, nothing else).
    expect((await send(url!, { auth: `${user}:${password}`, from: "127.0.0.1" })).status).toBe(200);
  });

  it("guards the other endpoints with the credentials too; only /ping, /live and /ready are open", async () => {
    const { url, user, password } = await testParserConfig();
    for (const path of ["/shutdown?key=guess", "/tokensregex?pattern=x", "/semgrex?pattern=x", "/tregex?pattern=x", "/corenlp-brat.js"]) {
      expect({ path, status: (await send(url!, { method: "GET", path })).status }).toEqual({ path, status: 401 });
    }
    for (const path of ["/tokensregex?pattern=%5B%5D", "/semgrex?pattern=%7B%7D"]) {
      const status = (await send(url!, { path, auth: `${user}:${password}`, from: "127.0.0.2" })).status;
      expect({ path, status }).toEqual({ path, status: 401 });
    }
    for (const path of ["/ping", "/live", "/ready"]) {
      expect((await send(url!, { method: "GET", path })).status).toBe(200);
    }
  });

  it("listens on IPv4 only (0.0.0.0, the stock server's wildcard bind), never on IPv6", async () => {
    const { url } = await testParserConfig();
    const port = Number(new URL(url!).port);
    expect(listeners(port)).toEqual(["tcp 00000000:" + port.toString(16).toUpperCase().padStart(4, "0")]);
    await expect(send(url!, { host: "::1" })).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH/);
  });

  it("keeps the credentials off the command line and in files only its owner can read", async () => {
    const { password, user } = await testParserConfig();
    const runFile = JSON.parse(readFileSync(`${local!.home}/run.json`, "utf8")) as { pid: number };
    const cmdline = readFileSync(`/proc/${runFile.pid}/cmdline`, "utf8");
    expect(cmdline).toContain("StanfordCoreNLPServer");
    expect(cmdline).not.toContain(password!);
    expect(cmdline).not.toContain(user!);
    expect(user!.length).toBeGreaterThanOrEqual(32);
    expect(password!.length).toBeGreaterThanOrEqual(32);
  });
});
