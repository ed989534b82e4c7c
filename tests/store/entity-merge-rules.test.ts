/** The entity combining rules on their own: any order and any grouping of articles give the same entity. */
import { describe, expect, it } from "vitest";
import type { ArticleGraph } from "../../src/graph/schema.ts";
import { batchEntities, combine, type StoredEntity } from "../../src/store/entity-merge.ts";

function view(id: string, date: string | null, name: string, aliases: string[], props: Record<string, string | number>): ArticleGraph {
  return {
    article: { id, title: id, body: "b", source: null, publishedAt: date, url: null, language: "en", contentHash: id, extractor: "t", extractorVersion: "1" },
    entities: [{ id: "person:x", type: "Person", name, aliases, props }],
    mentions: [],
    facts: [],
    stances: [],
    topics: [],
  };
}

const ARTICLES = [
  view("a1", "2025-03-01", "Olena Test", ["Test"], { role: "Minister", country: "country:ukraine" }),
  view("a2", "2025-01-01", "Olena Tests", [], { role: "Deputy Minister" }),
  view("a3", null, "Olena Test", ["O. Test"], { party: "Servant" }),
  view("a4", "2025-03-01", "Olena Test", [], { role: "Prime Minister" }),
];

/** Writes the articles in groups (each group one batch), starting from an empty node, as the store does. */
function writeInGroups(groups: ArticleGraph[][]): StoredEntity {
  let node: StoredEntity = { id: "person:x", name: null, nameFrom: null, aliases: null, propsFrom: null, props: {} };
  for (const group of groups) {
    const [batch] = batchEntities(group);
    const update = combine(node, batch!);
    if (update) node = { ...node, name: update.name, nameFrom: update.nameFrom, aliases: update.aliases, propsFrom: update.propsFrom, props: { ...node.props, ...update.props } };
  }
  return node;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe("combining an entity across articles", () => {
  it("gives the same node for every order and grouping of the articles", () => {
    const expected = writeInGroups([ARTICLES]);
    expect(expected).toMatchObject({
      name: "Olena Tests",
      nameFrom: "2025-01-01|a2",
      aliases: ["O. Test", "Olena Test", "Test"],
      props: { role: "Prime Minister", country: "country:ukraine", party: "Servant" },
    });
    for (const order of permutations(ARTICLES)) {
      expect(writeInGroups(order.map((a) => [a]))).toEqual(expected);
      expect(writeInGroups([order.slice(0, 2), order.slice(2)])).toEqual(expected);
      expect(writeInGroups([order.slice(0, 1), order.slice(1)])).toEqual(expected);
    }
  });

  it("rewrites nothing when an article adds nothing new", () => {
    const node = writeInGroups([ARTICLES]);
    expect(combine(node, batchEntities([ARTICLES[0]!])[0]!)).toBeNull();
  });
});
