import type Graph from "graphology";
import type { Attributes } from "graphology-types";
import Sigma, { DEFAULT_STYLES } from "sigma";
import { extremityArrow, pathLine } from "sigma/rendering";
import { DIMMED_COLOR, EDGE_COLOR, EDGE_DIMMED_COLOR, EDGE_HIGHLIGHT_COLOR } from "./colors.ts";
import { createViewGraph, type ViewGraph } from "./model.ts";
import type { Visibility } from "./visibility.ts";

/** Above these sizes, moving the camera hides edges and labels, and hovering does not re-style the whole graph. */
const LARGE_GRAPH_NODES = 1_500;
const LARGE_GRAPH_EDGES = 3_000;

/** Node labels: sigma's default font, at this size (placeLabels measures them with the same font). */
const LABEL_SIZE = 12;
const LABEL_FONT = "sans-serif";
/** Gap between a node and its label (sigma's label margin). */
const LABEL_MARGIN = 5;

/** Below this camera ratio (zoomed in) every visible edge of a small graph shows its relation type. */
export const EDGE_LABEL_ZOOM_RATIO = 0.35;

/** hovered and selected: the node whose neighbourhood is highlighted; multi: the nodes of a multi-selection. */
export type Highlight = { hovered: string | null; selected: string | null; hoveredEdge: string | null; multi: Set<string>; pinned: Set<string> };

/**
 * What the explorer changes per item. They are sigma item states, not reducers: sigma then re-styles only the
 * items whose state changed, whereas a reducer makes it re-style every node and edge on each camera move or hover.
 */
type NodeState = { isDimmed: boolean; isFocus: boolean; isSelected: boolean; isPinned: boolean; isLabelShown: boolean };
type EdgeState = { isDimmed: boolean; isLabelled: boolean };
export type ExplorerSigma = Sigma<Attributes, Attributes, Attributes, NodeState, EdgeState>;

/**
 * Sigma with the explorer's look: colour by type, size by degree, arrows bundling parallel facts, and a
 * neighbourhood highlight on hover or selection. Change `visibility` or `highlight`, then call `refresh()`.
 */
export class GraphRenderer {
  readonly sigma: ExplorerSigma;
  /** The graph drawn: an empty stand-in until attach() hands over the loaded one. */
  graph: ViewGraph = createViewGraph();
  /** Whether hovering a node highlights its neighbourhood (each highlight re-styles the whole neighbourhood). */
  hoverHighlight = true;
  visibility: Visibility | null = null;
  highlight: Highlight = { hovered: null, selected: null, hoveredEdge: null, multi: new Set(), pinned: new Set() };
  private large = false;
  private zoomedIn = false;
  // What the items' states currently say, so refresh() only touches the items that change.
  private hiddenNodes = new Set<string>();
  private hiddenEdges = new Set<string>();
  private dimmedNodes = new Set<string>();
  private dimmedEdges = new Set<string>();
  private highlightedNodes = new Set<string>();
  private highlightedEdges = new Set<string>();
  private labelledEdges = new Set<string>();
  private labelCandidates = new Set<string>();
  private shownLabels = new Set<string>();
  private labelsFrame: number | null = null;
  private labelsTimer: number | null = null;
  private labelDensity = 0.7;
  private zoomTarget: number | null = null;
  private readonly labelWidths = new Map<string, number>();
  /** Boxes over the canvas (camera buttons, legend, status line) that labels must not run under, in canvas pixels. */
  obstacles: () => { x1: number; y1: number; x2: number; y2: number }[] = () => [];
  private measure: CanvasRenderingContext2D | null = null;
  private selectedNodes = new Set<string>();
  private pinnedNodes = new Set<string>();
  private focusNode: string | null = null;
  private readonly resizeObserver: ResizeObserver;

  /** Sets sigma up (WebGL context and shader programs) on an empty graph, so it can be done while data loads. */
  constructor(container: HTMLElement) {
    this.sigma = new Sigma<Attributes, Attributes, Attributes, NodeState, EdgeState>(this.graph as unknown as Graph, container, {
      // Straight arrows only: with curved and loop paths in the program every edge runs the heavier shader, which
      // makes frames several times slower on large graphs. Parallel facts are bundled instead (see bundleEdges).
      primitives: {
        edges: { paths: [pathLine()], extremities: [extremityArrow()] },
      },
      styles: {
        nodes: [
          DEFAULT_STYLES.nodes,
          // Which labels show is decided by placeLabels (no two overlap), not by sigma's label grid.
          { label: { attribute: "displayLabel", defaultValue: "" }, labelVisibility: "hidden", labelSize: LABEL_SIZE, labelFont: LABEL_FONT },
          { whenState: "isLabelShown", then: { labelVisibility: "visible" } },
          { whenState: "isHovered", then: { labelVisibility: "visible" } },
          { whenState: "isPinned", then: { backdropVisibility: "visible", backdropColor: "#d7dde8", backdropPadding: 2 } },
          { whenState: "isSelected", then: { labelVisibility: "visible", backdropVisibility: "visible", backdropColor: "#ffd966", backdropPadding: 4, depth: "topNodes" } },
          { whenState: "isHighlighted", then: { depth: "topNodes" } },
          { whenState: "isFocus", then: { labelVisibility: "visible", backdropVisibility: "visible", depth: "topNodes" } },
          { whenState: "isDimmed", then: { color: DIMMED_COLOR, labelVisibility: "hidden" } },
        ],
        edges: [
          DEFAULT_STYLES.edges,
          { head: "arrow", color: EDGE_COLOR, size: { attribute: "size", defaultValue: 1 }, label: { attribute: "bundleLabel" }, labelVisibility: "hidden" },
          { whenState: "isLabelled", then: { labelVisibility: "visible" } },
          { whenState: "isHighlighted", then: { color: EDGE_HIGHLIGHT_COLOR, size: 2 } },
          { whenState: "isHovered", then: { color: EDGE_HIGHLIGHT_COLOR, size: 3 } },
          { whenState: "isDimmed", then: { color: EDGE_DIMMED_COLOR, labelVisibility: "hidden" } },
        ],
      },
      settings: {
        renderEdgeLabels: true,
        labelDensity: 0.7,
        labelGridCellSize: 80,
        labelRenderedSizeThreshold: 5,
        stagePadding: 40,
        // Sizes in screen pixels (as in sigma 3), so size-by-degree reads the same at any graph extent.
        itemSizesReference: "screen",
      },
    } as unknown as ConstructorParameters<typeof Sigma<Attributes, Attributes, Attributes, NodeState, EdgeState>>[2]);
    // Sigma follows the window's size only; panels opening and views docking resize the container too. A canvas
    // left at its old size overflows onto the panels and takes their clicks, or is cleared and drawn again late.
    this.resizeObserver = new ResizeObserver(() => {
      if (container.offsetWidth === 0 || container.offsetHeight === 0) return;
      this.sigma.resize();
      this.sigma.refresh({ skipIndexation: true });
    });
    this.resizeObserver.observe(container);
    // Label boxes depend on the camera and on what sigma has drawn (sizes and positions update on its next frame):
    // placed again after each frame; a placement that changes nothing triggers no further frame.
    this.sigma.on("afterRender", () => this.scheduleLabels());
    this.sigma.on("resize", () => this.scheduleLabels());
  }

  /** Places labels again once the camera has moved (every frame on small graphs, when it stops on large ones). */
  private scheduleLabels(): void {
    if (this.large) {
      if (this.labelsTimer !== null) window.clearTimeout(this.labelsTimer);
      this.labelsTimer = window.setTimeout(() => {
        this.labelsTimer = null;
        this.placeLabels();
      }, 150);
    } else if (this.labelsFrame === null) {
      this.labelsFrame = requestAnimationFrame(() => {
        this.labelsFrame = null;
        this.placeLabels();
      });
    }
  }

  private textWidth(text: string): number {
    let width = this.labelWidths.get(text);
    if (width === undefined) {
      this.measure ??= document.createElement("canvas").getContext("2d");
      if (!this.measure) return text.length * LABEL_SIZE * 0.6;
      this.measure.font = `${LABEL_SIZE}px ${LABEL_FONT}`;
      width = this.measure.measureText(text).width;
      this.labelWidths.set(text, width);
    }
    return width;
  }

  /** The screen box of a node's label (sigma draws it to the right of the node, vertically centred). */
  labelBox(node: string): { x1: number; y1: number; x2: number; y2: number } | null {
    const display = this.sigma.getNodeDisplayData(node);
    const text = this.graph.hasNode(node) ? (this.graph.getNodeAttribute(node, "displayLabel") ?? "") : "";
    if (!display || !text) return null;
    const { x, y } = this.sigma.framedGraphToViewport(display);
    const radius = this.sigma.scaleSize(display.size);
    const x1 = x + radius + LABEL_MARGIN;
    return { x1, y1: y - LABEL_SIZE * 0.65, x2: x1 + this.textWidth(text), y2: y + LABEL_SIZE * 0.65 };
  }

  /**
   * Chooses the node labels to show so that no two overlap: the biggest nodes first, each label kept only if its box
   * (padded by the label density setting) meets no label already kept. Edge labels show only where they fit between
   * their two nodes. Hovered, selected and highlighted nodes always show theirs.
   */
  placeLabels(): void {
    const graph = this.graph;
    const sigma = this.sigma;
    if (graph.order === 0) return;
    const { width, height } = sigma.getDimensions();
    const pad = 6 / this.labelDensity;
    const cell = 64;
    const grid = new Map<string, { x1: number; y1: number; x2: number; y2: number }[]>();
    const cellsOf = (b: { x1: number; y1: number; x2: number; y2: number }) => {
      const keys: string[] = [];
      for (let cx = Math.floor(b.x1 / cell); cx <= Math.floor(b.x2 / cell); cx++) for (let cy = Math.floor(b.y1 / cell); cy <= Math.floor(b.y2 / cell); cy++) keys.push(`${cx},${cy}`);
      return keys;
    };
    const collides = (b: { x1: number; y1: number; x2: number; y2: number }) =>
      cellsOf(b).some((k) => (grid.get(k) ?? []).some((o) => b.x1 < o.x2 && b.x2 > o.x1 && b.y1 < o.y2 && b.y2 > o.y1));
    const keep = (b: { x1: number; y1: number; x2: number; y2: number }) => {
      for (const k of cellsOf(b)) (grid.get(k) ?? grid.set(k, []).get(k)!).push(b);
    };
    const forced = new Set([this.highlight.hovered, this.highlight.selected, ...this.highlight.multi].filter((k): k is string => k !== null && graph.hasNode(k)));
    const candidates: { node: string; size: number }[] = [];
    graph.forEachNode((node, attrs) => {
      if (this.hiddenNodes.has(node) || this.dimmedNodes.has(node) || forced.has(node)) return;
      // A highlighted neighbourhood is labelled before the rest of the graph.
      candidates.push({ node, size: ((attrs.size as number | undefined) ?? 0) + (this.highlightedNodes.has(node) ? 1000 : 0) });
    });
    candidates.sort((a, b) => b.size - a.size || (a.node < b.node ? -1 : 1));
    const shown = new Set<string>();
    for (const box of this.obstacles()) keep(box);
    for (const node of forced) {
      const box = this.labelBox(node);
      if (box) keep(box);
    }
    for (const { node } of candidates) {
      const box = this.labelBox(node);
      // Only labels wholly on screen: a label cut by the edge of the view reads as another word.
      if (!box || box.x1 < 0 || box.x2 > width || box.y1 < 0 || box.y2 > height) continue;
      const padded = { x1: box.x1 - pad, y1: box.y1 - pad / 3, x2: box.x2 + pad, y2: box.y2 + pad / 3 };
      if (collides(padded)) continue;
      keep(box);
      shown.add(node);
    }
    const hasNode = (key: string) => graph.hasNode(key);
    applyDiff(this.shownLabels, shown, (keys, on) => sigma.setNodesState(keys, { isLabelShown: on }), hasNode);
    this.shownLabels = shown;

    const labelledEdges = new Set<string>();
    const edgeOrder = [...this.labelCandidates].sort((a, b) => Number(this.highlightedEdges.has(b) || b === this.highlight.hoveredEdge) - Number(this.highlightedEdges.has(a) || a === this.highlight.hoveredEdge));
    const drawnBundles = new Set<string>();
    for (const edge of edgeOrder) {
      if (!graph.hasEdge(edge)) continue;
      const [a, b] = graph.extremities(edge);
      const da = sigma.getNodeDisplayData(a);
      const db = sigma.getNodeDisplayData(b);
      const text = graph.getEdgeAttribute(edge, "bundleLabel") ?? graph.getEdgeAttribute(edge, "relation");
      if (!da || !db || !text) continue;
      const pa = sigma.framedGraphToViewport(da);
      const pb = sigma.framedGraphToViewport(db);
      const length = Math.hypot(pa.x - pb.x, pa.y - pb.y);
      const room = length - sigma.scaleSize(da.size) - sigma.scaleSize(db.size);
      const w = this.textWidth(String(text));
      if (room <= w + 8) continue;
      // Parallel facts draw as one line with one label: label one of them.
      const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
      if (drawnBundles.has(pair)) continue;
      // The label's box along the edge, as an axis-aligned box around its middle; kept if it meets no other label.
      const cos = Math.abs((pb.x - pa.x) / (length || 1));
      const sin = Math.abs((pb.y - pa.y) / (length || 1));
      const halfW = (w * cos + LABEL_SIZE * sin) / 2;
      const halfH = (w * sin + LABEL_SIZE * cos) / 2;
      const mx = (pa.x + pb.x) / 2;
      const my = (pa.y + pb.y) / 2;
      const box = { x1: mx - halfW, y1: my - halfH, x2: mx + halfW, y2: my + halfH };
      if (box.x1 < 0 || box.y1 < 0 || box.x2 > width || box.y2 > height || collides(box)) continue;
      keep(box);
      drawnBundles.add(pair);
      labelledEdges.add(edge);
    }
    applyDiff(this.labelledEdges, labelledEdges, (keys, on) => sigma.setEdgesState(keys, { isLabelled: on }), (key) => graph.hasEdge(key));
    this.labelledEdges = labelledEdges;
  }

  /** Draws `graph` (one full indexation); large graphs hide edges and labels while the camera moves. */
  attach(graph: ViewGraph): void {
    this.large = graph.order > LARGE_GRAPH_NODES || graph.size > LARGE_GRAPH_EDGES;
    this.hoverHighlight = !this.large;
    this.sigma.setSettings({
      hideEdgesOnMove: this.large,
      hideLabelsOnMove: this.large,
      // Edge hover needs a picking pass per mouse move: too costly on large graphs.
      enableEdgeEvents: !this.large,
    });
    this.graph = graph;
    this.sigma.setGraph(graph);
    this.refresh();
  }

  /** Whether the camera is close enough for every edge of a small graph to show its relation type. */
  setZoomedIn(zoomedIn: boolean): void {
    if (zoomedIn === this.zoomedIn) return;
    this.zoomedIn = zoomedIn;
    this.refresh();
  }

  /** Brings the items' states in line with `visibility` and `highlight` (only changed items are re-styled). */
  refresh(): void {
    const graph = this.graph;
    const sigma = this.sigma;
    const nodeVisible = (key: string) => this.visibility === null || this.visibility.nodes.has(key);
    const edgeVisible = (key: string) => this.visibility === null || this.visibility.edges.has(key);

    const center = [this.highlight.hovered, this.highlight.selected].find((k) => k !== null && graph.hasNode(k)) ?? null;
    const focus = center === null ? null : new Set([center, ...graph.neighbors(center)]);

    const hiddenNodes = new Set<string>();
    const dimmedNodes = new Set<string>();
    const highlightedNodes = new Set<string>();
    graph.forEachNode((key) => {
      if (!nodeVisible(key)) hiddenNodes.add(key);
      else if (focus !== null && !focus.has(key)) dimmedNodes.add(key);
      else if (focus !== null && key !== center) highlightedNodes.add(key);
    });
    const hiddenEdges = new Set<string>();
    const dimmedEdges = new Set<string>();
    const highlightedEdges = new Set<string>();
    const labelCandidates = new Set<string>();
    const labelAll = this.zoomedIn && !this.large;
    graph.forEachEdge((key, _attrs, source, target) => {
      if (!edgeVisible(key)) hiddenEdges.add(key);
      else if (focus !== null && !(focus.has(source) && focus.has(target))) dimmedEdges.add(key);
      else {
        const highlighted = center !== null && (source === center || target === center);
        if (highlighted) highlightedEdges.add(key);
        if (labelAll || highlighted || key === this.highlight.hoveredEdge) labelCandidates.add(key);
      }
    });

    const hasNode = (key: string) => graph.hasNode(key);
    const hasEdge = (key: string) => graph.hasEdge(key);
    applyDiff(this.hiddenNodes, hiddenNodes, (keys, on) => sigma.setNodesState(keys, { isHidden: on }), hasNode);
    applyDiff(this.dimmedNodes, dimmedNodes, (keys, on) => sigma.setNodesState(keys, { isDimmed: on }), hasNode);
    applyDiff(this.highlightedNodes, highlightedNodes, (keys, on) => sigma.setNodesState(keys, { isHighlighted: on }), hasNode);
    applyDiff(this.hiddenEdges, hiddenEdges, (keys, on) => sigma.setEdgesState(keys, { isHidden: on }), hasEdge);
    applyDiff(this.dimmedEdges, dimmedEdges, (keys, on) => sigma.setEdgesState(keys, { isDimmed: on }), hasEdge);
    applyDiff(this.highlightedEdges, highlightedEdges, (keys, on) => sigma.setEdgesState(keys, { isHighlighted: on }), hasEdge);
    const selectedNodes = new Set([...this.highlight.multi].filter(hasNode));
    const pinnedNodes = new Set([...this.highlight.pinned].filter(hasNode));
    applyDiff(this.selectedNodes, selectedNodes, (keys, on) => sigma.setNodesState(keys, { isSelected: on }), hasNode);
    applyDiff(this.pinnedNodes, pinnedNodes, (keys, on) => sigma.setNodesState(keys, { isPinned: on }), hasNode);
    this.selectedNodes = selectedNodes;
    this.pinnedNodes = pinnedNodes;
    if (this.focusNode !== center) {
      if (this.focusNode !== null && graph.hasNode(this.focusNode)) sigma.setNodeState(this.focusNode, { isFocus: false });
      if (center !== null) sigma.setNodeState(center, { isFocus: true });
      this.focusNode = center;
    }
    this.hiddenNodes = hiddenNodes;
    this.dimmedNodes = dimmedNodes;
    this.highlightedNodes = highlightedNodes;
    this.hiddenEdges = hiddenEdges;
    this.dimmedEdges = dimmedEdges;
    this.highlightedEdges = highlightedEdges;
    this.labelCandidates = labelCandidates;
    this.placeLabels();
  }

  /** Moves the camera onto a node (animated), zooming in enough to read its neighbourhood. */
  flyTo(node: string, duration = 600): Promise<void> {
    const display = this.sigma.getNodeDisplayData(node);
    if (!display) return Promise.resolve();
    return this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: EDGE_LABEL_ZOOM_RATIO }, { duration }) as Promise<void>;
  }

  /** Whether node labels are drawn at all ("Labels: none"). */
  setLabelsShown(shown: boolean): void {
    if (this.sigma.getSetting("renderLabels") !== shown) this.sigma.setSettings({ renderLabels: shown });
  }

  /** Label density: higher shows more labels (sigma's label grid keeps them from overlapping). */
  setLabelDensity(density: number): void {
    this.labelDensity = density;
    this.placeLabels();
  }

  /** Zooms around the centre of the view (factor > 1 zooms in). */
  zoom(factor: number, duration = 250): Promise<void> {
    const camera = this.sigma.getCamera();
    // Clicks faster than the animation add up: each starts from where the previous one was going.
    const from = camera.isAnimating() && this.zoomTarget !== null ? this.zoomTarget : camera.ratio;
    const ratio = camera.getBoundedRatio(from / factor);
    this.zoomTarget = ratio;
    return camera.animate({ ratio }, { duration }).finally(() => {
      if (this.zoomTarget === ratio) this.zoomTarget = null;
    });
  }

  /** Pans by a share of the view's width or height (arrow keys). */
  pan(dx: number, dy: number, duration = 150): Promise<void> {
    const camera = this.sigma.getCamera();
    const { width, height } = this.sigma.getDimensions();
    const target = this.sigma.viewportToFramedGraph({ x: width / 2 + dx * width, y: height / 2 + dy * height });
    return camera.animate({ x: target.x, y: target.y }, { duration });
  }

  /** Fits the camera to these nodes (all visible nodes when none are given). */
  fit(nodes: Iterable<string> | null, duration = 400): Promise<void> {
    const keys = [...(nodes ?? this.visibility?.nodes ?? this.graph.nodes())].filter((k) => this.graph.hasNode(k));
    const points = keys.map((k) => this.sigma.getNodeDisplayData(k)).filter((d): d is NonNullable<typeof d> => Boolean(d));
    if (points.length === 0) return this.sigma.getCamera().reset({ duration });
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // Display data are in the framed graph's [0, 1] space, where ratio 1 shows the whole graph.
    const ratio = Math.max(maxX - minX, maxY - minY, 0.05) * 1.2;
    const camera = this.sigma.getCamera();
    return camera.animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: camera.getBoundedRatio(Math.min(ratio, 1.2)) }, { duration });
  }

  kill(): void {
    this.resizeObserver.disconnect();
    this.sigma.kill();
  }
}

/** Calls `set(keys, true)` for keys new in `next` and `set(keys, false)` for keys of `previous` no longer in `next`. */
function applyDiff(previous: Set<string>, next: Set<string>, set: (keys: string[], on: boolean) => void, exists: (key: string) => boolean): void {
  const added: string[] = [];
  const removed: string[] = [];
  for (const key of next) if (!previous.has(key)) added.push(key);
  // Items dropped from the graph meanwhile (a console result cleared) have no state left to reset.
  for (const key of previous) if (!next.has(key) && exists(key)) removed.push(key);
  if (added.length > 0) set(added, true);
  if (removed.length > 0) set(removed, false);
}
