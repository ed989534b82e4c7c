import path from "node:path";
import { Command } from "commander";
import { loadConfig, REPO_ROOT } from "../config/index.ts";
import { ingestPaths } from "../pipeline/ingest.ts";
import { openStore } from "../store/connection.ts";
import { installJars, statusLocalNeo4j } from "../store/local/index.ts";
import { applySchema } from "../store/schema.ts";
import { graphStats } from "../store/stats.ts";
import { action } from "./errors.ts";
import { printSummary } from "./ingest.ts";
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
    .description("The main job (npm start): start the local Neo4j if needed, apply the schema, ingest seeds/, show the graph")
    .option("--seeds <dir>", "folder of articles to ingest", path.join(REPO_ROOT, "seeds"))
    .action(
      action(async (opts: { seeds: string }) => {
        const config = loadConfig();
        const log = (line: string) => process.stderr.write(`${line}\n`);
        if (!config.neo4jUri) await installJars({ log });
        const store = await openStore(config, { startLocal: true, log });
        try {
          await applySchema(store);
          log(`Neo4j: ${store.target.uri} (database ${store.database}); schema applied`);
          const summary = await ingestPaths(store, [opts.seeds], { maxBytes: config.maxFileBytes, batchSize: config.batchSize });
          printSummary(summary);
          process.stdout.write(`\n${formatStats(await graphStats(store))}\n`);
          const browser = config.neo4jUri ? undefined : (await statusLocalNeo4j(config.localNeo4jHome)).browserUrl;
          process.stdout.write(
            [
              "",
              "Next:",
              `  Cypher:   connect to ${store.target.uri}${browser ? ` or open Neo4j Browser at ${browser}` : ""}`,
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
      }),
    );
}
