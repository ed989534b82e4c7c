import { clear, el } from "../dom.ts";
import { METRIC_LABELS } from "../graph/appearance.ts";
import { COLOR_SCHEMES, LABEL_MODES, SIZE_METRICS, type ViewState, type ViewStore } from "../state/url-state.ts";

const COLOR_LABELS = { type: "Node type", community: "Community (Louvain)" } as const;
const LABEL_LABELS = { name: "Name", type: "Type", none: "None" } as const;

/** Appearance, as in Gephi Lite: size nodes by a metric, colour them by type or community, choose what labels show. */
export class AppearancePanel {
  private readonly size: HTMLSelectElement;
  private readonly color: HTMLSelectElement;
  private readonly labels: HTMLSelectElement;

  constructor(root: HTMLElement, store: ViewStore, onDensity: (density: number) => void) {
    const select = <T extends string>(id: string, values: readonly T[], names: Record<T, string>, field: keyof ViewState) => {
      const node = el("select", { attrs: { id } }, ...values.map((v) => el("option", { attrs: { value: v } }, names[v])));
      node.addEventListener("change", () => store.update({ [field]: node.value } as Partial<ViewState>));
      return node;
    };
    this.size = select("size-by", SIZE_METRICS, METRIC_LABELS, "sizeBy");
    this.color = select("color-by", COLOR_SCHEMES, COLOR_LABELS, "colorBy");
    this.labels = select("label-by", LABEL_MODES, LABEL_LABELS, "labels");
    const density = el("input", { attrs: { type: "range", id: "label-density", min: "0.1", max: "3", step: "0.1", value: "0.7", "aria-label": "Label density" } });
    density.addEventListener("input", () => onDensity(Number(density.value)));
    clear(root);
    root.append(
      el("h2", {}, "Appearance"),
      el("div", { className: "filter-row" }, el("label", { attrs: { for: "size-by" } }, "Size by"), this.size),
      el("div", { className: "filter-row" }, el("label", { attrs: { for: "color-by" } }, "Colour by"), this.color),
      el("div", { className: "filter-row" }, el("label", { attrs: { for: "label-by" } }, "Labels"), this.labels),
      el("div", { className: "filter-row" }, el("label", { attrs: { for: "label-density" } }, "Label density"), density),
    );
    this.sync(store.get());
  }

  sync(state: ViewState): void {
    this.size.value = state.sizeBy;
    this.color.value = state.colorBy;
    this.labels.value = state.labels;
  }
}
