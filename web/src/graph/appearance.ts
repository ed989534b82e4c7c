import Graph from "graphology";
import { weightedDegree } from "graphology-metrics/node/weighted-degree";
import type { ColorScheme, LabelMode, SizeMetric } from "../state/url-state.ts";
import { colorOf, communityColor } from "./colors.ts";
import type { ViewGraph } from "./model.ts";
import type { Visibility } from "./visibility.ts";

export const METRIC_LABELS: Record<SizeMetric, string> = {
  degree: "Degree (neighbours)",
  weightedDegree: "Weighted degree (facts)",
  pagerank: "PageRank",
  betweenness: "Betweenness",
};

const MIN_SIZE = 4;
const MAX_SIZE = 20;

/**
 * The visible graph as a simple weighted graph: one edge per pair of connected nodes, weighted by the number of
 * facts between them. Metrics and communities are computed on what is shown, as in Gephi (Lite).
 */
export function project(graph: ViewGraph, visibility: Visibility, type: "directed" | "undirected"): Graph<{}, { weight: number }> {
  const simple = new Graph<{}, { weight: number }>({ type, multi: false, allowSelfLoops: false });
  for (const node of visibility.nodes) simple.addNode(node);
  for (const edge of visibility.edges) {
    const [source, target] = graph.extremities(edge);
    if (source === target) continue;
    simple.updateEdge(source, target, (attrs) => ({ weight: (attrs.weight ?? 0) + 1 }));
  }
  return simple;
}

/** Degree and weighted degree: cheap, computed at once (graphology-metrics' weighted degree on the visible graph). */
export function degreeMetric(graph: ViewGraph, visibility: Visibility, metric: "degree" | "weightedDegree"): Map<string, number> {
  const values = new Map<string, number>();
  const simple = project(graph, visibility, "undirected");
  simple.forEachNode((node) => values.set(node, metric === "degree" ? simple.degree(node) : weightedDegree(simple, node)));
  return values;
}

export type AppearanceInputs = { metric: Map<string, number>; communities: Map<string, number> | null };

/** Whether the appearance needs the larger algorithms (PageRank, betweenness, Louvain), loaded on first use. */
export function needsAlgorithms(options: { sizeBy: SizeMetric; colorBy: ColorScheme }): boolean {
  return options.sizeBy === "pagerank" || options.sizeBy === "betweenness" || options.colorBy === "community";
}

/** The metric values and communities of the visible graph; PageRank, betweenness and Louvain come from a chunk of their own. */
export async function computeInputs(graph: ViewGraph, visibility: Visibility, options: { sizeBy: SizeMetric; colorBy: ColorScheme }): Promise<AppearanceInputs> {
  if (!needsAlgorithms(options)) return degreeInputs(graph, visibility, options);
  const algorithms = await import("./algorithms.ts");
  const metric =
    options.sizeBy === "degree" || options.sizeBy === "weightedDegree" ? degreeMetric(graph, visibility, options.sizeBy) : algorithms.centrality(graph, visibility, options.sizeBy);
  return { metric, communities: options.colorBy === "community" ? algorithms.communities(graph, visibility) : null };
}

export function degreeInputs(graph: ViewGraph, visibility: Visibility, options: { sizeBy: SizeMetric }): AppearanceInputs {
  const metric = options.sizeBy === "weightedDegree" ? "weightedDegree" : "degree";
  return { metric: degreeMetric(graph, visibility, metric), communities: null };
}

export type AppearanceSummary = { metric: SizeMetric; range: [number, number]; communities: number[] };

/**
 * Sizes the visible nodes by `metric` (square-root scale between MIN_SIZE and MAX_SIZE), colours them by type or by
 * community, and sets what their labels show. Only attributes that change are written (sigma re-styles those nodes).
 */
export function applyAppearance(
  graph: ViewGraph,
  options: { sizeBy: SizeMetric; colorBy: ColorScheme; labels: LabelMode },
  inputs: AppearanceInputs,
): AppearanceSummary {
  const values = inputs.metric;
  const numbers = [...values.values()];
  const low = numbers.length ? Math.min(...numbers) : 0;
  const high = numbers.length ? Math.max(...numbers) : 0;
  const communities = options.colorBy === "community" ? inputs.communities : null;
  graph.forEachNode((node, attrs) => {
    const value = values.get(node);
    const share = value === undefined || high === low ? 0.25 : (value - low) / (high - low);
    const size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(share);
    const community = communities?.get(node);
    const color = communities ? communityColor(community ?? -1) : colorOf(attrs.entityType);
    const displayLabel = options.labels === "none" ? "" : options.labels === "type" ? attrs.entityType : shortLabel(attrs.label);
    const patch: Partial<typeof attrs> = {};
    if (value !== undefined && attrs.size !== size) patch.size = size;
    if (attrs.color !== color) patch.color = color;
    if (value !== undefined && attrs.metric !== value) patch.metric = value;
    if (communities && attrs.community !== community) patch.community = community;
    if (attrs.displayLabel !== displayLabel) patch.displayLabel = displayLabel;
    if (Object.keys(patch).length > 0) graph.mergeNodeAttributes(node, patch);
  });
  const used = communities ? [...new Set(communities.values())].sort((a, b) => a - b) : [];
  return { metric: options.sizeBy, range: [low, high], communities: used };
}

/** Labels longer than this are cut at a word with an ellipsis on the canvas (the panel and tooltips show them whole). */
const LABEL_MAX = 36;

export function shortLabel(label: string): string {
  if (label.length <= LABEL_MAX) return label;
  const cut = label.slice(0, LABEL_MAX);
  const space = cut.lastIndexOf(" ");
  return `${(space > LABEL_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}
