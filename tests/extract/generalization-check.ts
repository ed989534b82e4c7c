import { readFileSync } from "node:fs";
import type { Extraction } from "../../src/extract/index.ts";

/**
 * Hand-written expectations for the generalization articles: a few facts a reader would extract ("must find")
 * and a few the text negates or hedges ("must not find"). Names match an entity's name or alias (lower-cased,
 * without diacritics or punctuation; a person also by surname); "topic:X" is any Proposal of topic X; "*" is anything.
 */
export interface Expectation {
  mustFind: { entities: { type: string; name?: string; topic?: string }[]; relations: ExpectedRelation[] };
  mustNotFind: { relations: ExpectedRelation[]; entities?: { type: string; name: string }[] };
}
export interface ExpectedRelation {
  subject: string;
  type: string;
  object: string;
}

export function readExpectation(file: string): Expectation {
  return JSON.parse(readFileSync(file, "utf8")) as Expectation;
}

const norm = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const surname = (s: string) => norm(s).split(" ").pop()!.replace(/y/g, "i").replace(/(.)\1+/g, "$1");

type Entity = Extraction["entities"][number];

function matches(e: Entity, ref: string, type?: string): boolean {
  if (ref === "*") return !type || e.type === type;
  if (type && e.type !== type) return false;
  if (ref.startsWith("topic:")) return e.type === "Proposal" && e.attributes?.topic === ref.slice(6);
  const names = [e.name, ...(e.aliases ?? [])].map(norm);
  if (names.includes(norm(ref))) return true;
  return e.type === "Person" && ref.includes(" ") && names.some((n) => surname(n) === surname(ref));
}

function relationFound(doc: Extraction, r: ExpectedRelation): boolean {
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  return doc.relations.some((x) => {
    if (x.type !== r.type) return false;
    const s = byId.get(x.subject);
    const o = byId.get(x.object);
    if (!s || !o) return false;
    const direct = matches(s, r.subject) && matches(o, r.object);
    return direct || (r.type === "MET_WITH" && matches(s, r.object) && matches(o, r.subject));
  });
}

export interface CheckResult {
  expected: number;
  found: string[];
  missed: string[];
  /** Must-not-find facts that were extracted anyway. */
  forbidden: number;
  invented: string[];
}

export function check(doc: Extraction, exp: Expectation): CheckResult {
  const found: string[] = [];
  const missed: string[] = [];
  for (const e of exp.mustFind.entities) {
    const label = `${e.type} ${e.name ?? "topic:" + e.topic}`;
    const ok = doc.entities.some((x) => matches(x, e.name ?? "topic:" + e.topic, e.type));
    (ok ? found : missed).push(label);
  }
  for (const r of exp.mustFind.relations) {
    const label = `${r.subject} ${r.type} ${r.object}`;
    (relationFound(doc, r) ? found : missed).push(label);
  }
  const invented = [
    ...exp.mustNotFind.relations.filter((r) => relationFound(doc, r)).map((r) => `${r.subject} ${r.type} ${r.object}`),
    // An entity must not be named exactly so (a wrong type or a truncated name).
    ...(exp.mustNotFind.entities ?? []).filter((e) => doc.entities.some((x) => x.type === e.type && norm(x.name) === norm(e.name))).map((e) => `${e.type} ${e.name}`),
  ];
  const forbidden = exp.mustNotFind.relations.length + (exp.mustNotFind.entities?.length ?? 0);
  return { expected: found.length + missed.length, found, missed, forbidden, invented };
}
