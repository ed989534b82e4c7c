import type { CompareResult, TopicSummary } from "../api.ts";
import { append, clear, el, safeHref } from "../dom.ts";
import { hostOf } from "./article-panel.ts";

type Column = CompareResult["columns"][number];
type QuoteGroup = Column["quotes"][number];

export type CompareActions = {
  /** Runs the comparison (and records topic and actors in the URL). */
  compare(topic: string, actors: string[]): void;
  showTopicTimeline(topic: string): void;
  showActorTimeline(actor: string): void;
  openArticle(articleId: string, highlight?: { start: number; end: number }): void;
};

const STANCE_LABELS: Record<string, string> = {
  support: "supports",
  oppose: "opposes",
  conditional: "conditional",
  mixed: "mixed",
  "no position found": "no position found",
};

export function stanceBadge(stance: string): HTMLElement {
  const slug = stance.replace(/\s+/g, "-");
  return el("span", { className: `stance-badge stance-${slug}`, attrs: { "data-stance": stance } }, STANCE_LABELS[stance] ?? stance);
}

const POSITION_ORDER = ["support", "conditional", "mixed", "oppose"] as const;

/** One quote, listed once, with every fact it supports, its article (opened on the quote) and the original's link. */
function quoteCard(group: QuoteGroup, actions: CompareActions): HTMLElement {
  const meta = el("div", { className: "relation-meta" });
  if (group.articleId) {
    const articleId = group.articleId;
    const span = typeof group.start === "number" && typeof group.end === "number" ? { start: group.start, end: group.end } : undefined;
    meta.append(
      el("button", { className: "link-button", attrs: { type: "button", title: "Open the article on this quote" }, on: { click: () => actions.openArticle(articleId, span) } }, group.articleTitle ?? articleId),
    );
  }
  if (group.source) meta.append(` · ${group.source}`);
  meta.append(` · ${group.date ?? "undated"}`);
  const href = safeHref(group.url);
  if (href) meta.append(" · ", el("a", { className: "original", attrs: { href, target: "_blank", rel: "noopener noreferrer", title: "The original article" } }, `${hostOf(href)} ↗`));
  const facts = el("ul", { className: "quote-facts" });
  for (const fact of group.facts) {
    const what = fact.proposalName ? `${fact.relation} ${fact.proposalName}` : fact.relation === "HAS_STANCE" ? "stance on the topic" : fact.relation;
    facts.append(el("li", {}, stanceBadge(fact.position), " ", fact.actorName, " — ", what));
  }
  return el(
    "li",
    { className: "relation compare-evidence" },
    facts,
    group.quote ? el("blockquote", { className: "quote" }, group.quote) : null,
    meta,
  );
}

/** How the column's stance was derived: counts by position, the latest and the strongest fact, and the rule applied. */
function explanation(col: Column): HTMLElement {
  const e = col.explanation;
  const counts = POSITION_ORDER.filter((p) => (e.counts[p] ?? 0) > 0).map((p) => `${e.counts[p]} ${STANCE_LABELS[p] ?? p}`);
  const fact = (f: { relation: string; proposalName: string | null }) => (f.proposalName ? `${f.relation} ${f.proposalName}` : f.relation === "HAS_STANCE" ? "stance" : f.relation);
  const list = el("dl", { className: "facts compare-explanation" });
  list.append(el("dt", {}, "Facts"), el("dd", { className: "explain-counts" }, counts.length ? counts.join(", ") : "none"));
  if (e.latest) list.append(el("dt", {}, "Latest"), el("dd", { className: "explain-latest" }, stanceBadge(e.latest.position), ` ${fact(e.latest)}, ${e.latest.date}`));
  if (e.strongest) list.append(el("dt", {}, "Strongest"), el("dd", { className: "explain-strongest" }, stanceBadge(e.strongest.position), ` ${fact(e.strongest)}, confidence ${e.strongest.confidence.toFixed(2)}`));
  list.append(el("dt", {}, "Rule"), el("dd", { className: "explain-rule" }, e.rule));
  return el("details", { className: "stance-why", attrs: { open: "" } }, el("summary", {}, "Why ", stanceBadge(col.stance)), list);
}

function column(col: Column, actions: CompareActions): HTMLElement {
  const facts = el("dl", { className: "facts" });
  facts.append(el("dt", {}, "Since"), el("dd", { className: "compare-since" }, col.since ?? "—"));
  if (col.shift) {
    facts.append(
      el("dt", {}, "Changed"),
      el("dd", { className: "compare-shift" }, stanceBadge(col.shift.from), " → ", stanceBadge(col.shift.to), col.shift.date ? ` on ${col.shift.date}` : ""),
    );
  }
  if (col.actor.kind === "group") facts.append(el("dt", {}, "Members"), el("dd", {}, String(col.actor.memberIds.length)));
  const members = el("ul", { className: "compare-members" });
  for (const m of col.members) members.append(el("li", {}, m.name, " ", stanceBadge(m.stance)));
  const quotes = el("ul", { className: "relations" });
  for (const group of col.quotes) quotes.append(quoteCard(group, actions));
  return el(
    "section",
    { className: "compare-column", attrs: { "data-actor": col.actor.query } },
    el("header", {}, el("h3", {}, col.actor.name), stanceBadge(col.stance)),
    col.actor.note ? el("p", { className: "muted" }, col.actor.note) : null,
    col.evidence.length > 0 ? explanation(col) : null,
    facts,
    el(
      "button",
      { className: "link-button", attrs: { type: "button" }, on: { click: () => actions.showActorTimeline(col.actor.query) } },
      "Timeline",
    ),
    col.members.length > 0 ? el("details", {}, el("summary", {}, "Members' stances"), members) : null,
    col.quotes.length > 0
      ? el("p", { className: "muted" }, col.evidenceCount > col.evidence.length
            ? `${col.quotes.length} quote${col.quotes.length === 1 ? "" : "s"} behind the newest ${col.evidence.length} of ${col.evidenceCount.toLocaleString("en")} facts, oldest first`
            : `${col.quotes.length} quote${col.quotes.length === 1 ? "" : "s"} behind ${col.evidence.length} fact${col.evidence.length === 1 ? "" : "s"}, oldest first`)
      : null,
    col.quotes.length > 0 ? quotes : el("p", { className: "muted" }, "No relation found on this topic."),
  );
}

function proposalsTable(result: CompareResult): HTMLElement | null {
  if (result.proposals.length === 0) return null;
  const names = result.columns.map((c) => c.actor.name);
  const head = el("tr", {}, el("th", { attrs: { scope: "col" } }, "Proposal"), ...names.map((n) => el("th", { attrs: { scope: "col" } }, n)));
  const body = el("tbody");
  for (const row of result.proposals) {
    body.append(
      el(
        "tr",
        { className: row.disputed ? "disputed" : "" },
        el("th", { attrs: { scope: "row" } }, row.proposalName, row.disputed ? el("span", { className: "disputed-flag" }, " disputed") : null),
        ...names.map((n) => el("td", {}, row.positions[n] ? stanceBadge(row.positions[n]) : "—")),
      ),
    );
  }
  return el(
    "section",
    { className: "compare-proposals" },
    el("h3", {}, "Proposals (disputed first)"),
    el("table", { className: "data-table" }, el("thead", {}, head), body),
  );
}

/** The Compare view: a topic, actors side by side (one column each), their stance and the quoted relations behind it. */
export class CompareView {
  private readonly form: HTMLFormElement;
  private readonly topicSelect: HTMLSelectElement;
  private readonly actorsInput: HTMLInputElement;
  private readonly output: HTMLElement;

  constructor(
    readonly root: HTMLElement,
    private readonly actions: CompareActions,
  ) {
    this.topicSelect = el("select", { attrs: { id: "compare-topic", name: "topic", required: "" } });
    this.actorsInput = el("input", {
      attrs: { id: "compare-actors", name: "actors", type: "text", placeholder: "Turkey, Europe, Russia", autocomplete: "off", required: "" },
    });
    this.output = el("div", { attrs: { id: "compare-output", "aria-live": "polite" } });
    const timeline = el("button", { attrs: { type: "button", id: "compare-topic-timeline" } }, "Topic timeline");
    timeline.addEventListener("click", () => {
      if (this.topicSelect.value) this.actions.showTopicTimeline(this.topicSelect.value);
    });
    this.form = el(
      "form",
      { className: "compare-form", attrs: { id: "compare-form" } },
      el("label", {}, "Topic ", this.topicSelect),
      el("label", { className: "grow" }, "Actors ", this.actorsInput),
      el("button", { attrs: { type: "submit" } }, "Compare"),
      timeline,
    );
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      const actors = this.actorsInput.value.split(",").map((s) => s.trim()).filter(Boolean);
      if (this.topicSelect.value && actors.length > 0) this.actions.compare(this.topicSelect.value, actors);
    });
    clear(root);
    root.append(el("h2", {}, "Compare positions"), this.form, this.output);
  }

  setTopics(topics: TopicSummary[], selected: string | null): void {
    clear(this.topicSelect);
    const ids = new Set(topics.map((t) => t.id));
    // A topic from a shared link that the list does not have is still offered (the server resolves names too).
    if (selected && !ids.has(selected)) this.topicSelect.append(el("option", { attrs: { value: selected } }, selected));
    for (const t of topics) {
      const count = t.proposals + t.stances + t.relations;
      this.topicSelect.append(el("option", { attrs: { value: t.id } }, `${t.name} (${count})`));
    }
    if (selected) this.topicSelect.value = selected;
  }

  setInputs(topic: string | null, actors: string[]): void {
    if (topic) this.topicSelect.value = topic;
    this.actorsInput.value = actors.join(", ");
  }

  showMessage(text: string, isError = false): void {
    clear(this.output);
    this.output.append(el("p", { className: isError ? "error-message" : "muted", attrs: isError ? { role: "alert" } : {} }, text));
  }

  render(result: CompareResult): void {
    clear(this.output);
    const columns = el("div", { className: "compare-columns" });
    for (const col of result.columns) columns.append(column(col, this.actions));
    append(this.output, el("p", { className: "muted" }, `Topic: ${result.topic.name}`), proposalsTable(result), columns);
  }
}
