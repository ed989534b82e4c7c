import { Command, InvalidArgumentError, Option } from "commander";
import { parseParams } from "../analysis/params.ts";
import { renderQueryTable, textTable, toCsv } from "../analysis/render.ts";
import { findSavedQuery, listSavedQueries, savedQueryParams } from "../analysis/saved-queries.ts";
import { loadConfig } from "../config/index.ts";
import { openStore } from "../store/connection.ts";
import { DEFAULT_ROW_LIMIT, DEFAULT_TIMEOUT_MS, runReadOnlyQuery, runWriteQuery, type QueryRunResult } from "../store/query/runner.ts";
import { action, UserError } from "./errors.ts";

export type OutputFormat = "table" | "json" | "csv";

interface QueryOptions {
  param: string[];
  format: OutputFormat;
  limit: number;
  timeout: number;
  write?: boolean;
  saved?: string | boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number, got "${value}".`);
  return n;
}

export function formatQueryResult(result: QueryRunResult, format: OutputFormat): string {
  if (format === "json") return JSON.stringify(result, null, 2);
  if (format === "csv") return toCsv(result.columns, result.rows).trimEnd();
  return renderQueryTable(result);
}

export function renderSavedList(): string {
  const saved = listSavedQueries();
  if (saved.length === 0) return "No saved queries in cypher/queries/.";
  const rows = saved.map((q) => [q.name, q.title, q.params.map((p) => `${p.name} (${p.type})`).join(", ") || "–"]);
  const details = saved.map(
    (q) =>
      `${q.name}: ${q.description}${q.params.map((p) => `\n    --param ${p.name}=${JSON.stringify(p.example ?? "")}   ${p.meaning}`).join("")}`,
  );
  return `${textTable(["name", "title", "parameters"], rows)}\n\n${details.join("\n")}\n\nRun one with: kg query --saved <name> [--param name=value]`;
}

export function queryCommand(): Command {
  return new Command("query")
    .description("Run a Cypher query on the graph, read-only (writes, schema and admin commands are refused before they run)")
    .argument("[cypher]", "the Cypher query, e.g. \"MATCH (c:Country) RETURN c.name LIMIT 5\"")
    .option("-p, --param <name=value>", "a query parameter, repeatable; the value is read as JSON when valid, else as text", collect, [])
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
    .option("--limit <n>", "most rows returned (the output says when the result was cut)", positiveNumber, DEFAULT_ROW_LIMIT)
    .option("--timeout <seconds>", "transaction timeout in seconds", positiveNumber, DEFAULT_TIMEOUT_MS / 1000)
    .option("--write", "allow writes: runs the query in a write transaction without the read-only check (CLI only, use with care)")
    .option("--saved [name]", "without a name: list the saved queries (cypher/queries/); with a name: run that query")
    .addHelpText(
      "after",
      "\nExamples:\n  kg query \"MATCH (a:Country)-[r:REJECTED]->(p:Proposal) RETURN a.name, p.name, r.evidence\"\n  kg query --saved\n  kg query --saved compare-positions --param topic=ceasefire --format json\n",
    )
    .action(
      action(async (cypherText: string | undefined, opts: QueryOptions) => {
        if (opts.saved === true && !cypherText) {
          process.stdout.write(`${renderSavedList()}\n`);
          return;
        }
        let params = parseParams(opts.param);
        let statement = cypherText;
        if (typeof opts.saved === "string" || (opts.saved === true && cypherText)) {
          const saved = findSavedQuery(typeof opts.saved === "string" ? opts.saved : cypherText!);
          statement = saved.cypher;
          params = savedQueryParams(saved, params);
        }
        if (!statement?.trim()) throw new UserError("Give a Cypher query (kg query \"MATCH (n) RETURN n LIMIT 5\") or --saved to list saved queries.");
        const store = await openStore(loadConfig(), { startLocal: false });
        try {
          const run = opts.write ? runWriteQuery : runReadOnlyQuery;
          const result = await run(store, statement, params, { limit: Math.floor(opts.limit), timeoutMs: Math.round(opts.timeout * 1000) });
          process.stdout.write(`${formatQueryResult(result, opts.format)}\n`);
          if (result.truncated && opts.format === "csv") {
            process.stderr.write(`kg: result cut at ${result.limit} rows; raise --limit to get more\n`);
          }
        } finally {
          await store.close();
        }
      }),
    );
}
