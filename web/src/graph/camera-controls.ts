import { byId } from "../dom.ts";
import type { ViewStore } from "../state/url-state.ts";
import type { Lasso } from "./lasso.ts";
import type { GraphRenderer } from "./renderer.ts";

const ZOOM_STEP = 1.5;
const PAN_STEP = 0.2;

/** Whether a key event is typing into something (an input, a text area, a select, the Cypher editor). */
export function isTyping(event: KeyboardEvent): boolean {
  const target = (event.composedPath()[0] ?? event.target) as HTMLElement | null;
  if (!target || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The camera buttons (zoom in, zoom out, fit, reset, lasso) and their keys when the canvas has focus:
 * + and - zoom, 0 fits what is shown, the arrow keys pan.
 */
export function bindCameraControls(renderer: GraphRenderer, canvas: HTMLElement, options: { lasso: Lasso; store: ViewStore }): void {
  const camera = renderer.sigma.getCamera();
  byId("zoom-in").addEventListener("click", () => void renderer.zoom(ZOOM_STEP));
  byId("zoom-out").addEventListener("click", () => void renderer.zoom(1 / ZOOM_STEP));
  byId("zoom-fit").addEventListener("click", () => void renderer.fit(null));
  byId("zoom-reset").addEventListener("click", () => void camera.reset({ duration: 300 }));
  const lassoButton = byId("lasso-tool");
  lassoButton.addEventListener("click", () => {
    const active = !options.lasso.active;
    options.lasso.setActive(active);
    lassoButton.setAttribute("aria-pressed", String(active));
  });
  canvas.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
    const actions: Record<string, () => unknown> = {
      "+": () => renderer.zoom(ZOOM_STEP),
      "=": () => renderer.zoom(ZOOM_STEP),
      "-": () => renderer.zoom(1 / ZOOM_STEP),
      _: () => renderer.zoom(1 / ZOOM_STEP),
      "0": () => renderer.fit(null),
      ArrowLeft: () => renderer.pan(-PAN_STEP, 0),
      ArrowRight: () => renderer.pan(PAN_STEP, 0),
      ArrowUp: () => renderer.pan(0, -PAN_STEP),
      ArrowDown: () => renderer.pan(0, PAN_STEP),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    void action();
  });
}
