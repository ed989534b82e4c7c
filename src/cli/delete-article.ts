import { Command } from "commander";
import { loadConfig } from "../config/index.ts";
import { deleteArticles } from "../store/write.ts";
import { openStore } from "../store/connection.ts";
import { action, UserError } from "./errors.ts";

export function deleteArticleCommand(): Command {
  return new Command("delete-article")
    .description("Remove articles and the facts only they supported (entities no other article mentions go too)")
    .argument("<ids...>", "article ids (see `kg stats` / the Article nodes)")
    .action(
      action(async (ids: string[]) => {
        const store = await openStore(loadConfig(), { startLocal: false });
        try {
          const deleted = await deleteArticles(store, ids);
          if (deleted < ids.length) {
            throw new UserError(`${deleted} of ${ids.length} article(s) deleted; the others were not found. Check the ids.`);
          }
          process.stdout.write(`${deleted} article(s) deleted\n`);
        } finally {
          await store.close();
        }
      }),
    );
}
