/** A local Neo4j Community server built from Maven Central jars: install, start, stop, status. */
export { LocalNeo4jError } from "./errors.ts";
export { installJars, jarsInstalled, type InstallOptions, type InstallResult } from "./install.ts";
export { defaultHome, defaultLibDir, neo4jDir } from "./paths.ts";
export {
  localConnection,
  startLocalNeo4j,
  statusLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4jInfo,
  type LocalNeo4jStatus,
  type StartOptions,
  type StopResult,
} from "./server.ts";
