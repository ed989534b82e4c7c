import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jInfo } from "../../src/store/local/index.ts";
import { freePort } from "../../src/store/local/ports.ts";

/**
 * A throw-away local Neo4j of the test's own, for tests that kill or stop the database (the shared test server
 * must survive them). Same ports and home across restarts, so clients can reconnect.
 */
export class OwnNeo4j {
  info!: LocalNeo4jInfo;
  private constructor(
    readonly home: string,
    readonly boltPort: number,
    readonly httpPort: number,
  ) {}

  static async create(): Promise<OwnNeo4j> {
    const home = await mkdtemp(path.join(os.tmpdir(), "kg-fault-neo4j-"));
    const boltPort = await freePort();
    let httpPort = await freePort();
    while (httpPort === boltPort) httpPort = await freePort();
    const server = new OwnNeo4j(home, boltPort, httpPort);
    await server.start();
    return server;
  }

  async start(): Promise<void> {
    this.info = await startLocalNeo4j({
      home: this.home,
      boltPort: this.boltPort,
      httpPort: this.httpPort,
      heap: "512m",
      pageCache: "128m",
      quickJit: true,
      password: "fault-suite-password",
    });
  }

  get connection() {
    return { uri: this.info.boltUri, user: this.info.user, password: this.info.password, database: this.info.database };
  }

  /** kill -9: no shutdown, no checkpoint; the next start recovers from the transaction log. */
  kill(): void {
    process.kill(this.info.pid, "SIGKILL");
  }

  async stop(): Promise<void> {
    await stopLocalNeo4j(this.home, { timeoutMs: 30_000 });
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    await rm(this.home, { recursive: true, force: true });
  }
}
