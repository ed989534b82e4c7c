/**
 * Seeded randomness for the scale corpus: the same seed and article index always give the same article, so a
 * corpus of 10,000 articles is the first part of one of 100,000 and runs are comparable.
 */

/** mulberry32: small, fast, good enough for synthetic data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    /** Uniform pick. */
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    /**
     * A rank in [0, n) with P(rank) about proportional to 1 / (rank + 1): Zipf with exponent 1, by inverting the
     * continuous approximation of its distribution (no table, so n may grow from one article to the next).
     */
    zipf: (n: number): number => Math.min(n - 1, Math.floor(Math.pow(n + 1, next())) - 1),
    /** Picks by weight (weights need not sum to 1). */
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1]![0];
    },
  };
}
export type Rng = ReturnType<typeof rng>;

/** A 32-bit hash of a string and a salt (FNV-1a), for per-article seeds and stable choices by name. */
export function hash32(text: string, salt = 0): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
