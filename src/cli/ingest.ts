import { writeFileSync } from "node:fs";
import { Command, InvalidArgumentError, Option } from "commander";
import cliProgress from "cli-progress";
import { loadConfig } from "../config/index.ts";
import type { IngestSummary } from "../pipeline/ingest.ts";
import { openStore } from "../store/connection.ts";
import { applySchema } from "../store/schema.ts";
import { action } from "./errors.ts";

/** Distinct files among failures (a JSONL file with three bad lines is one file). */
function failedFiles(summary: IngestSummary): number {
  return new Set(summary.failures.map((f) => f.file.replace(/:\d+$/, ""))).size;
}

/**
 * `N ingested, N updated, N unchanged, N failed in M files`: failed counts inputs that gave no stored article
 * (a whole file, or one line or article inside a file), and says across how many files. When Neo4j went away
 * mid-run, a second part says how many articles and files were left out.
 */
export function summaryLine(summary: IngestSummary, kind = "article"): string {
  const failed = summary.failures.length;
  const files = failedFiles(summary);
  let line = `${summary.ingested} ingested, ${summary.updated} updated, ${summary.unchanged} unchanged, ${failed} failed`;
  if (failed > 0) line += ` in ${files} file${files === 1 ? "" : "s"}`;
  if (summary.skipped.length > 0) line += `, ${summary.skipped.length} skipped (not ${kind} files)`;
  if (summary.aborted) {
    line += `; stopped early: ${summary.notStored.length} article(s) not stored, ${summary.unprocessed.length} file(s) not read`;
  }
  return line;
}

export function printSummary(summary: IngestSummary, out: NodeJS.WritableStream = process.stdout, kind = "article"): void {
  for (const f of summary.skipped) process.stderr.write(`skipped: ${f.file}: ${f.reason.replace(/^skipped: /, "")}\n        ${f.hint}\n`);
  for (const f of summary.failures) {
    process.stderr.write(`failed: ${f.file}${f.line ? `:${f.line}` : ""}: ${f.reason}\n        ${f.hint}\n`);
  }
  out.write(`${summaryLine(summary, kind)}\n`);
  if (summary.layout) {
    const l = summary.layout;
    out.write(`layout: ${l.nodes} nodes (${l.placed} newly placed), ${l.iterations} iterations, ${l.seconds.toFixed(1)} s\n`);
  }
  if (summary.aborted) {
    const stored = summary.ingested + summary.updated + summary.unchanged;
    process.stderr.write(
      `kg: ${summary.aborted}\n    ${stored} article(s) are stored; ${summary.notStored.length} read but not confirmed stored; ` +
        `${summary.unprocessed.length} file(s) not read (--report lists them). Once Neo4j is back, run the same command again: ` +
        "stored articles are skipped as unchanged.\n",
    );
  } else if (summary.layoutError) {
    process.stderr.write(`warning: the explorer layout was not updated: ${summary.layoutError}\n        The articles are stored; run \`kg layout\` to retry.\n`);
  }
}

/** The --report file: every article's outcome, the failures, and what a stopped run left out. */
export function reportOf(summary: IngestSummary, fileOf: (articleId: string) => string | undefined, kind = "article") {
  return {
    summary: summaryLine(summary, kind),
    complete: !summary.aborted,
    ...(summary.aborted ? { aborted: summary.aborted } : {}),
    stored: summary.outcomes.filter((o) => o.status !== "failed").map((o) => ({ articleId: o.articleId, file: fileOf(o.articleId), status: o.status })),
    notStored: summary.notStored,
    unprocessed: summary.unprocessed,
    failures: summary.failures,
    skipped: summary.skipped,
  };
}

/** A progress bar on a terminal; plain lines otherwise (logs, CI, pipes). */
export function progressReporter(verb = "ingesting") {
  if (!process.stderr.isTTY) {
    return { onFiles: (n: number) => process.stderr.write(`reading ${n} file(s)\n`), onFileDone: (_: string) => {}, stop: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${verb} [{bar}] {value}/{total} files | {file}`, hideCursor: true, clearOnComplete: true },
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
    .option("--report <file>", "write a JSON report: each article stored (and how), the failures, and what a stopped run left out")
    .addOption(new Option("--max-bytes <n>", "largest file accepted, in bytes (KG_MAX_FILE_BYTES)").argParser(positiveInt))
    .addOption(new Option("--batch-size <n>", "articles per write transaction (KG_BATCH_SIZE)").argParser(positiveInt))
    .option("--no-layout", "do not update the explorer layout stored on the nodes (run `kg layout` later)")
    .addOption(
      new Option("--workers <n>", "extraction threads, the parser's requests shared among them; 0: in the main thread (KG_WORKERS, default cores - 1, at least 1)").argParser(
        nonNegativeInt,
      ),
    )
    .action(
      action(async (paths: string[], opts: { report?: string; maxBytes?: number; batchSize?: number; layout: boolean; workers?: number }) => {
        const config = loadConfig();
        const { ingestPaths } = await import("../pipeline/ingest.ts"); // the pipeline is heavy: only when ingesting
        const { createParser } = await import("../parse/index.ts");
        const log = (line: string) => process.stderr.write(`${line}\n`);
        const parser = createParser(config.parser, { log });
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
            workers: { count: opts.workers ?? config.workers, parser: config.parser, log },
          });
          progress.stop();
          printSummary(summary);
          if (opts.report) writeFileSync(opts.report, `${JSON.stringify(reportOf(summary, (id) => summary.files.get(id)), null, 2)}\n`);
          if (summary.failures.length > 0 || summary.aborted) process.exitCode = 1;
        } finally {
          progress.stop();
          await store.close();
          await parser.close();
        }
      }),
    );
}

/** Option parsers: a bad value is a usage error (commander prints it with the option's name), not a crash. */
export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected a whole number (0 or more), got "${value}".`);
  return n;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive whole number, got "${value}".`);
  return n;
}
