import http from "node:http";
import { performance } from "node:perf_hooks";
import { gunzipSync, brotliDecompressSync, inflateSync } from "node:zlib";

export type Timed = { status: number; ms: number; wireBytes: number; jsonBytes: number; body: unknown };

/**
 * One request as a browser makes it (compressed answers accepted): the time to the last byte, the bytes on the
 * wire and the size of the JSON once decompressed.
 */
export function request(url: string, body?: unknown): Promise<Timed> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: payload === undefined ? "GET" : "POST",
        headers: { "accept-encoding": "gzip", ...(payload === undefined ? {} : { "content-type": "application/json" }) },
        agent: keepAlive,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const ms = performance.now() - t0;
          const wire = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const raw = encoding === "gzip" ? gunzipSync(wire) : encoding === "br" ? brotliDecompressSync(wire) : encoding === "deflate" ? inflateSync(wire) : wire;
          let parsed: unknown = null;
          try {
            parsed = JSON.parse(raw.toString("utf8"));
          } catch {
            parsed = raw.toString("utf8").slice(0, 200);
          }
          resolve({ status: res.statusCode ?? 0, ms, wireBytes: wire.length, jsonBytes: raw.length, body: parsed });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (payload !== undefined) req.end(payload);
    else req.end();
  });
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
