import type { ExplorerSigma } from "../graph/renderer.ts";
import type { FactStore } from "../graph/facts.ts";
import type { ViewGraph } from "../graph/model.ts";
import { countVisible, type Visibility } from "../graph/visibility.ts";
import type { LegendEntry } from "../panels/legend.ts";
import type { ViewState } from "../state/url-state.ts";
import { factsCsv } from "./csv.ts";
import { datedName, download } from "./download.ts";
import { writeGexf } from "./gexf.ts";
import { renderPng } from "./png.ts";
import { exportView } from "./view-data.ts";

export type ExportContext = {
  graph: ViewGraph;
  facts: FactStore;
  sigma: ExplorerSigma;
  state: ViewState;
  visibility: Visibility;
  /** Whether the graph shows a console result (the caption names the query). */
  queryShown: boolean;
  legend(types: string[], counts: Record<string, number>): LegendEntry[];
};

/** Exports of what the view shows (after filters, hidden nodes and a console result): GEXF, CSV and PNG. */
export class Exporter {
  constructor(private readonly context: ExportContext) {}

  /** What the view shows, in words: the console query, the filters, the appearance (captions and file metadata). */
  describe(): string[] {
    const { state, visibility, queryShown } = this.context;
    const parts: string[] = [`${visibility.nodes.size} nodes, ${visibility.edges.size} relations shown`];
    if (queryShown && state.query) parts.push(`console query: ${state.query.replace(/\s+/g, " ").slice(0, 160)}`);
    const filters = [
      state.hiddenTypes.length ? `hidden node types: ${state.hiddenTypes.join(", ")}` : null,
      state.hiddenRelations.length ? `hidden relations: ${state.hiddenRelations.join(", ")}` : null,
      state.hiddenSources.length ? `hidden sources: ${state.hiddenSources.join(", ")}` : null,
      state.hiddenNodes.length ? `${state.hiddenNodes.length} node(s) hidden by hand` : null,
      state.from || state.to ? `facts dated ${state.from ?? "…"} to ${state.to ?? "…"}` : null,
      state.minConfidence !== null ? `confidence ≥ ${state.minConfidence}` : null,
      state.minArticles !== null ? `reported by ≥ ${state.minArticles} articles` : null,
    ].filter((f): f is string => f !== null);
    parts.push(filters.length ? `filters: ${filters.join("; ")}` : "no filters");
    parts.push(`size: ${state.sizeBy}; colour: ${state.colorBy}`);
    parts.push(`exported ${new Date().toISOString().slice(0, 10)} from ${window.location.href}`);
    return parts;
  }

  private async data(only: Set<string> | null) {
    const { graph, facts, state, visibility } = this.context;
    const details = new Map((await facts.get([...visibility.edges])).map((f) => [f.key, f]));
    return exportView(graph, visibility, details, this.describe().join(" · "), { sizeBy: state.sizeBy, communities: state.colorBy === "community", only });
  }

  async gexf(only: Set<string> | null): Promise<void> {
    const view = await this.data(only);
    download(new Blob([writeGexf(view, { pinned: new Set(this.context.state.pinned) })], { type: "application/gexf+xml" }), datedName("news-graph", "gexf"));
  }

  async csv(only: Set<string> | null): Promise<void> {
    const view = await this.data(only);
    download(new Blob([factsCsv(view)], { type: "text/csv;charset=utf-8" }), datedName("news-graph-facts", "csv"));
  }

  async png(typeOrder: string[]): Promise<void> {
    const { graph, visibility, sigma } = this.context;
    const counts = countVisible(graph, visibility);
    const types = Object.keys(counts.types).sort((a, b) => typeOrder.indexOf(a) - typeOrder.indexOf(b));
    const legend = this.context.legend(types, counts.types).filter((e) => e.count > 0).map((e) => ({ label: e.label, color: e.color, count: e.count }));
    download(await renderPng(sigma, legend, { title: "News graph", lines: this.describe() }), datedName("news-graph", "png"));
  }
}
