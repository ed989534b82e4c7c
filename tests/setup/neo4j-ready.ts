/**
 * Setup file of the database project: before a file's tests run, wait until the run's Neo4j answers. The local
 * server starts in the background (tests/setup/neo4j-global.ts) while the unit project runs; the first database
 * file waits here, the others find it ready.
 */
import { existsSync, readFileSync } from "node:fs";
import { inject } from "vitest";

const TIMEOUT_MS = 300_000;

const { readyFile } = inject("neo4j");
if (readyFile) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!existsSync(readyFile)) {
    if (Date.now() > deadline) throw new Error(`the test Neo4j did not answer within ${TIMEOUT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const state = readFileSync(readyFile, "utf8").trim();
  if (state !== "ready") throw new Error(`the test Neo4j did not start (${state})`);
}
