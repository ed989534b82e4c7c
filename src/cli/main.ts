import { Command } from "commander";
import { dbCommand } from "./db.ts";
import { deleteArticleCommand } from "./delete-article.ts";
import { evalCommand } from "./eval.ts";
import { extractCommand } from "./extract.ts";
import { ingestCommand } from "./ingest.ts";
import { schemaCommand } from "./schema.ts";
import { statsCommand } from "./stats.ts";
import { upCommand } from "./up.ts";

const program = new Command("kg")
  .description("Knowledge graphs from news: articles in, a Neo4j graph of actors, proposals and meetings out")
  .version("0.1.0")
  .showHelpAfterError("(run with --help for usage)");

program
  .addCommand(upCommand())
  .addCommand(ingestCommand())
  .addCommand(statsCommand())
  .addCommand(deleteArticleCommand())
  .addCommand(extractCommand())
  .addCommand(evalCommand())
  .addCommand(dbCommand().addCommand(schemaCommand()));

await program.parseAsync(process.argv);
