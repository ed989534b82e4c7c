import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One real Neo4j for the whole run (NEO4J_URI, else testcontainers, else a throw-away local server), and one
    // real parser (KG_NLP_URL, else a throw-away local CoreNLP). The parser's setup comes first and does not wait
    // for its models to load, so both servers start side by side (see tests/setup/nlp-global.ts).
    globalSetup: ["tests/setup/nlp-global.ts", "tests/setup/neo4j-global.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Database tests share one server: run files one at a time so they do not wipe each other's data.
    fileParallelism: false,
  },
});
