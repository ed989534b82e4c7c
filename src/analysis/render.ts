import type { JsonValue } from "./graph-values.ts";
import type { Timeline } from "./service.ts";
import type { CompareResult, TopicSummary } from "./schema.ts";

/** Text renderings of the analyst results for the terminal (table), documents (markdown) and tools (csv). */

/** A cell as one line: nodes show their name or labels, relationships their type, long text is cut. */
export function cellText(value: JsonValue, max = 80): string {
  let text: string;
  if (value === null) text = "";
  else if (typeof value !== "object") text = String(value);
  else if (!Array.isArray(value) && value._kind === "node") {
    const p = value.properties as Record<string, JsonValue>;
    text = `(${(value.labels as string[]).join(":")} ${String(p.name ?? p.title ?? p.id ?? value.elementId)})`;
  } else if (!Array.isArray(value) && value._kind === "relationship") text = `[:${String(value.type)}]`;
  else if (!Array.isArray(value) && value._kind === "path") text = `path of ${(value.relationships as JsonValue[]).length} relationships`;
  else text = JSON.stringify(value);
  text = text.replace(/\s+/g, " ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function textTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** RFC 4180 CSV; nested values (nodes, lists) as JSON. */
export function toCsv(columns: string[], rows: Array<Record<string, JsonValue>>): string {
  const esc = (v: JsonValue) => {
    const s = v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map((c) => esc(c)).join(","), ...rows.map((r) => columns.map((c) => esc(r[c] ?? null)).join(","))].join("\r\n") + "\r\n";
}

const cite = (e: { articleTitle: string | null; source: string | null; date: string | null }) =>
  [e.date ?? "undated", e.source, e.articleTitle ? `“${e.articleTitle}”` : null].filter(Boolean).join(", ");

function evidenceLine(e: CompareResult["columns"][number]["evidence"][number], columnName: string): string {
  const who = e.actorName !== columnName ? `${e.actorName} ` : "";
  const what = e.relation === "HAS_STANCE" ? `${who}stance: ${e.position}` : `${who}${e.relation} ${e.proposalName ?? ""}`.trim();
  return `${what} — "${e.quote ?? "(no quote)"}" (${cite(e)})`;
}

function stanceLabel(c: CompareResult["columns"][number]): string {
  const shift = c.shift ? ` (was ${c.shift.from} until ${c.shift.date ?? "?"})` : "";
  const since = c.since && !c.shift ? ` since ${c.since}` : "";
  return `${c.stance}${since}${shift}`;
}

/** Terminal view: a summary table side by side, the disputed proposals, then each actor's quotes in date order. */
export function renderCompareTable(result: CompareResult): string {
  const out: string[] = [`Positions on ${result.topic.name} (${result.topic.id})`, ""];
  out.push(
    textTable(
      ["", ...result.columns.map((c) => c.actor.name)],
      [
        ["stance", ...result.columns.map(stanceLabel)],
        ["facts", ...result.columns.map((c) => String(c.evidence.length))],
        ...result.proposals.map((p) => [
          `${p.disputed ? "⚡ " : ""}${p.proposalName}`,
          ...result.columns.map((c) => p.positions[c.actor.name] ?? "–"),
        ]),
      ],
    ),
  );
  if (result.proposals.some((p) => p.disputed)) out.push("", "⚡ = the actors disagree on this proposal");
  for (const c of result.columns) {
    out.push("", `## ${c.actor.name}: ${stanceLabel(c)}`);
    if (c.actor.note) out.push(`   (${c.actor.note})`);
    if (c.members.length > 0) out.push(`   members with a position: ${c.members.map((m) => `${m.name} (${m.stance})`).join(", ")}`);
    if (c.evidence.length === 0) out.push("   no relation on this topic in the graph");
    for (const e of c.evidence) out.push(`   - ${evidenceLine(e, c.actor.name)}`);
  }
  return out.join("\n");
}

const md = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ");

export function renderCompareMarkdown(result: CompareResult): string {
  const out: string[] = [`# Positions on ${result.topic.name}`, ""];
  out.push(`| | ${result.columns.map((c) => md(c.actor.name)).join(" | ")} |`);
  out.push(`|---|${result.columns.map(() => "---").join("|")}|`);
  out.push(`| **stance** | ${result.columns.map((c) => md(stanceLabel(c))).join(" | ")} |`);
  for (const p of result.proposals) {
    out.push(`| ${p.disputed ? "**disputed:** " : ""}${md(p.proposalName)} | ${result.columns.map((c) => md(p.positions[c.actor.name] ?? "–")).join(" | ")} |`);
  }
  for (const c of result.columns) {
    out.push("", `## ${c.actor.name} — ${stanceLabel(c)}`, "");
    if (c.actor.note) out.push(`_${c.actor.note}_`, "");
    if (c.evidence.length === 0) out.push("No relation on this topic in the graph.");
    for (const e of c.evidence) out.push(`- ${md(evidenceLine(e, c.actor.name))}`);
  }
  return out.join("\n");
}

export function renderTopics(topics: TopicSummary[]): string {
  return textTable(
    ["topic", "name", "proposals", "stances", "relations", "articles", "taxonomy"],
    topics.map((t) => [t.id, t.name, String(t.proposals), String(t.stances), String(t.relations), String(t.articles), t.inTaxonomy ? "yes" : "no (graph only)"]),
  );
}

export function renderTimeline(timeline: Timeline): string {
  const head = timeline.truncated
    ? `Timeline of ${timeline.subject.name} (the newest ${timeline.events.length} of ${timeline.total} events)`
    : `Timeline of ${timeline.subject.name} (${timeline.events.length} events)`;
  const note = timeline.subject.note ? `\n(${timeline.subject.note})` : "";
  if (timeline.events.length === 0) return `${head}${note}\nNo events in the graph.`;
  const lines = timeline.events.map((e) => {
    const what = `${e.subject ?? "?"} ${e.relation}${e.stance ? ` (${e.stance})` : ""} ${e.object ?? "?"}`;
    return `${e.date ?? "undated"}  ${what}\n            "${e.quote ?? "(no quote)"}" — ${[e.source, e.articleTitle].filter(Boolean).join(", ")}`;
  });
  return [`${head}${note}`, "", ...lines].join("\n");
}

/** A query result as a terminal table, with a note when the row limit cut it. */
export function renderQueryTable(result: { columns: string[]; rows: Array<Record<string, JsonValue>>; truncated: boolean; limit: number; updates?: Record<string, number> }): string {
  const out: string[] = [];
  if (result.columns.length > 0) out.push(textTable(result.columns, result.rows.map((r) => result.columns.map((c) => cellText(r[c] ?? null)))));
  const count = `${result.rows.length} row${result.rows.length === 1 ? "" : "s"}`;
  out.push(result.truncated ? `${count} — cut at the row limit (${result.limit}); more rows exist: raise --limit or add LIMIT/filters` : count);
  if (result.updates) out.push(`changes: ${Object.entries(result.updates).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  return out.join("\n");
}
