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

/** Collects entities and their mentions for one article. */
export class Registry {
  readonly drafts = new Map<string, Draft>();
  readonly mentions: Mention[] = [];
  private readonly seen = new Set<string>();

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
    let clean = text.replace(/\s+/g, " ").trim();
    // An unbalanced quote mark at either end is punctuation, not part of the name.
    if (/["']/.test(clean)) for (const q of ['"', "'"]) {
      if (clean.split(q).length % 2 === 0) clean = clean.startsWith(q) ? clean.slice(1) : clean.endsWith(q) ? clean.slice(0, -1) : clean;
    }
    if (clean && clean !== draft.name) draft.aliases.add(clean);
    const m: Mention = { key: draft.key, type: draft.type, start, end, text: clean, sent, actor };
    const id = `${m.key}@${start}:${end}`;
    if (!this.seen.has(id)) {
      this.seen.add(id);
      this.mentions.push(m);
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
    this.merges++;
  }

  /** Mentions of one sentence in text order (indexed once per batch of additions). */
  mentionsIn(sent: number): Mention[] {
    if (this.indexedAt !== this.mentions.length || this.indexedMerges !== this.merges) {
      this.bySentence = new Map();
      for (const m of this.mentions) {
        const list = this.bySentence.get(m.sent);
        if (list) list.push(m);
        else this.bySentence.set(m.sent, [m]);
      }
      for (const list of this.bySentence.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
      this.indexedAt = this.mentions.length;
      this.indexedMerges = this.merges;
    }
    return [...(this.bySentence.get(sent) ?? [])];
  }
  private bySentence = new Map<number, Mention[]>();
  private indexedAt = -1;
  private indexedMerges = -1;
  private merges = 0;
}
