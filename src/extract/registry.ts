import type { EntityType } from "./schema.ts";

/** A place in the body where an entity is named. */
export interface Mention {
  key: string;
  type: EntityType;
  start: number;
  end: number;
  text: string;
  sent: number;
  /** The mention can act (subject of a verb): persons, countries, organisations, not places or topics. */
  actor: boolean;
}

/** An entity being built for one document, before it is turned into the output shape. */
export interface Draft {
  key: string;
  type: EntityType;
  name: string;
  aliases: Set<string>;
  attributes: Record<string, unknown>;
  first: number;
}

/**
 * The text has white space that collapsing runs to one space and trimming would change: any white space other than
 * a single space between two other characters. Most mention texts have none, so they skip the regex replace.
 */
function hasLooseSpace(text: string): boolean {
  let prevSpace = true; // a leading space counts as loose
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else if ((c >= 9 && c <= 13) || (c >= 0x80 && /\s/.test(text[i]!))) return true;
    else prevSpace = false;
  }
  return prevSpace && text.length > 0;
}

/** Collects entities and their mentions for one article. */
export class Registry {
  readonly drafts = new Map<string, Draft>();
  readonly mentions: Mention[] = [];
  private readonly seen = new Map<string, Map<number, Set<number>>>();

  ensure(key: string, type: EntityType, name: string, first = 0): Draft {
    let d = this.drafts.get(key);
    if (!d) {
      d = { key, type, name, aliases: new Set(), attributes: {}, first };
      this.drafts.set(key, d);
    }
    d.first = Math.min(d.first, first);
    return d;
  }

  /** Records a mention; overlapping mentions of a different entity are kept (a title holds a country). */
  mention(draft: Draft, start: number, end: number, text: string, sent: number, actor: boolean): Mention {
    let clean = hasLooseSpace(text) ? text.replace(/\s+/g, " ").trim() : text;
    // An unbalanced quote mark at either end is punctuation, not part of the name.
    if (/["']/.test(clean)) for (const q of ['"', "'"]) {
      if (clean.split(q).length % 2 === 0) clean = clean.startsWith(q) ? clean.slice(1) : clean.endsWith(q) ? clean.slice(0, -1) : clean;
    }
    if (clean && clean !== draft.name) draft.aliases.add(clean);
    const m: Mention = { key: draft.key, type: draft.type, start, end, text: clean, sent, actor };
    // One mention per entity key and span (the key the draft had when the mention was made).
    let starts = this.seen.get(m.key);
    if (!starts) this.seen.set(m.key, (starts = new Map()));
    let ends = starts.get(start);
    if (!ends) starts.set(start, (ends = new Set()));
    if (!ends.has(end)) {
      ends.add(end);
      this.mentions.push(m);
      this.indexBySentence(m);
    }
    return m;
  }

  /** Folds entity `from` into `into`: its mentions and names become the other's. */
  merge(into: string, from: string): void {
    const a = this.drafts.get(into);
    const b = this.drafts.get(from);
    if (!a || !b || a === b) return;
    a.aliases.add(b.name);
    for (const x of b.aliases) a.aliases.add(x);
    a.aliases.delete(a.name);
    for (const k of Object.keys(b.attributes)) if (a.attributes[k] === undefined) a.attributes[k] = b.attributes[k];
    a.first = Math.min(a.first, b.first);
    for (const m of this.mentions) if (m.key === from) m.key = into;
    this.drafts.delete(from);
  }

  /** Mentions of one sentence in text order (a copy; the index is kept up to date as mentions are added). */
  mentionsIn(sent: number): Mention[] {
    const list = this.bySentence.get(sent);
    return list ? list.slice() : [];
  }

  /**
   * Mentions of each sentence ordered by start, longer first, then by insertion: each new mention goes after every
   * mention that does not sort after it (the same order as a stable sort of all mentions).
   */
  private indexBySentence(m: Mention): void {
    const list = this.bySentence.get(m.sent);
    if (!list) {
      this.bySentence.set(m.sent, [m]);
      return;
    }
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const x = list[mid]!;
      if (x.start < m.start || (x.start === m.start && x.end >= m.end)) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, m);
  }
  private readonly bySentence = new Map<number, Mention[]>();
}
