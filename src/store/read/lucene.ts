/** Characters with a meaning in Lucene's classic query syntax; a user's word must never carry them through. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Longest accepted search text: longer queries are cut, not rejected. */
const MAX_WORDS = 8;

export function escapeLucene(word: string): string {
  return word.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`);
}

/**
 * Turns what a person typed into a safe Lucene query: each word must match (AND), as an exact term (boosted),
 * a prefix (so "tur" finds "Turkey") or, for words of 4+ letters, within one edit (so "Turky" finds "Turkey").
 * Words are lower-cased because prefix and fuzzy terms skip the analyzer. Returns null when nothing is searchable.
 */
export function buildLuceneQuery(text: string): string | null {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  const clauses = words.map((word) => {
    const term = escapeLucene(word);
    const alternatives = [`${term}^4`, `${term}*^2`];
    if ([...word].length >= 4) alternatives.push(`${term}~1`);
    return `(${alternatives.join(" OR ")})`;
  });
  return clauses.join(" AND ");
}
