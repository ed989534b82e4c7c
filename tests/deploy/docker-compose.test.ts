import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/index.ts";

// No Docker engine runs here, so the compose file is checked statically for the points users rely on.
const compose = parse(readFileSync(path.join(REPO_ROOT, "docker-compose.yml"), "utf8"));
const neo4j = compose.services.neo4j;

describe("docker-compose.yml", () => {
  it("bounds transactions like the local server: memory per transaction and in all, and a default timeout", () => {
    expect(neo4j.environment.NEO4J_db_memory_transaction_max).toMatch(/^\d+[MG]$/);
    expect(neo4j.environment.NEO4J_dbms_memory_transaction_total_max).toMatch(/^\d+[MG]$/);
    expect(neo4j.environment.NEO4J_db_transaction_timeout).toMatch(/^\d+s$/);
  });

  it("runs Neo4j 5.26", () => {
    expect(neo4j.image).toMatch(/^neo4j:5\.26/);
  });

  it("binds every published port to loopback", () => {
    expect(neo4j.ports.length).toBeGreaterThanOrEqual(2);
    for (const port of neo4j.ports) expect(String(port)).toMatch(/^127\.0\.0\.1:/);
    expect(neo4j.ports.some((p: string) => p.endsWith(":7687"))).toBe(true);
  });

  it("takes credentials from the environment, never a literal password", () => {
    expect(neo4j.environment.NEO4J_AUTH).toMatch(/\$\{NEO4J_PASSWORD[:?}]/);
    expect(neo4j.environment.NEO4J_AUTH).not.toMatch(/\/(neo4j|password|secret)\b/);
  });

  it("has a healthcheck", () => {
    expect(neo4j.healthcheck.test.join(" ")).toMatch(/7474/);
    expect(neo4j.healthcheck.retries).toBeGreaterThan(0);
  });

  it("keeps data in a named volume", () => {
    const dataMount = neo4j.volumes.find((v: string) => v.endsWith(":/data"));
    expect(dataMount).toBeDefined();
    const volumeName = dataMount.split(":")[0];
    expect(Object.keys(compose.volumes)).toContain(volumeName);
  });
});
