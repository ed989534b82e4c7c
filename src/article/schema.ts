import { z } from "zod";

/** ISO date (YYYY-MM-DD) or full ISO timestamp; normalised to YYYY-MM-DD by the readers. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, "expected an ISO date such as 2025-08-18");

/** One news article, as every input format is turned into. */
export const ArticleSchema = z.object({
  id: z.string().min(1).regex(/^[a-z0-9][a-z0-9._-]*$/, "ids are lower-case slugs"),
  title: z.string().trim().min(1, "title is empty"),
  body: z.string().trim().min(1, "article has no body text"),
  source: z.string().trim().min(1).optional(),
  publishedAt: IsoDate.optional(),
  // Only web links: the explorer renders this as a link, so no javascript:/data: URLs.
  url: z.url({ protocol: /^https?$/, error: "url must be an http(s) link" }).optional(),
  language: z.string().min(2).default("en"),
});
export type Article = z.infer<typeof ArticleSchema>;

/** What a user may put in a .json/.jsonl/.md front matter: id is optional (derived when absent). */
export const ArticleInputSchema = ArticleSchema.extend({
  id: ArticleSchema.shape.id.optional(),
  publishedAt: z.union([IsoDate, z.date()]).optional(),
  language: z.string().min(2).optional(),
}).passthrough();
export type ArticleInput = z.input<typeof ArticleInputSchema>;

/** A file or line that could not be turned into an article: why, and what to do about it. */
export const InputFailureSchema = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  reason: z.string(),
  hint: z.string(),
});
export type InputFailure = z.infer<typeof InputFailureSchema>;

/** An article read from a file (or stdin), with where it came from. */
export const SourcedArticleSchema = z.object({
  article: ArticleSchema,
  file: z.string(),
  line: z.number().int().positive().optional(),
});
export type SourcedArticle = z.infer<typeof SourcedArticleSchema>;
