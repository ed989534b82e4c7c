import { parseDocument } from "yaml";
import { joinParagraphs, splitLines } from "../text.ts";
import { addRecord, emptyResult, failure, type ReadResult } from "./result.ts";

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Markdown inline syntax to plain text: links and emphasis keep their words, images and HTML comments go. */
function plainInline(line: string): string {
  return line
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[\s(])\*(?=\S)([^*]+?)(?<=\S)\*(?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1");
}

/**
 * Markdown body to paragraphs: blank lines separate paragraphs, soft-wrapped lines are joined, headings,
 * list items and quotes are paragraphs of their own (without their markers).
 */
export function markdownParagraphs(markdown: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join(" "));
    current = [];
  };
  for (const raw of splitLines(markdown)) {
    const line = raw.trim();
    if (line === "" || /^(?:[-*_]\s*){3,}$/.test(line)) {
      flush();
      continue;
    }
    const block = /^(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)/.exec(line);
    if (block) {
      flush();
      current.push(plainInline(line.slice(block[0].length).replace(/\s+#+\s*$/, "")));
      if (!block[0].startsWith(">")) flush();
      continue;
    }
    current.push(plainInline(line));
  }
  flush();
  return paragraphs;
}

/**
 * .md: YAML front matter (title, source, publishedAt, url, id, language) and a Markdown body.
 * Without a title in the front matter, the first heading (or first line) is the title.
 */
export function readMarkdown(text: string, file: string): ReadResult {
  const result = emptyResult();
  const match = FRONT_MATTER.exec(text);
  let meta: Record<string, unknown> = {};
  let bodyText = text;
  if (match) {
    const doc = parseDocument(match[1] ?? "", { prettyErrors: true });
    const error = doc.errors[0];
    if (error) {
      // +1: the front matter starts on the line after the opening ---.
      const line = error.linePos?.[0] ? error.linePos[0].line + 1 : undefined;
      const what = (error.message.split("\n")[0] ?? error.message).replace(/\s+at line \d+, column \d+:?\s*$/, "");
      result.failures.push(failure(file, `malformed YAML front matter: ${what}`, "fix the front matter between the --- lines (key: value per line; quote values holding ': ')", line));
      return result;
    }
    const data: unknown = doc.toJS();
    if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
      result.failures.push(failure(file, "the front matter is not a set of key: value fields", "write the front matter as lines such as `title: ...` and `source: ...`", 2));
      return result;
    }
    meta = (data ?? {}) as Record<string, unknown>;
    bodyText = text.slice(match[0].length);
  }
  const paragraphs = markdownParagraphs(bodyText);
  const firstHeading = /^\s*#{1,6}\s+(.+?)\s*#*\s*$/m.exec(bodyText)?.[1];
  let title = meta.title ?? meta.headline;
  if (title === undefined || title === null || title === "") {
    // The headline is the first heading, else the first paragraph (as in a .txt file).
    title = paragraphs.shift();
  } else if (firstHeading && paragraphs[0] === firstHeading && String(title).trim() === firstHeading.trim()) {
    paragraphs.shift();
  }
  addRecord(result, file, { ...meta, title, body: joinParagraphs(paragraphs) });
  return result;
}
