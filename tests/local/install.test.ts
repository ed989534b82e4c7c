import { copyFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installJars, jarsInstalled, LocalNeo4jError, neo4jDir } from "../../src/store/local/index.ts";

describe("installJars", () => {
  it("is a quick no-op once the jars of the current pom are installed", async () => {
    await installJars();
    expect(jarsInstalled()).toBe(true);
    const started = Date.now();
    const again = await installJars({ mvn: "/nonexistent/mvn" }); // Maven is not even looked for
    expect(again.downloaded).toBe(false);
    expect(again.jarCount).toBeGreaterThan(100);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  describe("on a folder without jars", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "kg-install-test-"));
      await copyFile(path.join(neo4jDir, "pom.xml"), path.join(dir, "pom.xml"));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("explains what to install when Maven is missing", async () => {
      expect(jarsInstalled(dir)).toBe(false);
      const attempt = installJars({ dir, mvn: "/nonexistent/mvn" });
      await expect(attempt).rejects.toBeInstanceOf(LocalNeo4jError);
      await expect(attempt).rejects.toThrow(/Cannot run Maven at "\/nonexistent\/mvn".*apt-get install -y maven.*npx kg db install/);
    });
  });
});
