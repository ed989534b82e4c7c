// Entry of the extraction worker threads: TypeScript runs through tsx here too (a worker does not inherit the
// main thread's loader hooks on Node 20), then the worker's module named in workerData.entry is loaded.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
