import type { NodeDetail, Relation } from "../api.ts";
import { clear, el, safeHref } from "../dom.ts";
import { colorOf } from "../graph/colors.ts";
import { hostOf } from "./article-panel.ts";

export type NodePanelActions = {
  close(): void;
  expand(id: string): void;
  selectNode(id: string): void;
  openArticle(articleId: string, highlight?: { start: number; end: number }): void;
  /** Opens the actor's timeline (offered for people, organizations and countries). */
  timeline?(actorId: string): void;
  hide?(id: string): void;
  togglePin?(id: string): void;
  isPinned?(id: string): boolean;
};

const ACTOR_TYPES = new Set(["Person", "Organization", "Country"]);

function relationItem(rel: Relation, actions: NodePanelActions): HTMLElement {
  const other = el(
    "button",
    { className: "link-button", attrs: { type: "button" }, on: { click: () => actions.selectNode(rel.other.id) } },
    rel.other.name,
  );
  const arrow = rel.direction === "out" ? "→ " : "← ";
  const meta = el("div", { className: "relation-meta" });
  if (rel.articleId) {
    const articleId = rel.articleId;
    const span = rel.start !== null && rel.end !== null ? { start: rel.start, end: rel.end } : undefined;
    meta.append(
      el(
        "button",
        { className: "link-button", attrs: { type: "button", title: "Open the sentence in the article" }, on: { click: () => actions.openArticle(articleId, span) } },
        rel.articleTitle ?? articleId,
      ),
    );
  }
  if (rel.articleSource) meta.append(` · ${rel.articleSource}`);
  if (rel.date ?? rel.articlePublishedAt) meta.append(` · ${rel.date ?? rel.articlePublishedAt}`);
  const href = safeHref(rel.articleUrl);
  if (href) meta.append(" · ", el("a", { className: "original", attrs: { href, target: "_blank", rel: "noopener noreferrer", title: "The original article" } }, `${hostOf(href)} ↗`));
  return el(
    "li",
    { className: "relation" },
    el("div", {}, arrow, other, rel.stance ? el("span", { className: "stance-note" }, ` (${rel.stance})`) : ""),
    rel.evidence ? el("blockquote", { className: "quote" }, rel.evidence) : null,
    meta,
  );
}

/** The side panel for one node: what it is, its aliases, and every relation with its quote and article. */
export function renderNodePanel(root: HTMLElement, node: NodeDetail, actions: NodePanelActions): void {
  clear(root);
  const swatch = el("span", { className: "swatch", attrs: { "aria-hidden": "true" } });
  swatch.style.background = colorOf(node.type);
  const role = typeof node.properties.role === "string" ? node.properties.role : null;
  const header = el(
    "header",
    { className: "panel-header" },
    el("h2", { attrs: { id: "panel-title" } }, node.name),
    el("button", { className: "close", attrs: { type: "button", "aria-label": "Close details" }, on: { click: () => actions.close() } }, "×"),
  );
  const facts = el("dl", { className: "facts" }, el("dt", {}, "Type"), el("dd", {}, swatch, node.type));
  if (role) facts.append(el("dt", {}, "Role"), el("dd", {}, role));
  if (node.aliases.length > 0) facts.append(el("dt", {}, "Aliases"), el("dd", { className: "aliases" }, node.aliases.join(", ")));
  facts.append(el("dt", {}, "Relations"), el("dd", {}, String(node.degree)));
  const expand = el(
    "button",
    { attrs: { type: "button", id: "expand-neighbors" }, on: { click: () => actions.expand(node.id) } },
    "Expand neighbours",
  );
  const timeline = actions.timeline && ACTOR_TYPES.has(node.type) ? actions.timeline.bind(actions) : null;
  const timelineButton = timeline
    ? el("button", { attrs: { type: "button", id: "open-timeline" }, on: { click: () => timeline(node.id) } }, "Timeline")
    : null;
  const hide = actions.hide
    ? el("button", { attrs: { type: "button", id: "hide-node", title: "Hide this node (Filters › Reset shows it again)" }, on: { click: () => actions.hide!(node.id) } }, "Hide")
    : null;
  const pinned = actions.isPinned?.(node.id) ?? false;
  const pin = actions.togglePin
    ? el("button", { attrs: { type: "button", id: "pin-node", "aria-pressed": String(pinned), title: "Pinned nodes stay in place when the layout runs" }, on: { click: () => actions.togglePin!(node.id) } }, pinned ? "Unpin" : "Pin")
    : null;
  const groups = el("div", { className: "relation-groups" });
  for (const group of node.relations) {
    const list = el("ul", { className: "relations" });
    for (const rel of group.items) list.append(relationItem(rel, actions));
    // A busy node's panel lists each type's newest facts; the count is all of them.
    const more = group.items.length < group.count ? el("p", { className: "muted" }, `The newest ${group.items.length} of ${group.count.toLocaleString("en")}.`) : null;
    groups.append(
      el("details", { attrs: { open: "" }, className: "relation-group" }, el("summary", {}, `${group.type} (${group.count})`), more, list),
    );
  }
  if (node.relations.length === 0) groups.append(el("p", { className: "muted" }, "No relations recorded."));
  root.setAttribute("aria-labelledby", "panel-title");
  root.append(header, facts, el("div", { className: "panel-actions" }, expand, timelineButton, hide, pin), groups);
}
