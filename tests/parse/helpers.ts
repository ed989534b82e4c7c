import http from "node:http";
import type { AddressInfo } from "node:net";
import { inject } from "vitest";
import { loadConfig, type ParserConfig } from "../../src/config/index.ts";
import { waitForLocalParser } from "../../src/parse/local/index.ts";

/**
 * Parser settings pointing at the run's parser (tests/setup/nlp-global.ts), once it is ready: the throw-away local
 * server loads its models while other setups and tests run, so the first test file that parses waits here.
 */
export async function testParserConfig(overrides: Partial<ParserConfig> = {}): Promise<ParserConfig> {
  const nlp = inject("nlp");
  if (nlp.home) await waitForLocalParser(nlp.home, 300_000);
  return { ...loadConfig().parser, url: nlp.url, user: nlp.user, password: nlp.password, ...overrides };
}

/** The run's local throw-away server, or null when the run uses KG_NLP_URL (some tests need the local one). */
export const localTestParser = () => (inject("nlp").home ? inject("nlp") : null);

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** A throw-away HTTP server on 127.0.0.1 with the given handler. */
export async function httpServer(handler: http.RequestListener): Promise<TestServer & { server: http.Server }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * A proxy in front of the real parser that counts requests and how many were in flight at once. `intercept`
 * may answer a request itself (return true) instead of forwarding it.
 */
export async function countingProxy(
  target: string,
  intercept?: (body: string, res: http.ServerResponse) => boolean,
): Promise<TestServer & { requests: number; maxInFlight: number; resetCounts(): void }> {
  const stats = { requests: 0, maxInFlight: 0, inFlight: 0 };
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const proxy = await httpServer(async (req, res) => {
    const body = await readBody(req);
    stats.requests++;
    if (intercept?.(body.toString("utf8"), res)) return;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on("end", () => stats.inFlight--);
      },
    );
    forward.on("error", () => {
      stats.inFlight--;
      res.writeHead(502).end();
    });
    forward.end(body);
  });
  return {
    url: proxy.url,
    get requests() {
      return stats.requests;
    },
    get maxInFlight() {
      return stats.maxInFlight;
    },
    resetCounts() {
      stats.requests = 0;
      stats.maxInFlight = 0;
    },
    close: async () => {
      agent.destroy();
      await proxy.close();
    },
  };
}
