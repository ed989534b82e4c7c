import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, writeFile } from "node:fs/promises";
import path from "node:path";
import { LocalNeo4jError } from "./errors.ts";
import { lastLines } from "./install.ts";
import type { HomeLayout } from "./paths.ts";

function storedPassword(layout: HomeLayout): string | undefined {
  if (!existsSync(layout.passwordFile)) return undefined;
  const value = readFileSync(layout.passwordFile, "utf8").trim();
  return value || undefined;
}

/**
 * The password for user neo4j. A new home gets it set before the first start: the explicit one,
 * else `fromEnv` (NEO4J_PASSWORD), else a generated one; it is kept in HOME/password (mode 0600). An existing
 * home keeps using HOME/password (NEO4J_PASSWORD may be meant for another server), unless told otherwise.
 */
export async function preparePassword(
  layout: HomeLayout,
  explicit: string | undefined,
  fromEnv: string | undefined,
  java: string,
  libDir: string,
): Promise<string> {
  if (existsSync(layout.systemDbDir)) {
    const known = explicit ?? storedPassword(layout) ?? fromEnv;
    if (known === undefined) {
      throw new LocalNeo4jError(
        `The database in ${layout.home} was created earlier, but its password is unknown (${layout.passwordFile} is missing). ` +
          "Write that password into that file (or set NEO4J_PASSWORD to it) and run `npx kg db start` again.",
      );
    }
    return known;
  }
  const chosen = explicit ?? fromEnv ?? storedPassword(layout);
  const password = chosen ?? randomBytes(24).toString("base64url");
  if (password.length < 8 || password === "neo4j") {
    throw new LocalNeo4jError(
      "Neo4j needs a password of at least 8 characters that is not \"neo4j\"; " +
        "change NEO4J_PASSWORD (or unset it to have one generated), then run `npx kg db start` again.",
    );
  }
  setInitialPassword(layout, password, java, libDir);
  await writeFile(layout.passwordFile, `${password}\n`, { mode: 0o600 });
  await chmod(layout.passwordFile, 0o600);
  return password;
}

/** neo4j-admin's `dbms set-initial-password`, run from the same jars (writes data/dbms/auth.ini). */
function setInitialPassword(layout: HomeLayout, password: string, java: string, libDir: string): void {
  const run = spawnSync(
    java,
    ["-Xmx256m", "-cp", path.join(libDir, "*"), "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", password],
    {
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, NEO4J_HOME: layout.home, NEO4J_CONF: layout.confDir },
    },
  );
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : lastLines(`${run.stdout}\n${run.stderr}`, 6);
    throw new LocalNeo4jError(
      `Setting the initial Neo4j password in ${layout.home} failed: ${why}. ` +
        "Check the jars with `npx kg db install`, then run `npx kg db start` again.",
    );
  }
}
