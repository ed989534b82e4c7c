import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";
import type { ViewGraph } from "./model.ts";

/** Below this size a few synchronous iterations give a readable first picture before the first frame. */
const SYNC_PRELAYOUT_MAX_NODES = 1500;

export function prelayout(graph: ViewGraph): void {
  if (graph.order === 0 || graph.order > SYNC_PRELAYOUT_MAX_NODES) return;
  const settings = forceAtlas2.inferSettings(graph);
  // Strong gravity keeps separate components (articles about unrelated events) in one view.
  forceAtlas2.assign(graph, { iterations: 150, settings: { ...settings, strongGravityMode: true, gravity: 0.5, barnesHutOptimize: graph.order > 500 } });
  noverlap.assign(graph, { maxIterations: 60, settings: { margin: 2, ratio: 1.2 } });
}

/** ForceAtlas2 in a web worker (the page stays responsive); stopping it runs no-overlap once to clean up. */
export class LayoutController {
  private layout: FA2Layout | null = null;
  private timer: number | null = null;

  constructor(
    private readonly graph: ViewGraph,
    private readonly onChange: (running: boolean) => void,
  ) {}

  isRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  start(autoStopMs?: number): void {
    if (this.isRunning() || this.graph.order === 0) return;
    this.layout?.kill();
    const settings = forceAtlas2.inferSettings(this.graph);
    this.layout = new FA2Layout(this.graph, {
      settings: { ...settings, strongGravityMode: true, gravity: 0.5, barnesHutOptimize: this.graph.order > 300 },
    });
    this.layout.start();
    this.onChange(true);
    if (autoStopMs) this.timer = window.setTimeout(() => this.stop(), autoStopMs);
  }

  stop(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    if (!this.layout) return;
    this.layout.stop();
    this.layout.kill();
    this.layout = null;
    if (this.graph.order <= 5000) noverlap.assign(this.graph, { maxIterations: 40, settings: { margin: 2, ratio: 1.2 } });
    this.onChange(false);
  }

  toggle(): void {
    if (this.isRunning()) this.stop();
    else this.start();
  }
}
