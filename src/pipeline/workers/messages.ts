import type { ExtractJob, ExtractResult } from "../graph-extractor.ts";
import type { ParserConfig } from "../../config/index.ts";

/** What an extraction worker is started with. */
export interface WorkerSetup {
  /** The module the boot file loads (this folder's extract-worker.ts). */
  entry: string;
  /** Parser settings; `concurrency` is this worker's share of the requests in flight. */
  parser: ParserConfig;
}

/** Main thread -> worker. */
export type ToWorker = { type: "job"; id: number; job: ExtractJob } | { type: "close" };

/** Worker -> main thread. `fatal`: nothing will extract (parser unreachable, credentials refused). */
export type FromWorker =
  | { type: "result"; id: number; result: ExtractResult }
  | { type: "fatal"; id: number; name: string; message: string; userFacing: boolean }
  | { type: "log"; line: string }
  | { type: "closed" };
