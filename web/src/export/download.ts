/** Saves a file the way a browser does for a link with `download`. */
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

/** A file name with today's date: news-graph-2025-08-20.gexf. */
export function datedName(stem: string, extension: string, date = new Date()): string {
  return `${stem}-${date.toISOString().slice(0, 10)}.${extension}`;
}
