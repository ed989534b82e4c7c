import type { GraphRenderer } from "./renderer.ts";

/**
 * Dragging a node moves it (and `onDrop` pins it there). Sigma 4 has node dragging of its own, but its drag manager
 * keeps the graph it was created with, and the explorer creates sigma on an empty graph (to compile its shaders while
 * the data downloads) before handing it the loaded one; so the explorer drags nodes itself, with sigma's events.
 */
export function bindNodeDrag(renderer: GraphRenderer, canDrag: () => boolean, onDrop: (node: string) => void): void {
  const sigma = renderer.sigma;
  let dragged: { node: string; moved: boolean } | null = null;
  sigma.on("downNode", ({ node, event }) => {
    const original = event.original as MouseEvent;
    if (original.shiftKey || original.ctrlKey || original.metaKey || !canDrag()) return;
    dragged = { node, moved: false };
  });
  sigma.on("moveBody", (payload) => {
    if (!dragged) return;
    // The pointer moves the node, not the camera.
    payload.preventSigmaDefault();
    const graph = renderer.graph;
    if (!graph.hasNode(dragged.node)) return;
    const { x, y } = sigma.viewportToGraph(payload.event);
    graph.mergeNodeAttributes(dragged.node, { x, y });
    dragged.moved = true;
  });
  window.addEventListener("mouseup", () => {
    if (dragged?.moved) onDrop(dragged.node);
    dragged = null;
  });
}
