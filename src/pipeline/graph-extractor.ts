import type { Article, InputFailure } from "../article/schema.ts";
import { extract } from "../extract/index.ts";
import { buildArticleGraph } from "../graph/build.ts";
import type { ArticleGraph } from "../graph/schema.ts";
import { ParserAuthError, ParserError, ParserUnavailableError, type Parser } from "../parse/index.ts";
import { textForParser } from "../parse/prepare.ts";

/** One article to turn into graph records; `where` names it in messages ("file" or "file:line"). */
export interface ExtractJob {
  article: Article;
  hash: string;
  where: string;
}

/** The article's graph records, or why it gave none (the other articles go on). */
export type ExtractResult = { ok: true; graph: ArticleGraph } | { ok: false; failure: InputFailure };

/**
 * Parses, extracts and builds the graph records of articles, several at a time. `run` resolves with the job's
 * result; it rejects only when nothing would extract (the parser unreachable, its credentials refused): the run stops.
 */
export interface GraphExtractor {
  run(job: ExtractJob): Promise<ExtractResult>;
  /** How many jobs it works on at once (callers keep about twice as many started). */
  readonly capacity: number;
  close(): Promise<void>;
}

/** A parse failure of one article that does not mean the parser is gone (ParserRequestError, ParserResponseError). */
export function isArticleParseFailure(err: unknown): err is ParserError {
  return err instanceof ParserError && !(err instanceof ParserUnavailableError) && !(err instanceof ParserAuthError);
}

/**
 * The graph records of one article from its parse: extraction (src/extract, pure) then graph building; a failure
 * of either is this article's (a bug to report), not the run's.
 */
export function graphOfParse(job: ExtractJob, parsed: Parameters<typeof extract>[1]): ExtractResult {
  let extraction;
  try {
    extraction = extract(job.article, parsed);
  } catch (err) {
    return failed(job, `extraction failed: ${firstLine(err)}`, "This is a bug in the extractor; please report it with the file. The rest of the batch was ingested.");
  }
  try {
    return { ok: true, graph: buildArticleGraph(job.article, extraction, job.hash) };
  } catch (err) {
    return failed(job, `building the graph records failed: ${firstLine(err)}`, "This is a bug; please report it with the file. The rest of the batch was ingested.");
  }
}

/** The failure of an article the parser could not read. */
export function parseFailure(job: ExtractJob, message: string): ExtractResult {
  return failed(
    job,
    `parsing failed: ${message}`,
    "The parser could not read this article; check the parser's log (`kg nlp status`) and ingest the file again. The rest of the batch was ingested.",
  );
}

function failed(job: ExtractJob, reason: string, hint: string): ExtractResult {
  return { ok: false, failure: { file: job.where, reason, hint } };
}

function firstLine(err: unknown): string {
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}

/** Extraction in this thread: the parser's own limit (KG_NLP_CONCURRENCY) bounds the requests in flight. */
export function inProcessExtractor(parser: Parser, capacity = 2): GraphExtractor {
  return {
    capacity,
    async run(job) {
      let parsed;
      try {
        parsed = await parser.parse(textForParser(job.article.body));
      } catch (err) {
        if (isArticleParseFailure(err)) return parseFailure(job, err.message);
        throw err;
      }
      return graphOfParse(job, parsed);
    },
    async close() {},
  };
}
