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
