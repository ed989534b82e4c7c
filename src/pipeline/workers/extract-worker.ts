/**
 * An extraction worker thread (see pool.ts): takes articles from the main thread, has them parsed by the parser
 * server (its own client, several requests in flight), extracts them (src/extract, pure) and sends back the graph
 * records. The main thread keeps the order and does the writing.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createParser } from "../../parse/index.ts";
import { inProcessExtractor } from "../graph-extractor.ts";
import type { FromWorker, ToWorker, WorkerSetup } from "./messages.ts";

const setup = workerData as WorkerSetup;
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
const parser = createParser(setup.parser, { log: (line) => send({ type: "log", line }) });
const extractor = inProcessExtractor(parser);

port.on("message", (message: ToWorker) => {
  if (message.type === "close") {
    void parser.close().finally(() => send({ type: "closed" }));
    return;
  }
  const { id, job } = message;
  extractor.run(job).then(
    (result) => send({ type: "result", id, result }),
    (err: unknown) =>
      send({
        type: "fatal",
        id,
        name: err instanceof Error ? err.name : "Error",
        message: err instanceof Error ? err.message : String(err),
        userFacing: Boolean((err as { userFacing?: boolean } | null)?.userFacing),
      }),
  );
});
