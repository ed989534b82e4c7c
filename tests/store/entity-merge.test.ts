/**
 * An entity named by several articles: its name, aliases and properties combine independently of the order the
 * articles are written in, and deleting an article takes back the spellings only it brought.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ArticleGraph } from "../../src/graph/schema.ts";
import type { Store } from "../../src/store/driver.ts";
import { clearGraph } from "../../src/store/stats.ts";
import { deleteArticles, writeArticleGraphs } from "../../src/store/write.ts";
import { freshStore, rows } from "./helpers.ts";

let store: Store;
beforeAll(async () => {
  store = await freshStore();
});
beforeEach(async () => {
  await clearGraph(store);
});
afterAll(async () => {
  await store?.close();
});

function article(id: string, date: string, name: string, aliases: string[], props: Record<string, string>): ArticleGraph {
  return {
    article: {
      id,
      title: id,
      body: `${name} said things.`,
      source: "Test",
      publishedAt: date,
      url: null,
      language: "en",
      contentHash: `hash-${id}`,
      extractor: "test",
      extractorVersion: "1",
    },
    entities: [
      { id: "country:turkey", type: "Country", name, aliases, props },
      { id: "person:anna-test", type: "Person", name: "Anna Test", aliases: [], props: {} },
    ],
    mentions: [
      { entityId: "country:turkey", count: 1, starts: [0], ends: [name.length] },
      { entityId: "person:anna-test", count: 1, starts: [], ends: [] },
    ],
    facts: [{ key: `${id}-f`, type: "MET_WITH", from: "person:anna-test", to: "country:turkey", props: { articleId: id, evidence: "x" } }],
    stances: [],
    topics: [],
  };
}

const early = article("art-early", "2025-01-01", "Turkey", ["Türkiye"], { iso2: "TR", region: "Asia" });
const late = article("art-late", "2025-02-01", "Turkiye", ["Republic of Türkiye"], { region: "Europe", capital: "Ankara" });

async function turkey() {
  const [row] = await rows<{ name: string; aliases: string[]; iso2: string | null; region: string | null; capital: string | null }>(
    store,
    "MATCH (e:Entity {id: 'country:turkey'}) RETURN e.name AS name, e.aliases AS aliases, e.iso2 AS iso2, e.region AS region, e.capital AS capital",
  );
  return row;
}

describe("an entity several articles name", () => {
  it("takes its name from the earliest article, every other spelling as an alias, each property from the latest", async () => {
    await writeArticleGraphs(store, [early]);
    await writeArticleGraphs(store, [late]);
    const inOrder = await turkey();
    expect(inOrder).toEqual({ name: "Turkey", aliases: ["Republic of Türkiye", "Turkiye", "Türkiye"], iso2: "TR", region: "Europe", capital: "Ankara" });

    await clearGraph(store);
    await writeArticleGraphs(store, [late]);
    await writeArticleGraphs(store, [early]);
    expect(await turkey()).toEqual(inOrder);

    await clearGraph(store);
    await writeArticleGraphs(store, [late, early]);
    expect(await turkey()).toEqual(inOrder);
  });

  it("loses the aliases only a deleted article brought", async () => {
    await writeArticleGraphs(store, [early, late]);
    expect(await deleteArticles(store, ["art-late"])).toBe(1);
    expect(await turkey()).toMatchObject({ name: "Turkey", aliases: ["Türkiye"] });

    await clearGraph(store);
    await writeArticleGraphs(store, [early, late]);
    expect(await deleteArticles(store, ["art-early"])).toBe(1);
    expect(await turkey()).toMatchObject({ name: "Turkiye", aliases: ["Republic of Türkiye"] });
  });

  it("loses the aliases of the old text when an article's text changes", async () => {
    await writeArticleGraphs(store, [early, late]);
    const changed = article("art-late", "2025-02-01", "Turkey", [], { region: "Europe" });
    changed.article.contentHash = "hash-changed";
    const [outcome] = await writeArticleGraphs(store, [changed]);
    expect(outcome!.status).toBe("updated");
    expect(await turkey()).toMatchObject({ name: "Turkey", aliases: ["Türkiye"] });
  });
});
