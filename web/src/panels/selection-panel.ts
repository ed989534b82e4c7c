import { clear, el } from "../dom.ts";
import { colorOf } from "../graph/colors.ts";

export type SelectionActions = {
  close(): void;
  selectNode(id: string): void;
  expand(ids: string[]): void;
  hide(ids: string[]): void;
  compare(ids: string[]): void;
  exportGexf(ids: string[]): void;
  exportCsv(ids: string[]): void;
};

/** The panel for a multi-selection (shift-click, lasso): the nodes, and what can be done with them at once. */
export function renderSelectionPanel(root: HTMLElement, nodes: { id: string; label: string; type: string }[], actions: SelectionActions): void {
  clear(root);
  const ids = nodes.map((n) => n.id);
  const list = el("ul", { className: "selection-list", attrs: { id: "selection-list" } });
  for (const node of nodes) {
    const dot = el("span", { className: "swatch", attrs: { "aria-hidden": "true" } });
    dot.style.background = colorOf(node.type);
    list.append(
      el("li", { attrs: { "data-id": node.id } }, dot, el("button", { className: "link-button", attrs: { type: "button" }, on: { click: () => actions.selectNode(node.id) } }, node.label), " ", el("span", { className: "muted" }, node.type)),
    );
  }
  const button = (id: string, text: string, run: () => void) => el("button", { attrs: { type: "button", id }, on: { click: run } }, text);
  root.setAttribute("aria-labelledby", "panel-title");
  root.append(
    el(
      "header",
      { className: "panel-header" },
      el("h2", { attrs: { id: "panel-title" } }, `Selection (${nodes.length})`),
      el("button", { className: "close", attrs: { type: "button", "aria-label": "Clear the selection" }, on: { click: () => actions.close() } }, "×"),
    ),
    el("p", { className: "muted" }, "Shift-click adds or removes a node; Shift-drag on the canvas draws a lasso."),
    el(
      "div",
      { className: "panel-actions" },
      button("selection-expand", "Expand neighbours", () => actions.expand(ids)),
      button("selection-hide", "Hide", () => actions.hide(ids)),
      button("selection-compare", "Compare", () => actions.compare(ids)),
      button("selection-export-gexf", "Export GEXF", () => actions.exportGexf(ids)),
      button("selection-export-csv", "Export CSV", () => actions.exportCsv(ids)),
    ),
    list,
  );
}
