import type { CompareResult, TopicSummary } from "../api.ts";
import { append, clear, el, safeHref } from "../dom.ts";

type Column = CompareResult["columns"][number];
type Evidence = Column["evidence"][number];

export type CompareActions = {
  /** Runs the comparison (and records topic and actors in the URL). */
  compare(topic: string, actors: string[]): void;
  showTopicTimeline(topic: string): void;
  showActorTimeline(actor: string): void;
  openArticle(articleId: string): void;
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

/** Dated facts first, oldest first, so a change of position reads top to bottom. */
function byDate(a: Evidence, b: Evidence): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

function evidenceItem(item: Evidence, actions: CompareActions): HTMLElement {
  const meta = el("div", { className: "relation-meta" });
  if (item.articleId) {
    const articleId = item.articleId;
    meta.append(
      el("button", { className: "link-button", attrs: { type: "button" }, on: { click: () => actions.openArticle(articleId) } }, item.articleTitle ?? articleId),
    );
  }
  if (item.source) meta.append(` · ${item.source}`);
  meta.append(` · ${item.date ?? "undated"}`);
  const href = safeHref(item.url);
  if (href) meta.append(" · ", el("a", { attrs: { href, target: "_blank", rel: "noopener noreferrer" } }, "source"));
  const what = item.proposalName ? `${item.relation} ${item.proposalName}` : item.relation;
  return el(
    "li",
    { className: "relation compare-evidence" },
    el("div", {}, stanceBadge(item.position), " ", item.actorName, " — ", what),
    item.quote ? el("blockquote", { className: "quote" }, item.quote) : null,
    meta,
  );
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
  const evidence = el("ul", { className: "relations" });
  for (const item of [...col.evidence].sort(byDate)) evidence.append(evidenceItem(item, actions));
  return el(
    "section",
    { className: "compare-column", attrs: { "data-actor": col.actor.query } },
    el("header", {}, el("h3", {}, col.actor.name), stanceBadge(col.stance)),
    col.actor.note ? el("p", { className: "muted" }, col.actor.note) : null,
    facts,
    el(
      "button",
      { className: "link-button", attrs: { type: "button" }, on: { click: () => actions.showActorTimeline(col.actor.query) } },
      "Timeline",
    ),
    col.members.length > 0 ? el("details", {}, el("summary", {}, "Members' stances"), members) : null,
    col.evidence.length > 0 ? evidence : el("p", { className: "muted" }, "No relation found on this topic."),
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
