import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { rm, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { LocalNeo4jError } from "./errors.ts";
import { neo4jDir } from "./paths.ts";
import { loadConfig } from "../../config/index.ts";
import { checkJava, checkMaven } from "./tools.ts";

export interface InstallOptions {
  /** Progress messages for people (one line each). */
  log?: (line: string) => void;
  /** Folder holding pom.xml (default <repo>/neo4j); jars go to its lib/. */
  dir?: string;
  /** Maven executable (default KG_MVN or `mvn`, from src/config). */
  mvn?: string;
  /** Java executable (default KG_NEO4J_JAVA, $JAVA_HOME/bin/java, `java`, from src/config). */
  java?: string;
}

export interface InstallResult {
  libDir: string;
  /** false when the jars were already there for this pom. */
  downloaded: boolean;
  jarCount: number;
}

/** Records which pom.xml the jars in lib/ came from, so a changed pom triggers a fresh copy. */
const MARKER = ".pom-sha256";

function pomHash(pomFile: string): string {
  return createHash("sha256").update(readFileSync(pomFile)).digest("hex");
}

function jarCount(libDir: string): number {
  return existsSync(libDir) ? readdirSync(libDir).filter((f) => f.endsWith(".jar")).length : 0;
}

/** True when lib/ holds the jars of the current pom.xml. */
export function jarsInstalled(dir: string = neo4jDir): boolean {
  const libDir = path.join(dir, "lib");
  const marker = path.join(libDir, MARKER);
  const pom = path.join(dir, "pom.xml");
  return existsSync(pom) && existsSync(marker) && readFileSync(marker, "utf8").trim() === pomHash(pom) && jarCount(libDir) > 0;
}

/**
 * Copies the Neo4j server jars (and Browser) from Maven Central into <dir>/lib.
 * Quick no-op when lib/ already matches pom.xml. Downloads into a side folder first,
 * so an interrupted run never leaves a half-filled lib/.
 */
export async function installJars(options: InstallOptions = {}): Promise<InstallResult> {
  const log = options.log ?? (() => {});
  const dir = options.dir ?? neo4jDir;
  const libDir = path.join(dir, "lib");
  const pom = path.join(dir, "pom.xml");
  if (!existsSync(pom)) throw new LocalNeo4jError(`No pom.xml in ${dir}: the Neo4j jar list is missing from the repository.`);

  if (jarsInstalled(dir)) {
    return { libDir, downloaded: false, jarCount: jarCount(libDir) };
  }

  const config = loadConfig().localNeo4j;
  const mvn = options.mvn ?? config.mvn;
  checkMaven(mvn);
  checkJava(options.java ?? config.java);

  const partial = path.join(dir, "lib.partial");
  await rm(partial, { recursive: true, force: true });
  log(`Downloading the Neo4j jars with Maven into ${libDir} (about 140 MB, once)...`);
  const output = await runCollecting(mvn, ["-q", "-B", "dependency:copy-dependencies", `-DoutputDirectory=${partial}`], dir);
  if (output.code !== 0) {
    await rm(partial, { recursive: true, force: true });
    throw new LocalNeo4jError(
      `Maven could not fetch the Neo4j jars (exit code ${output.code}) for ${pom}. ` +
        `Last output: ${lastLines(output.text, 8)} ` +
        "Check that Maven Central is reachable, then run `npx kg db install` again.",
    );
  }
  await writeFile(path.join(partial, MARKER), `${pomHash(pom)}\n`);
  await rm(libDir, { recursive: true, force: true });
  await rename(partial, libDir);
  const count = jarCount(libDir);
  log(`Installed ${count} jars in ${libDir}.`);
  return { libDir, downloaded: true, jarCount: count };
}

function runCollecting(cmd: string, args: string[], cwd: string): Promise<{ code: number; text: string }> {
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
  // Maven colours its output even in batch mode on some setups; strip ANSI codes for readable errors.
  const clean = text.replace(/\u001b\[[0-9;]*m/g, "");
  const lines = clean.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines.slice(-count).join(" | ") : "(none)";
}
