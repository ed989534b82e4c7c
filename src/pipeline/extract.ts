import type { Article } from "../article/schema.ts";
import { extract, type ExtractOptions, type Extraction } from "../extract/index.ts";
import { type Parser, ParserAuthError, ParserUnavailableError } from "../parse/index.ts";
import { textForParser } from "../parse/prepare.ts";

/** One article's extraction, or why it could not be extracted (the other articles go on). */
export type ExtractOutcome = { ok: true; article: Article; extraction: Extraction } | { ok: false; article: Article; error: string };

/**
 * Parses and extracts many articles in one process: the parser is asked for several articles at a time (its
 * server parses them in parallel) and each parse is extracted as it arrives. Outcomes keep the input order.
 * A parser that is unreachable or refuses the credentials fails the whole call (no article could be extracted);
 * a failure on one article is that article's outcome.
 */
export async function extractArticles(
  parser: Parser,
  articles: readonly Article[],
  opts: ExtractOptions & { onEach?: (outcome: ExtractOutcome, index: number) => void } = {},
): Promise<ExtractOutcome[]> {
  const out: ExtractOutcome[] = new Array(articles.length);
  const parses = await parser.parseMany(
    articles.map((a) => textForParser(a.body)),
    (p) => {
      const article = articles[p.index]!;
      let outcome: ExtractOutcome;
      if (p.error) outcome = { ok: false, article, error: `parsing failed: ${p.error.message}` };
      else {
        try {
          outcome = { ok: true, article, extraction: extract(article, p.parsed, opts) };
        } catch (err) {
          outcome = { ok: false, article, error: `extraction failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}` };
        }
      }
      out[p.index] = outcome;
      opts.onEach?.(outcome, p.index);
    },
  );
  void parses;
  return out;
}

/** Parses and extracts one article. */
export async function extractArticle(parser: Parser, article: Article, opts: ExtractOptions = {}): Promise<Extraction> {
  const parsed = await parser.parse(textForParser(article.body));
  return extract(article, parsed, opts);
}

export function isParserDown(err: unknown): boolean {
  return err instanceof ParserUnavailableError || err instanceof ParserAuthError;
}
