import { api, type FactDetail } from "../api.ts";

/** Keys per request: the API takes at most 5,000. */
const CHUNK = 2_000;

/**
 * The evidence behind the explorer's edges (quote, stance, codes, article), fetched on demand (hovering an edge,
 * exporting) and kept: the graph's own payload stays small however many facts it draws.
 */
export class FactStore {
  private readonly known = new Map<string, FactDetail>();
  private readonly missing = new Set<string>();

  /** The facts of these edge keys, in the same order (keys without evidence, e.g. ABOUT, are left out). */
  async get(keys: string[]): Promise<FactDetail[]> {
    const wanted = [...new Set(keys)].filter((k) => !this.known.has(k) && !this.missing.has(k) && !k.startsWith("element:"));
    for (let i = 0; i < wanted.length; i += CHUNK) {
      const chunk = wanted.slice(i, i + CHUNK);
      const { facts } = await api.facts(chunk);
      for (const fact of facts) this.known.set(fact.key, fact);
      for (const key of chunk) if (!this.known.has(key)) this.missing.add(key);
    }
    return keys.map((k) => this.known.get(k)).filter((f): f is FactDetail => f !== undefined);
  }

  peek(key: string): FactDetail | undefined {
    return this.known.get(key);
  }
}
