import type { ExportView } from "./view-data.ts";

export const FACT_COLUMNS = [
  "subject", "subject_id", "relation", "object", "object_id", "stance", "date", "quote", "article_title", "article_source",
  "article_url", "article_id", "confidence", "cameo", "plover", "supporting_articles", "edge_key",
] as const;

/**
 * A CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
 * apostrophe: quotes come from the web and are not to be executed by whoever opens the file.
 */
function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The visible facts, one row each, with their evidence. */
export function factsCsv(view: ExportView): string {
  const label = new Map(view.nodes.map((n) => [n.key, n.attrs.label]));
  const rows = view.edges.map(({ key, source, target, attrs, fact }) => [
    label.get(source) ?? source, source, attrs.relation, label.get(target) ?? target, target,
    fact?.stance ?? attrs.stance ?? null, attrs.date ?? fact?.date ?? null, fact?.evidence ?? null, fact?.articleTitle ?? null,
    attrs.articleSource ?? fact?.articleSource ?? null, fact?.articleUrl ?? null, attrs.articleId, attrs.confidence,
    fact?.cameo ?? null, fact?.plover ?? null, attrs.support ?? 1, key,
  ]);
  return [FACT_COLUMNS.join(","), ...rows.map((r) => r.map(cell).join(","))].join("\r\n") + "\r\n";
}
