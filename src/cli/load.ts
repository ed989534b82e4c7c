import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { loadConfig } from "../config/index.ts";
import { openStore } from "../store/connection.ts";
import { applySchema } from "../store/schema.ts";
import { action } from "./errors.ts";
import { positiveInt, printSummary, progressReporter, reportOf } from "./ingest.ts";

/**
 * `kg load <jsonl...>`: stores documents extracted elsewhere (`kg extract --format jsonl`, on any number of
 * machines) with the guarantees of `kg ingest`, without parsing anything.
 */
export function loadCommand(): Command {
  return new Command("load")
    .description("Store pre-extracted documents (the JSONL of `kg extract --format jsonl`) in Neo4j, as `kg ingest` stores what it extracts")
    .argument("<paths...>", ".jsonl/.ndjson files, folders (recursive), globs, or - for stdin")
    .option("--report <file>", "write a JSON report: each article stored (and how), the failures, and what a stopped run left out")
    .addOption(new Option("--max-bytes <n>", "longest line (one document) accepted, in bytes (KG_MAX_FILE_BYTES); files may be of any size").argParser(positiveInt))
    .addOption(new Option("--batch-size <n>", "articles per write transaction (KG_BATCH_SIZE, default 500)").argParser(positiveInt))
    .option("--no-layout", "do not update the explorer layout stored on the nodes (run `kg layout` later)")
    .action(
      action(async (paths: string[], opts: { report?: string; maxBytes?: number; batchSize?: number; layout: boolean }) => {
        const config = loadConfig();
        const { loadPaths } = await import("../pipeline/load.ts");
        const store = await openStore(config, { startLocal: true });
        const progress = progressReporter("loading");
        try {
          await applySchema(store); // idempotent; the writes rely on the uniqueness constraints
          const summary = await loadPaths(store, paths, {
            maxLineBytes: opts.maxBytes ?? config.maxFileBytes,
            batchSize: opts.batchSize ?? config.loadBatchSize,
            stdin: process.stdin,
            onFiles: progress.onFiles,
            onFileDone: progress.onFileDone,
            layout: opts.layout,
          });
          progress.stop();
          printSummary(summary, process.stdout, "JSONL");
          if (opts.report) writeFileSync(opts.report, `${JSON.stringify(reportOf(summary, (id) => summary.files.get(id), "JSONL"), null, 2)}\n`);
          if (summary.failures.length > 0 || summary.aborted) process.exitCode = 1;
        } finally {
          progress.stop();
          await store.close();
        }
      }),
    );
}
