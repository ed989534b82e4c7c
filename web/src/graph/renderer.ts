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

/** Below this camera ratio (zoomed in) every visible edge of a small graph shows its relation type. */
export const EDGE_LABEL_ZOOM_RATIO = 0.35;

/** hovered and selected: the node whose neighbourhood is highlighted; multi: the nodes of a multi-selection. */
export type Highlight = { hovered: string | null; selected: string | null; hoveredEdge: string | null; multi: Set<string>; pinned: Set<string> };

/**
 * What the explorer changes per item. They are sigma item states, not reducers: sigma then re-styles only the
 * items whose state changed, whereas a reducer makes it re-style every node and edge on each camera move or hover.
 */
type NodeState = { isDimmed: boolean; isFocus: boolean; isSelected: boolean; isPinned: boolean };
type EdgeState = { isDimmed: boolean; isLabelled: boolean };
type ExplorerSigma = Sigma<Attributes, Attributes, Attributes, NodeState, EdgeState>;

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
          { label: { attribute: "displayLabel", defaultValue: "" } },
          { whenState: "isPinned", then: { backdropVisibility: "visible", backdropColor: "#d7dde8", backdropPadding: 2 } },
          { whenState: "isSelected", then: { labelVisibility: "visible", backdropVisibility: "visible", backdropColor: "#ffd966", backdropPadding: 4, depth: "topNodes" } },
          { whenState: "isHighlighted", then: { labelVisibility: "visible", depth: "topNodes" } },
          { whenState: "isFocus", then: { labelVisibility: "visible", backdropVisibility: "visible", depth: "topNodes" } },
          { whenState: "isDimmed", then: { color: DIMMED_COLOR, labelVisibility: "hidden" } },
        ],
        edges: [
          DEFAULT_STYLES.edges,
          { head: "arrow", color: EDGE_COLOR, size: { attribute: "size", defaultValue: 1 }, label: { attribute: "bundleLabel" }, labelVisibility: "hidden" },
          { whenState: "isLabelled", then: { labelVisibility: "auto" } },
          { whenState: "isHighlighted", then: { color: EDGE_HIGHLIGHT_COLOR, size: 2, labelVisibility: "visible" } },
          { whenState: "isHovered", then: { color: EDGE_HIGHLIGHT_COLOR, size: 3, labelVisibility: "visible" } },
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
        // Nodes can be dragged (and stay where they are dropped: see the explorer's nodeDragEnd).
        enableNodeDrag: true,
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
    const labelledEdges = new Set<string>();
    const labelAll = this.zoomedIn && !this.large;
    graph.forEachEdge((key, _attrs, source, target) => {
      if (!edgeVisible(key)) hiddenEdges.add(key);
      else if (focus !== null && !(focus.has(source) && focus.has(target))) dimmedEdges.add(key);
      else {
        if (center !== null && (source === center || target === center)) highlightedEdges.add(key);
        if (labelAll) labelledEdges.add(key);
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
    applyDiff(this.labelledEdges, labelledEdges, (keys, on) => sigma.setEdgesState(keys, { isLabelled: on }), hasEdge);
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
    this.labelledEdges = labelledEdges;
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
    this.sigma.setSettings({ labelDensity: density });
  }

  /** Zooms around the centre of the view (factor > 1 zooms in). */
  zoom(factor: number, duration = 250): Promise<void> {
    const camera = this.sigma.getCamera();
    return camera.animate({ ratio: camera.getBoundedRatio(camera.ratio / factor) }, { duration });
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
