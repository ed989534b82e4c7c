/**
 * The one place where names and phrases are normalised for comparison, ids and slugs. Every stage uses these
 * (article ids, extractor ids, global graph keys, the scorer, analyst look-ups), so that "Türkiye", "Turkiye" and
 * "the Türkiye" are compared the same way everywhere.
 */

/** Strips diacritics: NFKD, then drops combining marks ("Vučić" -> "Vucic"). */
export function stripDiacritics(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "");
}

/** Latin letters that NFKD does not decompose, spelled in ASCII ("Đurić" -> "Duric", "Sørensen" -> "Sorensen"). */
const LATIN_EXTRA: Record<string, string> = { Đ: "D", đ: "d", Ł: "L", ł: "l", Ø: "O", ø: "o", ß: "ss", Æ: "AE", æ: "ae", Œ: "OE", œ: "oe", Þ: "Th", þ: "th", ı: "i", Ħ: "H", ħ: "h" };
export function toAscii(text: string): string {
  return stripDiacritics(text).replace(/[ĐđŁłØøßÆæŒœÞþıĦħ]/g, (c) => LATIN_EXTRA[c] ?? c);
}

/** Lower case, no diacritics, runs of anything but ASCII letters and digits as one space, trimmed. */
export function foldWords(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The evaluation's comparison form (FORMAT.md): folded words without a leading "the". */
export function comparable(text: unknown): string {
  return foldWords(String(text ?? "")).replace(/^the /, "");
}

/** Letters-and-digits comparison that keeps non-Latin letters (search and analyst look-ups in any script). */
export function looseKey(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

/** Bounded memo of slug(): the same names are slugged many times per article. */
const slugCache = new Map<string, string>();

/** Lower-case ASCII slug: "Kaja Kallas" -> "kaja-kallas"; apostrophes vanish ("Côte d'Ivoire" -> "cote-divoire"). */
export function slug(text: string, maxLength = Infinity): string {
  let s = slugCache.get(text);
  if (s === undefined) {
    s = toAscii(text)
      .toLowerCase()
      .replace(/['’]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    if (slugCache.size > 50_000) slugCache.clear();
    slugCache.set(text, s);
  }
  if (s.length <= maxLength) return s;
  const cut = s.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf("-");
  // Cut at a word boundary when there is one in the second half, else hard.
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : s.slice(0, maxLength)).replace(/-+$/, "");
}

/**
 * A readable, spelling-tolerant key for a name, so the same actor spelled differently by two outlets becomes one
 * node: case, diacritics, punctuation, a possessive and a leading "the" go (Türkiye/Turkiye), and a doubled
 * word-final y or i collapses (Zelenskyy/Zelensky).
 */
export function nameKey(name: string): string {
  const words = toAscii(name)
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^the /, "")
    .split(" ")
    .filter(Boolean)
    .map((w) => w.replace(/(yy|ii)$/, (m) => m[0]!));
  return words.join("-").slice(0, 96).replace(/-+$/, "");
}

/** Collapses runs of white space to one space and trims. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
