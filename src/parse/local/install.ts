import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { LocalParserError } from "../errors.ts";
import { nlpDir } from "./paths.ts";
import { checkJava, checkMaven, lastLines, runCollecting } from "./tools.ts";

export interface InstallOptions {
  /** Folder holding pom.xml (default <repo>/nlp); jars go to its lib/. */
  dir?: string;
  /** Maven executable (config: KG_MVN, default `mvn`). */
  mvn?: string;
  /** Java executable, checked before downloading 473 MB it could not run. */
  java?: string;
  /** Progress messages for people (one line each). */
  log?: (line: string) => void;
}

export interface InstallResult {
  libDir: string;
  /** false when the jars were already there for this pom. */
  downloaded: boolean;
  jarCount: number;
}

/** Records which pom.xml the jars in lib/ came from, so a changed pom triggers a fresh copy. */
const MARKER = ".pom-sha256";

const pomHash = (pom: string) => createHash("sha256").update(readFileSync(pom)).digest("hex");
const jarCount = (libDir: string) => (existsSync(libDir) ? readdirSync(libDir).filter((f) => f.endsWith(".jar")).length : 0);

/** True when lib/ holds the jars of the current pom.xml. */
export function jarsInstalled(dir: string = nlpDir): boolean {
  const libDir = path.join(dir, "lib");
  const marker = path.join(libDir, MARKER);
  const pom = path.join(dir, "pom.xml");
  return existsSync(pom) && existsSync(marker) && readFileSync(marker, "utf8").trim() === pomHash(pom) && jarCount(libDir) > 0;
}

/**
 * Copies the CoreNLP jars and its English models from Maven Central into <dir>/lib (about 470 MB).
 * A quick no-op when lib/ already matches pom.xml. Downloads into a side folder first, so an interrupted
 * run never leaves a half-filled lib/.
 */
export async function installParserJars(options: InstallOptions = {}): Promise<InstallResult> {
  const log = options.log ?? (() => {});
  const dir = options.dir ?? nlpDir;
  const libDir = path.join(dir, "lib");
  const pom = path.join(dir, "pom.xml");
  if (!existsSync(pom)) throw new LocalParserError(`No pom.xml in ${dir}: the CoreNLP jar list is missing from the repository.`);
  if (jarsInstalled(dir)) return { libDir, downloaded: false, jarCount: jarCount(libDir) };

  const mvn = options.mvn ?? "mvn";
  checkMaven(mvn);
  checkJava(options.java ?? "java");

  const partial = path.join(dir, "lib.partial");
  await rm(partial, { recursive: true, force: true });
  log(`Downloading Stanford CoreNLP and its English models with Maven into ${libDir} (about 470 MB, once)...`);
  const output = await runCollecting(mvn, ["-q", "-B", "dependency:copy-dependencies", `-DoutputDirectory=${partial}`], dir);
  if (output.code !== 0) {
    await rm(partial, { recursive: true, force: true });
    throw new LocalParserError(
      `Maven could not fetch the CoreNLP jars (exit code ${output.code}) for ${pom}. Last output: ${lastLines(output.text, 8)} ` +
        "Check that Maven Central is reachable, then run `npx kg nlp install` again.",
    );
  }
  await writeFile(path.join(partial, MARKER), `${pomHash(pom)}\n`);
  await rm(libDir, { recursive: true, force: true });
  await rename(partial, libDir);
  const count = jarCount(libDir);
  log(`Installed ${count} jars in ${libDir}.`);
  return { libDir, downloaded: true, jarCount: count };
}
