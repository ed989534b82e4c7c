import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** One token of the body with its character offsets and part of speech (Universal POS tags from wink-nlp). */
export interface Token {
  text: string;
  start: number;
  end: number;
  pos: string;
  /** Starts with a capital like a name ("Merz", "JD", "Ben-Gvir"), computed once. */
  cap?: boolean;
}

/** One sentence of the body: its exact text, offsets into the body, and tokens. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

// Loaded once at module init: the model is data shipped in an npm package, no I/O at call time.
const nlp = winkNLP(model, ["sbd", "pos"]);
const its = nlp.its;

/** The NLP library alone (used by the benchmark to compare the extractor's time with tagging time). */
export function tagOnly(text: string): number {
  const doc = nlp.readDoc(text);
  return doc.tokens().out(its.pos).length + doc.sentences().length();
}

/**
 * Splits the body into sentences with exact offsets. wink-nlp finds sentence ends and parts of speech;
 * line breaks always end a sentence too (headlines and paragraphs carry no full stop).
 */
export function segment(body: string): Sentence[] {
  const doc = nlp.readDoc(body);
  const texts: string[] = doc.tokens().out();
  const tags: string[] = doc.tokens().out(its.pos);
  const spans: number[][] = doc.sentences().out(its.span) as unknown as number[][];
  const tokens: (Token | null)[] = [];
  let cursor = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] ?? "";
    if (isBlank(t)) {
      tokens.push(null);
      continue;
    }
    let at = body.indexOf(t, cursor);
    if (at < 0 || at - cursor > 40) {
      // wink normalises a few characters (e.g. dashes); fall back to the next non-space character.
      at = cursor;
      while (at < body.length && /\s/.test(body[at] ?? "")) at++;
      const text = body.slice(at, at + t.length);
      tokens.push({ text, start: at, end: at + t.length, pos: tags[i] ?? "X", cap: isCapitalised(text) });
      cursor = at + t.length;
      continue;
    }
    tokens.push({ text: t, start: at, end: at + t.length, pos: tags[i] ?? "X", cap: isCapitalised(t) });
    cursor = at + t.length;
  }
  // wink splits words at some non-English letters ("Erdoğan" -> "Erdo" + "ğan"): glue touching letter tokens back together.
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    if (!a) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j] === null && false) j++;
    const b = tokens[j];
    if (b && a.end === b.start && endsWithLetter(a.text) && startsWithLetter(b.text)) {
      const text = a.text + b.text;
      tokens[i] = { text, start: a.start, end: b.end, pos: /^\p{Lu}/u.test(a.text) ? "PROPN" : a.pos, cap: isCapitalised(text) };
      tokens.splice(j, 1);
      shiftSpans(spans, j);
      i--;
    }
  }
  const out: Sentence[] = [];
  // The first line break at or after `nlFrom` (-1: none); tokens come in text order, so it is looked up again only
  // once a token ends after it.
  let nlFrom = 0;
  let nl = body.indexOf("\n");
  for (const [from, to] of spans) {
    let group: Token[] = [];
    for (let i = from ?? 0; i <= (to ?? -1); i++) {
      const tok = tokens[i];
      if (!tok) continue;
      const prev = group[group.length - 1];
      if (prev) {
        if (prev.end < nlFrom) nl = body.indexOf("\n", (nlFrom = prev.end));
        else if (nl >= 0 && nl < prev.end) nl = body.indexOf("\n", (nlFrom = prev.end));
        if (nl >= 0 && nl < tok.start) {
          pushSentence(out, body, group);
          group = [];
        }
      }
      group.push(tok);
    }
    pushSentence(out, body, group);
  }
  return out;
}

/** Empty or only white space (as trim() sees it); a printable ASCII first character settles it without trimming. */
function isBlank(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return !t.trim();
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Ends in a letter (any script); ASCII is decided by its code, the rest by the Unicode property. */
function endsWithLetter(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return c < 128 ? isAsciiLetter(c) : /\p{L}$/u.test(t);
}

function startsWithLetter(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 128 ? isAsciiLetter(c) : /^\p{L}/u.test(t);
}

function pushSentence(out: Sentence[], body: string, group: Token[]): void {
  if (!group.length) return;
  const start = group[0]!.start;
  const end = group[group.length - 1]!.end;
  out.push({ index: out.length, start, end, text: body.slice(start, end), tokens: group });
}

/** A name-like capitalised token; both patterns need an ASCII capital first, so most tokens skip the regexes. */
function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 65 && c <= 90 && /^(?:[A-Z][\p{L}'’.-]*|[A-Z]{2,3})$/u.test(text) && !/^[A-Z]{4,}$/.test(text);
}

/** Keeps wink's sentence token ranges right after a token at index `removed` was merged away. */
function shiftSpans(spans: number[][], removed: number): void {
  for (const sp of spans) {
    if (sp[0]! > removed) sp[0]!--;
    if (sp[1]! >= removed) sp[1]!--;
  }
}
