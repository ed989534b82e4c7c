/** The input formats, by what a reader does with them. */
export const FORMATS = ["txt", "markdown", "json", "jsonl", "html"] as const;
export type InputFormat = (typeof FORMATS)[number];

/** File extensions (lower-case, with the dot) and their formats. */
export const EXTENSION_FORMATS: Readonly<Record<string, InputFormat>> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "markdown",
  ".markdown": "markdown",
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".html": "html",
  ".htm": "html",
};

/**
 * Guesses the format of text without a file name (stdin): JSON or JSONL when it starts with { or [
 * (JSONL when the first line alone is a complete JSON value and more lines follow), Markdown when it opens
 * with front matter or a "# " heading, HTML when it opens with a tag, else plain text.
 */
export function sniffFormat(text: string): InputFormat {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("{") || head.startsWith("[")) {
    const lines = head.split("\n").filter((l) => l.trim() !== "");
    if (lines.length > 1 && head.startsWith("{")) {
      try {
        JSON.parse(lines[0] ?? "");
        return "jsonl";
      } catch {
        return "json";
      }
    }
    return "json";
  }
  if (/^---[ \t]*\r?\n/.test(head) || /^#{1,6}\s+\S/.test(head)) return "markdown";
  if (/^<(?:!doctype\s+html|html|head|body|article|main|div|p|h1|section|meta|title)\b/i.test(head)) return "html";
  return "txt";
}
