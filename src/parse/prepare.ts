/**
 * What the parser is given: the body with its dateline ("DOHA, Feb 12 — ", "KYIV (Reuters) - ") blanked out, so that
 * the first sentence parses as the sentence it is rather than as an appendix to a place name. The dateline is
 * replaced by spaces of the same length: every offset the parser returns is still an offset into the body.
 */
const DATELINE =
  /^(\s*)([A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)?)(,?\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)?(?:,?\s*\d{4})?\s*(?:\([A-Za-z .&]+\)\s*)?)([—–]|--?)\s+/;

export interface Dateline {
  /** The place as written ("ADDIS ABABA"). */
  place: string;
  start: number;
  end: number;
}

/** The dateline at the start of a body, if it has one. */
export function findDateline(body: string): Dateline | undefined {
  const m = DATELINE.exec(body);
  if (!m) return undefined;
  const place = m[2]!.trim().replace(/,.*$/, "");
  // A dateline's place is written in capitals; a sentence starting "NATO - the alliance" is not one.
  if (place.length < 3 || place !== place.toUpperCase() || !/[A-Z]{3}/.test(place)) return undefined;
  const start = m[1]!.length;
  return { place, start, end: m[0].length };
}

/** The body with its dateline blanked (same length, same offsets). */
export function textForParser(body: string): string {
  const d = findDateline(body);
  if (!d) return body;
  return body.slice(0, d.start) + " ".repeat(d.end - d.start) + body.slice(d.end);
}
