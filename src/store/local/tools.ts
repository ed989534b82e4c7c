import { spawnSync } from "node:child_process";
import { LocalNeo4jError } from "./errors.ts";

const JAVA_HELP =
  "Neo4j 5.26 needs Java 17 or 21: install it (Debian/Ubuntu: `apt-get install -y openjdk-17-jre-headless`), " +
  "or point JAVA_HOME or KG_NEO4J_JAVA at a Java 17/21 installation.";

/** Checks that `java` runs and is 17 or newer; returns its major version. */
export function checkJava(java: string): number {
  const run = spawnSync(java, ["-version"], { encoding: "utf8", timeout: 30_000 });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : `it exited with code ${run.status}`;
    throw new LocalNeo4jError(`Cannot run Java at "${java}" (${why}). ${JAVA_HELP}`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${run.stderr}${run.stdout}`);
  const first = Number(match?.[1] ?? 0);
  const major = first === 1 ? Number(match?.[2] ?? 0) : first; // "1.8.0" style is Java 8
  if (major < 17) {
    throw new LocalNeo4jError(`Java at "${java}" is version ${major || "unknown"}, too old. ${JAVA_HELP}`);
  }
  return major;
}

/** Checks that Maven runs (it fetches the Neo4j jars from Maven Central). */
export function checkMaven(mvn: string): void {
  const run = spawnSync(mvn, ["-v"], { encoding: "utf8", timeout: 60_000 });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : `it exited with code ${run.status}`;
    throw new LocalNeo4jError(
      `Cannot run Maven at "${mvn}" (${why}); it is needed once to download the Neo4j jars. ` +
        "Install it (Debian/Ubuntu: `apt-get install -y maven`) or set KG_MVN to its path, then run `npx kg db install`.",
    );
  }
}
