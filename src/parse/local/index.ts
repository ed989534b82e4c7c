/** A local Stanford CoreNLP server built from Maven Central jars: install, start, stop, status. */
export { ensureLocalParser } from "./ensure.ts";
export { installParserJars, jarsInstalled, type InstallOptions, type InstallResult } from "./install.ts";
export { corenlpVersion, defaultLibDir, homeLayout, nlpDir } from "./paths.ts";
export {
  localParserEndpoint,
  startLocalParser,
  statusLocalParser,
  stopLocalParser,
  waitForLocalParser,
  type LocalParserInfo,
  type LocalParserOptions,
  type LocalParserStatus,
  type StopResult,
} from "./server.ts";
