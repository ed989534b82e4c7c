import type { Extraction } from "../extract/schema.ts";
import { comparable } from "../text/normalise.ts";

/**
 * TypeScript port of the reference scorer (tests/fixtures/eval/score.py), rule for rule:
 * normalised names, one-to-one greedy alignment, symmetric MET_WITH, half-matching stances, micro-averaged sums.
 */

export const CORE = new Set(["HOSTED", "PROPOSED", "REJECTED", "OFFERED"]);
const SYMMETRIC = new Set(["MET_WITH"]);
const LOOSE_TYPES = new Set(["Proposal", "Meeting"]);

type Doc = Pick<Extraction, "entities" | "relations"> & { stances?: Extraction["stances"] };
type Ent = Doc["entities"][number];

/** Lower-case, strip diacritics and punctuation, drop a leading "the" (Python's norm(); src/text/normalise.ts). */
export const norm = comparable;

function names(e: Ent): Set<string> {
  const out = new Set<string>([norm(e.name ?? "")]);
  for (const a of e.aliases ?? []) out.add(norm(a));
  out.delete("");
  return out;
}

function contains(a: string, b: string): boolean {
  return new RegExp("(^| )" + b.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "( |$)").test(a);
}

function phraseMatch(a: string, b: string): boolean {
  // Python's sorted() is stable: on equal length the first stays "short".
  const [short, long] = b.length < a.length ? [b, a] : [a, b];
  if (short.length <= 3 || !contains(long, short)) return false;
  const nShort = short.split(/\s+/).filter(Boolean).length;
  const nLong = long.split(/\s+/).filter(Boolean).length;
  return nShort >= 2 || 2 * nShort >= nLong;
}

export function pairScore(sysE: Ent, goldE: Ent): number {
  if (sysE.type !== goldE.type) return 0;
  const s = names(sysE);
  const g = names(goldE);
  if (g.has(norm(sysE.name ?? "")) || s.has(norm(goldE.name ?? ""))) return 3;
  for (const x of s) if (g.has(x)) return 2;
  if (LOOSE_TYPES.has(goldE.type)) {
    for (const x of s) for (const y of g) if (phraseMatch(x, y)) return 1;
  }
  return 0;
}

/** One-to-one greedy alignment of system entity ids to gold entity ids. */
export function align(sysEnts: Ent[], goldEnts: Ent[]): Map<string, string> {
  const pairs: [number, number, number][] = [];
  sysEnts.forEach((se, i) =>
    goldEnts.forEach((ge, j) => {
      const sc = pairScore(se, ge);
      if (sc) pairs.push([sc, i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedS = new Set<number>();
  const usedG = new Set<number>();
  const mapping = new Map<string, string>();
  for (const [, i, j] of pairs) {
    if (usedS.has(i) || usedG.has(j)) continue;
    usedS.add(i);
    usedG.add(j);
    mapping.set(sysEnts[i]!.id, goldEnts[j]!.id);
  }
  return mapping;
}

function relKey(rel: Doc["relations"][number], idmap: Map<string, string>): string {
  let s = idmap.get(rel.subject);
  let o = idmap.get(rel.object);
  const t = rel.type;
  if (s === undefined || o === undefined) return JSON.stringify(["?", t, rel.subject, rel.object]);
  if (SYMMETRIC.has(t) && o < s) [s, o] = [o, s];
  return JSON.stringify([s, t, o]);
}

export class Tally {
  tp = 0;
  sys = 0;
  gold = 0;
  add(tp: number, sys: number, gold: number): void {
    this.tp += tp;
    this.sys += sys;
    this.gold += gold;
  }
  prf(): { p: number; r: number; f1: number } {
    const p = this.sys ? this.tp / this.sys : this.gold ? 0 : 1;
    const r = this.gold ? this.tp / this.gold : this.sys ? 0 : 1;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    return { p: round3(p), r: round3(r), f1: round3(f) };
  }
}

/**
 * Python's round(x, 3): correctly rounded on the exact binary value, half to even only on an exact tie. The exact
 * decimal expansion of a double comes from toFixed(100) (0.8875 is stored as 0.88749999..., so it rounds down).
 */
function round3(x: number): number {
  if (!Number.isFinite(x) || x < 0) return Number(x.toFixed(3));
  const exact = x.toFixed(100);
  const dot = exact.indexOf(".");
  const kept = BigInt(exact.slice(0, dot) + exact.slice(dot + 1, dot + 4));
  const rest = exact.slice(dot + 4).replace(/0+$/, "");
  let n = kept;
  if (rest > "5" || (rest.startsWith("5") && rest.length > 1)) n += 1n;
  else if (rest === "5" && n % 2n === 1n) n += 1n;
  return Number(n) / 1000;
}

export type Tallies = Map<string, Tally>;

function tally(t: Tallies, name: string): Tally {
  let x = t.get(name);
  if (!x) t.set(name, (x = new Tally()));
  return x;
}

/** A relation's scoring key under an id mapping (exported for error listings). */
export function relationKey(rel: Doc["relations"][number], ids: Map<string, string>): string {
  return relKey(rel, ids);
}

export function scorePair(gold: Doc, system: Doc, tallies: Tallies): void {
  const gEnts = gold.entities ?? [];
  const sEnts = system.entities ?? [];
  const mapping = align(sEnts, gEnts);
  const matchedGold = new Set(mapping.values());
  const types = new Set<string>([...gEnts.map((e) => e.type), ...sEnts.map((e) => e.type)]);
  for (const t of types) {
    const gT = gEnts.filter((e) => e.type === t);
    const sT = sEnts.filter((e) => e.type === t);
    const tp = gT.filter((e) => matchedGold.has(e.id)).length;
    tally(tallies, "entities:" + t).add(tp, sT.length, gT.length);
  }
  tally(tallies, "entities").add(matchedGold.size, sEnts.length, gEnts.length);

  const goldIds = new Map(gEnts.map((e) => [e.id, e.id]));
  const gRel = new Set((gold.relations ?? []).map((r) => relKey(r, goldIds)));
  const sRel = new Set((system.relations ?? []).map((r) => relKey(r, mapping)));
  const typeOf = (k: string) => (JSON.parse(k) as string[])[1]!;
  for (const [name, keep] of [
    ["relations:core", (k: string) => CORE.has(typeOf(k))],
    ["relations:all", () => true],
  ] as const) {
    const g = [...gRel].filter(keep);
    const s = [...sRel].filter(keep);
    tally(tallies, name).add(g.filter((k) => sRel.has(k)).length, s.length, g.length);
  }
  for (const t of [...new Set([...gRel, ...sRel].map(typeOf))].sort()) {
    const g = [...gRel].filter((k) => typeOf(k) === t);
    const s = [...sRel].filter((k) => typeOf(k) === t);
    tally(tallies, "relation:" + t).add(g.filter((k) => sRel.has(k)).length, s.length, g.length);
  }

  const gSt = new Map((gold.stances ?? []).map((x) => [JSON.stringify([x.actor, x.topic]), x.stance as string]));
  const sSt = new Map<string, string>();
  for (const x of system.stances ?? []) {
    const actor = mapping.get(x.actor);
    sSt.set(JSON.stringify(actor !== undefined ? [actor, x.topic] : ["?" + x.actor, x.topic]), x.stance);
  }
  let tp = 0;
  for (const [key, stance] of sSt) {
    const want = gSt.get(key);
    if (want === undefined) continue;
    if (want === stance) tp += 1;
    else if (new Set([want, stance, "support", "conditional"]).size === 2) tp += 0.5;
  }
  tally(tallies, "stances").add(tp, sSt.size, gSt.size);
}

export interface Figure {
  p: number;
  r: number;
  f1: number;
  gold: number;
  sys: number;
}

/** Scores (gold, system) pairs, summed over articles; keys sorted as the Python scorer sorts them. */
export function scoreDocuments(pairs: [Doc, Doc][]): Record<string, Figure> {
  const tallies: Tallies = new Map();
  for (const [g, s] of pairs) scorePair(g, s, tallies);
  const out: Record<string, Figure> = {};
  for (const k of [...tallies.keys()].sort()) {
    const t = tallies.get(k)!;
    out[k] = { ...t.prf(), gold: t.gold, sys: t.sys };
  }
  return out;
}

export function formatFigures(figs: Record<string, Figure>): string {
  const lines = [`${"measure".padEnd(28)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)} ${"gold".padStart(6)} ${"sys".padStart(6)}`];
  for (const [k, v] of Object.entries(figs)) {
    lines.push(`${k.padEnd(28)} ${v.p.toFixed(3).padStart(6)} ${v.r.toFixed(3).padStart(6)} ${v.f1.toFixed(3).padStart(6)} ${v.gold.toFixed(0).padStart(6)} ${v.sys.toFixed(0).padStart(6)}`);
  }
  return lines.join("\n");
}
