import { spawn, spawnSync } from "node:child_process";
import { LocalParserError } from "../errors.ts";

const JAVA_HELP =
  "The local parser (Stanford CoreNLP 4.5) needs Java 17 or newer: install it (Debian/Ubuntu: `apt-get install -y openjdk-17-jre-headless`), " +
  "or point JAVA_HOME or KG_NLP_JAVA at a Java 17+ installation. Or set KG_NLP_URL to use a CoreNLP server elsewhere.";

/** Checks that `java` runs and is 17 or newer; returns its major version. */
export function checkJava(java: string): number {
  const run = spawnSync(java, ["-version"], { encoding: "utf8", timeout: 30_000 });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : `it exited with code ${run.status}`;
    throw new LocalParserError(`Cannot run Java at "${java}" (${why}). ${JAVA_HELP}`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${run.stderr}${run.stdout}`);
  const first = Number(match?.[1] ?? 0);
  const major = first === 1 ? Number(match?.[2] ?? 0) : first; // "1.8.0" style is Java 8
  if (major < 17) throw new LocalParserError(`Java at "${java}" is version ${major || "unknown"}, too old. ${JAVA_HELP}`);
  return major;
}

/** Checks that Maven runs (it fetches the CoreNLP jars from Maven Central, once). */
export function checkMaven(mvn: string): void {
  const run = spawnSync(mvn, ["-v"], { encoding: "utf8", timeout: 60_000 });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : `it exited with code ${run.status}`;
    throw new LocalParserError(
      `Cannot run Maven at "${mvn}" (${why}); it is needed once to download the CoreNLP jars. ` +
        "Install it (Debian/Ubuntu: `apt-get install -y maven`) or set KG_MVN to its path, then run `npx kg nlp install`.",
    );
  }
}

/** Runs a command, keeping the last 20 kB of its output for error messages. */
export function runCollecting(cmd: string, args: string[], cwd: string): Promise<{ code: number; text: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    const keep = (chunk: Buffer) => {
      text = (text + chunk.toString("utf8")).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (err) => resolve({ code: -1, text: err.message }));
    child.on("close", (code) => resolve({ code: code ?? -1, text }));
  });
}

export function lastLines(text: string, count: number): string {
  const clean = text.replace(/\u001b\[[0-9;]*m/g, ""); // Maven may colour its output even in batch mode
  const lines = clean.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines.slice(-count).join(" | ") : "(none)";
}
