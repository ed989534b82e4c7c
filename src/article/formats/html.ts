import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { normaliseDate } from "../date.ts";
import { normaliseLine } from "../text.ts";
import { addRecord, emptyResult, failure, type ReadResult } from "./result.ts";

type Doc = ReturnType<typeof parseHTML>["document"];
type El = NonNullable<ReturnType<Doc["querySelector"]>>;

/** Meta tags that carry the publication time, most specific first. */
const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
];

/** Fewer words than this is a navigation or index page, not an article. */
const MIN_ARTICLE_WORDS = 25;

/** Elements whose end is a paragraph break in the text. */
const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2", "H3",
  "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TR", "UL", "BR",
]);

function attr(doc: Doc, selector: string, name: string): string | undefined {
  const value = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return value ? value : undefined;
}

/** Text of an element with block elements turned into paragraphs. */
function blockText(root: El): string[] {
  const paragraphs: string[] = [];
  let current = "";
  const walk = (node: El | ChildNode) => {
    for (const child of Array.from(node.childNodes) as El[]) {
      if (child.nodeType === 3) current += child.textContent ?? "";
      else if (child.nodeType === 1) {
        const block = BLOCKS.has(child.tagName.toUpperCase());
        if (block) {
          paragraphs.push(current);
          current = "";
        }
        walk(child);
        if (block) {
          paragraphs.push(current);
          current = "";
        }
      }
    }
  };
  walk(root);
  paragraphs.push(current);
  return paragraphs.map(normaliseLine).filter((p) => p.length > 0);
}

function publishedDate(doc: Doc): string | undefined {
  const candidates = [
    ...PUBLISHED_META.map((selector) => attr(doc, selector, "content")),
    attr(doc, "article time[datetime]", "datetime"),
    attr(doc, "time[pubdate]", "datetime"),
    attr(doc, "time[datetime]", "datetime"),
  ];
  for (const candidate of candidates) {
    const date = candidate ? normaliseDate(candidate) : undefined;
    if (date) return date;
  }
  return undefined;
}

function canonicalUrl(doc: Doc): string | undefined {
  const url = attr(doc, 'link[rel="canonical"]', "href") ?? attr(doc, 'meta[property="og:url"]', "content");
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** "By Jane Doe | Reuters" -> "Jane Doe | Reuters": a byline without its "By". */
function cleanByline(byline: string | null | undefined): string | undefined {
  const text = byline ? normaliseLine(byline.replace(/^\s*by\s+/i, "")) : "";
  return text && text.length <= 100 ? text : undefined;
}

/**
 * .html/.htm: the main text found by Mozilla Readability (on a linkedom DOM). Title from Readability
 * (og:title / <title> / headline), source from the site name else the byline, publishedAt from
 * article:published_time and similar meta tags or <time datetime>, url from the canonical link, language
 * from <html lang>.
 */
export function readHtml(html: string, file: string): ReadResult {
  const result = emptyResult();
  const { document } = parseHTML(html);
  // Readability changes the DOM it reads: read the metadata first.
  const url = canonicalUrl(document);
  const metaDate = publishedDate(document);
  const lang = document.documentElement?.getAttribute("lang") ?? undefined;
  const ogTitle = attr(document, 'meta[property="og:title"]', "content");

  let parsed: ReturnType<Readability<string>["parse"]> = null;
  try {
    parsed = new Readability(document as unknown as Document).parse();
  } catch (error) {
    result.failures.push(failure(file, `the HTML could not be read: ${error instanceof Error ? error.message : String(error)}`, "save the page again as complete HTML, or paste the article text into a .txt file"));
    return result;
  }
  const content = parsed?.content ? parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document.body : null;
  const paragraphs = content ? blockText(content as unknown as El) : [];
  const words = paragraphs.join(" ").split(/\s+/).length;
  if (!parsed || words < MIN_ARTICLE_WORDS) {
    result.failures.push(failure(file, "no article text found in the HTML", "the page may be an index page or need JavaScript to show its text; save the article page itself, or paste its text into a .txt file (headline on the first line)"));
    return result;
  }
  let title = normaliseLine(parsed.title || ogTitle || "");
  // Readability keeps the headline as the first heading of the content. When the page title is that headline
  // plus a site suffix ("Headline - Site"), the heading is the cleaner title; either way it leaves the body.
  const heading = normaliseLine(content?.querySelector("h1, h2")?.textContent ?? "");
  if (heading && paragraphs[0] === heading && (title === "" || title.toLowerCase().includes(heading.toLowerCase()))) {
    title = heading;
    paragraphs.shift();
  }
  addRecord(result, file, {
    title,
    body: paragraphs.join("\n\n"),
    source: parsed.siteName ? normaliseLine(parsed.siteName) : cleanByline(parsed.byline),
    publishedAt: normaliseDate(parsed.publishedTime ?? undefined) ?? metaDate,
    url,
    language: (parsed.lang ?? lang)?.split(/[-_]/)[0]?.toLowerCase(),
  });
  return result;
}
