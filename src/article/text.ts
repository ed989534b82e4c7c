/** Whitespace rules shared by every reader: bodies keep their paragraphs, nothing else changes. */

/** Collapses runs of spaces/tabs (and no-break spaces) inside a line and trims it. */
export function normaliseLine(line: string): string {
  return line.replace(/[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, " ").trim();
}

/** Splits text into lines with unified line endings (CRLF, CR, Unicode separators). */
export function splitLines(text: string): string[] {
  return text.replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n").split("\n");
}

/**
 * Turns a list of paragraphs into one body: each paragraph on one line, paragraphs separated by a blank line,
 * inner whitespace collapsed, empty paragraphs dropped.
 */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map(normaliseLine)
    .filter((p) => p.length > 0)
    .join("\n\n");
}

/**
 * Normalises a body whose paragraphs are separated by blank lines, or one per line: every non-empty line
 * becomes a paragraph (news text rarely hard-wraps inside a paragraph).
 */
export function normaliseBody(text: string): string {
  return joinParagraphs(splitLines(text));
}
