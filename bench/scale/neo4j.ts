/**
 * A throw-away local Neo4j for the scale bench, in its own home folder on free ports (never the developer's
 * .neo4j/ or ports 7687/7474), stopped and deleted at the end unless asked to keep it.
 */
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { connect, type Store } from "../../src/store/driver.ts";
import { installJars, startLocalNeo4j, stopLocalNeo4j } from "../../src/store/local/index.ts";
import { freePort } from "../../src/store/local/ports.ts";
import { applySchema } from "../../src/store/schema.ts";

export type BenchConnection = { uri: string; user: string; password: string; database: string };
export type BenchNeo4j = {
  home: string;
  /** Where the server answers now (ports change when it restarts). */
  connection(): BenchConnection;
  /** A store for the bench's own set-up queries (schema, samples). */
  open(): Promise<Store>;
  /**
   * Stops the server (a clean shutdown writes every page to the store files), measures the database on disk, and
   * starts it again: Community has no procedure to force a checkpoint, and between checkpoints the store files lag
   * behind the graph.
   */
  restartAndMeasure(): Promise<{ storeBytes: number; txLogBytes: number }>;
  stop(options?: { remove?: boolean }): Promise<void>;
};

function bytesUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(full) : statSync(full).size;
  }
  return total;
}

export async function startBenchNeo4j(home: string, memory: { heap: string; pageCache: string }, log: (line: string) => void): Promise<BenchNeo4j> {
  await installJars({ log });
  const start = async (): Promise<BenchConnection> => {
    const boltPort = await freePort();
    let httpPort = await freePort();
    while (httpPort === boltPort) httpPort = await freePort();
    const info = await startLocalNeo4j({ home, boltPort, httpPort, heap: memory.heap, pageCache: memory.pageCache, log });
    return { uri: info.boltUri, user: info.user, password: info.password, database: info.database };
  };
  let connection = await start();
  const open = () => connect(connection);
  const store = await open();
  try {
    await applySchema(store);
  } finally {
    await store.close();
  }
  return {
    home,
    connection: () => connection,
    open,
    restartAndMeasure: async () => {
      await stopLocalNeo4j(home, { timeoutMs: 120_000 });
      const size = {
        storeBytes: bytesUnder(path.join(home, "data", "databases", connection.database)),
        txLogBytes: bytesUnder(path.join(home, "data", "transactions", connection.database)),
      };
      connection = await start();
      return size;
    },
    stop: async ({ remove = true } = {}) => {
      await stopLocalNeo4j(home, { timeoutMs: 60_000 });
      if (remove) rmSync(home, { recursive: true, force: true });
    },
  };
}
