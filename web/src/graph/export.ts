import { write as writeGexf } from "graphology-gexf/browser";
import type { ViewGraph } from "./model.ts";

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The current view as a PNG. Sigma's WebGL canvas keeps no drawing buffer, so the frame is re-rendered and copied
 * in the same task, onto a white background.
 */
export async function renderPng(renderer: { refresh(): unknown; getStageCanvas(): HTMLCanvasElement }): Promise<Blob> {
  renderer.refresh();
  const source = renderer.getStageCanvas();
  const canvas = document.createElement("canvas");
  canvas.width = source.width;
  canvas.height = source.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("2D canvas unavailable");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"),
  );
}

export function gexfBlob(graph: ViewGraph): Blob {
  const xml = writeGexf(graph, { formatNode: (key, attrs) => ({ label: attrs.label, viz: { color: attrs.color, size: attrs.size, x: attrs.x, y: attrs.y }, attributes: { type: attrs.entityType, role: attrs.role ?? "", degree: attrs.degree } }), formatEdge: (_key, attrs) => ({ label: attrs.relation, attributes: { relation: attrs.relation, articleId: attrs.articleId ?? "", date: attrs.date ?? "" } }) });
  return new Blob([xml], { type: "application/gexf+xml" });
}
