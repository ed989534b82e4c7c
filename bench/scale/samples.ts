/**
 * What the scale bench asks the API for, chosen from the loaded graph before timing: hubs, middling and rare
 * entities (by number of facts), names to search (exact, prefix, misspelt, rare), articles, fact keys.
 */
import neo4j from "neo4j-driver";
import { z } from "zod";
import { cypher } from "../../src/store/cypher.ts";
import type { Store } from "../../src/store/driver.ts";
import { rng } from "./random.ts";

const EntityRow = z.object({ id: z.string(), name: z.string(), type: z.string(), degree: z.number() });
type EntityRow = z.infer<typeof EntityRow>;

export type Samples = {
  hubs: EntityRow[];
  middling: EntityRow[];
  rare: EntityRow[];
  searches: string[];
  articleIds: string[];
  factKeys: string[];
};

export async function chooseSamples(store: Store, articles: number, seed: number): Promise<Samples> {
  const r = rng(seed * 31 + articles);
  const read = async (name: string, params: Record<string, unknown> = {}) =>
    (await store.driver.executeQuery(cypher(name), params, { database: store.database, routing: "READ" })).records.map((x) => x.toObject());
  const entities = z.array(EntityRow).parse(await read("bench/scale-entities")).sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
  const actors = entities.filter((e) => ["Person", "Country", "Organization"].includes(e.type));
  const at = (list: EntityRow[], from: number, count: number) => list.slice(Math.min(from, Math.max(0, list.length - count)), from + count);
  const hubs = at(actors, 0, 5);
  const middling = at(actors, Math.floor(actors.length * 0.05), 5);
  const rareOnes = actors.filter((e) => e.degree > 0 && e.degree <= 3);
  const rare = Array.from({ length: 5 }, () => rareOnes[r.int(rareOnes.length)]).filter((e): e is EntityRow => e !== undefined);
  const misspell = (name: string) => (name.length > 5 ? name.slice(0, 3) + name[4] + name[3] + name.slice(5) : name);
  const searches = [
    ...hubs.slice(0, 3).map((e) => e.name),
    ...hubs.slice(0, 2).map((e) => e.name.slice(0, 3)),
    ...middling.slice(0, 2).map((e) => misspell(e.name)),
    ...rare.slice(0, 3).map((e) => e.name),
  ];
  const articleIds = Array.from({ length: 10 }, () => `scale-${String(r.int(articles)).padStart(7, "0")}`);
  const factKeys = z.array(z.object({ key: z.string() })).parse(await read("bench/scale-fact-keys", { limit: neo4j.int(500) })).map((k) => k.key);
  return { hubs, middling, rare, searches, articleIds, factKeys };
}
