import { Command, InvalidArgumentError } from "commander";
import path from "node:path";
import {
  defaultHome,
  installJars,
  startLocalNeo4j,
  statusLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4jStatus,
} from "../store/local/index.ts";
import { action } from "./errors.ts";
import { connect } from "../store/driver.ts";
import { applySchema } from "../store/schema.ts";

const log = (line: string) => process.stderr.write(`${line}\n`);

function portOption(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError("expected a port number (1-65535).");
  return port;
}

function sizeOption(value: string): string {
  if (!/^\d+[kmgKMG]$/.test(value)) throw new InvalidArgumentError("expected a size such as 512m or 2g.");
  return value;
}

const homeHelp = "server home: conf, data, logs (default KG_NEO4J_HOME or <repo>/.neo4j)";

function describeStatus(status: LocalNeo4jStatus): string {
  if (!status.running) {
    return [
      status.unrecordedPid !== null
        ? `A Neo4j of ${status.home} runs as pid ${status.unrecordedPid} without run.json (ports and password unknown): stop it with \`npx kg db stop\`.`
        : `The local Neo4j is not running (home ${status.home}).`,
      `  Data:     ${status.dataDir}`,
      `  Log:      ${status.logFile}`,
      ...(status.unrecordedPid === null ? ["  Start it with `npx kg db start`."] : []),
    ].join("\n");
  }
  return [
    `The local Neo4j${status.version ? ` ${status.version}` : ""} is running (pid ${status.pid}${status.boltListening ? "" : ", Bolt port not answering yet"}).`,
    `  Bolt:     ${status.boltUri}  (user ${status.user}, password in ${path.join(status.home, "password")})`,
    ...(status.browserUrl ? [`  Browser:  ${status.browserUrl}`] : []),
    `  Data:     ${status.dataDir}`,
    `  Log:      ${status.logFile}`,
  ].join("\n");
}

/** Without the password: it stays in HOME/password and HOME/run.json (mode 0600). */
function publicStatus(status: LocalNeo4jStatus) {
  const { password: _password, ...rest } = status;
  return rest;
}

/** `kg db`: the project's own local Neo4j server (jars from Maven Central). */
export function dbCommand(): Command {
  const db = new Command("db").description("Manage the project's local Neo4j server (install, start, stop, status)");

  db.command("install")
    .description("Download the Neo4j 5.26 server jars and Neo4j Browser from Maven Central into neo4j/lib (once; quick when done)")
    .action(
      action(async () => {
        const result = await installJars({ log });
        process.stdout.write(
          result.downloaded
            ? `Installed ${result.jarCount} jars in ${result.libDir}.\n`
            : `The Neo4j jars are already installed (${result.jarCount} jars in ${result.libDir}).\n`,
        );
      }),
    );

  db.command("start")
    .description("Start the local Neo4j in the background (installs the jars first if needed), wait until Bolt answers, apply the schema")
    .option("--home <dir>", homeHelp)
    .option("--bolt-port <port>", "Bolt port (default KG_NEO4J_BOLT_PORT, else 7687 when free, else a free one)", portOption)
    .option("--http-port <port>", "HTTP/Browser port (default KG_NEO4J_HTTP_PORT, else 7474 when free, else a free one)", portOption)
    .option("--heap <size>", "JVM heap, e.g. 1g (default KG_NEO4J_HEAP or 1g)", sizeOption)
    .option("--page-cache <size>", "page cache, e.g. 512m (default KG_NEO4J_PAGECACHE or 512m)", sizeOption)
    .option("--json", "print the server's status as JSON")
    .action(
      action(async (opts: { home?: string; boltPort?: number; httpPort?: number; heap?: string; pageCache?: string; json?: boolean }) => {
        await installJars({ log });
        const home = opts.home ?? defaultHome();
        const info = await startLocalNeo4j({
          home,
          boltPort: opts.boltPort,
          httpPort: opts.httpPort,
          heap: opts.heap,
          pageCache: opts.pageCache,
          log,
        });
        const status = await statusLocalNeo4j(home);
        // The graph schema goes with the server: constraints must exist before the first write.
        const store = await connect({ uri: info.boltUri, user: info.user, password: info.password, database: info.database });
        try {
          await applySchema(store);
        } finally {
          await store.close();
        }
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...publicStatus(status), alreadyRunning: info.alreadyRunning }, null, 2)}\n`);
          return;
        }
        if (info.alreadyRunning) process.stdout.write("Already running.\n");
        process.stdout.write(`${describeStatus(status)}\n`);
      }),
    );

  db.command("stop")
    .description("Stop the local Neo4j (data stays in the home folder)")
    .option("--home <dir>", homeHelp)
    .action(
      action(async (opts: { home?: string }) => {
        const home = opts.home ?? defaultHome();
        const result = await stopLocalNeo4j(home);
        process.stdout.write(
          !result.wasRunning
            ? `The local Neo4j was not running (home ${home}).\n`
            : result.killed
              ? "The local Neo4j did not stop in time and was killed; its data will be recovered at the next start.\n"
              : "The local Neo4j stopped.\n",
        );
      }),
    );

  db.command("status")
    .description("Show whether the local Neo4j runs: Bolt URI, Browser URL, log file, data folder")
    .option("--home <dir>", homeHelp)
    .option("--json", "print as JSON")
    .action(
      action(async (opts: { home?: string; json?: boolean }) => {
        const status = await statusLocalNeo4j(opts.home ?? defaultHome());
        process.stdout.write(opts.json ? `${JSON.stringify(publicStatus(status), null, 2)}\n` : `${describeStatus(status)}\n`);
      }),
    );

  return db;
}
