/**
 * Reading news articles from files, folders, globs and stdin into validated Article records.
 *
 *   const { articles, failures } = await readArticles(["seeds/", "more/*.jsonl", "-"]);
 *
 * Formats: .txt (headline line + body), .md (YAML front matter + body), .json (object or array), .jsonl,
 * .html/.htm (Readability). Bad input never throws: each problem is an InputFailure {file, line?, reason, hint}.
 */
export { listInputFiles, STDIN } from "./files.ts";
export { readArticleFile, readArticles, type ReadOptions } from "./read.ts";
export type { ReadResult } from "./formats/result.ts";
export { articleId, contentHash, slugify, type ArticleIdInput } from "./id.ts";
export { removeBoilerplate } from "./boilerplate.ts";
export { splitScrapedPage, type PageArticleDraft } from "./scraped-page.ts";
export { normaliseDate } from "./date.ts";
export { toArticle } from "./normalise.ts";
export { DEFAULT_MAX_BYTES } from "./decode.ts";
export { sniffFormat, type InputFormat } from "./sniff.ts";
export * from "./schema.ts";
