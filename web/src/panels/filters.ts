import { clear, el } from "../dom.ts";
import { colorOf } from "../graph/colors.ts";
import type { ViewState, ViewStore } from "../state/url-state.ts";

type Counts = { types: Record<string, number>; relations: Record<string, number>; sources: Record<string, number> };
export type Universe = { types: string[]; relations: string[]; sources: string[]; dates: string[] };
type ListField = "hiddenTypes" | "hiddenRelations" | "hiddenSources";

/** Milliseconds per date while the time slider plays the graph forward. */
const PLAY_STEP_MS = 900;

/**
 * The filters: node types, relation types and sources (with counts of what is visible), facts by confidence and by
 * number of supporting articles, and time (a date range, and a slider over the facts' dates that plays the graph
 * forward). The controls are built once per set of values and then kept in step with the state, so a slider being
 * dragged is never rebuilt under the pointer.
 */
export class FiltersPanel {
  private universeKey = "";
  private boxes: { field: ListField; value: string; box: HTMLInputElement; count: HTMLElement }[] = [];
  private dates: string[] = [];
  private confidence!: HTMLInputElement;
  private confidenceText!: HTMLElement;
  private articles!: HTMLInputElement;
  private slider!: HTMLInputElement;
  private sliderText!: HTMLElement;
  private playButton!: HTMLButtonElement;
  private fromInput!: HTMLInputElement;
  private toInput!: HTMLInputElement;
  private playTimer: number | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly store: ViewStore,
  ) {}

  render(universe: Universe, counts: Counts): void {
    const key = JSON.stringify(universe);
    if (key !== this.universeKey) {
      this.universeKey = key;
      this.build(universe);
    }
    this.sync(this.store.get(), counts);
  }

  private build(universe: Universe): void {
    clear(this.root);
    this.boxes = [];
    this.dates = universe.dates;
    this.root.append(
      el("h2", {}, "Filters"),
      this.group("Node types", "hiddenTypes", universe.types, true),
      this.group("Relation types", "hiddenRelations", universe.relations, false),
      this.group("Sources", "hiddenSources", universe.sources, false),
      this.evidenceGroup(),
      this.timeGroup(universe),
      el("button", { attrs: { type: "button", id: "reset-filters" }, className: "link-button", on: { click: () => this.reset() } }, "Reset filters"),
    );
  }

  private group(title: string, field: ListField, values: string[], swatch: boolean) {
    const fieldset = el("fieldset", { className: "filter-group", attrs: { "data-filter": field } }, el("legend", {}, title));
    for (const value of values) {
      const id = `f-${field}-${value}`.replace(/[^A-Za-z0-9_-]/g, "_");
      const box = el("input", { attrs: { type: "checkbox", id, "data-value": value } });
      box.addEventListener("change", () => {
        const next = new Set(this.store.get()[field]);
        if (box.checked) next.delete(value);
        else next.add(value);
        this.store.update({ [field]: [...next] } as Partial<ViewState>);
      });
      const dot = swatch ? el("span", { className: "swatch", attrs: { "aria-hidden": "true" } }) : null;
      if (dot) dot.style.background = colorOf(value);
      const count = el("span", { className: "count" });
      this.boxes.push({ field, value, box, count });
      fieldset.append(el("div", { className: "filter-row" }, box, el("label", { attrs: { for: id } }, dot, value, " ", count)));
    }
    return fieldset;
  }

  private evidenceGroup() {
    this.confidence = el("input", { attrs: { type: "range", id: "f-min-confidence", min: "0", max: "1", step: "0.05", "aria-describedby": "f-min-confidence-value" } });
    this.confidenceText = el("output", { attrs: { id: "f-min-confidence-value", for: "f-min-confidence" } });
    this.confidence.addEventListener("input", () => (this.confidenceText.textContent = this.confidenceLabel(Number(this.confidence.value))));
    this.confidence.addEventListener("change", () => {
      const value = Number(this.confidence.value);
      this.store.update({ minConfidence: value > 0 ? value : null });
    });
    this.articles = el("input", { attrs: { type: "number", id: "f-min-articles", min: "1", max: "99", step: "1", inputmode: "numeric" } });
    this.articles.addEventListener("change", () => {
      const value = Math.max(1, Math.min(99, Math.round(Number(this.articles.value) || 1)));
      this.store.update({ minArticles: value > 1 ? value : null });
    });
    return el(
      "fieldset",
      { className: "filter-group", attrs: { "data-filter": "evidence" } },
      el("legend", {}, "Evidence"),
      el("div", { className: "filter-row stacked" }, el("label", { attrs: { for: "f-min-confidence" } }, "Minimum confidence ", this.confidenceText), this.confidence),
      el("div", { className: "filter-row" }, el("label", { attrs: { for: "f-min-articles" } }, "Reported by at least"), this.articles, el("span", {}, "article(s)")),
    );
  }

  private confidenceLabel(value: number): string {
    return value > 0 ? `≥ ${value.toFixed(2)}` : "any";
  }

  private timeGroup(universe: Universe) {
    const bounds = { first: universe.dates[0] ?? null, last: universe.dates.at(-1) ?? null };
    const input = (label: string, key: "from" | "to") => {
      const field = el("input", { attrs: { type: "date", id: `f-${key}`, ...(bounds.first ? { min: bounds.first.slice(0, 10) } : {}), ...(bounds.last ? { max: bounds.last.slice(0, 10) } : {}) } });
      field.addEventListener("change", () => this.store.update({ [key]: field.value || null }));
      return { field, row: el("div", { className: "filter-row" }, el("label", { attrs: { for: `f-${key}` } }, label), field) };
    };
    const from = input("From", "from");
    const to = input("To", "to");
    this.fromInput = from.field;
    this.toInput = to.field;
    const stops = universe.dates.length;
    this.slider = el("input", {
      attrs: { type: "range", id: "time-slider", min: "0", max: String(stops), step: "1", "aria-describedby": "time-slider-value", "aria-label": "Facts up to this date" },
    });
    this.sliderText = el("output", { attrs: { id: "time-slider-value", for: "time-slider" } });
    // Dragging shows the graph as it was on each date (one history entry once let go).
    this.slider.addEventListener("input", () => this.store.update({ to: this.dateAt(Number(this.slider.value)) }, { history: "replace" }));
    this.slider.addEventListener("change", () => this.store.update({ to: this.dateAt(Number(this.slider.value)) }));
    this.playButton = el("button", { attrs: { type: "button", id: "time-play", "aria-pressed": "false" }, on: { click: () => this.togglePlay() } }, "▶ Play");
    const disabled = stops === 0;
    this.slider.disabled = disabled;
    this.playButton.disabled = disabled;
    return el(
      "fieldset",
      { className: "filter-group", attrs: { "data-filter": "time" } },
      el("legend", {}, "Time"),
      el("div", { className: "filter-row stacked" }, el("label", { attrs: { for: "time-slider" } }, "Facts up to ", this.sliderText), this.slider),
      el("div", { className: "filter-row" }, this.playButton),
      from.row,
      to.row,
    );
  }

  /** Slider position -> the `to` bound: the n-th fact date, or no bound at the far right. */
  private dateAt(index: number): string | null {
    return index >= this.dates.length ? null : (this.dates[index] ?? null);
  }

  private indexOf(to: string | null): number {
    if (to === null) return this.dates.length;
    const i = this.dates.findIndex((d) => d > to);
    return i === -1 ? this.dates.length : Math.max(0, i - 1);
  }

  /** Plays the graph forward, one fact date at a time, from the first date to all dates. */
  togglePlay(): void {
    if (this.playTimer !== null) {
      this.stopPlay();
      return;
    }
    if (this.dates.length === 0) return;
    let index = 0;
    this.store.update({ to: this.dates[0]! });
    this.playButton.textContent = "❚❚ Pause";
    this.playButton.setAttribute("aria-pressed", "true");
    document.body.dataset.playing = "true";
    this.playTimer = window.setInterval(() => {
      index++;
      if (index > this.dates.length) {
        this.stopPlay();
        return;
      }
      this.store.update({ to: this.dateAt(index) }, { history: "replace" });
    }, PLAY_STEP_MS);
  }

  private stopPlay(): void {
    if (this.playTimer !== null) window.clearInterval(this.playTimer);
    this.playTimer = null;
    this.playButton.textContent = "▶ Play";
    this.playButton.setAttribute("aria-pressed", "false");
    delete document.body.dataset.playing;
  }

  private sync(state: ViewState, counts: Counts): void {
    for (const { field, value, box, count } of this.boxes) {
      box.checked = !state[field].includes(value);
      const n = field === "hiddenTypes" ? counts.types[value] : field === "hiddenRelations" ? counts.relations[value] : counts.sources[value];
      count.textContent = `(${n ?? 0})`;
    }
    if (document.activeElement !== this.confidence) this.confidence.value = String(state.minConfidence ?? 0);
    this.confidenceText.textContent = this.confidenceLabel(state.minConfidence ?? 0);
    if (document.activeElement !== this.articles) this.articles.value = String(state.minArticles ?? 1);
    if (document.activeElement !== this.slider) this.slider.value = String(this.indexOf(state.to));
    this.sliderText.textContent = state.to ?? "all dates";
    this.fromInput.value = state.from && state.from.length === 10 ? state.from : "";
    this.toInput.value = state.to && state.to.length === 10 ? state.to : "";
  }

  private reset(): void {
    this.stopPlay();
    this.store.update({ hiddenTypes: [], hiddenRelations: [], hiddenSources: [], hiddenNodes: [], from: null, to: null, minConfidence: null, minArticles: null });
  }
}
