import { Command, InvalidArgumentError } from "commander";
import { z } from "zod";
import { loadConfig } from "../config/index.ts";
import { DEFAULT_HOST, DEFAULT_PORT } from "../server/defaults.ts";
import { openStore } from "../store/connection.ts";
import { action } from "./errors.ts";

const PortSchema = z.coerce.number().int().min(0).max(65_535);

function parsePort(value: string): number {
  const parsed = PortSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError("a port is a number from 0 to 65535");
  return parsed.data;
}

export function serveCommand(): Command {
  return new Command("serve")
    .description("Serve the HTTP API and the graph explorer web app (loopback only unless KG_API_TOKEN is set)")
    .option("-p, --port <port>", "port to listen on (0 picks a free one)", parsePort, DEFAULT_PORT)
    .option("--host <host>", "address to bind; a non-loopback address requires KG_API_TOKEN", DEFAULT_HOST)
    .option("--quiet", "no request logs")
    .action(
      action(async (opts: { port: number; host: string; quiet?: boolean }) => {
        const config = loadConfig();
        // Resolve where Neo4j is (NEO4J_URI or the local server), then read through a driver tuned for
        // interactive use: if Neo4j goes away later, requests get a 503 and the server recovers by itself.
        const probe = await openStore(config, { startLocal: false });
        const target = probe.target;
        await probe.close();
        const { startExplorer } = await import("../server/start.ts"); // heavy: loaded only to serve
        const explorer = await startExplorer(
          { uri: target.uri, user: target.user, password: target.password ?? "", database: target.database },
          { host: opts.host, port: opts.port, token: config.apiToken, allowedHosts: config.allowedHosts, pool: { poolSize: config.neo4jPoolSize }, logRequests: !opts.quiet },
        );
        process.stderr.write(`Graph explorer: ${explorer.url}  (API under ${explorer.url}api/, Neo4j at ${target.uri}; Ctrl+C stops)\n`);
        const stop = async () => {
          await explorer.close();
          process.exit(0);
        };
        process.once("SIGINT", () => void stop());
        process.once("SIGTERM", () => void stop());
      }),
    );
}
