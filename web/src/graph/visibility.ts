import type { ViewState } from "../state/url-state.ts";
import type { ViewGraph } from "./model.ts";

export type Visibility = { nodes: Set<string>; edges: Set<string> };

function inRange(date: string | null, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  if (!date) return false;
  // A month-precision date matches a range that overlaps its month.
  if (from !== null && date < from.slice(0, date.length)) return false;
  if (to !== null && date > to.slice(0, date.length)) return false;
  return true;
}

/** Whether any filter narrows the facts (then nodes left without a visible fact are hidden too). */
export function narrowsFacts(state: ViewState): boolean {
  return (
    state.hiddenRelations.length > 0 ||
    state.hiddenSources.length > 0 ||
    state.from !== null ||
    state.to !== null ||
    state.minConfidence !== null ||
    state.minArticles !== null
  );
}

/**
 * Which nodes and edges the filters let through: node types and hidden nodes, then facts by relation type, source,
 * date, confidence and number of supporting articles. When the facts are narrowed, a node left without any visible
 * fact is hidden as well (else it would float unconnected, and the counts would not be what is drawn).
 */
export function computeVisibility(graph: ViewGraph, state: ViewState): Visibility {
  const hiddenTypes = new Set(state.hiddenTypes);
  const hiddenNodes = new Set(state.hiddenNodes);
  const hiddenRelations = new Set(state.hiddenRelations);
  const hiddenSources = new Set(state.hiddenSources);
  const nodes = new Set<string>();
  graph.forEachNode((key, attrs) => {
    if (!hiddenTypes.has(attrs.entityType) && !hiddenNodes.has(key)) nodes.add(key);
  });
  const edges = new Set<string>();
  const withFacts = new Set<string>();
  graph.forEachEdge((key, attrs, source, target) => {
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (hiddenRelations.has(attrs.relation)) return;
    if (hiddenSources.size > 0 && hiddenSources.has(attrs.articleSource ?? "(unknown)")) return;
    if (!inRange(attrs.date, state.from, state.to)) return;
    if (state.minConfidence !== null && attrs.confidence !== null && attrs.confidence < state.minConfidence) return;
    if (state.minArticles !== null && (attrs.support ?? 1) < state.minArticles) return;
    edges.add(key);
    withFacts.add(source);
    withFacts.add(target);
  });
  if (narrowsFacts(state)) for (const key of [...nodes]) if (!withFacts.has(key)) nodes.delete(key);
  return { nodes, edges };
}

/** Counts per category among what is visible, for the filter labels. */
export function countVisible(graph: ViewGraph, visibility: Visibility) {
  const types: Record<string, number> = {};
  const relations: Record<string, number> = {};
  const sources: Record<string, number> = {};
  for (const key of visibility.nodes) {
    const type = graph.getNodeAttribute(key, "entityType");
    types[type] = (types[type] ?? 0) + 1;
  }
  for (const key of visibility.edges) {
    const attrs = graph.getEdgeAttributes(key);
    relations[attrs.relation] = (relations[attrs.relation] ?? 0) + 1;
    const source = attrs.articleSource ?? "(unknown)";
    sources[source] = (sources[source] ?? 0) + 1;
  }
  return { types, relations, sources };
}

/** The dates of the facts in the graph, sorted and distinct (the time slider's stops). */
export function factDates(graph: ViewGraph): string[] {
  const dates = new Set<string>();
  graph.forEachEdge((_key, attrs) => {
    if (attrs.date) dates.add(attrs.date);
  });
  return [...dates].sort();
}
