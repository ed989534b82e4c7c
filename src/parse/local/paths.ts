import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root: this file lives in <repo>/src/parse/local/. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Folder with pom.xml; the CoreNLP jars land in its lib/ (git-ignored). */
export const nlpDir = path.join(repoRoot, "nlp");
export const defaultLibDir = path.join(nlpDir, "lib");

/** The class run, unmodified, as the local parser. */
export const SERVER_CLASS = "edu.stanford.nlp.pipeline.StanfordCoreNLPServer";

/** Fixed layout inside a home folder (KG_NLP_HOME, default <repo>/.kg/nlp). */
export function homeLayout(home: string) {
  const root = path.resolve(home);
  return {
    home: root,
    /** The JVM's java.io.tmpdir: the server writes its shutdown key there; one per home keeps servers apart. */
    tmpDir: path.join(root, "tmp"),
    logFile: path.join(root, "server.log"),
    runFile: path.join(root, "run.json"),
    credentialsFile: path.join(root, "credentials.json"),
    /** The server's own options, credentials included (mode 0600), read with `-props`: nothing secret on the command line. */
    serverOptionsFile: path.join(root, "server.properties"),
    /** The annotation defaults (CORENLP_SETTINGS), given with `-serverProperties`. */
    defaultsFile: path.join(root, "corenlp-defaults.properties"),
    blockListFile: path.join(root, "blocklist.txt"),
    lockFile: path.join(root, "start.lock"),
  };
}
export type HomeLayout = ReturnType<typeof homeLayout>;

/** Version of the CoreNLP jar in libDir (stanford-corenlp-<version>.jar), or null when not installed. */
export function corenlpVersion(libDir: string): string | null {
  if (!existsSync(libDir)) return null;
  for (const file of readdirSync(libDir)) {
    const match = /^stanford-corenlp-(\d+\.\d+\.\d+)\.jar$/.exec(file);
    if (match) return match[1] ?? null;
  }
  return null;
}

/** True when the models jar is there too (the server starts without it but cannot parse). */
export function hasModelsJar(libDir: string): boolean {
  return existsSync(libDir) && readdirSync(libDir).some((f) => /^stanford-corenlp-.*-models\.jar$/.test(f));
}
