import { api, ApiError, type Stats } from "./api.ts";
import { byId, clear, el } from "./dom.ts";
import { download, gexfBlob, renderPng } from "./graph/export.ts";
import { LayoutController, prelayout } from "./graph/layout.ts";
import { bundleEdges, createViewGraph, hasStoredLayout, mergeApiGraph, type ViewGraph } from "./graph/model.ts";
import { EDGE_LABEL_ZOOM_RATIO, GraphRenderer } from "./graph/renderer.ts";
import { computeVisibility, countVisible, type Visibility } from "./graph/visibility.ts";
import { renderArticle, renderArticleList, type ArticleActions } from "./panels/article-panel.ts";
import { FiltersPanel } from "./panels/filters.ts";
import { renderLegend } from "./panels/legend.ts";
import { renderNodePanel, type NodePanelActions } from "./panels/node-panel.ts";
import { setupSearch } from "./panels/search.ts";
import { CompareView, type CompareActions } from "./panels/compare-view.ts";
// The console (and CodeMirror with it) is loaded on first use: the graph view does not wait for it.
import type { ConsoleActions, QueryConsole, QueryGraph } from "./panels/console.ts";
import { renderTimelinePanel, type TimelineActions } from "./panels/timeline-panel.ts";
import { dropQueryGraph, mergeQueryGraph, type QueryFocus } from "./graph/query-graph.ts";
import { ViewStore, type ViewName } from "./state/url-state.ts";

/** Nodes a view opens with, most connected first: enough for the whole of a news corpus of a few thousand articles. */
const OVERVIEW_NODE_LIMIT = 3_000;
/** The API's largest graph. */
const MAX_NODE_LIMIT = 50_000;

const NODE_TYPE_ORDER = ["Person", "Organization", "Country", "Proposal", "Meeting", "Place", "Topic"];

/** Wires the graph view, the panels and the URL state together. */
export class ExplorerApp {
  readonly store = new ViewStore();
  readonly graph: ViewGraph = createViewGraph();
  renderer!: GraphRenderer;
  private layout!: LayoutController;
  private filters!: FiltersPanel;
  private stats: Stats | null = null;
  private compareView: CompareView | null = null;
  private console: QueryConsole | null = null;
  /** What the last console query returned; while set, the graph shows only that. */
  private queryFocus: QueryFocus | null = null;
  private readonly panel = byId("panel");
  private readonly status = byId("status");

  async start(): Promise<void> {
    this.setStatus("Loading graph…");
    const nodeLimit = this.store.get().nodeLimit ?? OVERVIEW_NODE_LIMIT;
    const graphRequest = api.graph(nodeLimit);
    // The filters and legend can wait for the stats; the first frame does not.
    const statsRequest = api.stats().catch(() => null);
    // Sigma compiles its WebGL programs here (slow without a GPU): done while the graph is downloading.
    this.renderer = new GraphRenderer(byId("graph"));
    performance.mark("kg:renderer-created");
    const data = await graphRequest;
    performance.mark("kg:data-loaded");
    mergeApiGraph(this.graph, data);
    // Graphs ingested by this version carry their layout; older or --no-layout ones are laid out here.
    if (!hasStoredLayout(data)) prelayout(this.graph);
    performance.mark("kg:layout-done");
    this.layout = new LayoutController(this.graph, (running) => {
      const button = byId("toggle-layout");
      button.textContent = running ? "Stop layout" : "Start layout";
      button.setAttribute("aria-pressed", String(running));
    });
    this.filters = new FiltersPanel(byId("filters"), this.store);
    this.renderer.visibility = computeVisibility(this.graph, this.store.get());
    bundleEdges(this.graph, this.renderer.visibility.edges);
    this.renderer.attach(this.graph);
    // Let the browser put the graph on screen before building the panels around it.
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    performance.mark("kg:first-frame");
    this.bindGraphEvents();
    this.bindToolbar();
    setupSearch(byId<HTMLInputElement>("search-input"), byId<HTMLUListElement>("search-results"), (hit) => void this.select(hit.id, true));
    this.store.subscribe(() => this.applyFilters());
    this.renderFilters(this.renderer.visibility);
    void statsRequest.then((stats) => {
      this.stats = stats;
      if (this.renderer.visibility) this.renderFilters(this.renderer.visibility);
    });
    const truncated = Boolean((data.attributes as Record<string, unknown> | undefined)?.truncated);
    this.showCounts(truncated);
    void statsRequest.then(() => this.showCounts(truncated));
    this.bindViews();
    const initial = this.store.get();
    await this.showView(initial.view);
    if (initial.node) await this.select(initial.node, true);
    if (initial.article) await this.openArticle(initial.article);
    if (initial.timelineActor) await this.showTimeline({ actor: initial.timelineActor });
    else if (initial.timelineTopic) await this.showTimeline({ topic: initial.timelineTopic });
    await statsRequest;
    performance.mark("kg:ready");
    document.body.dataset.ready = "true";
  }

  /**
   * Node and relation counts. A large graph opens on its most connected part (drawing every node of a graph of
   * tens of thousands is slow without a GPU); "Load all" reloads the view with everything.
   */
  private showCounts(truncated: boolean): void {
    const counts = `${this.graph.order.toLocaleString("en")} nodes, ${this.graph.size.toLocaleString("en")} relations`;
    if (!truncated) {
      this.setStatus(counts);
      return;
    }
    const total = this.stats ? ` of ${this.stats.nodes.toLocaleString("en")}` : "";
    clear(this.status);
    const loadAll = el("button", {
      className: "link-button",
      attrs: { type: "button", id: "load-all" },
      on: {
        click: () => {
          this.store.update({ nodeLimit: MAX_NODE_LIMIT });
          window.location.reload();
        },
      },
    }, "Load all");
    this.status.append(`${counts}: the most connected${total} nodes. `, loadAll);
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  private applyFilters(): void {
    const visibility = computeVisibility(this.graph, this.store.get());
    if (this.queryFocus) {
      const focus = this.queryFocus;
      for (const key of [...visibility.nodes]) if (!focus.nodes.has(key)) visibility.nodes.delete(key);
      for (const key of [...visibility.edges]) if (!focus.edges.has(key)) visibility.edges.delete(key);
    }
    this.renderer.visibility = visibility;
    bundleEdges(this.graph, visibility.edges);
    this.renderer.refresh();
    this.renderFilters(visibility);
  }

  /** The filter lists, their counts and the legend (the universe of values: the stats, else what the graph holds). */
  private renderFilters(visibility: Visibility): void {
    const counts = countVisible(this.graph, visibility);
    const stats = this.stats;
    const present = (record: Record<string, number> | undefined, fromGraph: Set<string>) =>
      [...new Set([...Object.keys(record ?? {}), ...fromGraph])];
    const graphTypes = new Set<string>();
    const graphRelations = new Set<string>();
    const graphSources = new Set<string>();
    this.graph.forEachNode((_k, a) => graphTypes.add(a.entityType));
    this.graph.forEachEdge((_k, a) => {
      graphRelations.add(a.relation);
      graphSources.add(a.articleSource ?? "(unknown)");
    });
    const types = present(stats?.nodeTypes, graphTypes).sort((a, b) => NODE_TYPE_ORDER.indexOf(a) - NODE_TYPE_ORDER.indexOf(b));
    const universe = {
      types,
      relations: present(stats?.relationTypes, graphRelations).sort(),
      sources: present(stats?.sources, graphSources).sort(),
    };
    this.filters.render(universe, counts, stats?.dateRange ?? { first: null, last: null });
    renderLegend(byId("legend"), types, counts.types);
    document.body.dataset.visibleNodes = String(visibility.nodes.size);
  }

  private bindGraphEvents(): void {
    const sigma = this.renderer.sigma;
    const tooltip = byId("edge-tooltip");
    // Hover re-styles the graph; not while dragging the camera (a button is down) and not on large graphs.
    const dragging = (event: { original: Event }) => ((event.original as MouseEvent).buttons ?? 0) !== 0;
    sigma.on("enterNode", ({ node, event }) => {
      if (!this.renderer.hoverHighlight || dragging(event)) return;
      this.renderer.highlight.hovered = node;
      this.renderer.refresh();
    });
    sigma.on("leaveNode", () => {
      if (this.renderer.highlight.hovered === null) return;
      this.renderer.highlight.hovered = null;
      this.renderer.refresh();
    });
    sigma.on("clickNode", ({ node }) => void this.select(node, false));
    sigma.on("clickStage", () => this.closePanel());
    sigma.on("enterEdge", ({ edge, event }) => {
      if (dragging(event)) return;
      this.renderer.highlight.hoveredEdge = edge;
      tooltip.textContent = this.describeBundle(edge);
      tooltip.style.left = `${event.x + 12}px`;
      tooltip.style.top = `${event.y + 12}px`;
      tooltip.hidden = false;
      this.renderer.refresh();
    });
    sigma.on("leaveEdge", () => {
      if (this.renderer.highlight.hoveredEdge === null) return;
      this.renderer.highlight.hoveredEdge = null;
      tooltip.hidden = true;
      this.renderer.refresh();
    });
    // Edge labels appear when zoomed in (only crossing the threshold changes anything).
    sigma.getCamera().on("updated", (camera) => this.renderer.setZoomedIn(camera.ratio < EDGE_LABEL_ZOOM_RATIO));
  }

  /** The hovered edge's bundle: every visible fact between its two nodes, one per line. */
  private describeBundle(edge: string): string {
    const [a, b] = this.graph.extremities(edge);
    const visible = this.renderer.visibility?.edges;
    const keys = [...this.graph.edges(a, b), ...(a === b ? [] : this.graph.edges(b, a))].filter((k) => !visible || visible.has(k));
    const label = (node: string) => this.graph.getNodeAttribute(node, "label");
    return keys
      .map((key) => {
        const attrs = this.graph.getEdgeAttributes(key);
        const [source, target] = this.graph.extremities(key);
        return `${label(source)} ${attrs.relation} ${label(target)}${attrs.date ? ` (${attrs.date})` : ""}`;
      })
      .join("\n");
  }

  private bindToolbar(): void {
    byId("toggle-layout").addEventListener("click", () => this.layout.toggle());
    const density = byId<HTMLInputElement>("label-density");
    density.addEventListener("input", () => this.renderer.setLabelDensity(Number(density.value)));
    byId("export-png").addEventListener("click", async () => {
      const blob = await renderPng(this.renderer.sigma);
      download(blob, "news-graph.png");
    });
    byId("export-gexf").addEventListener("click", () => download(gexfBlob(this.graph), "news-graph.gexf"));
    byId("open-articles").addEventListener("click", () => void this.showArticles());
    const toggleFilters = byId("toggle-filters");
    const filters = byId("filters");
    const narrow = window.matchMedia("(max-width: 760px)");
    const setFiltersOpen = (open: boolean) => {
      filters.hidden = !open;
      toggleFilters.setAttribute("aria-expanded", String(open));
    };
    setFiltersOpen(!narrow.matches);
    toggleFilters.addEventListener("click", () => setFiltersOpen(filters.hidden === true));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !this.panel.hidden) this.closePanel();
      if (event.key === "/" && document.activeElement?.tagName !== "INPUT") {
        event.preventDefault();
        byId("search-input").focus();
      }
    });
  }

  private readonly nodeActions: NodePanelActions = {
    close: () => this.closePanel(),
    expand: (id) => void this.expand(id),
    selectNode: (id) => void this.select(id, true),
    openArticle: (id, span) => void this.openArticle(id, span),
    timeline: (id) => void this.showTimeline({ actor: id }),
  };

  private readonly timelineActions: TimelineActions = {
    close: () => this.closePanel(),
    selectNode: (id) => void this.select(id, true),
    openArticle: (id) => void this.openArticle(id),
  };

  private readonly compareActions: CompareActions = {
    compare: (topic, actors) => void this.runCompare(topic, actors),
    showTopicTimeline: (topic) => void this.showTimeline({ topic }),
    showActorTimeline: (actor) => void this.showTimeline({ actor }),
    openArticle: (id) => void this.openArticle(id),
  };

  private readonly consoleActions: ConsoleActions = {
    run: (query, params, limit) => api.query(query, params, limit),
    showGraph: (graph) => this.showQueryGraph(graph),
    remember: (query) => this.store.update({ query }),
  };

  private bindViews(): void {
    for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-view]")) {
      button.addEventListener("click", () => void this.showView(button.dataset.view as ViewName));
    }
  }

  /** Switches between the graph, the Compare view and the console (the console keeps the graph visible above it). */
  async showView(view: ViewName): Promise<void> {
    const resized = (view === "console") !== (document.body.dataset.view === "console");
    if (this.store.get().view !== view) this.store.update({ view });
    for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-view]")) {
      button.setAttribute("aria-pressed", String(button.dataset.view === view));
    }
    const compareRoot = byId("compare-view");
    const consoleRoot = byId("console");
    compareRoot.hidden = view !== "compare";
    consoleRoot.hidden = view !== "console";
    document.body.dataset.view = view;
    if (resized) {
      // The console takes the lower part of the stage: the graph above it shrinks to fit.
      this.renderer.sigma.resize();
      this.renderer.refresh();
    }
    if (view === "compare") await this.openCompare(compareRoot);
    if (view === "console") await this.openConsole(consoleRoot);
    if (view !== "console" && this.queryFocus) this.showQueryGraph({ nodes: [], relationships: [] });
  }

  private async openCompare(root: HTMLElement): Promise<void> {
    const state = this.store.get();
    if (!this.compareView) {
      this.compareView = new CompareView(root, this.compareActions);
      try {
        this.compareView.setTopics((await api.topics()).topics, state.topic);
      } catch (error) {
        this.compareView.showMessage(`Could not list the topics: ${(error as Error).message}`, true);
        return;
      }
      this.compareView.setInputs(state.topic, state.actors);
      if (state.topic && state.actors.length > 0) await this.runCompare(state.topic, state.actors);
      else this.compareView.showMessage("Pick a topic and name actors (comma-separated), e.g. Turkey, Europe, Russia.");
    }
  }

  async runCompare(topic: string, actors: string[]): Promise<void> {
    const view = this.compareView;
    if (!view) return;
    this.store.update({ topic, actors });
    view.showMessage("Comparing…");
    try {
      view.render(await api.compare(topic, actors));
      document.body.dataset.compared = `${topic}:${actors.join(",")}`;
    } catch (error) {
      view.showMessage(`Could not compare: ${(error as Error).message}`, true);
    }
  }

  private async openConsole(root: HTMLElement): Promise<void> {
    if (this.console) return;
    const { QueryConsole } = await import("./panels/console.ts");
    if (this.console) return;
    this.console = new QueryConsole(root, this.store.get().query ?? "", this.consoleActions);
    try {
      this.console.setSavedQueries((await api.savedQueries()).queries);
    } catch (error) {
      this.setStatus(`Could not list the saved queries: ${(error as Error).message}`);
    }
  }

  /** Draws a console result in the Sigma view (only it), or, given an empty result, goes back to the whole graph. */
  showQueryGraph(result: QueryGraph): void {
    if (this.queryFocus) dropQueryGraph(this.graph, this.queryFocus);
    this.queryFocus = result.nodes.length > 0 ? mergeQueryGraph(this.graph, result) : null;
    this.applyFilters();
    if (this.queryFocus) {
      this.layout.start(1500);
      void this.renderer.sigma.getCamera().reset({ duration: 300 });
    }
  }

  async showTimeline(of: { actor: string } | { topic: string }): Promise<void> {
    try {
      const timeline = await api.timeline(of);
      this.renderer.highlight.selected = null;
      this.renderer.refresh();
      this.store.update({
        node: null,
        article: null,
        timelineActor: "actor" in of ? of.actor : null,
        timelineTopic: "topic" in of ? of.topic : null,
      });
      this.panel.hidden = false;
      renderTimelinePanel(this.panel, timeline, this.timelineActions);
    } catch (error) {
      this.setStatus(`Could not load the timeline: ${(error as Error).message}`);
    }
  }

  private readonly articleActions: ArticleActions = {
    close: () => {
      this.store.update({ article: null });
      const node = this.store.get().node;
      if (node) void this.select(node, false);
      else this.closePanel();
    },
    selectNode: (id) => void this.select(id, true),
    openArticle: (id) => void this.openArticle(id),
  };

  /** Selects a node: highlight, panel, URL; `fly` moves the camera onto it. Unknown nodes are fetched as a neighbourhood. */
  async select(id: string, fly: boolean): Promise<void> {
    try {
      const detail = await api.node(id);
      if (!this.graph.hasNode(id)) {
        mergeApiGraph(this.graph, await api.neighbors(id, 1));
        this.applyFilters();
      }
      this.renderer.highlight.selected = id;
      this.renderer.refresh();
      this.store.update({ node: id, article: null, timelineActor: null, timelineTopic: null });
      this.panel.hidden = false;
      renderNodePanel(this.panel, detail, this.nodeActions);
      if (fly && this.graph.hasNode(id)) await this.renderer.flyTo(id);
    } catch (error) {
      this.setStatus(error instanceof ApiError && error.status === 404 ? `No node '${id}' in the graph.` : `Could not load '${id}': ${(error as Error).message}`);
    }
  }

  async expand(id: string): Promise<void> {
    const around = this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
    const added = mergeApiGraph(this.graph, await api.neighbors(id, 1), around);
    this.applyFilters();
    this.setStatus(`${added.length} neighbour${added.length === 1 ? "" : "s"} added`);
    if (added.length > 0) this.layout.start(1500);
  }

  async openArticle(id: string, highlight?: { start: number; end: number }): Promise<void> {
    try {
      const article = await api.article(id);
      this.store.update({ article: id, timelineActor: null, timelineTopic: null });
      this.panel.hidden = false;
      renderArticle(this.panel, article, highlight, this.articleActions);
    } catch (error) {
      this.setStatus(`Could not open the article: ${(error as Error).message}`);
    }
  }

  async showArticles(): Promise<void> {
    const { articles } = await api.articles();
    this.panel.hidden = false;
    renderArticleList(this.panel, articles, this.articleActions);
  }

  closePanel(): void {
    this.renderer.highlight.selected = null;
    this.renderer.refresh();
    this.panel.hidden = true;
    clear(this.panel);
    this.store.update({ node: null, article: null, timelineActor: null, timelineTopic: null });
  }
}

export function showFatal(message: string): void {
  const root = byId("status");
  clear(root);
  root.append(el("strong", {}, message));
  document.body.dataset.ready = "error";
}
