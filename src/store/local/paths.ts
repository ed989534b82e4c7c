import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../config/index.ts";

/** Repository root: this file lives in <repo>/src/store/local/. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Folder with pom.xml; the jars land in its lib/ (git-ignored). */
export const neo4jDir = path.join(repoRoot, "neo4j");
export const defaultLibDir = path.join(neo4jDir, "lib");

/** Where the server keeps conf, data, logs and run.json: KG_NEO4J_HOME (read by src/config), else <repo>/.neo4j. */
export function defaultHome(): string {
  return loadConfig().localNeo4j.home;
}

/** Fixed layout inside a home folder. */
export function homeLayout(home: string) {
  const root = path.resolve(home);
  return {
    home: root,
    confDir: path.join(root, "conf"),
    confFile: path.join(root, "conf", "neo4j.conf"),
    dataDir: path.join(root, "data"),
    logsDir: path.join(root, "logs"),
    logFile: path.join(root, "logs", "neo4j.log"),
    consoleLog: path.join(root, "logs", "console.log"),
    runFile: path.join(root, "run.json"),
    passwordFile: path.join(root, "password"),
    // Exists once the server has started at least once; the initial password can only be set before that.
    systemDbDir: path.join(root, "data", "databases", "system"),
  };
}

export type HomeLayout = ReturnType<typeof homeLayout>;

/** The Browser is served only when its jar is among the server's jars. */
export function hasBrowserJar(libDir: string): boolean {
  return existsSync(libDir) && readdirSync(libDir).some((f) => /^neo4j-browser-.*\.jar$/.test(f));
}

/** Version of the server jars in libDir (from neo4j-kernel-<version>.jar), or null. */
export function serverVersion(libDir: string): string | null {
  if (!existsSync(libDir)) return null;
  for (const f of readdirSync(libDir)) {
    const m = /^neo4j-kernel-(\d+\.\d+\.\d+)\.jar$/.exec(f);
    if (m) return m[1] ?? null;
  }
  return null;
}
