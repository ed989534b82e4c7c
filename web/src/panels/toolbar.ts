import { byId } from "../dom.ts";
import { isTyping } from "../graph/camera-controls.ts";
import type { ViewName } from "../state/url-state.ts";

export type ToolbarActions = {
  exportPng(): void;
  exportGexf(): void;
  exportCsv(): void;
  showArticles(): void;
  toggleLayout(): void;
  closePanel(): void;
  panelOpen(): boolean;
  showView(view: ViewName, closePanel: boolean): void;
};

const NARROW = "(max-width: 760px)";

/**
 * The header's tools: views, the tools menu (collapsed on narrow screens), the sidebar (a sheet on narrow screens),
 * the export menu, the share box, and the global keys (/ focuses search, Escape closes what is open).
 */
export function bindToolbar(actions: ToolbarActions): void {
  const narrow = window.matchMedia(NARROW);
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-view]")) {
    // On a phone the details sheet would leave Compare and the console a sliver of the screen: it closes.
    button.addEventListener("click", () => actions.showView(button.dataset.view as ViewName, narrow.matches && button.dataset.view !== "graph"));
  }

  const menuToggle = byId("menu-toggle");
  const toolbar = byId("toolbar");
  const setMenuOpen = (open: boolean) => {
    menuToggle.setAttribute("aria-expanded", String(open));
    toolbar.classList.toggle("open", open);
  };
  menuToggle.addEventListener("click", () => setMenuOpen(menuToggle.getAttribute("aria-expanded") !== "true"));

  const sidebar = byId("sidebar");
  const toggleFilters = byId("toggle-filters");
  const setSidebarOpen = (open: boolean) => {
    sidebar.hidden = !open;
    toggleFilters.setAttribute("aria-expanded", String(open));
    // On a phone the sidebar is a sheet over the graph: one sheet at a time.
    if (open && narrow.matches) {
      setMenuOpen(false);
      if (actions.panelOpen()) actions.closePanel();
    }
  };
  setSidebarOpen(!narrow.matches);
  // The legend starts folded on a phone (it would cover a good part of a small graph).
  if (narrow.matches) byId<HTMLDetailsElement>("legend").open = false;
  toggleFilters.addEventListener("click", () => setSidebarOpen(sidebar.hidden === true));
  byId("close-sidebar").addEventListener("click", () => setSidebarOpen(false));
  const panel = byId("panel");
  new MutationObserver(() => {
    if (!panel.hidden && narrow.matches && !sidebar.hidden) setSidebarOpen(false);
  }).observe(panel, { attributes: true, attributeFilter: ["hidden"] });

  byId("toggle-layout").addEventListener("click", () => actions.toggleLayout());
  byId("open-articles").addEventListener("click", () => {
    if (narrow.matches) setMenuOpen(false);
    actions.showArticles();
  });

  const exportButton = byId("export-menu-button");
  const exportMenu = byId("export-menu");
  const setExportOpen = (open: boolean) => {
    exportMenu.hidden = !open;
    exportButton.setAttribute("aria-expanded", String(open));
  };
  exportButton.addEventListener("click", () => setExportOpen(exportMenu.hidden === true));
  const exportItem = (id: string, run: () => void) =>
    byId(id).addEventListener("click", () => {
      setExportOpen(false);
      run();
    });
  exportItem("export-png", actions.exportPng);
  exportItem("export-gexf", actions.exportGexf);
  exportItem("export-csv", actions.exportCsv);
  document.addEventListener("click", (event) => {
    if (!exportMenu.hidden && !(event.target as Element).closest(".menu")) setExportOpen(false);
  });

  const shareButton = byId("share-link");
  const shareBox = byId("share-box");
  const shareUrl = byId<HTMLInputElement>("share-url");
  const shareStatus = byId("share-status");
  shareButton.addEventListener("click", async () => {
    const open = shareBox.hidden;
    shareBox.hidden = !open;
    shareButton.setAttribute("aria-expanded", String(open));
    if (!open) return;
    shareUrl.value = window.location.href;
    shareUrl.focus();
    shareUrl.select();
    try {
      await navigator.clipboard.writeText(shareUrl.value);
      shareStatus.textContent = "Copied to the clipboard.";
    } catch {
      shareStatus.textContent = "Select the link and copy it.";
    }
  });
  window.addEventListener("popstate", () => {
    if (!shareBox.hidden) shareUrl.value = window.location.href;
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      if (!exportMenu.hidden) setExportOpen(false);
      else if (!shareBox.hidden) shareBox.hidden = true;
      else if (narrow.matches && !sidebar.hidden) setSidebarOpen(false);
      else if (actions.panelOpen()) actions.closePanel();
      return;
    }
    // "/" searches, unless one is typing ("/" in the Cypher editor is division or a comment).
    if (event.key === "/" && !isTyping(event) && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      byId("search-input").focus();
    }
  });
}
