import { Command, InvalidArgumentError } from "commander";
import { loadConfig, type ParserConfig } from "../config/index.ts";
import { installParserJars, startLocalParser, statusLocalParser, stopLocalParser, type LocalParserStatus } from "../parse/local/index.ts";
import { describeParserUrls } from "../parse/client.ts";
import { action } from "./errors.ts";

const log = (line: string) => process.stderr.write(`${line}\n`);

function portOption(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError("expected a port number (1-65535).");
  return port;
}

function countOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError("expected a whole number from 1 to 64.");
  return n;
}

function sizeOption(value: string): string {
  if (!/^\d+[kmgKMG]$/.test(value)) throw new InvalidArgumentError("expected a size such as 1g or 2g.");
  return value;
}

const homeHelp = "server home: run file, credentials, log (default KG_NLP_HOME or <repo>/.kg/nlp)";

function describeStatus(status: LocalParserStatus, config: ParserConfig): string {
  const lines: string[] = [];
  if (config.url) lines.push(`Note: KG_NLP_URL is set, so commands use the parser at ${describeParserUrls(config)}, not this local one.`);
  if (!status.running) {
    lines.push(
      status.unrecordedPid !== null
        ? `A parser of ${status.home} runs as pid ${status.unrecordedPid} without run.json (port unknown): stop it with \`npx kg nlp stop\`.`
        : `The local parser is not running (home ${status.home}). Start it with \`npx kg nlp start\` (commands that parse also start it).`,
      `  Log:         ${status.logFile}`,
    );
    return lines.join("\n");
  }
  lines.push(
    `The local parser (Stanford CoreNLP ${status.version ?? "?"}) is running (pid ${status.pid}${status.ready ? "" : ", not answering yet: still loading its models?"}).`,
    `  URL:         ${status.url}  (heap ${status.heap}, ${status.threads} threads, since ${status.startedAt})`,
    `  Credentials: ${status.credentialsFile}  (HTTP basic auth; mode 0600)`,
    "  Network:     listens on all IPv4 interfaces; answers only requests from 127.0.0.1 with the credentials",
    `  Log:         ${status.logFile}`,
    "  Stop it with `npx kg nlp stop`.",
  );
  return lines.join("\n");
}

/** `kg nlp`: the project's local parser, a Stanford CoreNLP server (jars from Maven Central). */
export function nlpCommand(): Command {
  const nlp = new Command("nlp").description("Manage the project's local parser, a Stanford CoreNLP server (install, start, stop, status)");

  nlp
    .command("install")
    .description("Download Stanford CoreNLP 4.5.10 and its English models from Maven Central into nlp/lib (about 470 MB, once; quick when done)")
    .action(
      action(async () => {
        const config = loadConfig().parser;
        const result = await installParserJars({ mvn: config.mvn, java: config.java, log });
        process.stdout.write(
          result.downloaded
            ? `Installed ${result.jarCount} jars in ${result.libDir}.\n`
            : `The CoreNLP jars are already installed (${result.jarCount} jars in ${result.libDir}).\n`,
        );
      }),
    );

  nlp
    .command("start")
    .description("Start the local parser in the background (installs the jars first if needed) and wait until it has loaded its models")
    .option("--home <dir>", homeHelp)
    .option("--port <port>", "port (default KG_NLP_PORT, else 9000 when free, else a free one)", portOption)
    .option("--heap <size>", "JVM heap, e.g. 2g (default KG_NLP_HEAP or 2g)", sizeOption)
    .option("--threads <n>", "annotation threads (default KG_NLP_THREADS or 2)", countOption)
    .option("--json", "print the server's status as JSON")
    .action(
      action(async (opts: { home?: string; port?: number; heap?: string; threads?: number; json?: boolean }) => {
        const base = loadConfig().parser;
        const config: ParserConfig = {
          ...base,
          home: opts.home ?? base.home,
          port: opts.port ?? base.port,
          heap: opts.heap ?? base.heap,
          threads: opts.threads ?? base.threads,
        };
        await installParserJars({ mvn: config.mvn, java: config.java, log });
        const info = await startLocalParser({ ...config, log });
        const status = await statusLocalParser(config.home);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...status, alreadyRunning: info.alreadyRunning }, null, 2)}\n`);
          return;
        }
        if (info.alreadyRunning) process.stdout.write("Already running.\n");
        process.stdout.write(`${describeStatus(status, config)}\n`);
      }),
    );

  nlp
    .command("stop")
    .description("Stop the local parser")
    .option("--home <dir>", homeHelp)
    .action(
      action(async (opts: { home?: string }) => {
        const home = opts.home ?? loadConfig().parser.home;
        const result = await stopLocalParser(home);
        process.stdout.write(
          !result.wasRunning
            ? `The local parser was not running (home ${home}).\n`
            : result.killed
              ? "The local parser did not stop in time and was killed.\n"
              : "The local parser stopped.\n",
        );
      }),
    );

  nlp
    .command("status")
    .description("Show whether the local parser runs and answers: URL, credentials file, log")
    .option("--home <dir>", homeHelp)
    .option("--json", "print as JSON")
    .action(
      action(async (opts: { home?: string; json?: boolean }) => {
        const config = loadConfig().parser;
        const status = await statusLocalParser(opts.home ?? config.home);
        process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : `${describeStatus(status, config)}\n`);
      }),
    );

  return nlp;
}
