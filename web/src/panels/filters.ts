import { clear, el } from "../dom.ts";
import { colorOf } from "../graph/colors.ts";
import type { ViewState, ViewStore } from "../state/url-state.ts";

type Counts = { types: Record<string, number>; relations: Record<string, number>; sources: Record<string, number> };
type Universe = { types: string[]; relations: string[]; sources: string[] };
type ListField = "hiddenTypes" | "hiddenRelations" | "hiddenSources";

/** Checkbox groups (node types, relation types, sources) and a date range; counts show what is visible now. */
export class FiltersPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly store: ViewStore,
  ) {}

  render(universe: Universe, counts: Counts, dateBounds: { first: string | null; last: string | null }): void {
    const state = this.store.get();
    clear(this.root);
    this.root.append(
      el("h2", {}, "Filters"),
      this.group("Node types", "hiddenTypes", universe.types, counts.types, state, true),
      this.group("Relation types", "hiddenRelations", universe.relations, counts.relations, state, false),
      this.group("Sources", "hiddenSources", universe.sources, counts.sources, state, false),
      this.dateRange(state, dateBounds),
      el("button", { attrs: { type: "button" }, className: "link-button", on: { click: () => this.reset() } }, "Reset filters"),
    );
  }

  private group(title: string, field: ListField, values: string[], counts: Record<string, number>, state: ViewState, swatch: boolean) {
    const hidden = new Set(state[field]);
    const fieldset = el("fieldset", { className: "filter-group", attrs: { "data-filter": field } }, el("legend", {}, title));
    for (const value of values) {
      const id = `f-${field}-${value}`.replace(/[^A-Za-z0-9_-]/g, "_");
      const box = el("input", { attrs: { type: "checkbox", id, "data-value": value } });
      box.checked = !hidden.has(value);
      box.addEventListener("change", () => {
        const next = new Set(this.store.get()[field]);
        if (box.checked) next.delete(value);
        else next.add(value);
        this.store.update({ [field]: [...next] } as Partial<ViewState>);
      });
      const dot = swatch ? el("span", { className: "swatch", attrs: { "aria-hidden": "true" } }) : null;
      if (dot) dot.style.background = colorOf(value);
      fieldset.append(
        el("div", { className: "filter-row" }, box, el("label", { attrs: { for: id } }, dot, value, " ", el("span", { className: "count" }, `(${counts[value] ?? 0})`))),
      );
    }
    return fieldset;
  }

  private dateRange(state: ViewState, bounds: { first: string | null; last: string | null }) {
    const input = (label: string, key: "from" | "to", value: string | null) => {
      const field = el("input", { attrs: { type: "date", id: `f-${key}`, ...(bounds.first ? { min: bounds.first } : {}), ...(bounds.last ? { max: bounds.last } : {}) } });
      field.value = value && value.length === 10 ? value : "";
      field.addEventListener("change", () => this.store.update({ [key]: field.value || null }));
      return el("div", { className: "filter-row" }, el("label", { attrs: { for: `f-${key}` } }, label), field);
    };
    return el("fieldset", { className: "filter-group" }, el("legend", {}, "Date of fact"), input("From", "from", state.from), input("To", "to", state.to));
  }

  private reset(): void {
    this.store.update({ hiddenTypes: [], hiddenRelations: [], hiddenSources: [], from: null, to: null });
  }
}
