import type { Stats } from "../api.ts";
import { byId } from "../dom.ts";
import type { ViewStore } from "../state/url-state.ts";

const DISMISSED_KEY = "kg-intro-dismissed";

/** The first screen's card: what the graph is (with its size) and what to do; dismissed once, it stays away. */
export class Intro {
  private readonly root = byId("intro");

  constructor(
    private readonly store: ViewStore,
    private readonly stats: () => Stats | null,
  ) {
    const state = store.get();
    const dismissed = window.localStorage.getItem(DISMISSED_KEY) === "1";
    this.root.hidden = dismissed || state.view !== "graph" || state.node !== null || state.article !== null;
    byId("intro-dismiss").addEventListener("click", () => {
      window.localStorage.setItem(DISMISSED_KEY, "1");
      this.hide();
    });
    byId("intro-compare").addEventListener("click", () => {
      this.hide();
      this.store.update({ view: "compare" });
    });
    this.update();
  }

  hide(): void {
    this.root.hidden = true;
  }

  update(): void {
    const stats = this.stats();
    byId("intro-counts").textContent = stats
      ? `Built from ${stats.articles.toLocaleString("en")} articles: ${stats.nodes.toLocaleString("en")} nodes, ${stats.edges.toLocaleString("en")} relations.`
      : "";
  }
}
