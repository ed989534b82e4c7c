import type { ParsedText } from "../../parse/schema.ts";
import { repairSentence } from "./repair.ts";

/**
 * The article as the rules see it: sentences of tokens with offsets into the body, parts of speech, lemmas,
 * named-entity tags and two dependency graphs (basic for structure, enhanced++ for who-did-what: propagated
 * conjuncts, controlled subjects, relative-clause referents). Token indexes are 0-based within a sentence.
 */
export interface Tok {
  /** Index within the sentence. */
  i: number;
  /** The token exactly as written in the body. */
  text: string;
  /** Lower-cased lemma. */
  lemma: string;
  lower: string;
  pos: string;
  ner: string;
  start: number;
  end: number;
}

export interface Arc {
  rel: string;
  /** The other end: the dependent for children, the governor for heads (-1 = root). */
  to: number;
}

export interface Sent {
  index: number;
  start: number;
  end: number;
  text: string;
  toks: Tok[];
  /** Basic tree: head of each token (-1 for the root) and its relation. */
  head: number[];
  rel: string[];
  kids: Arc[][];
  /** Enhanced++ graph (a token may have several heads). */
  ekids: Arc[][];
  eheads: Arc[][];
  /** A heading or a time stamp line of a live blog ("### 10:15 - Qatar's opening proposal"), not running text. */
  heading: boolean;
}

export interface Doc {
  body: string;
  sents: Sent[];
}

export function buildDoc(body: string, parsed: ParsedText): Doc {
  const sents: Sent[] = [];
  for (const s of parsed.sentences) {
    if (!s.tokens.length) continue;
    const toks: Tok[] = s.tokens.map((t, i) => {
      const text = body.slice(t.start, t.end) || t.word;
      return { i, text, lemma: t.lemma.toLowerCase(), lower: text.toLowerCase(), pos: t.pos, ner: t.ner, start: t.start, end: t.end };
    });
    const n = toks.length;
    const head = new Array<number>(n).fill(-1);
    const rel = new Array<string>(n).fill("root");
    const kids: Arc[][] = Array.from({ length: n }, () => []);
    const ekids: Arc[][] = Array.from({ length: n }, () => []);
    const eheads: Arc[][] = Array.from({ length: n }, () => []);
    // The basic tree's labels take the enhanced graph's preposition ("nmod" -> "nmod:in", "obl" -> "obl:for").
    const typed = new Map<string, string>();
    for (const a of s.enhanced) typed.set(`${a.gov}|${a.dep}`, a.rel.toLowerCase());
    for (const a of s.basic) {
      const d = a.dep - 1;
      const g = a.gov - 1;
      if (d < 0 || d >= n) continue;
      let label = a.rel.toLowerCase();
      const enhanced = typed.get(`${a.gov}|${a.dep}`);
      if (enhanced && enhanced.startsWith(label + ":")) label = enhanced;
      head[d] = g;
      rel[d] = label;
      if (g >= 0 && g < n) kids[g]!.push({ rel: label, to: d });
    }
    for (const a of s.enhanced) {
      const d = a.dep - 1;
      const g = a.gov - 1;
      if (d < 0 || d >= n) continue;
      eheads[d]!.push({ rel: a.rel.toLowerCase(), to: g });
      if (g >= 0 && g < n) ekids[g]!.push({ rel: a.rel.toLowerCase(), to: d });
    }
    for (const list of kids) list.sort((a, b) => a.to - b.to);
    const start = toks[0]!.start;
    const end = toks[n - 1]!.end;
    const sent: Sent = { index: sents.length, start, end, text: body.slice(start, end), toks, head, rel, kids, ekids, eheads, heading: isHeading(body, start, end) };
    repairSentence(sent);
    sents.push(sent);
  }
  return { body, sents };
}

/** Children of token i whose relation is rel (or starts with rel + ":" when prefix is true), in the basic tree. */
export function kidsOf(s: Sent, i: number, rel?: string | RegExp): number[] {
  const out: number[] = [];
  for (const a of s.kids[i] ?? []) if (matchesRel(a.rel, rel)) out.push(a.to);
  return out;
}

/** Dependents of token i in the enhanced graph. */
export function ekidsOf(s: Sent, i: number, rel?: string | RegExp): number[] {
  const out: number[] = [];
  for (const a of s.ekids[i] ?? []) if (matchesRel(a.rel, rel)) if (!out.includes(a.to)) out.push(a.to);
  return out;
}

/** Governors of token i in the enhanced graph. */
export function eheadsOf(s: Sent, i: number, rel?: string | RegExp): number[] {
  const out: number[] = [];
  for (const a of s.eheads[i] ?? []) if (a.to >= 0 && matchesRel(a.rel, rel)) if (!out.includes(a.to)) out.push(a.to);
  return out;
}

function matchesRel(actual: string, want: string | RegExp | undefined): boolean {
  if (want === undefined) return true;
  if (typeof want === "string") return actual === want || actual.startsWith(want + ":");
  return want.test(actual);
}

/** The enhanced relation label (e.g. "obl:by") between governor g and dependent d, or undefined. */
export function erel(s: Sent, g: number, d: number): string | undefined {
  for (const a of s.ekids[g] ?? []) if (a.to === d) return a.rel;
  return undefined;
}

/** All tokens of the basic subtree of i (sorted), optionally not descending into the given relations. */
export function subtree(s: Sent, i: number, stopRels?: (rel: string, tok: number) => boolean): number[] {
  const out: number[] = [];
  const seen = new Set<number>([i]);
  const stack = [i];
  while (stack.length) {
    const t = stack.pop()!;
    out.push(t);
    for (const a of s.kids[t] ?? []) {
      if (seen.has(a.to) || (stopRels && stopRels(a.rel, a.to))) continue;
      seen.add(a.to);
      stack.push(a.to);
    }
  }
  return out.sort((a, b) => a - b);
}

/** The contiguous token range [from, to] covering the given tokens. */
export function rangeOf(tokens: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of tokens) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return [lo, hi];
}

/** Body text of tokens from..to inclusive. */
export function spanText(doc: Doc, s: Sent, from: number, to: number): string {
  return doc.body.slice(s.toks[from]!.start, s.toks[to]!.end);
}

/** True when token j is i or lies below i in the basic tree. */
export function dominates(s: Sent, i: number, j: number): boolean {
  let t = j;
  for (let guard = 0; t >= 0 && guard < 200; guard++) {
    if (t === i) return true;
    t = s.head[t]!;
  }
  return false;
}

/** The chain of basic heads from i up to the root (excluding i). */
export function ancestors(s: Sent, i: number): number[] {
  const out: number[] = [];
  let t = s.head[i]!;
  for (let guard = 0; t >= 0 && guard < 200; guard++) {
    out.push(t);
    t = s.head[t]!;
  }
  return out;
}

export function isVerb(t: Tok): boolean {
  return t.pos.startsWith("VB");
}

export function isNoun(t: Tok): boolean {
  return t.pos.startsWith("NN");
}

/** A line of its own that is a Markdown heading, or short and without a sentence's final punctuation. */
function isHeading(body: string, start: number, end: number): boolean {
  const lineStart = body.lastIndexOf("\n", start - 1) + 1;
  const lineEndRaw = body.indexOf("\n", end);
  const lineEnd = lineEndRaw < 0 ? body.length : lineEndRaw;
  const line = body.slice(lineStart, lineEnd).trim();
  if (/^#{1,6}\s/.test(line)) return true;
  if (lineStart === start && lineEnd <= end + 1 && !/[.!?"'”’)]$/.test(line) && line.split(/\s+/).length <= 14) return true;
  return false;
}

/** Widens a token range over words hyphenated to its ends ("follow-up round", "Kenyan-led"): the parse may split them. */
export function withHyphenated(s: Sent, lo: number, hi: number): [number, number] {
  const joined = (a: number, b: number) => s.toks[a] !== undefined && s.toks[b] !== undefined && s.toks[a]!.end === s.toks[b]!.start;
  const hyphen = (k: number) => /^[-‐–]$/.test(s.toks[k]?.text ?? "");
  while (lo >= 2 && hyphen(lo - 1) && joined(lo - 2, lo - 1) && joined(lo - 1, lo)) lo -= 2;
  while (hi + 2 < s.toks.length && hyphen(hi + 1) && joined(hi, hi + 1) && joined(hi + 1, hi + 2)) hi += 2;
  return [lo, hi];
}

/**
 * The end of the run of capitalised words that starts at token i ("Alliance of Sahel States", "Treaty on the State
 * Border"), or -1 when no run starts there (i is no name word, or continues one). Name words are joined directly or
 * through up to `maxLinks` link words in a row ("of", "on the"); `extends` admits further tokens inside a run only.
 */
export function capitalisedRun(s: Sent, i: number, opts: { pos: RegExp; links: Set<string>; maxLinks: number; extends?: (k: number) => boolean }): number {
  const word = (k: number) => s.toks[k] !== undefined && /^\p{Lu}/u.test(s.toks[k]!.text) && opts.pos.test(s.toks[k]!.pos);
  if (!word(i) || (i > 0 && word(i - 1))) return -1;
  let j = i;
  for (;;) {
    if (word(j + 1) || (opts.extends?.(j + 1) ?? false)) {
      j++;
      continue;
    }
    let k = j + 1;
    while (k < s.toks.length && k - j - 1 < opts.maxLinks && opts.links.has(s.toks[k]!.lower)) k++;
    if (k > j + 1 && word(k)) j = k;
    else return j;
  }
}

