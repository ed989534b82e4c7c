import type { z } from "zod";
import { removeBoilerplate } from "./boilerplate.ts";
import { normaliseDate } from "./date.ts";
import { articleId } from "./id.ts";
import { type Article, ArticleInputSchema, ArticleSchema } from "./schema.ts";
import { normaliseLine } from "./text.ts";

/** Common other names of the fields in exported news data (feeds, scrapers, APIs). */
const FIELD_ALIASES: Record<keyof Omit<Article, "id">, readonly string[]> = {
  title: ["headline", "name"],
  body: ["text", "content", "articleBody", "article_body"],
  source: ["publisher", "site", "siteName", "site_name", "outlet"],
  publishedAt: ["published_at", "published", "date", "datePublished", "date_published", "pubDate"],
  url: ["link", "canonical", "canonicalUrl"],
  language: ["lang", "inLanguage"],
};

/** Why a record could not become an article. */
export interface ArticleProblem {
  reason: string;
  hint: string;
}
export type ToArticleResult = { ok: true; article: Article } | ({ ok: false } & ArticleProblem);

/** Zod issues as one readable sentence: "title is missing; url must be an http(s) link". */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.map(String).join(".");
      if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return `${field || "value"} is missing`;
      if (!field || issue.message.toLowerCase().startsWith(`${field.toLowerCase()} `)) return issue.message;
      return `${field}: ${issue.message}`;
    })
    .join("; ");
}

function withAliases(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  for (const [field, aliases] of Object.entries(FIELD_ALIASES)) {
    if (out[field] !== undefined && out[field] !== null) continue;
    const alias = aliases.find((a) => record[a] !== undefined && record[a] !== null);
    if (alias) out[field] = record[alias];
  }
  // Empty optional fields (e.g. `source: ""` or `url: null`) mean "not known".
  for (const field of ["source", "publishedAt", "url", "language", "id"]) {
    const value = out[field];
    if (value === null || (typeof value === "string" && value.trim() === "")) delete out[field];
  }
  return out;
}

/**
 * Validates one raw record (JSON object, front matter + body, or what a reader built) and turns it into an
 * Article: field aliases resolved, title whitespace-normalised, body cleaned of page boilerplate,
 * publishedAt normalised to YYYY-MM-DD, language defaulted to "en", id derived when absent.
 */
export function toArticle(raw: unknown): ToArticleResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      reason: `expected an article object, found ${Array.isArray(raw) ? "an array" : raw === null ? "null" : typeof raw}`,
      hint: 'write each article as an object such as {"title": "...", "body": "...", "source": "...", "publishedAt": "2025-08-18"}',
    };
  }
  const given = raw as Record<string, unknown>;
  if (given.title === undefined && given.body === undefined && typeof given.article === "object" && Array.isArray(given.entities)) {
    return {
      ok: false,
      reason: "this is an extraction document (what `kg extract` writes), not an article",
      hint: "store extraction documents with `kg load`; `kg ingest` reads articles",
    };
  }
  const record = withAliases(given);
  if (typeof record.title === "string") record.title = normaliseLine(record.title.replace(/\s+/g, " "));
  if (typeof record.body === "string") record.body = removeBoilerplate(record.body);
  if (record.publishedAt !== undefined) {
    const date = normaliseDate(record.publishedAt);
    if (date === undefined) {
      return {
        ok: false,
        reason: `publishedAt ${JSON.stringify(String(record.publishedAt))} is not a date that can be read unambiguously`,
        hint: "write the date as YYYY-MM-DD (e.g. 2025-08-18) or as an ISO timestamp",
      };
    }
    record.publishedAt = date;
  }
  const parsed = ArticleInputSchema.safeParse(record);
  if (!parsed.success) {
    return {
      ok: false,
      reason: describeIssues(parsed.error.issues),
      hint: "every article needs a non-empty title and body; optional: id (lower-case slug), source, publishedAt (YYYY-MM-DD), url (http/https), language",
    };
  }
  const input = parsed.data;
  const publishedAt = typeof input.publishedAt === "string" ? input.publishedAt : undefined;
  const article = ArticleSchema.safeParse({
    id: input.id ?? articleId({ title: input.title, source: input.source, publishedAt }),
    title: input.title,
    body: input.body,
    source: input.source?.trim(),
    publishedAt,
    url: input.url,
    // The primary language subtag ("en-GB" -> "en"): what the extractor's lexicons are chosen by.
    language: (input.language ?? "en").trim().toLowerCase().split(/[-_]/)[0],
  });
  if (!article.success) {
    return { ok: false, reason: describeIssues(article.error.issues), hint: "fix the fields named above" };
  }
  return { ok: true, article: article.data };
}
