import Sigma, { DEFAULT_STYLES } from "sigma";
import { extremityArrow, pathCurved, pathLine, pathLoop } from "sigma/rendering";
import { DIMMED_COLOR, EDGE_COLOR, EDGE_HIGHLIGHT_COLOR } from "./colors.ts";
import type { ViewGraph } from "./model.ts";
import type { Visibility } from "./visibility.ts";

/** Above these sizes, moving the camera hides edges and labels, and hovering does not re-style the whole graph. */
const LARGE_GRAPH_NODES = 5_000;
const LARGE_GRAPH_EDGES = 20_000;

/** Below this camera ratio (zoomed in) every visible edge shows its relation type. */
const EDGE_LABEL_ZOOM_RATIO = 0.35;

export type Highlight = { hovered: string | null; selected: string | null; hoveredEdge: string | null };

/**
 * Sigma with the explorer's look: colour by type, size by degree, curved parallel edges with arrows, and a
 * neighbourhood highlight on hover or selection. Reducers read the mutable `view` below; call `refresh()` after changing it.
 */
export class GraphRenderer {
  readonly sigma: Sigma;
  /** Whether hovering a node highlights its neighbourhood (each highlight re-styles every node and edge). */
  readonly hoverHighlight: boolean;
  visibility: Visibility | null = null;
  highlight: Highlight = { hovered: null, selected: null, hoveredEdge: null };
  private focus: Set<string> | null = null;

  constructor(
    readonly graph: ViewGraph,
    container: HTMLElement,
  ) {
    const large = graph.order > LARGE_GRAPH_NODES || graph.size > LARGE_GRAPH_EDGES;
    this.hoverHighlight = !large;
    this.sigma = new Sigma(graph, container, {
      primitives: {
        edges: { paths: [pathLine(), pathCurved(), pathLoop()], extremities: [extremityArrow()] },
      },
      styles: {
        nodes: DEFAULT_STYLES.nodes,
        edges: [DEFAULT_STYLES.edges, { parallelPath: "curved", selfLoopPath: "loop", head: "arrow" }],
      },
      settings: {
        renderEdgeLabels: true,
        hideEdgesOnMove: large,
        hideLabelsOnMove: large,
        // Edge hover needs a picking pass per mouse move: too costly on large graphs.
        enableEdgeEvents: !large,
        labelDensity: 0.7,
        labelGridCellSize: 80,
        labelRenderedSizeThreshold: 5,
        stagePadding: 40,
        // Sizes in screen pixels (as in sigma 3), so size-by-degree reads the same at any graph extent.
        itemSizesReference: "screen",
      } as Record<string, unknown>,
      nodeReducer: (key, data) => this.reduceNode(key, data as unknown as Record<string, unknown>),
      edgeReducer: (key, data) => this.reduceEdge(key, data as unknown as Record<string, unknown>),
    } as ConstructorParameters<typeof Sigma>[2]);
  }

  private reduceNode(key: string, data: Record<string, unknown>): Record<string, unknown> {
    if (this.visibility && !this.visibility.nodes.has(key)) return { ...data, visibility: "hidden", labelVisibility: "hidden" };
    const focused = this.focus === null || this.focus.has(key);
    const isSelected = key === this.highlight.selected || key === this.highlight.hovered;
    if (!focused) return { ...data, color: DIMMED_COLOR, label: "", zIndex: 0 };
    if (isSelected) return { ...data, labelVisibility: "visible", zIndex: 2, depth: "topNodes", size: Number(data.size ?? 4) * 1.3 };
    if (this.focus !== null) return { ...data, labelVisibility: "visible", zIndex: 1 };
    return data;
  }

  private reduceEdge(key: string, data: Record<string, unknown>): Record<string, unknown> {
    if (this.visibility && !this.visibility.edges.has(key)) return { ...data, visibility: "hidden" };
    const [source, target] = this.graph.extremities(key);
    const inFocus = this.focus === null || (this.focus.has(source) && this.focus.has(target));
    const center = this.highlight.hovered ?? this.highlight.selected;
    const touchesCenter = center !== null && (source === center || target === center);
    const hovered = key === this.highlight.hoveredEdge;
    // Reducers already run inside Sigma's constructor, before `this.sigma` is assigned.
    const camera = (this.sigma as Sigma | undefined)?.getCamera();
    const zoomedIn = camera !== undefined && camera.ratio < EDGE_LABEL_ZOOM_RATIO;
    const label = hovered || touchesCenter || zoomedIn ? this.graph.getEdgeAttribute(key, "relation") : "";
    if (!inFocus) return { ...data, color: "#f0f0f0", label: "" };
    return {
      ...data,
      label,
      color: hovered || touchesCenter ? EDGE_HIGHLIGHT_COLOR : EDGE_COLOR,
      size: hovered ? 3 : touchesCenter ? 2 : 1,
      labelVisibility: hovered ? "visible" : "auto",
    };
  }

  /** Recomputes the highlighted neighbourhood (hovered node first, else the selection) and redraws. */
  refresh(): void {
    const center = this.highlight.hovered ?? this.highlight.selected;
    if (center !== null && this.graph.hasNode(center)) {
      this.focus = new Set([center, ...this.graph.neighbors(center)]);
    } else {
      this.focus = null;
    }
    this.sigma.refresh({ skipIndexation: true });
  }

  /** Moves the camera onto a node (animated), zooming in enough to read its neighbourhood. */
  flyTo(node: string, duration = 600): Promise<void> {
    const display = this.sigma.getNodeDisplayData(node);
    if (!display) return Promise.resolve();
    return this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration }) as Promise<void>;
  }

  /** Label density: higher shows more labels (sigma's label grid keeps them from overlapping). */
  setLabelDensity(density: number): void {
    this.sigma.setSettings({ labelDensity: density });
  }

  kill(): void {
    this.sigma.kill();
  }
}
