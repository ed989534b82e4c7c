import path from "node:path";
import type { FastifyInstance } from "fastify";
import { REPO_ROOT } from "../config/index.ts";
import type { GraphReadStore } from "../store/read/types.ts";
import { createServer, type ServerOptions } from "./app.ts";
import { checkTokenStrength, TokenTooShortError } from "./guards.ts";
import { createReadDriver, type Neo4jConnection, type ReadDriverOptions } from "../store/read/driver.ts";
import { GraphReader } from "../store/read/graph-reader.ts";

import { DEFAULT_HOST, DEFAULT_PORT } from "./defaults.ts";
export { DEFAULT_HOST, DEFAULT_PORT };
export const WEB_ROOT = path.join(REPO_ROOT, "web", "dist");

/** Whether binding to this host keeps the server on this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}

export class ServeConfigError extends Error {
  readonly userFacing = true;
}

export type StartOptions = {
  store: GraphReadStore;
  host?: string;
  port?: number;
  /** Required when host is not a loopback address (KG_API_TOKEN); at least 32 characters. */
  token?: string;
  /** Host names answered besides the loopback names and the bound address (KG_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  webRoot?: string;
  analyst?: ServerOptions["analyst"];
  /** Request logs (JSON lines on stdout via pino); off in tests. */
  logRequests?: boolean;
};

/** Creates and binds the HTTP server; returns the app and the URL to open. */
export async function startServer(options: StartOptions): Promise<{ app: FastifyInstance; url: string }> {
  const host = options.host ?? DEFAULT_HOST;
  const token = options.token?.trim() || undefined;
  if (!isLoopbackHost(host) && !token) {
    throw new ServeConfigError(
      `Refusing to serve on ${host} without a token: anyone on the network could read the graph. ` +
        "Set KG_API_TOKEN to a long random string (clients send it as 'Authorization: Bearer <token>'), or bind to 127.0.0.1.",
    );
  }
  if (token !== undefined) {
    try {
      checkTokenStrength(token);
    } catch (err) {
      if (err instanceof TokenTooShortError) throw new ServeConfigError(`Refusing to start: ${err.message}`);
      throw err;
    }
  }
  // A specific bound address is a name clients use; a wildcard (0.0.0.0, ::) is not.
  const bound = host === "0.0.0.0" || host === "::" || host === "[::]" ? [] : [host];
  const app = await createServer({
    store: options.store,
    token,
    allowedHosts: [...bound, ...(options.allowedHosts ?? [])],
    webRoot: options.webRoot ?? WEB_ROOT,
    analyst: options.analyst,
    logger: options.logRequests ? { level: "info" } : false,
  });
  await app.listen({ host, port: options.port ?? DEFAULT_PORT });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? DEFAULT_PORT);
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return { app, url: `http://${shownHost}:${port}/` };
}

/**
 * The explorer as `kg serve` and `npm start` run it: one read driver tuned for interactive use (a Neo4j
 * outage becomes a quick 503 and the server recovers by itself) shared by the graph API and the analyst API.
 */
export async function startExplorer(
  connection: Neo4jConnection,
  options: Omit<StartOptions, "store" | "analyst"> & { pool?: ReadDriverOptions },
): Promise<{ url: string; close: () => Promise<void> }> {
  const { pool, ...serverOptions } = options;
  const driver = createReadDriver(connection, pool);
  const store = GraphReader.onDriver(driver, connection.database);
  try {
    const { app, url } = await startServer({ ...serverOptions, store, analyst: { driver, database: connection.database } });
    return {
      url,
      close: async () => {
        await app.close();
        await driver.close();
      },
    };
  } catch (err) {
    await driver.close();
    throw err;
  }
}
