import { clear, el } from "../dom.ts";

const STORAGE_KEY = "kg-saved-views";

export type SavedView = { name: string; search: string; savedAt: string };

export function loadSavedViews(storage: Storage = window.localStorage): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed)
      ? parsed.filter((v): v is SavedView => typeof v?.name === "string" && typeof v?.search === "string" && v.search.length < 20_000)
      : [];
  } catch {
    return [];
  }
}

function storeViews(views: SavedView[]): void {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(views));
}

/**
 * Saved views: the current view (its URL state: selection, filters, appearance, camera, Compare inputs) kept under a
 * name in this browser, and a shareable link to the current view.
 */
export class SavedViewsPanel {
  private readonly list: HTMLUListElement;
  private readonly nameInput: HTMLInputElement;

  constructor(
    root: HTMLElement,
    private readonly open: (search: string) => void,
  ) {
    this.nameInput = el("input", { attrs: { id: "view-name", type: "text", placeholder: "Name this view", autocomplete: "off", maxlength: "80" } });
    const form = el(
      "form",
      { className: "saved-view-form", attrs: { id: "save-view-form" } },
      el("label", { className: "visually-hidden", attrs: { for: "view-name" } }, "View name"),
      this.nameInput,
      el("button", { attrs: { type: "submit", id: "save-view" } }, "Save view"),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.save(this.nameInput.value.trim());
    });
    this.list = el("ul", { className: "saved-views", attrs: { id: "saved-views" } });
    clear(root);
    root.append(el("h2", {}, "Saved views"), form, this.list);
    this.renderList();
  }

  private save(name: string): void {
    if (!name) {
      this.nameInput.focus();
      return;
    }
    const views = loadSavedViews().filter((v) => v.name !== name);
    views.unshift({ name, search: window.location.search, savedAt: new Date().toISOString() });
    storeViews(views.slice(0, 50));
    this.nameInput.value = "";
    this.renderList();
  }

  private renderList(): void {
    clear(this.list);
    const views = loadSavedViews();
    if (views.length === 0) this.list.append(el("li", { className: "muted" }, "None yet: name the current view and save it."));
    for (const view of views) {
      const link = el("a", { attrs: { href: `${window.location.pathname}${view.search}`, "data-view-name": view.name } }, view.name);
      link.addEventListener("click", (event) => {
        event.preventDefault();
        this.open(view.search);
      });
      const remove = el("button", { className: "link-button", attrs: { type: "button", "aria-label": `Delete view ${view.name}` } }, "delete");
      remove.addEventListener("click", () => {
        storeViews(loadSavedViews().filter((v) => v.name !== view.name));
        this.renderList();
      });
      this.list.append(el("li", {}, link, " ", el("span", { className: "muted" }, view.savedAt.slice(0, 10)), " ", remove));
    }
  }
}
