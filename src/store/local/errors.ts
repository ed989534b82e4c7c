/**
 * An expected failure of the local Neo4j tooling. Its message is written for people:
 * what failed, where to look, what to run. The CLI prints it without a stack trace.
 */
export class LocalNeo4jError extends Error {
  override name = "LocalNeo4jError";
  /** Tells the CLI's error handler to print the message as is. */
  readonly userFacing = true;
}
