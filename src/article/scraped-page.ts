import { lineMatches } from "./boilerplate.ts";
import { normaliseLine, splitLines } from "./text.ts";

/** One article cut out of a page: raw text, still to be cleaned and validated. */
export interface PageArticleDraft {
  title: string;
  body: string;
  source?: string;
  /** 1-based line of the headline in the page. */
  line: number;
}

/** A source label of a listing: a short line without sentence punctuation, e.g. "Middle East Eye". */
function looksLikeSourceLabel(line: string): boolean {
  return line.length > 0 && line.length <= 60 && !/[.!?:;,"“”]$/.test(line) && !lineMatches("time-ago", line);
}

/** Where an entry of a related-articles listing starts: "<source>" then "<time ago>", or "<time ago>" alone. */
function entryStart(lines: readonly string[], i: number): { source?: string; next: number } | undefined {
  const here = lines[i] ?? "";
  if (lineMatches("time-ago", here)) return { next: i + 1 };
  if (looksLikeSourceLabel(here) && lineMatches("time-ago", lines[i + 1] ?? "")) return { source: here, next: i + 2 };
  return undefined;
}

/**
 * Splits a scraped page that holds several articles: the main article (first non-empty line = headline,
 * then its body up to a related-articles header), then each full entry of the related-articles listing,
 * laid out as: [<source>] / <time ago> / [- <source>] / <headline> / <body...>.
 * Headers and time stamps are recognised by the rules of boilerplate.json ("related-articles", "time-ago").
 * Teaser entries (a headline without a body) are skipped. Bodies are returned raw: clean them with
 * removeBoilerplate (toArticle does).
 */
export function splitScrapedPage(text: string): PageArticleDraft[] {
  const lines = splitLines(text).map(normaliseLine);
  const drafts: PageArticleDraft[] = [];
  const related = lines.findIndex((l) => lineMatches("related-articles", l));
  const mainEnd = related === -1 ? lines.length : related;

  const headline = lines.findIndex((l, i) => i < mainEnd && l.length > 0);
  if (headline !== -1) {
    drafts.push({ title: lines[headline] ?? "", body: lines.slice(headline + 1, mainEnd).join("\n"), line: headline + 1 });
  }
  if (related === -1) return drafts;

  let i = related + 1;
  while (i < lines.length) {
    const start = entryStart(lines, i);
    if (!start) {
      i++;
      continue;
    }
    let j = start.next;
    let source = start.source;
    // "- Middle East Eye": the listing repeats the source as a dash line under the time stamp.
    const dashed = /^[-–—]\s*(.+)$/.exec(lines[j] ?? "");
    if (dashed?.[1] && dashed[1].length <= 60) {
      source ??= dashed[1];
      j++;
    }
    while (j < lines.length && lines[j] === "") j++;
    const headlineIndex = j;
    const bodyLines: string[] = [];
    j++;
    while (j < lines.length && !entryStart(lines, j)) bodyLines.push(lines[j++] ?? "");
    const title = lines[headlineIndex] ?? "";
    const body = bodyLines.join("\n").trim();
    if (title && body) drafts.push({ title, body, line: headlineIndex + 1, ...(source ? { source } : {}) });
    i = j;
  }
  return drafts;
}
