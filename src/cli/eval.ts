import { Command } from "commander";
import { readArticles } from "../article/index.ts";
import { UserError, action } from "./errors.ts";

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `kg eval --gold <dir-or-files> <articles...>`: precision, recall and F1 of the extractor against gold documents. */
export function evalCommand(): Command {
  return new Command("eval")
    .description("score the extractor against gold annotations (FORMAT.md rules; same figures as score.py)")
    .requiredOption("-g, --gold <path>", "gold .json file or folder of them (repeat for several; article id = gold id)", collect, [] as string[])
    .argument("<articles...>", "article files or folders; matched to gold by article id")
    .option("--json", "print the figures as one JSON object")
    .action(
      action(async (articlePaths: string[], opts: { gold: string[]; json?: boolean }) => {
        const { evaluate, formatFigures, readGold } = await import("../eval/index.ts"); // loads the extractor
        const gold = await readGold(opts.gold);
        if (!gold.length) throw new UserError(`no gold .json files in ${opts.gold.join(", ")}`);
        const { articles, failures } = await readArticles(articlePaths);
        for (const f of failures) process.stderr.write(`kg: ${f.file}${f.line ? `:${f.line}` : ""}: ${f.reason} (${f.hint})\n`);
        const result = evaluate(gold, articles.map((a) => a.article));
        for (const id of result.goldWithoutArticle) process.stderr.write(`kg: gold for "${id}" has no article among the inputs (article ids must equal gold ids)\n`);
        if (!result.matched.length) throw new UserError("no article matched a gold document by id: nothing to score");
        if (opts.json) process.stdout.write(JSON.stringify(result.figures, null, 1) + "\n");
        else process.stdout.write(`${result.matched.length} article(s) scored\n` + formatFigures(result.figures) + "\n");
      }),
    );
}
