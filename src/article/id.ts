import { createHash } from "node:crypto";
import type { Article } from "./schema.ts";
import { slug } from "../text/normalise.ts";

const MAX_SLUG_LENGTH = 60;

/** Lower-case ASCII slug of a text (src/text/normalise.ts), at most `maxLength` characters, cut at a word boundary. */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  return slug(text, maxLength);
}

/** Canonical form of a field for hashing: cosmetic whitespace and case do not change an id. */
function canonical(value: string | undefined): string {
  return (value ?? "").normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** What an id is derived from. */
export interface ArticleIdInput {
  title: string;
  source?: string | undefined;
  publishedAt?: string | undefined;
}

/**
 * A stable id for an article that has none: a readable slug of the title plus 8 hex digits of a hash over
 * source, title and date, e.g. "us-would-help-assure-ukraines-security-in-a-peace-deal-3f2a9c1b".
 * The same source+title+date always gives the same id; a change in any of them gives another.
 */
export function articleId(input: ArticleIdInput): string {
  const hash = sha256([canonical(input.source), canonical(input.title), canonical(input.publishedAt)].join("\u0000")).slice(0, 8);
  const slug = slugify(input.title) || "article";
  return `${slug}-${hash}`;
}

/**
 * sha256 (hex) over the fields that matter for extraction: title, body, source, publishedAt, url, language.
 * Equal hashes mean re-extracting the article would give the same result (the store's "unchanged" check).
 */
export function contentHash(article: Pick<Article, "title" | "body" | "source" | "publishedAt" | "url" | "language">): string {
  return sha256(
    JSON.stringify([
      article.title,
      article.body,
      article.source ?? null,
      article.publishedAt ?? null,
      article.url ?? null,
      article.language,
    ]),
  );
}
