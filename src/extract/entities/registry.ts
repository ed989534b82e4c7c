import type { EntityType } from "../schema.ts";
import type { Doc, Sent } from "../doc/doc.ts";

/** Where an entity is named or referred to: a token range of one sentence. */
export interface Mention {
  entity: Entity;
  sent: number;
  /** Token range, inclusive. */
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  /** How the mention names the entity: a proper name, an adjective, a stand-in (capital, building), or a reference back. */
  kind: "name" | "demonym" | "metonym" | "nominal" | "pronoun";
}

/** An entity of one article, built up by the rules. */
export interface Entity {
  key: string;
  type: EntityType;
  name: string;
  aliases: Set<string>;
  attrs: Record<string, unknown>;
  /** Body offset of the first mention (ordering and ids). */
  first: number;
  mentions: Mention[];
}

export class Registry {
  readonly entities = new Map<string, Entity>();
  private seq = 0;
  /** Mentions per sentence, per token. */
  private readonly byToken: Mention[][][];

  constructor(readonly doc: Doc) {
    this.byToken = doc.sents.map((s) => s.toks.map(() => []));
  }

  /** A fresh key for an entity that has no name-based identity (meetings, proposals). */
  nextKey(prefix: string): string {
    return `${prefix}:${++this.seq}`;
  }

  get(key: string): Entity | undefined {
    return this.entities.get(key);
  }

  ensure(key: string, type: EntityType, name: string, first = Number.MAX_SAFE_INTEGER): Entity {
    let e = this.entities.get(key);
    if (!e) {
      e = { key, type, name, aliases: new Set(), attrs: {}, first, mentions: [] };
      this.entities.set(key, e);
    }
    if (first < e.first) e.first = first;
    return e;
  }

  /** Records a mention of an entity over tokens from..to of sentence s (idempotent). */
  mention(entity: Entity, s: Sent, from: number, to: number, kind: Mention["kind"], start?: number, end?: number): Mention {
    const st = start ?? s.toks[from]!.start;
    const en = end ?? s.toks[to]!.end;
    const existing = this.byToken[s.index]![from]!.find((m) => m.entity === entity && m.from === from && m.to === to && m.start === st);
    if (existing) return existing;
    const text = this.doc.body.slice(st, en).replace(/\s+/g, " ");
    const m: Mention = { entity, sent: s.index, from, to, start: st, end: en, text, kind };
    entity.mentions.push(m);
    if (st < entity.first) entity.first = st;
    if (kind !== "pronoun" && text !== entity.name) entity.aliases.add(text);
    // "a truce" as written: an indefinite article is part of how a proposal or meeting is named.
    if ((entity.type === "Proposal" || entity.type === "Meeting") && from > 0 && /^(a|an)$/i.test(s.toks[from - 1]!.text)) {
      entity.aliases.add(this.doc.body.slice(s.toks[from - 1]!.start, en).replace(/\s+/g, " "));
    }
    for (let t = from; t <= to; t++) this.byToken[s.index]![t]!.push(m);
    return m;
  }

  /** Mentions covering token t of sentence s. */
  at(sent: number, t: number): Mention[] {
    return this.byToken[sent]?.[t] ?? [];
  }

  /** Removes one mention (a later rule found the words name something else). */
  unmention(m: Mention): void {
    for (let t = m.from; t <= m.to; t++) {
      const list = this.byToken[m.sent]![t]!;
      const i = list.indexOf(m);
      if (i >= 0) list.splice(i, 1);
    }
    const i = m.entity.mentions.indexOf(m);
    if (i >= 0) m.entity.mentions.splice(i, 1);
  }

  /** Removes every mention of an entity and the entity itself (when a later rule finds it was something else). */
  drop(entity: Entity): void {
    for (const m of entity.mentions) {
      for (let t = m.from; t <= m.to; t++) {
        const list = this.byToken[m.sent]![t]!;
        const i = list.indexOf(m);
        if (i >= 0) list.splice(i, 1);
      }
    }
    this.entities.delete(entity.key);
  }

  /** Merges entity b into a (mentions, aliases, attributes a lacks). */
  merge(a: Entity, b: Entity): void {
    if (a === b) return;
    for (const m of b.mentions) {
      m.entity = a;
      a.mentions.push(m);
    }
    for (const al of b.aliases) a.aliases.add(al);
    if (b.name !== a.name) a.aliases.add(b.name);
    for (const [k, v] of Object.entries(b.attrs)) if (a.attrs[k] === undefined) a.attrs[k] = v;
    a.first = Math.min(a.first, b.first);
    this.entities.delete(b.key);
  }

  /** Entities of the given types, in order of first mention. */
  list(...types: EntityType[]): Entity[] {
    const out = [...this.entities.values()].filter((e) => !types.length || types.includes(e.type));
    return out.sort((x, y) => x.first - y.first || x.key.localeCompare(y.key));
  }

  /** All mentions in body order. */
  allMentions(): Mention[] {
    const out: Mention[] = [];
    for (const e of this.entities.values()) out.push(...e.mentions);
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

export const ACTOR_TYPES: readonly EntityType[] = ["Person", "Organization", "Country"];
export function isActor(e: Entity): boolean {
  return ACTOR_TYPES.includes(e.type);
}
