import { api, type SearchHit } from "../api.ts";
import { clear, el } from "../dom.ts";
import { colorOf } from "../graph/colors.ts";

/** Search box with an accessible autocomplete list (arrows, Enter, Escape); choosing a hit calls onChoose. */
export function setupSearch(input: HTMLInputElement, list: HTMLUListElement, onChoose: (hit: SearchHit) => void): void {
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: number | undefined;
  let generation = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    input.value = hit.name;
    close();
    onChoose(hit);
  };
  const paint = () => {
    clear(list);
    hits.forEach((hit, index) => {
      const dot = el("span", { className: "swatch", attrs: { "aria-hidden": "true" } });
      dot.style.background = colorOf(hit.type);
      const item = el(
        "li",
        { attrs: { role: "option", id: `search-hit-${index}`, "aria-selected": String(index === active), "data-id": hit.id } },
        dot,
        hit.name,
        " ",
        el("span", { className: "muted" }, hit.type),
      );
      item.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(hit);
      });
      list.append(item);
    });
    if (hits.length === 0 && input.value.trim()) list.append(el("li", { className: "muted", attrs: { role: "option", "aria-disabled": "true" } }, "No match"));
    list.hidden = input.value.trim().length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
    if (active >= 0) input.setAttribute("aria-activedescendant", `search-hit-${active}`);
  };
  const query = async () => {
    const text = input.value.trim();
    const mine = ++generation;
    if (!text) {
      hits = [];
      close();
      return;
    }
    try {
      const result = await api.search(text);
      if (mine !== generation) return;
      hits = result.hits;
      active = hits.length > 0 ? 0 : -1;
      paint();
    } catch {
      hits = [];
      paint();
    }
  };
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(query, 120);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (hits.length === 0) return;
      active = (active + (event.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      paint();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (hits.length > 0) choose(hits[Math.max(active, 0)]);
      else void query().then(() => choose(hits[0]));
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => window.setTimeout(close, 150));
}
