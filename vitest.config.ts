import { defineConfig } from "vitest/config";

/** Test files that talk to the run's Neo4j (or start one of their own): one at a time, after the unit tests. */
const DATABASE_TESTS = [
  "tests/store/concurrency.test.ts",
  "tests/store/entity-merge.test.ts",
  "tests/store/ingest.test.ts",
  "tests/server/api.test.ts",
  "tests/server/auth.test.ts",
  "tests/server/facts.test.ts",
  "tests/server/load-and-bad-input.test.ts",
  "tests/server/seeds.test.ts",
  "tests/server/unavailable.test.ts",
  "tests/analysis/fixture-graph.test.ts",
  "tests/analysis/routes.test.ts",
  "tests/analysis/seeds.test.ts",
  "tests/cli/**/*.test.ts",
  "tests/faults/**/*.test.ts",
  "tests/local/server.test.ts",
  "tests/query/cli.test.ts",
  "tests/query/read-only.test.ts",
  "tests/query/timeout.test.ts",
  "tests/web/**/*.test.ts",
];

export default defineConfig({
  test: {
    // One real parser (KG_NLP_URL, else a throw-away local CoreNLP) and one real Neo4j (NEO4J_URI, else
    // testcontainers, else a throw-away local server) for the whole run. Neither setup waits for its server to
    // load: unit tests start at once, and whoever needs a server waits for it (tests/parse/helpers.ts,
    // tests/setup/neo4j-ready.ts).
    // (Projects do not extend this config: an extending project would run the global setup again.)
    globalSetup: ["tests/setup/nlp-global.ts", "tests/setup/neo4j-global.ts"],
    projects: [
      {
        test: {
          name: "unit",
          testTimeout: 60_000,
          hookTimeout: 180_000,
          include: ["tests/**/*.test.ts"],
          exclude: DATABASE_TESTS,
          // No database: files run in parallel, first.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "database",
          testTimeout: 60_000,
          hookTimeout: 180_000,
          include: DATABASE_TESTS,
          setupFiles: ["tests/setup/neo4j-ready.ts"],
          // One shared server: files run one at a time so they do not wipe each other's data.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
