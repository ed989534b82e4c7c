import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { buildGraph, graphCsv, graphFromRows, serializeGraph, type ExportFormat } from "../analysis/export.ts";
import { parseParams } from "../analysis/params.ts";
import { toCsv } from "../analysis/render.ts";
import { listSavedQueries, savedQueryParams } from "../analysis/saved-queries.ts";
import { loadConfig } from "../config/index.ts";
import { openStore } from "../store/connection.ts";
import { Neo4jAnalystReader } from "../store/query/analyst-reader.ts";
import { runReadOnlyQuery } from "../store/query/runner.ts";
import { action, UserError } from "./errors.ts";
import { positiveNumber } from "./query.ts";

interface ExportOptions {
  format: ExportFormat;
  query?: string;
  param: string[];
  out?: string;
  limit: number;
  timeout: number;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function exportCommand(): Command {
  return new Command("export")
    .description("Export the whole graph, or the result of a read-only query, as GEXF, GraphML, JSON (graphology) or CSV")
    .addOption(new Option("-f, --format <format>", "output format").choices(["gexf", "graphml", "json", "csv"]).makeOptionMandatory())
    .option("-q, --query <cypher-or-saved-name>", "export this query's result instead of the whole graph (Cypher, or a saved query's name)")
    .option("-p, --param <name=value>", "a query parameter, repeatable (JSON when valid, else text)", collect, [])
    .option("-o, --out <file>", "write to this file instead of stdout (CSV of the whole graph: <file>.nodes.csv and <file>.edges.csv)")
    .option("--limit <n>", "most rows read from a query", positiveNumber, 100_000)
    .option("--timeout <seconds>", "query timeout in seconds", positiveNumber, 60)
    .addHelpText(
      "after",
      "\nExamples:\n  kg export --format gexf --out graph.gexf\n  kg export --format graphml --query shortest-path --param from=Turkey --param to=Russia\n  kg export --format csv --query \"MATCH (c:Country) RETURN c.name, c.region\"\n",
    )
    .action(
      action(async (opts: ExportOptions) => {
        const store = await openStore(loadConfig(), { startLocal: false });
        try {
          let nodes;
          let relationships;
          if (opts.query) {
            const saved = listSavedQueries().find((q) => q.name === opts.query!.replace(/\.cypher$/, ""));
            const params = saved ? savedQueryParams(saved, parseParams(opts.param)) : parseParams(opts.param);
            const result = await runReadOnlyQuery(store, saved?.cypher ?? opts.query, params, {
              limit: Math.floor(opts.limit),
              timeoutMs: Math.round(opts.timeout * 1000),
            });
            if (result.truncated) process.stderr.write(`kg: query result cut at ${result.limit} rows (raise --limit)\n`);
            ({ nodes, relationships } = graphFromRows(result.rows));
            if (opts.format === "csv" || (opts.format === "json" && nodes.length === 0)) {
              emit(opts.out, opts.format === "csv" ? toCsv(result.columns, result.rows) : `${JSON.stringify(result.rows, null, 2)}\n`);
              return;
            }
            if (nodes.length === 0) {
              throw new UserError(`The query returned no nodes, so there is no graph to write as ${opts.format}. Return nodes/relationships/paths, or use --format csv or json.`);
            }
          } else {
            ({ nodes, relationships } = await new Neo4jAnalystReader(store, Math.round(opts.timeout * 1000)).graphDump());
          }
          const { graph, skippedEdges } = buildGraph(nodes, relationships);
          if (skippedEdges > 0) process.stderr.write(`kg: ${skippedEdges} relationship(s) left out: an end node was not in the result\n`);
          if (opts.format === "csv" && opts.out) {
            const base = opts.out.replace(/\.csv$/i, "");
            const { nodes: nodeCsv, edges: edgeCsv } = graphCsv(graph);
            writeFileSync(`${base}.nodes.csv`, nodeCsv);
            writeFileSync(`${base}.edges.csv`, edgeCsv);
            process.stderr.write(`wrote ${graph.order} nodes to ${base}.nodes.csv and ${graph.size} relationships to ${base}.edges.csv\n`);
            return;
          }
          emit(opts.out, serializeGraph(graph, opts.format));
          if (opts.out) process.stderr.write(`wrote ${graph.order} nodes and ${graph.size} relationships to ${opts.out}\n`);
        } finally {
          await store.close();
        }
      }),
    );
}

function emit(out: string | undefined, text: string): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
