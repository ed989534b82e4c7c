import { z } from "zod";
import { ArticleSchema, contentHash, type Article } from "../article/index.ts";
import { ExtractionSchema, type Extraction } from "../extract/schema.ts";
import { buildArticleGraph } from "../graph/build.ts";
import type { ArticleGraph } from "../graph/schema.ts";

/**
 * What `kg extract --format jsonl` writes for one article and `kg load` reads back: the extraction document
 * (tests/fixtures/eval/FORMAT.md), whose `article` also carries what the store keeps of the article (body, url,
 * language) and its content hash, so that a loader knows without the source files whether the stored article is
 * the same. Readers of the plain document shape (the scorer, `kg eval`) ignore the extra fields.
 */
export const DocumentArticleSchema = ArticleSchema.extend({
  /** sha256 of the article's text fields (src/article contentHash); checked against them when loading. */
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "must be the sha256 (64 hex digits) `kg extract` writes")
    .optional(),
});

export const LoadDocumentSchema = ExtractionSchema.extend({ article: DocumentArticleSchema });
export type LoadDocument = z.infer<typeof LoadDocumentSchema>;

/**
 * The JSONL document of an extracted article: the extraction, its article complete (the fields of the plain
 * document first, as before), with the content hash; the body comes last, as the longest field.
 */
export function documentOf(article: Article, extraction: Extraction): Extraction & { article: Article & { contentHash: string } } {
  return {
    ...extraction,
    article: {
      id: article.id,
      title: article.title,
      ...(article.source !== undefined ? { source: article.source } : {}),
      ...(article.publishedAt !== undefined ? { publishedAt: article.publishedAt } : {}),
      ...(article.url !== undefined ? { url: article.url } : {}),
      language: article.language,
      contentHash: contentHash(article),
      body: article.body,
    },
  };
}

/** Why a document cannot be loaded, for people: what is wrong and what to do. */
export interface DocumentProblem {
  reason: string;
  hint: string;
}

const REEXTRACT = "Write the documents with `kg extract <articles> --format jsonl` of this version (or fix this one by hand).";

/** The first few problems zod found, as "path: message". */
function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(document)"}: ${i.message}`);
  const more = error.issues.length - shown.length;
  return `${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
}

/**
 * Checks one parsed JSON value as a load document and turns it into the records the store writes, with the same
 * graph-building code `kg ingest` uses; or says why it cannot be loaded (nothing of it is written then).
 */
export function graphOfDocument(value: unknown): { ok: true; graph: ArticleGraph; hash: string } | ({ ok: false } & DocumentProblem) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "not an extraction document (expected a JSON object)", hint: REEXTRACT };
  }
  const article = (value as { article?: unknown }).article;
  if (typeof article === "object" && article !== null && !("body" in article)) {
    return {
      ok: false,
      reason: "the document's article has no body: it was written by an older `kg extract` or by hand, and the store needs the article's text",
      hint: REEXTRACT,
    };
  }
  const parsed = LoadDocumentSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `not a valid extraction document: ${describeIssues(parsed.error)}`, hint: REEXTRACT };
  const doc = parsed.data;
  const hash = contentHash(doc.article);
  if (doc.article.contentHash !== undefined && doc.article.contentHash !== hash) {
    return {
      ok: false,
      reason: "the article's contentHash does not match its title, body, source, date, url and language: the document was changed after it was extracted",
      hint: "Extract the article again (`kg extract ... --format jsonl`), or remove contentHash if the change is meant.",
    };
  }
  const local = new Set(doc.entities.map((e) => e.id));
  const unknown = [
    ...doc.relations.flatMap((r, i) => [r.subject, r.object].filter((id) => !local.has(id)).map((id) => `relations[${i}] names "${id}"`)),
    ...doc.stances.filter((s) => !local.has(s.actor)).map((s) => `a stance on ${s.topic} names "${s.actor}"`),
  ];
  if (unknown.length > 0) {
    return {
      ok: false,
      reason: `${unknown.slice(0, 3).join("; ")}${unknown.length > 3 ? ` (and ${unknown.length - 3} more)` : ""}, which is not an entity id of the document`,
      hint: REEXTRACT,
    };
  }
  const { contentHash: _, ...articleFields } = doc.article;
  try {
    return { ok: true, graph: buildArticleGraph(articleFields, doc, hash), hash };
  } catch (err) {
    const reason = err instanceof z.ZodError ? describeIssues(err) : err instanceof Error ? err.message.split("\n")[0]! : String(err);
    return { ok: false, reason: `its graph records could not be built: ${reason}`, hint: REEXTRACT };
  }
}
