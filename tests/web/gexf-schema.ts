import { spawnSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../../src/config/index.ts";

/** The published GEXF 1.3 XSD, kept in the repository (see its README) so validation works offline. */
export const GEXF_XSD = path.join(REPO_ROOT, "tests", "fixtures", "gexf-1.3", "gexf.xsd");

/** Validates a GEXF file against the GEXF 1.3 XSD with xmllint (Debian's libxml2-utils). */
export function validateGexf(file: string): { valid: boolean; errors: string } {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", GEXF_XSD, file], { encoding: "utf8" });
  if (run.error) throw new Error(`xmllint is needed to validate GEXF (apt-get install libxml2-utils): ${run.error.message}`);
  const errors = run.stderr.split("\n").filter((line) => line.trim() && !line.endsWith(" validates")).join("\n");
  return { valid: run.status === 0, errors };
}
