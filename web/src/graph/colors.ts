/** Colour per node type: distinct hues, readable on white, and distinguishable for common colour-vision deficiencies (Okabe–Ito based). */
export const TYPE_COLORS: Record<string, string> = {
  Person: "#0072B2",
  Organization: "#D55E00",
  Country: "#009E73",
  Proposal: "#CC79A7",
  Meeting: "#E69F00",
  Place: "#56B4E9",
  Topic: "#7a6f00",
};
export const FALLBACK_COLOR = "#666666";
export const DIMMED_COLOR = "#e4e4e4";
export const EDGE_COLOR = "#b8b8b8";
export const EDGE_HIGHLIGHT_COLOR = "#444444";
export const EDGE_DIMMED_COLOR = "#f0f0f0";

export function colorOf(type: string): string {
  return TYPE_COLORS[type] ?? FALLBACK_COLOR;
}

/**
 * Community colours (Louvain): the Okabe–Ito hues first (colour-blind safe), then Paul Tol's muted ones; communities
 * beyond these and nodes in no community (isolated) are grey.
 */
export const COMMUNITY_COLORS = [
  "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7a6f00", "#332288",
  "#882255", "#44AA99", "#999933", "#AA4499",
];
export const NO_COMMUNITY_COLOR = "#9a9a9a";

export function communityColor(community: number): string {
  return community >= 0 ? (COMMUNITY_COLORS[community] ?? NO_COMMUNITY_COLOR) : NO_COMMUNITY_COLOR;
}
