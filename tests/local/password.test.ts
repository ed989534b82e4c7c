import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultLibDir } from "../../src/store/local/index.ts";
import { preparePassword } from "../../src/store/local/password.ts";
import { homeLayout, type HomeLayout } from "../../src/store/local/paths.ts";

// Java is never needed on these paths: a bogus one proves no neo4j-admin call is made.
const noJava = "/nonexistent/bin/java";

describe("preparePassword", () => {
  let layout: HomeLayout;
  beforeEach(async () => {
    layout = homeLayout(await mkdtemp(path.join(os.tmpdir(), "kg-password-test-")));
  });
  afterEach(() => rm(layout.home, { recursive: true, force: true }));

  const markInitialised = () => mkdir(layout.systemDbDir, { recursive: true });

  it("keeps an existing home's stored password even when NEO4J_PASSWORD names another", async () => {
    await markInitialised();
    await writeFile(layout.passwordFile, "stored-password-1\n");
    const password = await preparePassword(layout, undefined, "for-another-server", noJava, defaultLibDir);
    expect(password).toBe("stored-password-1");
  });

  it("uses NEO4J_PASSWORD for an existing home whose password file is gone", async () => {
    await markInitialised();
    expect(await preparePassword(layout, undefined, "env-password-1", noJava, defaultLibDir)).toBe("env-password-1");
  });

  it("says what to do when an existing home's password is unknown", async () => {
    await markInitialised();
    await expect(preparePassword(layout, undefined, undefined, noJava, defaultLibDir)).rejects.toThrow(
      /was created earlier, but its password is unknown .*NEO4J_PASSWORD/,
    );
  });

  it("refuses a too-short password for a new home before touching it", async () => {
    await expect(preparePassword(layout, undefined, "short", noJava, defaultLibDir)).rejects.toThrow(
      /at least 8 characters/,
    );
  });
});
