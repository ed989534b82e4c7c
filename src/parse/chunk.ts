/**
 * Splitting long texts into pieces a CoreNLP server accepts (it refuses texts over its maxCharLength).
 * Pieces are consecutive slices of the text (together they are the whole text), so offsets re-base by adding
 * the piece's start.
 */
export interface TextPiece {
  /** Offset of the piece in the whole text (UTF-16 code units). */
  start: number;
  text: string;
}

/** A blank line: a line break, then a line holding only spaces or tabs, ending in a line break. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/g;

/**
 * Pieces of at most maxChars, cut after paragraph breaks (blank lines). With `ssplit.newlineIsSentenceBreak=two`
 * a blank line always ends a sentence, so parsing the pieces gives what parsing the whole would. A paragraph
 * longer than maxChars is cut at the last sentence end before the limit (else a line break, else a space).
 */
export function splitText(text: string, maxChars: number): TextPiece[] {
  if (!Number.isInteger(maxChars) || maxChars < 2) throw new RangeError(`maxChars must be an integer >= 2, got ${maxChars}`);
  if (text.length <= maxChars) return [{ start: 0, text }];

  const paragraphs: TextPiece[] = [];
  let from = 0;
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    const end = match.index + match[0].length;
    paragraphs.push({ start: from, text: text.slice(from, end) });
    from = end;
  }
  if (from < text.length) paragraphs.push({ start: from, text: text.slice(from) });

  const pieces: TextPiece[] = [];
  let current: TextPiece | null = null;
  for (const paragraph of paragraphs) {
    if (paragraph.text.length > maxChars) {
      if (current) pieces.push(current);
      current = null;
      pieces.push(...splitParagraph(paragraph, maxChars));
    } else if (current && current.text.length + paragraph.text.length <= maxChars) {
      current = { start: current.start, text: current.text + paragraph.text };
    } else {
      if (current) pieces.push(current);
      current = paragraph;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Sentence end: . ! ? or … after a word that starts in lower case or a digit, or a capitalised word of four
 * letters or more (so "Mr.", "Gen.", "U.S." and "e.g." are not taken), then closing quotes or brackets, white
 * space, and what looks like the start of a sentence.
 */
const SENTENCE_END =
  /(?<![\p{L}\p{Nd}.])(?:[\p{Ll}\p{Nd}][\p{L}\p{Nd}'’-]*|\p{Lu}[\p{L}\p{Nd}'’-]{3,})[.!?…]+["'”’»)\]]*\s+(?=["'“‘«(\[]?[\p{Lu}\p{Nd}])/gu;

function splitParagraph(paragraph: TextPiece, maxChars: number): TextPiece[] {
  const pieces: TextPiece[] = [];
  const { text } = paragraph;
  let pos = 0;
  while (text.length - pos > maxChars) {
    const window = text.slice(pos, pos + maxChars);
    const cut = lastCut(window);
    pieces.push({ start: paragraph.start + pos, text: window.slice(0, cut) });
    pos += cut;
  }
  pieces.push({ start: paragraph.start + pos, text: text.slice(pos) });
  return pieces;
}

/** Where to end a piece inside `window` (a length > 0): after a sentence end, else a line break, else a space. */
function lastCut(window: string): number {
  let best = 0;
  for (const match of window.matchAll(SENTENCE_END)) best = match.index + match[0].length;
  if (best > 0) return best;
  const newline = window.lastIndexOf("\n");
  if (newline > 0) return newline + 1;
  const space = window.search(/\s\S*$/);
  if (space > 0) return space + 1;
  // No white space at all: a hard cut, but never between the two halves of a surrogate pair.
  const code = window.charCodeAt(window.length - 1);
  return code >= 0xd800 && code <= 0xdbff ? window.length - 1 : window.length;
}
