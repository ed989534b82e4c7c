import type { Timeline, TimelineEvent } from "../api.ts";
import { append, clear, el, safeHref } from "../dom.ts";
import { hostOf } from "./article-panel.ts";

export type TimelineActions = {
  close(): void;
  selectNode(id: string): void;
  openArticle(articleId: string, highlight?: { start: number; end: number }): void;
};

function eventItem(event: TimelineEvent, actions: TimelineActions): HTMLElement {
  const name = (id: string | null, text: string | null) =>
    id && text
      ? el("button", { className: "link-button", attrs: { type: "button" }, on: { click: () => actions.selectNode(id) } }, text)
      : (text ?? "?");
  const meta = el("div", { className: "relation-meta" });
  if (event.articleId) {
    const articleId = event.articleId;
    const span = typeof event.start === "number" && typeof event.end === "number" ? { start: event.start, end: event.end } : undefined;
    meta.append(
      el("button", { className: "link-button", attrs: { type: "button", title: "Open the sentence in the article" }, on: { click: () => actions.openArticle(articleId, span) } }, event.articleTitle ?? articleId),
    );
  }
  if (event.source) meta.append(` · ${event.source}`);
  const href = safeHref(event.url);
  if (href) meta.append(" · ", el("a", { className: "original", attrs: { href, target: "_blank", rel: "noopener noreferrer", title: "The original article" } }, `${hostOf(href)} ↗`));
  return el(
    "li",
    { className: "timeline-event relation" },
    el("time", { className: "timeline-date" }, event.date ?? "undated"),
    el("div", {}, name(event.subjectId, event.subject), ` ${event.relation} `, name(event.objectId, event.object), event.stance ? ` (${event.stance})` : ""),
    event.quote ? el("blockquote", { className: "quote" }, event.quote) : null,
    meta,
  );
}

/** The side panel for a timeline: the actor's or topic's events by date, each with its quote and source. */
export function renderTimelinePanel(root: HTMLElement, timeline: Timeline, actions: TimelineActions): void {
  clear(root);
  const header = el(
    "header",
    { className: "panel-header" },
    el("h2", { attrs: { id: "panel-title" } }, `Timeline: ${timeline.subject.name}`),
    el("button", { className: "close", attrs: { type: "button", "aria-label": "Close timeline" }, on: { click: () => actions.close() } }, "×"),
  );
  const list = el("ol", { className: "relations timeline", attrs: { id: "timeline-events" } });
  for (const event of timeline.events) list.append(eventItem(event, actions));
  root.setAttribute("aria-labelledby", "panel-title");
  append(
    root,
    header,
    el(
      "p",
      { className: "muted" },
      timeline.truncated
        ? `The newest ${timeline.events.length} of ${timeline.total.toLocaleString("en")} events, oldest first`
        : `${timeline.events.length} event${timeline.events.length === 1 ? "" : "s"}, oldest first`,
    ),
    timeline.subject.note ? el("p", { className: "muted" }, timeline.subject.note) : null,
    timeline.events.length > 0 ? list : el("p", { className: "muted" }, "No dated or undated events recorded."),
  );
}
