import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { ExtractionSchema, type Extraction } from "../extract/schema.ts";
import { align, relationKey, scoreDocuments, type Figure } from "./score.ts";

export { scoreDocuments, formatFigures, align, norm, pairScore, type Figure } from "./score.ts";

export interface GoldFile {
  file: string;
  doc: Extraction;
}

/** Gold documents from files and folders (every *.json in a folder). Throws a message-only Error on bad input. */
export async function readGold(paths: readonly string[]): Promise<GoldFile[]> {
  const files: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      throw Object.assign(new Error(`gold ${p}: no such file or folder (give a folder of gold .json files or the files)`), { userFacing: true });
    }
    if (info.isDirectory()) {
      for (const f of (await readdir(p)).sort()) if (f.endsWith(".json")) files.push(path.join(p, f));
    } else files.push(p);
  }
  const out: GoldFile[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, "utf8"));
    } catch (e) {
      throw Object.assign(new Error(`gold ${file}: not valid JSON (${(e as Error).message}); fix the file or leave it out`), { userFacing: true });
    }
    const parsed = ExtractionSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw Object.assign(new Error(`gold ${file}: not an extraction document (${issue?.path.join(".")}: ${issue?.message}); see FORMAT.md`), { userFacing: true });
    }
    out.push({ file, doc: parsed.data });
  }
  return out;
}

export interface EvalResult {
  figures: Record<string, Figure>;
  /** Figures of each article scored. */
  perArticle: { articleId: string; figures: Record<string, Figure> }[];
  matched: { articleId: string; gold: string }[];
  goldWithoutArticle: string[];
  articlesWithoutGold: string[];
}

/** Scores extraction documents against the gold documents with the same article id (summed and per article). */
export function evaluate(gold: GoldFile[], extractions: Extraction[]): EvalResult {
  const byId = new Map(extractions.map((x) => [x.article.id, x]));
  const pairs: [Extraction, Extraction][] = [];
  const matched: EvalResult["matched"] = [];
  const perArticle: EvalResult["perArticle"] = [];
  const goldWithoutArticle: string[] = [];
  for (const g of gold) {
    const x = byId.get(g.doc.article.id);
    if (!x) {
      goldWithoutArticle.push(g.doc.article.id);
      continue;
    }
    pairs.push([g.doc, x]);
    matched.push({ articleId: x.article.id, gold: g.file });
    perArticle.push({ articleId: x.article.id, figures: scoreDocuments([[g.doc, x]]) });
  }
  const goldIds = new Set(gold.map((g) => g.doc.article.id));
  return {
    figures: scoreDocuments(pairs),
    perArticle,
    matched,
    goldWithoutArticle,
    articlesWithoutGold: extractions.filter((x) => !goldIds.has(x.article.id)).map((x) => x.article.id),
  };
}

/** One line per article: entities, core and all relations, stances (F1). */
export function formatPerArticle(rows: EvalResult["perArticle"]): string {
  const f = (figs: Record<string, Figure>, k: string) => (figs[k] ? figs[k].f1.toFixed(2) : "  - ");
  const width = Math.max(7, ...rows.map((r) => r.articleId.length));
  const lines = [`${"article".padEnd(width)}  entities  core  all   stances`];
  for (const r of rows) {
    lines.push(`${r.articleId.padEnd(width)}  ${f(r.figures, "entities").padStart(8)}  ${f(r.figures, "relations:core")}  ${f(r.figures, "relations:all")}  ${f(r.figures, "stances").padStart(7)}`);
  }
  return lines.join("\n");
}

/** What an extraction missed and added against its gold: relations and stances, each with its sentence. */
export interface ErrorList {
  articleId: string;
  missed: string[];
  spurious: string[];
}

export function listErrors(gold: Extraction, system: Extraction): ErrorList {
  const mapping = align(system.entities, gold.entities);
  const goldIds = new Map(gold.entities.map((e) => [e.id, e.id]));
  const gName = new Map(gold.entities.map((e) => [e.id, e.name]));
  const sName = new Map(system.entities.map((e) => [e.id, e.name]));
  const gKeys = new Map<string, (typeof gold.relations)[number]>();
  for (const r of gold.relations) if (!gKeys.has(relationKey(r, goldIds))) gKeys.set(relationKey(r, goldIds), r);
  const sKeys = new Map<string, (typeof system.relations)[number]>();
  for (const r of system.relations) if (!sKeys.has(relationKey(r, mapping))) sKeys.set(relationKey(r, mapping), r);
  const quote = (text: string) => (text.length > 140 ? `${text.slice(0, 137)}...` : text);
  const missed: string[] = [];
  const spurious: string[] = [];
  for (const [k, r] of gKeys) if (!sKeys.has(k)) missed.push(`${gName.get(r.subject) ?? r.subject} ${r.type} ${gName.get(r.object) ?? r.object} | ${quote(r.evidence)}`);
  for (const [k, r] of sKeys) {
    if (gKeys.has(k)) continue;
    const unaligned = [r.subject, r.object].filter((id) => !mapping.has(id));
    const note = unaligned.length ? ` (no gold entity for ${unaligned.map((id) => `"${sName.get(id) ?? id}"`).join(", ")})` : "";
    spurious.push(`${sName.get(r.subject) ?? r.subject} ${r.type} ${sName.get(r.object) ?? r.object}${note} | ${quote(r.evidence)}`);
  }
  const gSt = new Map(gold.stances.map((x) => [`${x.actor}|${x.topic}`, x]));
  const sSt = new Map<string, (typeof system.stances)[number]>();
  for (const x of system.stances) sSt.set(`${mapping.get(x.actor) ?? "?" + x.actor}|${x.topic}`, x);
  for (const [k, x] of gSt) {
    const got = sSt.get(k);
    if (got?.stance === x.stance) continue;
    missed.push(`stance ${gName.get(x.actor) ?? x.actor} on ${x.topic}: ${x.stance}${got ? ` (found ${got.stance})` : ""} | ${quote(x.evidence)}`);
  }
  for (const [k, x] of sSt) if (!gSt.has(k)) spurious.push(`stance ${sName.get(x.actor) ?? x.actor} on ${x.topic}: ${x.stance} | ${quote(x.evidence)}`);
  return { articleId: system.article.id, missed, spurious };
}
