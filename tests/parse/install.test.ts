import { copyFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installParserJars, jarsInstalled, nlpDir } from "../../src/parse/local/index.ts";
import { LocalParserError } from "../../src/parse/index.ts";

describe("installParserJars", () => {
  it("is a quick no-op once the jars of the current pom are installed", async () => {
    await installParserJars();
    expect(jarsInstalled()).toBe(true);
    const started = Date.now();
    const again = await installParserJars({ mvn: "/nonexistent/mvn" }); // Maven is not even looked for
    expect(again.downloaded).toBe(false);
    expect(again.jarCount).toBeGreaterThanOrEqual(20);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  describe("on a folder without jars", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "kg-nlp-install-test-"));
      await copyFile(path.join(nlpDir, "pom.xml"), path.join(dir, "pom.xml"));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("explains what to install when Maven is missing", async () => {
      expect(jarsInstalled(dir)).toBe(false);
      const attempt = installParserJars({ dir, mvn: "/nonexistent/mvn" });
      await expect(attempt).rejects.toBeInstanceOf(LocalParserError);
      await expect(attempt).rejects.toThrow(/Cannot run Maven at "\/nonexistent\/mvn".*apt-get install -y maven.*npx kg nlp install/);
    });

    it("explains what to install when Java is missing, before downloading anything", async () => {
      await expect(installParserJars({ dir, java: "/nonexistent/java" })).rejects.toThrow(/Cannot run Java at "\/nonexistent\/java"/);
      expect(jarsInstalled(dir)).toBe(false);
    });
  });
});
