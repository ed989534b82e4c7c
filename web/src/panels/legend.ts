import { clear, el } from "../dom.ts";

export type LegendEntry = { key: string; label: string; color: string; count: number };

/** The colour legend: node types with the count of visible nodes each, or the communities when colouring by community. */
export function renderLegend(root: HTMLElement, title: string, entries: LegendEntry[]): void {
  clear(root);
  const list = el("ul", {});
  for (const entry of entries) {
    const dot = el("span", { className: "swatch", attrs: { "aria-hidden": "true" } });
    dot.style.background = entry.color;
    list.append(el("li", { attrs: { "data-type": entry.key } }, dot, `${entry.label} `, el("span", { className: "count" }, String(entry.count))));
  }
  root.append(el("div", { className: "legend-title" }, title), list);
}
