import { Command } from "commander";
import { readArticles } from "../article/index.ts";
import { loadConfig, traceExtractionEnabled } from "../config/index.ts";
import { UserError, action } from "./errors.ts";

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * `kg eval --gold <dir-or-files> <articles...>`: precision, recall and F1 of the extractor against gold documents,
 * summed and per article; `--errors` lists every missed and spurious relation and stance with its sentence.
 */
export function evalCommand(): Command {
  return new Command("eval")
    .description("score the extractor against gold annotations (FORMAT.md rules; same figures as score.py)")
    .requiredOption("-g, --gold <path>", "gold .json file or folder of them (repeat for several; article id = gold id)", collect, [] as string[])
    .argument("<articles...>", "article files or folders; matched to gold by article id")
    .option("--json", "print the figures as one JSON object")
    .option("--errors", "list every missed and spurious relation and stance with its sentence")
    .action(
      action(async (articlePaths: string[], opts: { gold: string[]; json?: boolean; errors?: boolean }) => {
        const { evaluate, formatFigures, formatPerArticle, listErrors, readGold } = await import("../eval/index.ts");
        const gold = await readGold(opts.gold);
        if (!gold.length) throw new UserError(`no gold .json files in ${opts.gold.join(", ")}`);
        const { articles, failures } = await readArticles(articlePaths);
        for (const f of failures) process.stderr.write(`kg: ${f.file}${f.line ? `:${f.line}` : ""}: ${f.reason} (${f.hint})\n`);
        const goldIds = new Set(gold.map((g) => g.doc.article.id));
        const wanted = articles.map((a) => a.article).filter((a) => goldIds.has(a.id));
        const { createParser } = await import("../parse/index.ts");
        const { extractArticles } = await import("../pipeline/extract.ts");
        const parser = createParser(loadConfig().parser, { log: (line) => process.stderr.write(`${line}\n`) });
        let outcomes;
        try {
          outcomes = await extractArticles(parser, wanted, { trace: traceExtractionEnabled() ? (line) => process.stderr.write(`${line}\n`) : undefined });
        } finally {
          await parser.close();
        }
        for (const o of outcomes) if (!o.ok) process.stderr.write(`kg: ${o.article.id}: ${o.error}\n`);
        const extractions = outcomes.flatMap((o) => (o.ok ? [o.extraction] : []));
        const result = evaluate(gold, extractions);
        for (const id of result.goldWithoutArticle) process.stderr.write(`kg: gold for "${id}" has no article among the inputs (article ids must equal gold ids)\n`);
        if (!result.matched.length) throw new UserError("no article matched a gold document by id: nothing to score");
        if (opts.json) {
          process.stdout.write(JSON.stringify(opts.errors ? { ...result.figures, perArticle: result.perArticle } : result.figures, null, 1) + "\n");
          return;
        }
        process.stdout.write(`${result.matched.length} article(s) scored\n${formatFigures(result.figures)}\n\n${formatPerArticle(result.perArticle)}\n`);
        if (opts.errors) {
          const byId = new Map(extractions.map((x) => [x.article.id, x]));
          for (const g of gold) {
            const x = byId.get(g.doc.article.id);
            if (!x) continue;
            const e = listErrors(g.doc, x);
            if (!e.missed.length && !e.spurious.length) continue;
            process.stdout.write(`\n## ${e.articleId}\n`);
            for (const m of e.missed) process.stdout.write(`  missed   ${m}\n`);
            for (const m of e.spurious) process.stdout.write(`  spurious ${m}\n`);
          }
        }
      }),
    );
}
