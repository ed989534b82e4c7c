import { Command, Option } from "commander";
import { renderCompareMarkdown, renderCompareTable } from "../analysis/render.ts";
import { compareActors } from "../analysis/service.ts";
import { loadConfig } from "../config/index.ts";
import { openStore } from "../store/connection.ts";
import { Neo4jAnalystReader } from "../store/query/analyst-reader.ts";
import { action } from "./errors.ts";

export function compareCommand(): Command {
  return new Command("compare")
    .description("Compare where actors stand on a topic, side by side, with the quotes behind each position")
    .requiredOption("-t, --topic <topic>", "topic id or name (see `kg topics`), e.g. peacekeeping")
    .argument("<actors...>", "people, organizations, countries or groups (Europe, NATO, EU, or config/groups.json), by name, alias or id")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json", "markdown"]).default("table"))
    .addHelpText("after", '\nExample:\n  kg compare --topic peacekeeping Turkey Europe Russia "United States"\n')
    .action(
      action(async (actors: string[], opts: { topic: string; format: "table" | "json" | "markdown" }) => {
        const store = await openStore(loadConfig(), { startLocal: false });
        try {
          const result = await compareActors(new Neo4jAnalystReader(store), { topic: opts.topic, actors });
          const text =
            opts.format === "json"
              ? JSON.stringify(result, null, 2)
              : opts.format === "markdown"
                ? renderCompareMarkdown(result)
                : renderCompareTable(result);
          process.stdout.write(`${text}\n`);
        } finally {
          await store.close();
        }
      }),
    );
}
