import { Command, Option } from "commander";
import { renderTimeline } from "../analysis/render.ts";
import { buildTimeline } from "../analysis/service.ts";
import { loadConfig } from "../config/index.ts";
import { openStore } from "../store/connection.ts";
import { Neo4jAnalystReader } from "../store/query/analyst-reader.ts";
import { action, UserError } from "./errors.ts";
import { positiveInt } from "./ingest.ts";

/** "All": more than any graph holds, and a whole number Neo4j takes as a LIMIT. */
const ALL_EVENTS = 1_000_000_000;

export function timelineCommand(): Command {
  return new Command("timeline")
    .description("An actor's or a topic's events in date order, each with its quote and source")
    .option("-a, --actor <actor>", "a person, organization, country or group, by name, alias or id")
    .option("-t, --topic <topic>", "a topic id or name (see `kg topics`)")
    .addOption(new Option("--limit <n>", "the newest N events (default: all of them)").argParser(positiveInt))
    .option("--json", "print JSON instead of text")
    .addHelpText("after", "\nExamples:\n  kg timeline --actor Turkey\n  kg timeline --topic ceasefire --json\n")
    .action(
      action(async (opts: { actor?: string; topic?: string; limit?: number; json?: boolean }) => {
        if (Boolean(opts.actor) === Boolean(opts.topic)) throw new UserError("Give either --actor or --topic (one of them).");
        const store = await openStore(loadConfig(), { startLocal: false });
        try {
          // The command line shows every event unless asked for fewer (the API pages).
          const limit = opts.limit ?? ALL_EVENTS;
          const timeline = await buildTimeline(new Neo4jAnalystReader(store), { actor: opts.actor, topic: opts.topic, limit });
          process.stdout.write(`${opts.json ? JSON.stringify(timeline, null, 2) : renderTimeline(timeline)}\n`);
        } finally {
          await store.close();
        }
      }),
    );
}
