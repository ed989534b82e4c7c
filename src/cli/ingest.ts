import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import cliProgress from "cli-progress";
import { loadConfig } from "../config/index.ts";
import type { IngestSummary } from "../pipeline/ingest.ts";
import { openStore } from "../store/connection.ts";
import { applySchema } from "../store/schema.ts";
import { action } from "./errors.ts";

export function printSummary(summary: IngestSummary, out: NodeJS.WritableStream = process.stdout): void {
  for (const f of summary.failures) {
    process.stderr.write(`failed: ${f.file}${f.line ? `:${f.line}` : ""}: ${f.reason}\n        ${f.hint}\n`);
  }
  out.write(
    `${summary.ingested} ingested, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failures.length} failed\n`,
  );
  if (summary.layout) {
    const l = summary.layout;
    out.write(`layout: ${l.nodes} nodes (${l.placed} newly placed), ${l.iterations} iterations, ${l.seconds.toFixed(1)} s\n`);
  }
  if (summary.layoutError) {
    process.stderr.write(`warning: the explorer layout was not updated: ${summary.layoutError}\n        The articles are stored; run \`kg layout\` to retry.\n`);
  }
}

/** A progress bar on a terminal; plain lines otherwise (logs, CI, pipes). */
function progressReporter() {
  if (!process.stderr.isTTY) {
    return { onFiles: (n: number) => process.stderr.write(`reading ${n} file(s)\n`), onFileDone: (_: string) => {}, stop: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "ingesting [{bar}] {value}/{total} files | {file}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    onFiles: (n: number) => bar.start(n, 0, { file: "" }),
    onFileDone: (file: string) => bar.increment(1, { file: file.length > 40 ? `…${file.slice(-39)}` : file }),
    stop: () => bar.stop(),
  };
}

export function ingestCommand(): Command {
  return new Command("ingest")
    .description("Read articles (files, folders, globs, or - for stdin), extract their facts and store them in Neo4j")
    .argument("<paths...>", "files (.txt .md .json .jsonl .html), folders (recursive), globs, or - for stdin")
    .option("--report <file>", "write the failures as JSON to this file")
    .addOption(new Option("--max-bytes <n>", "largest file accepted, in bytes (KG_MAX_FILE_BYTES)").argParser(positiveInt))
    .addOption(new Option("--batch-size <n>", "articles per write transaction (KG_BATCH_SIZE)").argParser(positiveInt))
    .option("--no-layout", "do not update the explorer layout stored on the nodes (run `kg layout` later)")
    .action(
      action(async (paths: string[], opts: { report?: string; maxBytes?: number; batchSize?: number; layout: boolean }) => {
        const config = loadConfig();
        const { ingestPaths } = await import("../pipeline/ingest.ts"); // the pipeline is heavy: only when ingesting
        const { createParser } = await import("../parse/index.ts");
        const parser = createParser(config.parser, { log: (line) => process.stderr.write(`${line}\n`) });
        const store = await openStore(config, { startLocal: true });
        const progress = progressReporter();
        try {
          await applySchema(store); // idempotent; MERGE relies on the uniqueness constraints
          const summary = await ingestPaths(store, parser, paths, {
            maxBytes: opts.maxBytes ?? config.maxFileBytes,
            batchSize: opts.batchSize ?? config.batchSize,
            stdin: process.stdin,
            onFiles: progress.onFiles,
            onFileDone: progress.onFileDone,
            layout: opts.layout,
          });
          progress.stop();
          printSummary(summary);
          if (opts.report) writeFileSync(opts.report, `${JSON.stringify({ failures: summary.failures }, null, 2)}\n`);
          if (summary.failures.length > 0) process.exitCode = 1;
        } finally {
          progress.stop();
          await store.close();
          await parser.close();
        }
      }),
    );
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive whole number, got "${value}"`);
  return n;
}
