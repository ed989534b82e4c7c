import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One real Neo4j for the whole run (NEO4J_URI, else testcontainers, else a throw-away local server).
    globalSetup: ["tests/setup/neo4j-global.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Database tests share one server: run files one at a time so they do not wipe each other's data.
    fileParallelism: false,
  },
});
