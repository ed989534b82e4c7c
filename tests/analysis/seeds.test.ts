import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSavedQueries, savedQueryParams } from "../../src/analysis/saved-queries.ts";
import { compareActors } from "../../src/analysis/service.ts";
import { REPO_ROOT } from "../../src/config/index.ts";
import { ingestPaths } from "../../src/pipeline/ingest.ts";
import type { Store } from "../../src/store/driver.ts";
import { Neo4jAnalystReader } from "../../src/store/query/analyst-reader.ts";
import { runReadOnlyQuery } from "../../src/store/query/runner.ts";
import { createParser } from "../../src/parse/index.ts";
import { testParserConfig } from "../parse/helpers.ts";
import { freshStore } from "../store/helpers.ts";

/** The analyst features end to end on the seed articles: ingest (real extractor) -> Neo4j -> compare / saved queries. */
let store: Store;

beforeAll(async () => {
  store = await freshStore();
  const parser = createParser(await testParserConfig());
  const summary = await ingestPaths(store, parser, [path.join(REPO_ROOT, "seeds")]).finally(() => parser.close());
  expect(summary.failures).toEqual([]);
});
afterAll(async () => {
  await store?.close();
});

describe("on the seed graph", () => {
  it("kg compare --topic peacekeeping Turkey Europe Russia: Turkey backs it (support or conditional), Russia opposes, with quotes", async () => {
    const result = await compareActors(new Neo4jAnalystReader(store), { topic: "peacekeeping", actors: ["Turkey", "Europe", "Russia"] });
    const [turkey, europe, russia] = result.columns;
    expect(["support", "conditional"]).toContain(turkey!.stance);
    expect(russia!.stance).toBe("oppose");
    for (const column of [turkey!, russia!]) {
      expect(column.evidence.length).toBeGreaterThan(0);
      for (const e of column.evidence) {
        expect(e.quote?.length).toBeGreaterThan(20);
        expect(e.articleTitle).toBeTruthy();
      }
    }
    expect(europe!.actor.memberIds).not.toContain("country:russia");
  });

  it.each(listSavedQueries().map((q) => [q.name, q] as const))("saved query %s returns rows", async (_, q) => {
    const result = await runReadOnlyQuery(store, q.cypher, savedQueryParams(q, {}));
    expect(result.rows.length).toBeGreaterThan(0);
  });
});
