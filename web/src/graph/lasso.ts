import type { GraphRenderer } from "./renderer.ts";

type Point = { x: number; y: number };

/** Whether a point is inside a polygon (even-odd rule). */
export function insidePolygon(point: Point, polygon: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/**
 * Lasso selection: drag on the empty canvas with Shift held (or with the lasso tool on) to draw a free shape; the
 * visible nodes inside it are selected. Sigma 4 has no lasso of its own; its stage events start it, and its
 * "prevent default" keeps the camera still while drawing.
 */
export class Lasso {
  private points: Point[] = [];
  private drawing = false;
  private readonly canvas: HTMLCanvasElement;
  active = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly renderer: GraphRenderer,
    private readonly onSelect: (nodes: string[], additive: boolean) => void,
  ) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "lasso-layer";
    this.canvas.setAttribute("aria-hidden", "true");
    container.append(this.canvas);
    const sigma = renderer.sigma;
    sigma.on("downStage", (payload) => {
      const original = payload.event.original as MouseEvent | TouchEvent;
      if (!this.active && !original.shiftKey) return;
      payload.preventSigmaDefault();
      this.begin(this.pointOf(original), original.ctrlKey || original.metaKey);
    });
    // While drawing, the mouse moves draw the lasso instead of panning the camera.
    sigma.on("moveBody", (payload) => {
      if (this.drawing) payload.preventSigmaDefault();
    });
  }

  setActive(active: boolean): void {
    this.active = active;
    this.container.classList.toggle("lasso-active", active);
  }

  private pointOf(event: MouseEvent | TouchEvent): Point {
    const rect = this.container.getBoundingClientRect();
    const source = "touches" in event ? (event.touches[0] ?? event.changedTouches[0]) : event;
    return { x: (source?.clientX ?? 0) - rect.left, y: (source?.clientY ?? 0) - rect.top };
  }

  private begin(start: Point, additive: boolean): void {
    this.drawing = true;
    this.points = [start];
    const rect = this.container.getBoundingClientRect();
    this.canvas.width = rect.width;
    this.canvas.height = rect.height;
    const move = (event: MouseEvent | TouchEvent) => {
      if (!this.drawing) return;
      this.points.push(this.pointOf(event));
      this.draw();
    };
    const end = () => {
      window.removeEventListener("mousemove", move);
      window.removeEventListener("mouseup", end);
      window.removeEventListener("touchmove", move);
      window.removeEventListener("touchend", end);
      this.finish(additive);
    };
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", end);
    window.addEventListener("touchmove", move);
    window.addEventListener("touchend", end);
  }

  private draw(): void {
    const context = this.canvas.getContext("2d");
    if (!context) return;
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    context.beginPath();
    this.points.forEach((p, i) => (i === 0 ? context.moveTo(p.x, p.y) : context.lineTo(p.x, p.y)));
    context.closePath();
    context.fillStyle = "rgba(11, 92, 173, 0.08)";
    context.strokeStyle = "#0b5cad";
    context.setLineDash([6, 4]);
    context.lineWidth = 1.5;
    context.fill();
    context.stroke();
  }

  private finish(additive: boolean): void {
    this.drawing = false;
    this.canvas.getContext("2d")?.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.points.length < 3) return;
    const sigma = this.renderer.sigma;
    const visible = this.renderer.visibility?.nodes ?? new Set(this.renderer.graph.nodes());
    const inside: string[] = [];
    for (const node of visible) {
      const display = sigma.getNodeDisplayData(node);
      if (!display) continue;
      if (insidePolygon(sigma.framedGraphToViewport(display), this.points)) inside.push(node);
    }
    this.onSelect(inside, additive);
  }
}
