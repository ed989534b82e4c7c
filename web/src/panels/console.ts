import { collectGraph, type GraphNodeValue, type GraphRelationshipValue } from "../../../src/analysis/graph-values.ts";
import { ApiError, type JsonValue, type QueryResult, type SavedQuery } from "../api.ts";
import { clear, el } from "../dom.ts";
import { CypherEditor } from "../editor/cypher-editor.ts";

export type QueryGraph = { nodes: GraphNodeValue[]; relationships: GraphRelationshipValue[] };

export type ConsoleActions = {
  run(query: string, params: Record<string, unknown>, limit: number): Promise<QueryResult>;
  /** Called after each successful run; an empty graph clears the previous one from the view. */
  showGraph(graph: QueryGraph): void;
  /** Records the last run query (URL state). */
  remember(query: string): void;
};

const DEFAULT_LIMIT = 1000;

function nodeName(node: GraphNodeValue): string {
  const p = node.properties;
  const name = typeof p.name === "string" ? p.name : typeof p.title === "string" ? p.title : typeof p.id === "string" ? p.id : node.elementId;
  return `(${node.labels.map((l) => `:${l}`).join("")} ${name})`;
}

/** A cell as text: nodes, relationships and paths in Cypher-like notation, other values as JSON. */
export function cellText(value: JsonValue): string {
  if (value === null) return "null";
  if (typeof value !== "object") return String(value);
  if (!Array.isArray(value)) {
    if (value._kind === "node") return nodeName(value as GraphNodeValue);
    if (value._kind === "relationship") return `[:${String(value.type)}]`;
    if (value._kind === "path") {
      const found = { nodes: new Map<string, GraphNodeValue>(), relationships: new Map<string, GraphRelationshipValue>() };
      collectGraph(value, found);
      return `path of ${found.relationships.size}: ${[...found.nodes.values()].map(nodeName).join(" – ")}`;
    }
  }
  return JSON.stringify(value);
}

/** The Cypher console: editor, saved-query menu, parameters, and the result as a table (and a graph when it has one). */
export class QueryConsole {
  private readonly editor: CypherEditor;
  private readonly savedSelect: HTMLSelectElement;
  private readonly paramsInput: HTMLTextAreaElement;
  private readonly limitInput: HTMLInputElement;
  private readonly output: HTMLElement;
  private readonly runButton: HTMLButtonElement;
  private saved: SavedQuery[] = [];

  constructor(
    readonly root: HTMLElement,
    initialQuery: string,
    private readonly actions: ConsoleActions,
  ) {
    clear(root);
    this.savedSelect = el("select", { attrs: { id: "saved-queries", "aria-label": "Saved queries" } }, el("option", { attrs: { value: "" } }, "Saved queries…"));
    this.savedSelect.addEventListener("change", () => this.loadSaved(this.savedSelect.value));
    this.runButton = el("button", { attrs: { type: "button", id: "run-query", title: "Run (Ctrl+Enter)" }, on: { click: () => void this.run() } }, "Run");
    this.limitInput = el("input", { attrs: { id: "query-limit", type: "number", min: "1", max: String(DEFAULT_LIMIT), value: String(DEFAULT_LIMIT), "aria-label": "Row limit" } });
    this.paramsInput = el("textarea", { attrs: { id: "query-params", rows: "2", spellcheck: "false", "aria-label": "Parameters as JSON" } });
    this.paramsInput.value = "{}";
    const editorHost = el("div", { className: "cypher-editor", attrs: { id: "cypher-editor" } });
    this.output = el("div", { className: "query-output", attrs: { id: "query-output", "aria-live": "polite" } });
    root.append(
      el(
        "div",
        { className: "console-bar" },
        el("h2", {}, "Cypher console"),
        el("span", { className: "muted" }, "read-only"),
        this.savedSelect,
        el("label", {}, "Limit ", this.limitInput),
        this.runButton,
      ),
      editorHost,
      el("label", { className: "params-label" }, "Parameters (JSON) ", this.paramsInput),
      this.output,
    );
    this.editor = new CypherEditor(editorHost, initialQuery, () => void this.run());
  }

  get query(): string {
    return this.editor.text;
  }

  /** Puts a query in the editor (Back to an earlier query). */
  setQuery(query: string): void {
    if (this.editor.text !== query) this.editor.text = query;
  }

  setSavedQueries(queries: SavedQuery[]): void {
    this.saved = queries;
    for (const q of queries) this.savedSelect.append(el("option", { attrs: { value: q.name, title: q.description } }, q.title));
  }

  loadSaved(name: string): void {
    const q = this.saved.find((s) => s.name === name);
    if (!q) return;
    this.editor.text = q.cypher;
    const params: Record<string, unknown> = {};
    for (const p of q.params) params[p.name] = p.example ?? null;
    this.paramsInput.value = JSON.stringify(params, null, 1);
  }

  private showError(title: string, message: string, detail?: string): void {
    clear(this.output);
    this.output.append(
      el("div", { className: "query-error", attrs: { role: "alert" } }, el("strong", {}, title), el("p", {}, message), detail ? el("p", { className: "muted" }, detail) : null),
    );
  }

  async run(): Promise<void> {
    const query = this.editor.text.trim();
    if (!query) return;
    let params: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(this.paramsInput.value.trim() || "{}");
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("parameters must be a JSON object");
      params = parsed as Record<string, unknown>;
    } catch (error) {
      this.showError("Bad parameters", `${(error as Error).message}. Write them as a JSON object, e.g. {"topic": "peacekeeping"}.`);
      return;
    }
    const limit = Math.max(1, Math.min(DEFAULT_LIMIT, Number(this.limitInput.value) || DEFAULT_LIMIT));
    this.actions.remember(query);
    this.runButton.disabled = true;
    clear(this.output);
    this.output.append(el("p", { className: "muted" }, "Running…"));
    try {
      const result = await this.actions.run(query, params, limit);
      this.renderResult(result);
    } catch (error) {
      if (error instanceof ApiError && error.code === "query_refused") {
        this.showError("Refused: the console only reads", error.message, error.clause ? `Refused clause: ${error.clause}` : undefined);
      } else if (error instanceof ApiError && error.code === "query_timeout") {
        this.showError("Timed out", error.message);
      } else {
        this.showError("The query failed", (error as Error).message);
      }
      this.actions.showGraph({ nodes: [], relationships: [] });
    } finally {
      this.runButton.disabled = false;
    }
  }

  private renderResult(result: QueryResult): void {
    clear(this.output);
    const found = { nodes: new Map<string, GraphNodeValue>(), relationships: new Map<string, GraphRelationshipValue>() };
    for (const row of result.rows) collectGraph(row, found);
    const summary = `${result.rows.length} row${result.rows.length === 1 ? "" : "s"} in ${result.elapsedMs} ms` +
      (found.nodes.size > 0 ? ` · ${found.nodes.size} nodes and ${found.relationships.size} relationships shown in the graph` : "");
    const reset = found.nodes.size > 0
      ? el("button", { className: "link-button", attrs: { type: "button", id: "query-graph-reset" }, on: { click: () => this.actions.showGraph({ nodes: [], relationships: [] }) } }, "show the whole graph")
      : null;
    this.output.append(el("p", { className: "muted", attrs: { id: "query-summary" } }, summary, reset ? " · " : null, reset));
    if (result.truncated) {
      this.output.append(el("p", { className: "query-truncated", attrs: { role: "status" } }, `Result cut at ${result.limit} rows: the query returned more.`));
    }
    const head = el("tr", {}, ...result.columns.map((c) => el("th", { attrs: { scope: "col" } }, c)));
    const body = el("tbody");
    for (const row of result.rows) body.append(el("tr", {}, ...result.columns.map((c) => el("td", {}, cellText(row[c] ?? null)))));
    this.output.append(el("div", { className: "table-scroll" }, el("table", { className: "data-table", attrs: { id: "query-table" } }, el("thead", {}, head), body)));
    this.actions.showGraph({ nodes: [...found.nodes.values()], relationships: [...found.relationships.values()] });
  }
}
