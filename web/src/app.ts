import { api, ApiError, type Stats } from "./api.ts";
import { byId, clear, el } from "./dom.ts";
import { applyAppearance, computeInputs, degreeInputs, needsAlgorithms, type AppearanceSummary } from "./graph/appearance.ts";
import { bindCameraControls } from "./graph/camera-controls.ts";
import { colorOf, communityColor } from "./graph/colors.ts";
import { FactStore } from "./graph/facts.ts";
import { Lasso } from "./graph/lasso.ts";
import { bindNodeDrag } from "./graph/node-drag.ts";
import { LayoutController, prelayout, settleNew } from "./graph/layout.ts";
import { bundleEdges, countSupport, createViewGraph, hasStoredLayout, mergeApiGraph, type ViewGraph } from "./graph/model.ts";
import { dropQueryGraph, mergeQueryGraph, type QueryFocus } from "./graph/query-graph.ts";
import { EDGE_LABEL_ZOOM_RATIO, GraphRenderer } from "./graph/renderer.ts";
import { bundleOf, EdgeTooltip } from "./graph/tooltip.ts";
import { computeVisibility, countVisible, factDates, type Visibility } from "./graph/visibility.ts";
import { Exporter } from "./export/exporter.ts";
import { AppearancePanel } from "./panels/appearance.ts";
import { renderArticle, renderArticleList, type ArticleActions } from "./panels/article-panel.ts";
import { CompareView, type CompareActions } from "./panels/compare-view.ts";
// The console (and CodeMirror with it) is loaded on first use: the graph view does not wait for it.
import type { ConsoleActions, QueryConsole, QueryGraph } from "./panels/console.ts";
import { FiltersPanel } from "./panels/filters.ts";
import { Intro } from "./panels/intro.ts";
import { renderLegend, type LegendEntry } from "./panels/legend.ts";
import { renderNodePanel, type NodePanelActions } from "./panels/node-panel.ts";
import { SavedViewsPanel } from "./panels/saved-views.ts";
import { setupSearch } from "./panels/search.ts";
import { renderSelectionPanel, type SelectionActions } from "./panels/selection-panel.ts";
import { renderTimelinePanel, type TimelineActions } from "./panels/timeline-panel.ts";
import { bindToolbar } from "./panels/toolbar.ts";
import { sameList, ViewStore, type ChangeSource, type ViewName, type ViewState } from "./state/url-state.ts";

/** Nodes a view opens with, most connected first: enough for the whole of a news corpus of a few thousand articles. */
const OVERVIEW_NODE_LIMIT = 3_000;
/** The API's largest graph. */
const MAX_NODE_LIMIT = 50_000;

const NODE_TYPE_ORDER = ["Person", "Organization", "Country", "Proposal", "Meeting", "Place", "Topic"];

const FILTER_FIELDS = ["hiddenTypes", "hiddenRelations", "hiddenSources", "hiddenNodes", "from", "to", "minConfidence", "minArticles"] as const;
const APPEARANCE_FIELDS = ["sizeBy", "colorBy", "labels"] as const;
const PANEL_FIELDS = ["node", "selected", "article", "quote", "timelineActor", "timelineTopic", "panel"] as const;

const changed = (a: ViewState, b: ViewState, fields: readonly (keyof ViewState)[]) =>
  fields.some((f) => (Array.isArray(a[f]) ? !sameList(a[f] as string[], b[f] as string[]) : JSON.stringify(a[f]) !== JSON.stringify(b[f])));

/** Closes every panel (node, selection, article, timeline, article list). */
const NO_PANEL: Partial<ViewState> = { node: null, selected: [], article: null, quote: null, timelineActor: null, timelineTopic: null, panel: null };

/**
 * Wires the graph view, the panels and the state together. Every user action is a change of the ViewStore (a
 * history entry); `onChange` brings the page in line with the state, whether it came from a click or from Back.
 */
export class ExplorerApp {
  readonly store = new ViewStore();
  readonly graph: ViewGraph = createViewGraph();
  readonly facts = new FactStore();
  renderer!: GraphRenderer;
  private layout!: LayoutController;
  private filters!: FiltersPanel;
  private appearancePanel!: AppearancePanel;
  private tooltip!: EdgeTooltip;
  private lasso!: Lasso;
  private stats: Stats | null = null;
  private truncated = false;
  /** The overview brought a sample of the facts between its nodes (each node's newest); panels and expand have all. */
  private edgesSampled = false;
  private appearance: AppearanceSummary | null = null;
  private intro: Intro | null = null;
  private compareView: CompareView | null = null;
  private console: QueryConsole | null = null;
  /** What the last console query returned; while set, the graph shows only that. */
  private queryFocus: QueryFocus | null = null;
  /** Where the camera was before a console result took over the graph (restored afterwards). */
  private cameraBeforeQuery: { x: number; y: number; ratio: number; angle: number } | null = null;
  private panelKey = "";
  private panelGeneration = 0;
  private comparedKey = "";
  private readonly panel = byId("panel");
  private readonly status = byId("status");

  async start(): Promise<void> {
    this.setStatus("Loading graph…");
    const initial = this.store.get();
    const graphRequest = api.graph(initial.nodeLimit ?? OVERVIEW_NODE_LIMIT);
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
    this.truncated = data.attributes.truncated;
    this.edgesSampled = data.attributes.edgesSampled;
    this.layout = new LayoutController(this.graph, (running) => {
      const button = byId("toggle-layout");
      button.textContent = running ? "Stop layout" : "Start layout";
      button.setAttribute("aria-pressed", String(running));
    });
    this.filters = new FiltersPanel(byId("filters"), this.store);
    this.appearancePanel = new AppearancePanel(byId("appearance"), this.store, (density) => this.renderer.setLabelDensity(density));
    new SavedViewsPanel(byId("saved-views-panel"), (search) => this.navigate(search));
    this.tooltip = new EdgeTooltip(byId("edge-tooltip"), this.graph, this.facts);
    await this.loadExpansions(initial.expanded);
    countSupport(this.graph);
    this.applyPins();
    this.applyFilters();
    this.renderer.attach(this.graph);
    this.renderer.obstacles = () => overlayBoxes(byId("graph"), [".camera-controls", "#legend", "#status", "#intro"]);
    if (initial.camera) this.renderer.sigma.getCamera().setState(initial.camera);
    // Let the browser put the graph on screen before building the panels around it.
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    performance.mark("kg:first-frame");
    this.bindGraphEvents();
    this.lasso = new Lasso(byId("graph"), this.renderer, (nodes, additive) => this.selectMany(nodes, additive));
    bindCameraControls(this.renderer, byId("graph"), { lasso: this.lasso, store: this.store });
    bindToolbar({
      exportPng: () => void this.exportPng(),
      exportGexf: () => void this.exportGexf(null),
      exportCsv: () => void this.exportCsv(null),
      showArticles: () => this.store.update({ ...NO_PANEL, panel: "articles" }),
      toggleLayout: () => this.layout.toggle(),
      closePanel: () => this.closePanel(),
      panelOpen: () => !this.panel.hidden,
      showView: (view, closePanel) => this.store.update(closePanel ? { ...NO_PANEL, view } : { view }),
    });
    setupSearch(byId<HTMLInputElement>("search-input"), byId<HTMLUListElement>("search-results"), (hit) => void this.select(hit.id, { fly: true }));
    this.store.subscribe((state, previous, source) => this.onChange(state, previous, source));
    this.intro = new Intro(this.store, () => this.stats);
    void statsRequest.then((stats) => {
      this.stats = stats;
      this.renderFilters();
      this.showCounts();
      this.intro?.update();
    });
    this.showCounts();
    await this.showView(initial.view);
    await this.renderPanel(initial);
    if (initial.node && !initial.camera && !initial.article) await this.renderer.flyTo(initial.node);
    await statsRequest;
    performance.mark("kg:ready");
    document.body.dataset.ready = "true";
  }

  /** Brings the page in line with a new state (a user action, or Back/Forward). */
  private async onChange(state: ViewState, previous: ViewState, source: ChangeSource): Promise<void> {
    if (state.nodeLimit !== previous.nodeLimit) {
      window.location.reload();
      return;
    }
    if (!sameList(state.expanded, previous.expanded)) await this.loadExpansions(state.expanded);
    if (!sameList(state.pinned, previous.pinned)) this.applyPins();
    if (changed(state, previous, [...FILTER_FIELDS, ...APPEARANCE_FIELDS, "expanded"])) this.applyFilters();
    if (changed(state, previous, APPEARANCE_FIELDS)) this.appearancePanel.sync(state);
    if (state.view !== previous.view) await this.showView(state.view);
    else if (state.view === "compare" && (state.topic !== previous.topic || !sameList(state.actors, previous.actors))) await this.runCompare();
    if (changed(state, previous, PANEL_FIELDS)) await this.renderPanel(state);
    if (source === "history" && state.camera && JSON.stringify(state.camera) !== JSON.stringify(previous.camera)) {
      await this.renderer.sigma.getCamera().animate(state.camera, { duration: 300 });
    }
    if (source === "history" && this.console && state.query !== previous.query) this.console.setQuery(state.query ?? "");
  }

  /** Applies a saved view or a link: a new history entry with that state. */
  private navigate(search: string): void {
    const limit = new URLSearchParams(search).get("limit");
    if ((limit ? Number(limit) : null) !== this.store.get().nodeLimit) {
      window.location.assign(`${window.location.pathname}${search}`);
      return;
    }
    this.store.navigate(search);
  }

  // --- graph contents -------------------------------------------------------------------------------------------

  /** Loads the neighbours of expanded nodes not loaded yet (a link with `expand=` restores its expansions). */
  private async loadExpansions(ids: string[]): Promise<void> {
    const added: string[] = [];
    for (const id of ids) {
      try {
        const around = this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
        added.push(...mergeApiGraph(this.graph, await api.neighbors(id, 1), around));
      } catch {
        // A node gone from the database: nothing to add.
      }
    }
    if (added.length > 0) {
      countSupport(this.graph);
      settleNew(this.graph, added);
    }
  }

  private applyPins(): void {
    const pinned = new Set(this.store.get().pinned);
    this.graph.forEachNode((node, attrs) => {
      const fixed = pinned.has(node);
      if (Boolean(attrs.fixed) !== fixed) this.graph.setNodeAttribute(node, "fixed", fixed);
    });
    this.renderer.highlight.pinned = pinned;
  }

  /** Recomputes what is visible (filters, hidden nodes, a console result), the appearance, and redraws. */
  private applyFilters(): void {
    const state = this.store.get();
    const visibility = computeVisibility(this.graph, state);
    if (this.queryFocus) {
      const focus = this.queryFocus;
      for (const key of [...visibility.nodes]) if (!focus.nodes.has(key)) visibility.nodes.delete(key);
      for (const key of [...visibility.edges]) if (!focus.edges.has(key)) visibility.edges.delete(key);
    }
    this.renderer.visibility = visibility;
    this.applyAppearance(state, visibility);
    this.renderer.highlight.multi = new Set(state.selected);
    this.renderer.setLabelsShown(state.labels !== "none");
    bundleEdges(this.graph, visibility.edges);
    this.renderer.refresh();
    this.renderFilters();
    this.showCounts();
  }

  private appearanceGeneration = 0;

  /** Sizes, colours and labels; PageRank, betweenness and communities are computed once their code has loaded. */
  private applyAppearance(state: ViewState, visibility: Visibility): void {
    const mine = ++this.appearanceGeneration;
    const done = () => {
      document.body.dataset.appearance = `${state.sizeBy}:${state.colorBy}:${state.labels}`;
    };
    if (!needsAlgorithms(state)) {
      this.appearance = applyAppearance(this.graph, state, degreeInputs(this.graph, visibility, state));
      done();
      return;
    }
    delete document.body.dataset.appearance;
    void computeInputs(this.graph, visibility, state).then((inputs) => {
      if (mine !== this.appearanceGeneration) return;
      this.appearance = applyAppearance(this.graph, state, inputs);
      this.renderFilters();
      this.renderer.refresh();
      done();
    });
  }

  private get visibility(): Visibility {
    return this.renderer.visibility ?? { nodes: new Set(this.graph.nodes()), edges: new Set(this.graph.edges()) };
  }

  /** The filter lists with their counts, and the legend (the universe of values: the stats, else what the graph holds). */
  private renderFilters(): void {
    const visibility = this.visibility;
    const counts = countVisible(this.graph, visibility);
    const stats = this.stats;
    const present = (record: Record<string, number> | undefined, fromGraph: Set<string>) => [...new Set([...Object.keys(record ?? {}), ...fromGraph])];
    const graphTypes = new Set<string>();
    const graphRelations = new Set<string>();
    const graphSources = new Set<string>();
    this.graph.forEachNode((_k, a) => graphTypes.add(a.entityType));
    this.graph.forEachEdge((_k, a) => {
      graphRelations.add(a.relation);
      graphSources.add(a.articleSource ?? "(unknown)");
    });
    const types = present(stats?.nodeTypes, graphTypes).sort((a, b) => NODE_TYPE_ORDER.indexOf(a) - NODE_TYPE_ORDER.indexOf(b));
    this.filters.render(
      { types, relations: present(stats?.relationTypes, graphRelations).sort(), sources: present(stats?.sources, graphSources).sort(), dates: factDates(this.graph) },
      counts,
    );
    const legend = this.legendEntries(types, counts.types);
    renderLegend(byId("legend-items"), this.store.get().colorBy === "community" ? "Communities (Louvain)" : "Node types", legend);
    document.body.dataset.visibleNodes = String(visibility.nodes.size);
    document.body.dataset.visibleEdges = String(visibility.edges.size);
  }

  private legendEntries(types: string[], typeCounts: Record<string, number>): LegendEntry[] {
    if (this.store.get().colorBy !== "community") return types.map((t) => ({ key: t, label: t, color: colorOf(t), count: typeCounts[t] ?? 0 }));
    const counts = new Map<number, number>();
    for (const node of this.visibility.nodes) {
      const c = this.graph.getNodeAttribute(node, "community") ?? -1;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    return [...counts.entries()]
      .sort((a, b) => (a[0] === -1 ? 1 : b[0] === -1 ? -1 : a[0] - b[0]))
      .map(([c, n]) => ({ key: `community-${c}`, label: c === -1 ? "no community" : `Community ${c + 1}`, color: communityColor(c), count: n }));
  }

  /**
   * What is shown: "114 of 133 nodes, 150 of 180 relations" when filters hide some. A large graph opens on its most
   * connected part (drawing every node of a graph of tens of thousands is slow without a GPU); "Load all" reloads it.
   */
  private showCounts(): void {
    const visibility = this.visibility;
    const part = (shown: number, total: number, noun: string) => (shown === total ? `${total.toLocaleString("en")} ${noun}` : `${shown.toLocaleString("en")} of ${total.toLocaleString("en")} ${noun}`);
    const counts = `${part(visibility.nodes.size, this.graph.order, "nodes")}, ${part(visibility.edges.size, this.graph.size, "relations")}`;
    if (!this.truncated) {
      this.setStatus(counts);
      return;
    }
    const total = this.stats ? ` of ${this.stats.nodes.toLocaleString("en")}` : "";
    clear(this.status);
    const loadAll = el("button", { className: "link-button", attrs: { type: "button", id: "load-all" }, on: { click: () => this.store.update({ nodeLimit: MAX_NODE_LIMIT }) } }, "Load all");
    const sample = this.edgesSampled ? ", with each one's newest facts" : "";
    this.status.append(`${counts}: the most connected${total} nodes${sample}. `, loadAll);
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  // --- graph interaction ------------------------------------------------------------------------------------------

  private bindGraphEvents(): void {
    const sigma = this.renderer.sigma;
    const container = byId("graph");
    // Hover re-styles the graph; not while dragging the camera (a button is down) and not on large graphs.
    const dragging = (event: { original: Event }) => ((event.original as MouseEvent).buttons ?? 0) !== 0;
    const focusCanvas = () => {
      if (document.activeElement !== container) container.focus({ preventScroll: true });
    };
    sigma.on("downStage", focusCanvas);
    sigma.on("downNode", focusCanvas);
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
    sigma.on("clickNode", ({ node, event }) => {
      const original = event.original as MouseEvent;
      if (original.shiftKey || original.ctrlKey || original.metaKey) this.toggleSelected(node);
      else void this.select(node, { fly: false });
    });
    sigma.on("doubleClickNode", (payload) => {
      // Expand instead of sigma's zoom on double-click.
      payload.preventSigmaDefault();
      void this.expand([payload.node]);
    });
    sigma.on("clickStage", ({ event }) => {
      if ((event.original as MouseEvent).shiftKey || this.lasso.active) return;
      if (!this.panel.hidden || this.store.get().selected.length > 0) this.closePanel();
    });
    // A dragged node stays where it is dropped: it is pinned.
    bindNodeDrag(
      this.renderer,
      () => !this.lasso.active,
      (node) => {
        const pinned = this.store.get().pinned;
        if (!pinned.includes(node)) this.store.update({ pinned: [...pinned, node] });
      },
    );
    sigma.on("enterEdge", ({ edge, event }) => {
      if (dragging(event)) return;
      this.renderer.highlight.hoveredEdge = edge;
      const rect = container.getBoundingClientRect();
      this.tooltip.show(bundleOf(this.graph, edge, this.renderer.visibility?.edges ?? null), { x: rect.left + event.x, y: rect.top + event.y });
      this.renderer.refresh();
    });
    sigma.on("leaveEdge", () => {
      if (this.renderer.highlight.hoveredEdge === null) return;
      this.renderer.highlight.hoveredEdge = null;
      this.tooltip.hide();
      this.renderer.refresh();
    });
    const camera = sigma.getCamera();
    // Edge labels appear when zoomed in (only crossing the threshold changes anything).
    camera.on("updated", (state) => this.renderer.setZoomedIn(state.ratio < EDGE_LABEL_ZOOM_RATIO));
    // Where the camera is belongs to the current history entry (a link or Back brings the same view back).
    let timer: number | undefined;
    camera.on("updated", () => {
      const untouched = camera.x === 0.5 && camera.y === 0.5 && camera.ratio === 1 && camera.angle === 0;
      if (untouched && this.store.get().camera === null) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const { x, y, ratio } = camera.getState();
        this.store.update({ camera: { x, y, ratio } }, { history: "replace" });
      }, 250);
    });
  }

  private toggleSelected(node: string): void {
    const state = this.store.get();
    const current = new Set(state.selected.length > 0 ? state.selected : state.node ? [state.node] : []);
    if (current.has(node)) current.delete(node);
    else current.add(node);
    this.store.update({ ...NO_PANEL, selected: [...current] });
  }

  private selectMany(nodes: string[], additive: boolean): void {
    const state = this.store.get();
    const next = additive ? [...new Set([...state.selected, ...nodes])] : nodes;
    this.store.update({ ...NO_PANEL, selected: next });
  }

  /** Selects a node: panel, highlight, URL; `fly` moves the camera onto it. */
  async select(id: string, options: { fly: boolean }): Promise<void> {
    this.store.update({ ...NO_PANEL, node: id });
    if (options.fly && this.graph.hasNode(id)) await this.renderer.flyTo(id);
  }

  /** Loads the neighbours of these nodes into the view (they are laid out next to them; nothing else moves). */
  async expand(ids: string[]): Promise<void> {
    const state = this.store.get();
    const expanded = [...new Set([...state.expanded, ...ids])];
    const before = this.graph.order;
    if (expanded.length !== state.expanded.length) this.store.update({ expanded });
    else await this.loadExpansions(ids);
    const added = this.graph.order - before;
    this.applyFilters();
    this.setStatus(`${added} neighbour${added === 1 ? "" : "s"} added`);
  }

  closePanel(): void {
    this.store.update(NO_PANEL);
  }

  // --- panels ---------------------------------------------------------------------------------------------------

  private readonly nodeActions: NodePanelActions = {
    close: () => this.closePanel(),
    expand: (id) => void this.expand([id]),
    selectNode: (id) => void this.select(id, { fly: true }),
    openArticle: (id, span) => this.openArticle(id, span),
    timeline: (id) => this.store.update({ ...NO_PANEL, timelineActor: id }),
    hide: (id) => this.store.update({ ...NO_PANEL, hiddenNodes: [...new Set([...this.store.get().hiddenNodes, id])] }),
    togglePin: (id) => {
      const pinned = this.store.get().pinned;
      this.store.update({ pinned: pinned.includes(id) ? pinned.filter((p) => p !== id) : [...pinned, id] });
    },
    isPinned: (id) => this.store.get().pinned.includes(id),
  };

  private readonly timelineActions: TimelineActions = {
    close: () => this.closePanel(),
    selectNode: (id) => void this.select(id, { fly: true }),
    openArticle: (id, span) => this.openArticle(id, span),
  };

  private readonly articleActions: ArticleActions = {
    close: () => {
      const { node } = this.store.get();
      this.store.update(node ? { article: null, quote: null } : NO_PANEL);
    },
    selectNode: (id) => void this.select(id, { fly: true }),
    openArticle: (id) => this.openArticle(id),
  };

  private readonly selectionActions: SelectionActions = {
    close: () => this.closePanel(),
    selectNode: (id) => void this.select(id, { fly: true }),
    expand: (ids) => void this.expand(ids),
    hide: (ids) => this.store.update({ ...NO_PANEL, hiddenNodes: [...new Set([...this.store.get().hiddenNodes, ...ids])] }),
    compare: (ids) => void this.compareNodes(ids),
    exportGexf: (ids) => void this.exportGexf(new Set(ids)),
    exportCsv: (ids) => void this.exportCsv(new Set(ids)),
  };

  /** Compares the selected actors on the topic in use, or else on the topic with the most facts. */
  private async compareNodes(ids: string[]): Promise<void> {
    const names = ids.filter((id) => this.graph.hasNode(id)).map((id) => this.graph.getNodeAttribute(id, "label"));
    let topic = this.store.get().topic;
    if (!topic) {
      try {
        topic = (await api.topics()).topics[0]?.id ?? null;
      } catch {
        topic = null;
      }
    }
    this.store.update({ view: "compare", actors: names, topic });
  }

  private openArticle(id: string, quote?: { start: number; end: number }): void {
    this.store.update({ article: id, quote: quote ?? null, timelineActor: null, timelineTopic: null, panel: null });
  }

  /** Shows what the state says in the side panel: an article, a timeline, the article list, a selection or a node. */
  private async renderPanel(state: ViewState): Promise<void> {
    const key = JSON.stringify(PANEL_FIELDS.map((f) => state[f]));
    this.renderer.highlight.selected = state.node;
    this.renderer.highlight.multi = new Set(state.selected);
    this.renderer.refresh();
    if (key === this.panelKey) return;
    this.panelKey = key;
    const mine = ++this.panelGeneration;
    const current = () => mine === this.panelGeneration;
    try {
      if (state.article) {
        const article = await api.article(state.article);
        if (!current()) return;
        this.showPanel();
        renderArticle(this.panel, article, state.quote ?? undefined, this.articleActions);
      } else if (state.timelineActor || state.timelineTopic) {
        const timeline = await api.timeline(state.timelineActor ? { actor: state.timelineActor } : { topic: state.timelineTopic! });
        if (!current()) return;
        this.showPanel();
        renderTimelinePanel(this.panel, timeline, this.timelineActions);
      } else if (state.panel === "articles") {
        const { articles } = await api.articles();
        if (!current()) return;
        this.showPanel();
        renderArticleList(this.panel, articles, this.articleActions);
      } else if (state.selected.length > 0) {
        this.showPanel();
        const nodes = state.selected.filter((id) => this.graph.hasNode(id)).map((id) => ({ id, label: this.graph.getNodeAttribute(id, "label"), type: this.graph.getNodeAttribute(id, "entityType") }));
        renderSelectionPanel(this.panel, nodes, this.selectionActions);
      } else if (state.node) {
        const detail = await api.node(state.node);
        if (!current()) return;
        if (!this.graph.hasNode(state.node)) {
          const added = mergeApiGraph(this.graph, await api.neighbors(state.node, 1));
          countSupport(this.graph);
          settleNew(this.graph, added);
          this.applyFilters();
          this.renderer.refresh();
          void this.renderer.flyTo(state.node);
        }
        this.showPanel();
        renderNodePanel(this.panel, detail, this.nodeActions);
      } else {
        this.panel.hidden = true;
        clear(this.panel);
      }
    } catch (error) {
      if (!current()) return;
      const what = state.article ? "the article" : state.node ? `'${state.node}'` : "the panel";
      this.setStatus(error instanceof ApiError && error.status === 404 ? `${what} is not in the graph.` : `Could not load ${what}: ${(error as Error).message}`);
    }
  }

  private showPanel(): void {
    this.panel.hidden = false;
    this.panel.scrollTop = 0;
    document.body.dataset.panel = "open";
    this.intro?.hide();
  }

  // --- views ----------------------------------------------------------------------------------------------------

  private readonly compareActions: CompareActions = {
    compare: (topic, actors) => this.store.update({ topic, actors }),
    showTopicTimeline: (topic) => this.store.update({ ...NO_PANEL, timelineTopic: topic }),
    showActorTimeline: (actor) => this.store.update({ ...NO_PANEL, timelineActor: actor }),
    openArticle: (id, span) => this.openArticle(id, span),
  };

  private readonly consoleActions: ConsoleActions = {
    run: (query, params, limit) => api.query(query, params, limit),
    showGraph: (graph) => this.showQueryGraph(graph),
    remember: (query) => this.store.update({ query }, { history: "replace" }),
  };

  /** Switches between the graph, the Compare view and the console (the console keeps the graph visible above it). */
  private async showView(view: ViewName): Promise<void> {
    for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-view]")) {
      button.setAttribute("aria-pressed", String(button.dataset.view === view));
    }
    const compareRoot = byId("compare-view");
    const consoleRoot = byId("console");
    compareRoot.hidden = view !== "compare";
    consoleRoot.hidden = view !== "console";
    // The graph's container changes size with the console docked: the renderer follows it (ResizeObserver).
    document.body.dataset.view = view;
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
    }
    await this.runCompare();
  }

  private async runCompare(): Promise<void> {
    const view = this.compareView;
    const { topic, actors } = this.store.get();
    if (!view) return;
    view.setInputs(topic, actors);
    const key = `${topic}:${actors.join(",")}`;
    if (!topic || actors.length === 0) {
      view.showMessage("Pick a topic and name actors (comma-separated), e.g. Turkey, Europe, Russia.");
      this.comparedKey = "";
      return;
    }
    if (key === this.comparedKey) return;
    this.comparedKey = key;
    view.showMessage("Comparing…");
    try {
      const result = await api.compare(topic, actors);
      if (this.comparedKey !== key) return;
      view.render(result);
      document.body.dataset.compared = key;
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

  /**
   * Draws a console result in the graph view (only it), or, given an empty result, the whole graph again. Nodes the
   * result adds are laid out next to their neighbours; nothing else moves, and the camera comes back afterwards.
   */
  showQueryGraph(result: QueryGraph): void {
    const camera = this.renderer.sigma.getCamera();
    if (this.queryFocus) dropQueryGraph(this.graph, this.queryFocus);
    else if (result.nodes.length > 0) this.cameraBeforeQuery = camera.getState();
    this.queryFocus = result.nodes.length > 0 ? mergeQueryGraph(this.graph, result) : null;
    if (this.queryFocus) {
      settleNew(this.graph, this.queryFocus.addedNodes);
      countSupport(this.graph);
    }
    this.applyFilters();
    if (this.queryFocus) void this.renderer.fit(this.queryFocus.nodes);
    else if (this.cameraBeforeQuery) {
      void camera.animate(this.cameraBeforeQuery, { duration: 300 });
      this.cameraBeforeQuery = null;
    }
  }

  // --- exports ---------------------------------------------------------------------------------------------------

  private exporter(): Exporter {
    return new Exporter({
      graph: this.graph,
      facts: this.facts,
      sigma: this.renderer.sigma,
      state: this.store.get(),
      visibility: this.visibility,
      queryShown: this.queryFocus !== null,
      legend: (types, counts) => this.legendEntries(types, counts),
    });
  }

  private exportGexf(only: Set<string> | null): Promise<void> {
    return this.exporter().gexf(only);
  }

  private exportCsv(only: Set<string> | null): Promise<void> {
    return this.exporter().csv(only);
  }

  private exportPng(): Promise<void> {
    return this.exporter().png(NODE_TYPE_ORDER);
  }
}

/** The boxes of the controls drawn over the canvas, in the canvas's pixels (labels are kept out from under them). */
function overlayBoxes(canvas: HTMLElement, selectors: string[]): { x1: number; y1: number; x2: number; y2: number }[] {
  const origin = canvas.getBoundingClientRect();
  return selectors
    .map((s) => document.querySelector<HTMLElement>(s))
    .filter((e): e is HTMLElement => e !== null && !e.hidden && e.offsetParent !== null)
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ x1: r.left - origin.left, y1: r.top - origin.top, x2: r.right - origin.left, y2: r.bottom - origin.top }));
}

export function showFatal(message: string): void {
  const root = byId("status");
  clear(root);
  root.append(el("strong", {}, message));
  document.body.dataset.ready = "error";
}
