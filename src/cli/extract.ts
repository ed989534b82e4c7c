import { Command, Option } from "commander";
import { readArticles } from "../article/index.ts";
import { loadConfig, traceExtractionEnabled } from "../config/index.ts";
import type { Extraction } from "../extract/schema.ts";
import { UserError, action } from "./errors.ts";
import { table } from "./format.ts";

/**
 * `kg extract <paths...>`: parses and extracts articles (files, folders, globs, or - for stdin) in one process and
 * prints their extraction documents, for pipelines that extract on many machines and load later (`--format jsonl`).
 */
export function extractCommand(): Command {
  return new Command("extract")
    .description("extract entities, relations and stances from articles (no database needed; uses the parser)")
    .argument("<paths...>", "files (.txt .md .json .jsonl .html), folders (recursive), globs, or - for stdin")
    .addOption(
      new Option("-f, --format <format>", "json (one article), jsonl (one document per line, with the article's text and content hash: the input of `kg load`) or table")
        .choices(["json", "jsonl", "table"])
        .default("json"),
    )
    .option("--min-confidence <n>", "drop relations and stances below this confidence (0-1)", "0")
    .action(
      action(async (paths: string[], opts: { format: "json" | "jsonl" | "table"; minConfidence: string }) => {
        const min = Number(opts.minConfidence);
        if (!Number.isFinite(min) || min < 0 || min > 1) throw new UserError(`--min-confidence must be a number between 0 and 1, not "${opts.minConfidence}"`);
        const { articles, failures } = await readArticles(paths);
        for (const f of failures) process.stderr.write(`kg: ${f.file}${f.line ? `:${f.line}` : ""}: ${f.reason} (${f.hint})\n`);
        if (!articles.length) {
          if (!failures.length) throw new UserError(`${paths.join(" ")}: no article found (give files holding at least one article)`);
          process.exitCode = 1;
          return;
        }
        if (opts.format === "json" && articles.length > 1) {
          throw new UserError(`${paths.join(" ")} holds ${articles.length} articles: use --format jsonl (one document per line) or --format table`);
        }
        const { createParser } = await import("../parse/index.ts");
        const { extractArticles } = await import("../pipeline/extract.ts");
        const { documentOf } = await import("../pipeline/document.ts");
        const parser = createParser(loadConfig().parser, { log: (line) => process.stderr.write(`${line}\n`) });
        let failed = failures.length > 0;
        try {
          // Documents are written as each article is done, in input order.
          const done = new Map<number, string>();
          let next = 0;
          const flush = () => {
            while (done.has(next)) {
              const text = done.get(next)!;
              done.delete(next);
              if (text) process.stdout.write(text);
              next++;
            }
          };
          await extractArticles(
            parser,
            articles.map((a) => a.article),
            {
              minConfidence: min,
              trace: traceExtractionEnabled() ? (line) => process.stderr.write(`${line}\n`) : undefined,
              onEach: (outcome, index) => {
                if (!outcome.ok) {
                  failed = true;
                  process.stderr.write(`kg: ${articles[index]!.file ?? outcome.article.id}: ${outcome.error}\n`);
                  done.set(index, "");
                } else if (opts.format === "json") done.set(index, JSON.stringify(outcome.extraction, null, 2) + "\n");
                // jsonl documents also carry the article's text and content hash, for `kg load` (README "Past one machine").
                else if (opts.format === "jsonl") done.set(index, JSON.stringify(documentOf(outcome.article, outcome.extraction)) + "\n");
                else done.set(index, renderTable(outcome.extraction) + "\n\n");
                flush();
              },
            },
          );
        } finally {
          await parser.close();
        }
        if (failed) process.exitCode = 1;
      }),
    );
}

/** A readable view for people: entities, relations with evidence, stances. */
export function renderTable(doc: Extraction): string {
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  const parts = [`${doc.article.title} (${doc.article.id}${doc.article.publishedAt ? ", " + doc.article.publishedAt : ""})`, ""];
  parts.push(
    table(
      ["type", "name", "mentions", "details"],
      doc.entities.map((e) => [
        e.type,
        e.name,
        e.mentions ?? 0,
        Object.entries(e.attributes)
          .filter(([k]) => !["iso2", "iso3"].includes(k))
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(" "),
      ]),
    ),
  );
  parts.push("");
  parts.push(
    table(
      ["subject", "relation", "object", "conf", "code", "evidence"],
      doc.relations.map((r) => [
        names.get(r.subject) ?? r.subject,
        r.type,
        names.get(r.object) ?? r.object,
        (r.confidence ?? 1).toFixed(2),
        [r.cameo, r.plover].filter(Boolean).join("/"),
        r.evidence.length > 70 ? r.evidence.slice(0, 67) + "..." : r.evidence,
      ]),
    ),
  );
  if (doc.stances.length) {
    parts.push("");
    parts.push(
      table(
        ["actor", "topic", "stance", "evidence"],
        doc.stances.map((s) => [names.get(s.actor) ?? s.actor, s.topic, s.stance, s.evidence.length > 70 ? s.evidence.slice(0, 67) + "..." : s.evidence]),
      ),
    );
  }
  return parts.join("\n");
}
