import path from "node:path";
import { Command } from "commander";
import { loadConfig, REPO_ROOT } from "../config/index.ts";
import { openStore } from "../store/connection.ts";
import { installJars, statusLocalNeo4j } from "../store/local/index.ts";
import { describeParserUrls } from "../parse/client.ts";
import { ensureLocalParser, installParserJars } from "../parse/local/index.ts";
import { applySchema } from "../store/schema.ts";
import { DEFAULT_PORT } from "../server/defaults.ts";
import { graphStats } from "../store/stats.ts";
import { action } from "./errors.ts";
import { positiveInt, printSummary } from "./ingest.ts";
import { formatStats } from "./stats.ts";

const SAMPLE_QUERIES = [
  "// Who rejected what, with the sentence that shows it",
  "MATCH (a:Entity)-[r:REJECTED]->(p) RETURN a.name, p.name, r.evidence, r.date ORDER BY r.date",
  "// Positions on peacekeeping",
  "MATCH (a:Entity)-[s:HAS_STANCE]->(:Topic {id: 'peacekeeping'}) RETURN a.name, s.stance, s.evidence",
  "// Meetings and their hosts",
  "MATCH (h:Entity)-[r:HOSTED]->(m:Meeting) RETURN h.name, m.name, m.date, r.evidence",
];

export function upCommand(): Command {
  return new Command("up")
    .description("The main job (npm start): start the local Neo4j and parser if needed, apply the schema, ingest seeds/, show the graph, serve the explorer")
    .option("--seeds <dir>", "folder of articles to ingest", path.join(REPO_ROOT, "seeds"))
    .option("--no-serve", "stop after ingesting instead of serving the explorer")
    .option("-p, --port <port>", "explorer port (if taken, a free one is used)", positiveInt, DEFAULT_PORT)
    .action(
      action(async (opts: { seeds: string; serve: boolean; port: number }) => {
        const config = loadConfig();
        // The pipeline and the server are heavy to load: only when the command runs, not for --help.
        const { ingestPaths } = await import("../pipeline/ingest.ts");
        const log = (line: string) => process.stderr.write(`${line}\n`);
        if (!config.neo4jUri) await installJars({ log });
        // Maven runs one download at a time (both are quick no-ops once done); the two servers then start in parallel.
        if (!config.parser.url) await installParserJars({ mvn: config.parser.mvn, java: config.parser.java, log });
        const parserReady = config.parser.url ? Promise.resolve(null) : ensureLocalParser(config.parser, { log });
        parserReady.catch(() => undefined); // awaited below; no unhandled rejection while the database starts
        const store = await openStore(config, { startLocal: true, log }).catch(async (err: unknown) => {
          await parserReady.catch(() => undefined);
          throw err;
        });
        try {
          const parser = await parserReady;
          log(`Parser: ${parser ? `the local Stanford CoreNLP ${parser.version} at ${parser.url}` : `KG_NLP_URL ${describeParserUrls(config.parser)}`}`);
          await applySchema(store);
          log(`Neo4j: ${store.target.uri} (database ${store.database}); schema applied`);
          const { createParser } = await import("../parse/index.ts");
          const client = createParser(config.parser, { log });
          const summary = await ingestPaths(store, client, [opts.seeds], {
            maxBytes: config.maxFileBytes,
            batchSize: config.batchSize,
            workers: { count: config.workers, parser: config.parser, log },
          }).finally(() => client.close());
          printSummary(summary);
          process.stdout.write(`\n${formatStats(await graphStats(store))}\n`);
          const local = config.neo4jUri ? undefined : await statusLocalNeo4j(config.localNeo4jHome);
          const browser = local?.browserUrl;
          process.stdout.write(
            [
              "",
              "Next:",
              `  Cypher:   connect to ${store.target.uri}${browser ? ` or open Neo4j Browser at ${browser}` : ""}`,
              ...(local ? [`            (user ${local.user ?? "neo4j"}; the password is in ${path.join(local.home, "password")})`] : []),
              "  More articles: npx kg ingest <files|folders|globs>",
              "  Sample queries:",
              ...SAMPLE_QUERIES.map((q) => `    ${q}`),
              "",
            ].join("\n"),
          );
          if (summary.failures.length > 0) process.exitCode = 1;
        } finally {
          await store.close();
        }
        if (!opts.serve) return;
        const { ensureWebBuild } = await import("../server/web-build.ts");
        const { startExplorer } = await import("../server/start.ts");
        await ensureWebBuild(log);
        const connection = { ...store.target, password: store.target.password ?? "" };
        const serveOn = (port: number) => startExplorer(connection, { port, logRequests: false, allowedHosts: config.allowedHosts, pool: { poolSize: config.neo4jPoolSize } });
        const explorer = await serveOn(opts.port).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== "EADDRINUSE") throw err;
          log(`port ${opts.port} is taken; serving the explorer on a free port instead`);
          return serveOn(0);
        });
        process.stdout.write(`Graph explorer: ${explorer.url}  (Ctrl+C stops it; \`npx kg serve\` starts it again)\n`);
        const stop = async () => {
          await explorer.close();
          process.exit(process.exitCode ?? 0);
        };
        process.once("SIGINT", () => void stop());
        process.once("SIGTERM", () => void stop());
      }),
    );
}
