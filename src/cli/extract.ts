import { Command, Option } from "commander";
import { readArticleFile } from "../article/index.ts";
import type { Extraction } from "../extract/schema.ts";
import { UserError, action } from "./errors.ts";
import { table } from "./format.ts";

/** `kg extract <file>`: runs the extractor on a file and prints the extraction documents. */
export function extractCommand(): Command {
  return new Command("extract")
    .description("extract entities, relations and stances from an article file (no database needed)")
    .argument("<file>", "article file: .txt, .md, .json, .jsonl or .html ('-' for stdin)")
    .addOption(new Option("-f, --format <format>", "json (one article), jsonl (one document per line) or table").choices(["json", "jsonl", "table"]).default("json"))
    .option("--min-confidence <n>", "drop relations and stances below this confidence (0-1)", "0")
    .action(
      action(async (file: string, opts: { format: "json" | "jsonl" | "table"; minConfidence: string }) => {
        const min = Number(opts.minConfidence);
        if (!Number.isFinite(min) || min < 0 || min > 1) throw new UserError(`--min-confidence must be a number between 0 and 1, not "${opts.minConfidence}"`);
        const { articles, failures } = await readArticleFile(file);
        for (const f of failures) process.stderr.write(`kg: ${f.file}${f.line ? `:${f.line}` : ""}: ${f.reason} (${f.hint})\n`);
        if (!articles.length) {
          if (!failures.length) throw new UserError(`${file}: no article found (give a file holding at least one article)`);
          process.exitCode = 1;
          return;
        }
        if (opts.format === "json" && articles.length > 1) {
          throw new UserError(`${file} holds ${articles.length} articles: use --format jsonl (one document per line) or --format table`);
        }
        const { extract } = await import("../extract/index.ts"); // loads the NLP model: only when extracting
        const docs = articles.map((a) => extract(a.article, { minConfidence: min }));
        if (opts.format === "json") process.stdout.write(JSON.stringify(docs[0], null, 2) + "\n");
        else if (opts.format === "jsonl") for (const d of docs) process.stdout.write(JSON.stringify(d) + "\n");
        else process.stdout.write(docs.map(renderTable).join("\n\n") + "\n");
        if (failures.length) process.exitCode = 1;
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
