import { clear, el } from "../dom.ts";
import { colorOf } from "../graph/colors.ts";

/** Colour legend with the count of visible nodes per type. */
export function renderLegend(root: HTMLElement, types: string[], counts: Record<string, number>): void {
  clear(root);
  const list = el("ul", {});
  for (const type of types) {
    const dot = el("span", { className: "swatch", attrs: { "aria-hidden": "true" } });
    dot.style.background = colorOf(type);
    list.append(el("li", { attrs: { "data-type": type } }, dot, `${type} `, el("span", { className: "count" }, String(counts[type] ?? 0))));
  }
  root.append(list);
}
