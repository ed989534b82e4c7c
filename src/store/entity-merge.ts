import type { ArticleGraph } from "../graph/schema.ts";

/**
 * How an entity named by several articles is shown, independently of the order the articles arrive in (so
 * concurrent ingests end in the graph one run makes):
 *   name      the spelling of the earliest article (publishedAt, then id); `nameFrom` is that article's order key
 *   aliases   every other spelling any article used, sorted
 *   props     each property from the latest article giving it; `propsFrom` lists "key@orderKey", sorted
 * Each rule is a min, a union or a max, so combining in any order, in any grouping, gives the same result.
 */
export interface EntityState {
  id: string;
  type: string;
  name: string;
  nameFrom: string;
  spellings: string[];
  props: Record<string, unknown>;
  propsFrom: Record<string, string>;
}

/** What the stored node holds (null fields for a node just created). */
export interface StoredEntity {
  id: string;
  name: string | null;
  nameFrom: string | null;
  aliases: string[] | null;
  propsFrom: string[] | null;
  props: Record<string, unknown>;
}

/** The order articles are ranked in when they disagree: publication date (undated last), then id. */
export function articleOrderKey(article: ArticleGraph["article"]): string {
  return `${article.publishedAt ?? "9999-12-31"}|${article.id}`;
}

function absorb(state: EntityState, name: string, nameFrom: string, spellings: string[], props: Record<string, unknown>, propsFrom: Record<string, string>) {
  if (nameFrom < state.nameFrom) {
    state.name = name;
    state.nameFrom = nameFrom;
  }
  state.spellings.push(name, ...spellings);
  for (const [k, v] of Object.entries(props)) {
    const from = propsFrom[k]!;
    if (!(k in state.propsFrom) || from >= state.propsFrom[k]!) {
      state.props[k] = v;
      state.propsFrom[k] = from;
    }
  }
}

/** The batch's view of each entity, one per id, sorted by id (the order locks are taken in). */
export function batchEntities(graphs: ArticleGraph[]): EntityState[] {
  const byId = new Map<string, EntityState>();
  for (const g of graphs) {
    const key = articleOrderKey(g.article);
    for (const e of g.entities) {
      let state = byId.get(e.id);
      if (!state) {
        state = { id: e.id, type: e.type, name: e.name, nameFrom: key, spellings: [], props: {}, propsFrom: {} };
        byId.set(e.id, state);
      }
      absorb(state, e.name, key, e.aliases, e.props, Object.fromEntries(Object.keys(e.props).map((k) => [k, key])));
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

const PROVENANCE = /^(.*)@([^@]*)$/;

/** The stored node combined with the batch's view; null when nothing changes (the node is not rewritten). */
export function combine(stored: StoredEntity, batch: EntityState) {
  const propsFrom: Record<string, string> = {};
  for (const entry of stored.propsFrom ?? []) {
    const m = PROVENANCE.exec(entry);
    if (m) propsFrom[m[1]!] = m[2]!;
  }
  const state: EntityState = {
    id: stored.id,
    type: batch.type,
    name: stored.name ?? batch.name,
    nameFrom: stored.nameFrom ?? "\uffff", // a node from before this scheme: the batch's name wins
    spellings: [...(stored.aliases ?? []), ...(stored.name === null ? [] : [stored.name])],
    props: Object.fromEntries(Object.keys(propsFrom).map((k) => [k, stored.props[k]])),
    propsFrom,
  };
  absorb(state, batch.name, batch.nameFrom, batch.spellings, batch.props, batch.propsFrom);
  const aliases = [...new Set(state.spellings)].filter((s) => s !== state.name).sort();
  const provenance = Object.entries(state.propsFrom).map(([k, from]) => `${k}@${from}`).sort();
  const changedProps = Object.fromEntries(Object.entries(state.props).filter(([k, v]) => JSON.stringify(stored.props[k]) !== JSON.stringify(v)));
  const unchanged =
    state.name === stored.name &&
    state.nameFrom === stored.nameFrom &&
    JSON.stringify(aliases) === JSON.stringify(stored.aliases ?? []) &&
    JSON.stringify(provenance) === JSON.stringify(stored.propsFrom ?? []) &&
    Object.keys(changedProps).length === 0;
  if (unchanged) return null;
  return { id: stored.id, name: state.name, nameFrom: state.nameFrom, aliases, propsFrom: provenance, props: changedProps };
}
