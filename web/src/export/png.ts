import { colorOf } from "../graph/colors.ts";

export type LegendItem = { label: string; color: string; count: number };

/**
 * The current view as a PNG with its legend and a caption (what the view shows and when it was exported), the caption
 * also stored in the file's metadata. Sigma's WebGL canvas keeps no drawing buffer, so the frame is drawn again and
 * copied in the same task.
 */
export async function renderPng(
  renderer: { refresh(): unknown; getStageCanvas(): HTMLCanvasElement },
  legend: LegendItem[],
  caption: { title: string; lines: string[] },
): Promise<Blob> {
  renderer.refresh();
  const source = renderer.getStageCanvas();
  const scale = Math.max(1, source.width / Math.max(1, source.clientWidth || source.width));
  const font = (px: number, weight = "") => `${weight} ${Math.round(px * scale)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`.trim();
  const line = 18 * scale;
  const pad = 12 * scale;
  const captionHeight = pad * 2 + line * (1 + caption.lines.length);
  const canvas = document.createElement("canvas");
  canvas.width = source.width;
  canvas.height = source.height + captionHeight;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("2D canvas unavailable");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0);

  // Legend, top left, on a white card.
  if (legend.length > 0) {
    context.font = font(13);
    const width = Math.max(...legend.map((i) => context.measureText(`${i.label} (${i.count})`).width)) + pad * 3 + 10 * scale;
    const height = pad * 2 + legend.length * line;
    context.fillStyle = "rgba(255,255,255,0.94)";
    context.strokeStyle = "#d9d9e0";
    context.lineWidth = scale;
    context.fillRect(pad, pad, width, height);
    context.strokeRect(pad, pad, width, height);
    legend.forEach((item, i) => {
      const y = pad * 2 + i * line + line / 2;
      context.fillStyle = item.color;
      context.beginPath();
      context.arc(pad * 2 + 5 * scale, y - 1 * scale, 5 * scale, 0, Math.PI * 2);
      context.fill();
      context.fillStyle = "#1d1d1f";
      context.textBaseline = "middle";
      context.fillText(`${item.label} (${item.count})`, pad * 2 + 16 * scale, y);
    });
  }

  // Caption band under the graph.
  context.fillStyle = "#f6f6f8";
  context.fillRect(0, source.height, canvas.width, captionHeight);
  context.fillStyle = "#1d1d1f";
  context.textBaseline = "top";
  context.font = font(14, "600");
  context.fillText(caption.title, pad, source.height + pad, canvas.width - pad * 2);
  context.font = font(12.5);
  context.fillStyle = "#3b3b44";
  caption.lines.forEach((text, i) => context.fillText(text, pad, source.height + pad + line * (i + 1), canvas.width - pad * 2));

  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
  );
  return withTextChunks(blob, { Title: caption.title, Description: caption.lines.join("\n"), Software: "news-kg graph explorer" });
}

export function legendColor(type: string): string {
  return colorOf(type);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Adds iTXt chunks (UTF-8 text: title, caption) before the PNG's IEND chunk. */
async function withTextChunks(blob: Blob, entries: Record<string, string>): Promise<Blob> {
  const png = new Uint8Array(await blob.arrayBuffer());
  const encoder = new TextEncoder();
  const chunks = Object.entries(entries).map(([keyword, text]) => {
    const data = new Uint8Array([...encoder.encode(keyword), 0, 0, 0, 0, 0, ...encoder.encode(text)]);
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set(encoder.encode("iTXt"), 4);
    chunk.set(data, 8);
    view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
    return chunk;
  });
  const iend = png.length - 12;
  return new Blob([png.subarray(0, iend), ...chunks, png.subarray(iend)], { type: "image/png" });
}
