import type { HomeLayout } from "./paths.ts";

export interface ConfOptions {
  boltPort: number;
  httpPort: number;
  pageCache: string;
  /** JVM heap ("1g"): the transaction memory limits are fractions of it. */
  heap: string;
  /** Server-side timeout of any transaction that does not set its own (KG_NEO4J_TX_TIMEOUT, default 300s). */
  transactionTimeout?: string;
}

/** Bytes of a size such as "512m" or "1g". */
export function sizeInBytes(size: string): number {
  const m = /^(\d+)([kmg])$/i.exec(size.trim());
  if (!m) throw new Error(`not a size: ${size}`);
  return Number(m[1]) * 1024 ** ("kmg".indexOf(m[2]!.toLowerCase()) + 1);
}

const mib = (bytes: number) => `${Math.max(16, Math.floor(bytes / 1024 ** 2))}m`;

/**
 * neo4j.conf for a loopback-only server. Rewritten on every start (ports may change);
 * data and logs stay in the home folder, so they survive restarts.
 */
export function renderConf(layout: HomeLayout, options: ConfOptions): string {
  const lines = [
    "# Written by `kg db start` on every start: edits here are lost.",
    "server.default_listen_address=127.0.0.1",
    "server.default_advertised_address=127.0.0.1",
    `server.bolt.listen_address=127.0.0.1:${options.boltPort}`,
    // Advertised so Neo4j Browser's discovery points at the real Bolt port.
    `server.bolt.advertised_address=127.0.0.1:${options.boltPort}`,
    `server.http.listen_address=127.0.0.1:${options.httpPort}`,
    `server.http.advertised_address=127.0.0.1:${options.httpPort}`,
    "server.https.enabled=false",
    "dbms.security.auth_enabled=true",
    `server.directories.data=${layout.dataDir}`,
    `server.directories.logs=${layout.logsDir}`,
    `server.directories.import=${layout.home}/import`,
    `server.directories.plugins=${layout.home}/plugins`,
    `server.memory.pagecache.size=${options.pageCache}`,
    // Bounds on every transaction (console queries, Neo4j Browser, ingest): a quarter of the heap each, half of
    // it for all together, so one runaway query fails with a memory-limit error instead of starving the server.
    `db.memory.transaction.max=${mib(sizeInBytes(options.heap) / 4)}`,
    `dbms.memory.transaction.total.max=${mib(sizeInBytes(options.heap) / 2)}`,
    // Transactions that set no timeout of their own (Neo4j Browser, scripts) end after this; the console sets 10 s.
    `db.transaction.timeout=${options.transactionTimeout ?? "300s"}`,
    "dbms.usage_report.enabled=false",
    // Netty waits a 5 s quiet period per Bolt event loop on shutdown; nothing is in flight after the
    // databases have stopped, so skip it (stop takes ~1 s instead of ~11 s).
    "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
    "",
  ];
  return lines.join("\n");
}

/** JVM options the neo4j launcher script would add (heap is given here: the conf's heap is ignored when launching the class directly). */
export function jvmOptions(heap: string, { quickJit = false } = {}): string[] {
  return [
    // C1 only: about half the CPU to start (tests on 2 cores), slower on heavy queries.
    ...(quickJit ? ["-XX:TieredStopAtLevel=1"] : []),
    `-Xms${heap}`,
    `-Xmx${heap}`,
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
  ];
}
