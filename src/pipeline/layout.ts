import { performance } from "node:perf_hooks";
import { computeLayout, type LayoutOptions } from "../graph/layout.ts";
import type { Store } from "../store/driver.ts";
import { readLayoutInput, writePositions } from "../store/layout.ts";

export type LayoutSummary = { nodes: number; placed: number; iterations: number; seconds: number };

/**
 * Brings the stored explorer layout up to date: nodes without a position are placed next to their neighbours,
 * then everything settles a little (or, with `reset`, the whole graph is laid out afresh).
 */
export async function updateLayout(store: Store, options: LayoutOptions = {}): Promise<LayoutSummary> {
  const t0 = performance.now();
  const input = await readLayoutInput(store);
  const { positions, placed, iterations } = computeLayout(input, options);
  await writePositions(store, positions);
  return { nodes: positions.length, placed, iterations, seconds: (performance.now() - t0) / 1000 };
}
