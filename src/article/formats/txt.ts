import { splitScrapedPage } from "../scraped-page.ts";
import { addRecord, emptyResult, type ReadResult } from "./result.ts";

/**
 * Plain text: the first non-empty line is the headline, the rest is the body. A scraped page that also
 * carries a related-articles listing with full articles gives one article per entry (see splitScrapedPage).
 */
export function readText(text: string, file: string): ReadResult {
  const result = emptyResult();
  const drafts = splitScrapedPage(text);
  if (drafts.length === 0) {
    result.failures.push({ file, reason: "no text found", hint: "put the headline on the first line and the article text below it" });
  }
  const several = drafts.length > 1;
  for (const draft of drafts) {
    const { line, ...raw } = draft;
    addRecord(result, file, raw, several ? line : undefined);
  }
  return result;
}
