import { Command } from "commander";
import { loadConfig } from "../config/index.ts";
import { graphStats, type GraphStats } from "../store/stats.ts";
import { openStore } from "../store/connection.ts";
import { action } from "./errors.ts";
import { table } from "./format.ts";

export function formatStats(stats: GraphStats): string {
  const labels = Object.entries(stats.labels).sort((a, b) => b[1] - a[1]);
  const rels = Object.entries(stats.relationships).sort((a, b) => b[1] - a[1]);
  return [
    table(["node label", "count"], labels.length ? labels : [["(none)", 0]]),
    "",
    table(["relationship type", "count"], rels.length ? rels : [["(none)", 0]]),
  ].join("\n");
}

export function statsCommand(): Command {
  return new Command("stats")
    .description("Count nodes by label and relationships by type")
    .option("--json", "print JSON instead of tables")
    .action(
      action(async (opts: { json?: boolean }) => {
        const store = await openStore(loadConfig(), { startLocal: false });
        try {
          const stats = await graphStats(store);
          process.stdout.write(opts.json ? `${JSON.stringify(stats, null, 2)}\n` : `${formatStats(stats)}\n`);
        } finally {
          await store.close();
        }
      }),
    );
}
