import { Command } from "commander";
import { checkCommand } from "./check.ts";
import { compareCommand } from "./compare.ts";
import { dbCommand } from "./db.ts";
import { deleteArticleCommand } from "./delete-article.ts";
import { evalCommand } from "./eval.ts";
import { exportCommand } from "./export.ts";
import { extractCommand } from "./extract.ts";
import { ingestCommand } from "./ingest.ts";
import { layoutCommand } from "./layout.ts";
import { loadCommand } from "./load.ts";
import { nlpCommand } from "./nlp.ts";
import { queryCommand } from "./query.ts";
import { schemaCommand } from "./schema.ts";
import { serveCommand } from "./serve.ts";
import { statsCommand } from "./stats.ts";
import { timelineCommand } from "./timeline.ts";
import { topicsCommand } from "./topics.ts";
import { upCommand } from "./up.ts";

const program = new Command("kg")
  .description("Knowledge graphs from news: articles in, a Neo4j graph of actors, proposals and meetings out")
  .version("0.1.0")
  .showHelpAfterError("(run with --help for usage)");

program
  .addCommand(upCommand())
  .addCommand(ingestCommand())
  .addCommand(loadCommand())
  .addCommand(layoutCommand())
  .addCommand(statsCommand())
  .addCommand(deleteArticleCommand())
  .addCommand(checkCommand())
  .addCommand(serveCommand())
  .addCommand(queryCommand())
  .addCommand(compareCommand())
  .addCommand(topicsCommand())
  .addCommand(timelineCommand())
  .addCommand(exportCommand())
  .addCommand(extractCommand())
  .addCommand(evalCommand())
  .addCommand(dbCommand().addCommand(schemaCommand()))
  .addCommand(nlpCommand());

await program.parseAsync(process.argv);
