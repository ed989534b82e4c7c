// The layout step of the pipeline lives with the store's layout code (it reads and writes the nodes it places).
export { updateLayout, type LayoutSummary } from "../store/layout.ts";
