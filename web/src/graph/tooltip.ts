import type { FactDetail } from "../api.ts";
import { clear, el } from "../dom.ts";
import type { FactStore } from "./facts.ts";
import type { ViewGraph } from "./model.ts";

/** The visible facts between an edge's two nodes (either direction): what its drawn line bundles. */
export function bundleOf(graph: ViewGraph, edge: string, visible: Set<string> | null): string[] {
  const [a, b] = graph.extremities(edge);
  return [...graph.edges(a, b), ...(a === b ? [] : graph.edges(b, a))].filter((k) => !visible || visible.has(k));
}

type FactGroup = { source: string; relation: string; target: string; keys: string[] };

/** One group per fact (subject, relation, object): the articles reporting the same fact are one entry, not repeated lines. */
function groupFacts(graph: ViewGraph, keys: string[]): FactGroup[] {
  const groups = new Map<string, FactGroup>();
  for (const key of keys) {
    const [source, target] = graph.extremities(key);
    const relation = graph.getEdgeAttribute(key, "relation");
    const id = `${source}\u0000${relation}\u0000${target}`;
    const group = groups.get(id) ?? { source, relation, target, keys: [] };
    group.keys.push(key);
    groups.set(id, group);
  }
  return [...groups.values()];
}

const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];

/**
 * The edge tooltip: per fact, the relation, the stance, the dates and the sources, then each quote once with its
 * article. What the graph already holds shows at once; the quotes follow when the facts arrive.
 */
export class EdgeTooltip {
  private generation = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly graph: ViewGraph,
    private readonly facts: FactStore,
  ) {}

  show(keys: string[], at: { x: number; y: number }): void {
    const mine = ++this.generation;
    this.render(keys);
    this.place(at);
    this.root.hidden = false;
    void this.facts.get(keys).then(
      () => {
        if (mine === this.generation && !this.root.hidden) this.render(keys);
      },
      () => undefined,
    );
  }

  hide(): void {
    this.generation++;
    this.root.hidden = true;
  }

  private place(at: { x: number; y: number }): void {
    const width = Math.min(380, window.innerWidth - 16);
    this.root.style.left = `${Math.max(8, Math.min(at.x + 14, window.innerWidth - width - 8))}px`;
    this.root.style.top = `${Math.max(8, Math.min(at.y + 14, window.innerHeight - 220))}px`;
  }

  private render(keys: string[]): void {
    clear(this.root);
    const label = (node: string) => this.graph.getNodeAttribute(node, "label");
    for (const group of groupFacts(this.graph, keys)) {
      const attrs = group.keys.map((k) => this.graph.getEdgeAttributes(k));
      const details = group.keys.map((k) => this.facts.peek(k)).filter((f): f is FactDetail => f !== undefined);
      const stances = distinct([...attrs.map((a) => a.stance), ...details.map((d) => d.stance)]);
      const dates = distinct(attrs.map((a) => a.date)).sort();
      const sources = distinct(attrs.map((a) => a.articleSource));
      const articles = distinct(attrs.map((a) => a.articleId)).length;
      const meta = [
        stances.length ? `stance: ${stances.join(", ")}` : null,
        dates.length ? (dates.length > 1 ? `${dates[0]} – ${dates.at(-1)}` : dates[0]) : "undated",
        sources.length ? sources.join(", ") : null,
        articles > 1 ? `${articles} articles` : null,
      ].filter(Boolean);
      const quotes = new Map<string, FactDetail>();
      for (const d of details) if (d.evidence && !quotes.has(d.evidence)) quotes.set(d.evidence, d);
      this.root.append(
        el(
          "div",
          { className: "tooltip-fact" },
          el("div", { className: "tooltip-title" }, `${label(group.source)} `, el("strong", {}, group.relation), ` ${label(group.target)}`),
          el("div", { className: "tooltip-meta" }, meta.join(" · ")),
          ...[...quotes.values()].map((d) =>
            el("blockquote", { className: "tooltip-quote" }, d.evidence!, el("span", { className: "tooltip-cite" }, ` — ${[d.articleSource, d.date].filter(Boolean).join(", ")}`)),
          ),
        ),
      );
    }
  }
}
