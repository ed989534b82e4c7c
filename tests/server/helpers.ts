import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { connect, type Store } from "../../src/store/driver.ts";
import { statements, cypher } from "../../src/store/cypher.ts";
import { applySchema, storeDerived } from "../../src/store/schema.ts";
import { clearGraph } from "../../src/store/stats.ts";
import { ingestPaths } from "../../src/pipeline/ingest.ts";
import { createParser } from "../../src/parse/index.ts";
import { testParserConfig } from "../parse/helpers.ts";
import { GraphReader } from "../../src/store/read/graph-reader.ts";

const FIXTURE_DIR = new URL("./fixtures/", import.meta.url);

type FixtureArticle = { id: string; body: string };
type Fixture = {
  articles: FixtureArticle[];
  mentions: { entity: string; article: string; text: string }[];
  facts: { type: string; source: string; target: string; article: string; evidence: string }[];
  stances: { actor: string; topic: string; article: string; evidence: string }[];
  [key: string]: unknown;
};

function allOffsets(body: string, text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + text.length)) starts.push(at);
  return { starts, ends: starts.map((s) => s + text.length) };
}

/** The fixture's data with mention and evidence offsets computed from the article bodies (so they are always right). */
export function fixtureParams(): Record<string, unknown> {
  const fixture = JSON.parse(readFileSync(new URL("graph.json", FIXTURE_DIR), "utf8")) as Fixture;
  const bodies = new Map(fixture.articles.map((a) => [a.id, a.body]));
  const span = (article: string, evidence: string) => {
    const body = bodies.get(article) ?? "";
    const start = body.indexOf(evidence);
    if (start < 0) throw new Error(`fixture evidence not in ${article}: ${evidence}`);
    return { start, end: start + evidence.length };
  };
  return {
    ...fixture,
    mentions: fixture.mentions.map((m) => ({ ...m, ...allOffsets(bodies.get(m.article) ?? "", m.text) })),
    facts: fixture.facts.map((f, i) => ({ ...f, key: `fixture-fact-${i}`, ...span(f.article, f.evidence) })),
    stances: fixture.stances.map((s, i) => ({ ...s, key: `fixture-stance-${i}`, ...span(s.article, s.evidence) })),
  };
}

/** Empties the test Neo4j, applies the project schema and loads the explorer fixture graph. */
export async function loadFixtureGraph(): Promise<Store> {
  const store = await connect(inject("neo4j"));
  await clearGraph(store);
  await applySchema(store);
  const params = fixtureParams();
  for (const statement of statements(readFileSync(new URL("load.cypher", FIXTURE_DIR), "utf8"))) {
    await store.driver.executeQuery(statement, params, { database: store.database });
  }
  // Written by hand, not by the write path: the numbers of facts the overview ranks by are stored here.
  await storeDerived(store, { all: true });
  await store.driver.executeQuery(cypher("admin/await-indexes"), {}, { database: store.database });
  return store;
}

export function readerFor(store: Store): GraphReader {
  const target = inject("neo4j");
  return GraphReader.open({ uri: target.uri, user: target.user, password: target.password ?? "", database: store.database });
}

export const SEEDS_DIR = fileURLToPath(new URL("../../seeds/", import.meta.url));
export const HOSTILE_DIR = fileURLToPath(new URL("./fixtures/hostile/", import.meta.url));

/** Empties the test Neo4j and ingests the seed articles (plus the hostile-markup article) through the real pipeline. */
export async function loadSeedGraph(): Promise<Store> {
  const store = await connect(inject("neo4j"));
  await clearGraph(store);
  await applySchema(store);
  const parser = createParser(await testParserConfig());
  const summary = await ingestPaths(store, parser, [SEEDS_DIR, HOSTILE_DIR]).finally(() => parser.close());
  if (summary.failures.length > 0) throw new Error(`seed ingest failed: ${JSON.stringify(summary.failures)}`);
  await store.driver.executeQuery(cypher("admin/await-indexes"), {}, { database: store.database });
  return store;
}
