import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { ExtractionSchema, type Extraction } from "../extract/schema.ts";
import { extract } from "../extract/index.ts";
import type { Article } from "../article/schema.ts";
import { scoreDocuments, type Figure } from "./score.ts";

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
  matched: { articleId: string; gold: string }[];
  goldWithoutArticle: string[];
  articlesWithoutGold: string[];
}

/** Extracts each article and scores it against the gold document with the same article id. */
export function evaluate(gold: GoldFile[], articles: Article[]): EvalResult {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const pairs: [Extraction, Extraction][] = [];
  const matched: EvalResult["matched"] = [];
  const goldWithoutArticle: string[] = [];
  for (const g of gold) {
    const a = byId.get(g.doc.article.id);
    if (!a) {
      goldWithoutArticle.push(g.doc.article.id);
      continue;
    }
    pairs.push([g.doc, extract(a)]);
    matched.push({ articleId: a.id, gold: g.file });
  }
  const goldIds = new Set(gold.map((g) => g.doc.article.id));
  return {
    figures: scoreDocuments(pairs),
    matched,
    goldWithoutArticle,
    articlesWithoutGold: articles.filter((a) => !goldIds.has(a.id)).map((a) => a.id),
  };
}
