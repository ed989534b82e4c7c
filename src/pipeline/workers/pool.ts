import { Worker } from "node:worker_threads";
import type { ParserConfig } from "../../config/index.ts";
import type { ExtractJob, ExtractResult, GraphExtractor } from "../graph-extractor.ts";
import type { FromWorker, ToWorker, WorkerSetup } from "./messages.ts";

const BOOT = new URL("./boot.mjs", import.meta.url);
const ENTRY = new URL("./extract-worker.ts", import.meta.url).href;

/** An error a worker ran into that stops the run (the parser unreachable...), carried over to this thread. */
export class WorkerFatalError extends Error {
  constructor(
    name: string,
    message: string,
    readonly userFacing: boolean,
  ) {
    super(message);
    this.name = name;
  }
}

interface Pending {
  resolve: (result: ExtractResult) => void;
  reject: (err: unknown) => void;
}

/** One worker thread and the jobs it has in hand. */
class ExtractionThread {
  readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;
  private closing = false;
  private closed: Promise<void>;

  constructor(setup: WorkerSetup, log: (line: string) => void, onBroken: (err: Error) => void) {
    this.worker = new Worker(BOOT, { workerData: setup });
    let markClosed: () => void = () => {};
    this.closed = new Promise((resolve) => (markClosed = resolve));
    this.worker.on("message", (message: FromWorker) => {
      if (message.type === "log") log(message.line);
      else if (message.type === "closed") markClosed();
      else {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.type === "result") pending?.resolve(message.result);
        else pending?.reject(new WorkerFatalError(message.name, message.message, message.userFacing));
      }
    });
    const broken = (err: Error) => {
      markClosed();
      if (this.closing && this.pending.size === 0) return;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      onBroken(err);
    };
    this.worker.on("error", broken);
    this.worker.on("exit", (code) => broken(new Error(`an extraction worker stopped unexpectedly (exit code ${code})`)));
  }

  run(id: number, job: ExtractJob): Promise<ExtractResult> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "job", id, job } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.worker.postMessage({ type: "close" } satisfies ToWorker);
    // The worker closes its parser connections, then goes; a stuck one is stopped after a second.
    await Promise.race([this.closed, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    await this.worker.terminate();
  }
}

/**
 * Extraction on `count` worker threads (node:worker_threads), each with its own parser client: the main thread
 * hands out articles to the least busy thread and gets graph records back, so parsing requests go to the parser
 * server concurrently (KG_NLP_CONCURRENCY in all, shared out) and extraction uses several cores, while the main
 * thread reads input and writes. Results are the same as in one thread: extraction is pure and the caller keeps
 * the input order.
 */
export function workerExtractor(parser: ParserConfig, count: number, options: { log?: (line: string) => void } = {}): GraphExtractor {
  const perThread = Math.max(1, Math.ceil(parser.concurrency / count));
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let brokenBy: Error | null = null;
  const threads = Array.from(
    { length: count },
    () => new ExtractionThread({ entry: ENTRY, parser: { ...parser, concurrency: perThread } }, log, (err) => (brokenBy ??= err)),
  );
  let nextId = 0;
  return {
    capacity: count * perThread,
    run(job) {
      if (brokenBy) return Promise.reject(brokenBy);
      const thread = threads.reduce((best, t) => (t.pending.size < best.pending.size ? t : best));
      return thread.run(nextId++, job);
    },
    async close() {
      await Promise.all(threads.map((t) => t.close()));
    },
  };
}
