import { Command } from "commander";
import { renderTopics } from "../analysis/render.ts";
import { listTopics } from "../analysis/service.ts";
import { loadConfig } from "../config/index.ts";
import { openStore } from "../store/connection.ts";
import { Neo4jAnalystReader } from "../store/query/analyst-reader.ts";
import { action } from "./errors.ts";

export function topicsCommand(): Command {
  return new Command("topics")
    .description("List the proposal topics (taxonomy + config/topics.json) with how often the graph discusses each")
    .option("--json", "print JSON instead of a table")
    .action(
      action(async (opts: { json?: boolean }) => {
        const store = await openStore(loadConfig(), { startLocal: false });
        try {
          const topics = await listTopics(new Neo4jAnalystReader(store));
          process.stdout.write(`${opts.json ? JSON.stringify(topics, null, 2) : renderTopics(topics)}\n`);
        } finally {
          await store.close();
        }
      }),
    );
}
