import type { ParserConfig } from "../../config/index.ts";
import type { ParserEndpoint } from "../http.ts";
import { installParserJars } from "./install.ts";
import { localParserEndpoint, startLocalParser } from "./server.ts";

/**
 * The local parser's endpoint, starting the server first when it is not running (and installing its jars
 * first when they are missing). The server keeps running for later commands; one line says so.
 */
export async function ensureLocalParser(
  config: ParserConfig,
  options: { log?: (line: string) => void } = {},
): Promise<ParserEndpoint & { version: string }> {
  const running = await localParserEndpoint(config.home);
  if (running) return running;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  await installParserJars({ mvn: config.mvn, java: config.java, log });
  const info = await startLocalParser({ ...config, log });
  if (!info.alreadyRunning) {
    log(`The local parser runs in the background (pid ${info.pid}, port ${info.port}) for later commands; \`npx kg nlp stop\` stops it.`);
  }
  const endpoint = await localParserEndpoint(config.home);
  if (!endpoint) throw new Error(`the local parser of ${config.home} stopped right after starting`);
  return endpoint;
}
