import { Command } from "commander";
import { loadConfig } from "../config/index.ts";
import { openStore } from "../store/connection.ts";
import { applySchema } from "../store/schema.ts";
import { action } from "./errors.ts";

export function schemaCommand(): Command {
  return new Command("schema")
    .description("Apply cypher/schema.cypher (constraints, indexes, full-text index); safe to run again")
    .action(
      action(async () => {
        const store = await openStore(loadConfig(), { startLocal: false });
        try {
          const n = await applySchema(store);
          process.stdout.write(`schema applied (${n} statements) on ${store.target.uri}\n`);
        } finally {
          await store.close();
        }
      }),
    );
}
