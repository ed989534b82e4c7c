import { toArticle } from "../normalise.ts";
import type { InputFailure, SourcedArticle } from "../schema.ts";

/** What reading one file (or one stdin stream) gives: the good articles and a failure for each bad part. */
export interface ReadResult {
  articles: SourcedArticle[];
  failures: InputFailure[];
}

export function emptyResult(): ReadResult {
  return { articles: [], failures: [] };
}

export function failure(file: string, reason: string, hint: string, line?: number): InputFailure {
  return line === undefined ? { file, reason, hint } : { file, line, reason, hint };
}

/** Validates one raw record and adds it to the result as an article or as a failure. */
export function addRecord(result: ReadResult, file: string, raw: unknown, line?: number, label?: string): void {
  const outcome = toArticle(raw);
  if (outcome.ok) {
    result.articles.push(line === undefined ? { article: outcome.article, file } : { article: outcome.article, file, line });
  } else {
    result.failures.push(failure(file, label ? `${label}: ${outcome.reason}` : outcome.reason, outcome.hint, line));
  }
}
