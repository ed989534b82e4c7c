/** Small scanning helpers that keep the rules cheap: no regex clones per call, no per-sentence substring searches. */

/**
 * Starts a scan of `text` with a global regex: resets it and returns the first match; loops go on with nextMatch.
 * The same matches as text.matchAll(re) without cloning the regex per call (the loop must not use `re` itself).
 */
export function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

/**
 * The match after `m` in a firstMatch/exec scan. As matchAll does, an empty match moves the scan on by one character
 * (one code point with the u flag), so this is safe for any regex.
 */
export function nextMatch(re: RegExp, text: string, m: RegExpExecArray): RegExpExecArray | null {
  if (m[0] === "") re.lastIndex = advance(text, re.lastIndex, re.unicode);
  return re.exec(text);
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  const d = text.charCodeAt(index + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
