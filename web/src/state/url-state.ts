export type ViewName = "graph" | "compare" | "console";
const VIEWS: readonly ViewName[] = ["graph", "compare", "console"];

/** What a shared link restores: the view, the selection, the open article or timeline, the filters and the analyst inputs. */
export type ViewState = {
  view: ViewName;
  /** Compare view: the topic and the actors, in column order. */
  topic: string | null;
  actors: string[];
  /** Timeline panel: of one actor or of one topic (at most one is set). */
  timelineActor: string | null;
  timelineTopic: string | null;
  /** Console: the Cypher in the editor. */
  query: string | null;
  node: string | null;
  article: string | null;
  /** Hidden categories (unchecked boxes); empty = everything shown. */
  hiddenTypes: string[];
  hiddenRelations: string[];
  hiddenSources: string[];
  from: string | null;
  to: string | null;
  /** How many nodes to load (most connected first); null = the overview's default. */
  nodeLimit: number | null;
};

const LIST_KEYS = { hiddenTypes: "hideTypes", hiddenRelations: "hideRels", hiddenSources: "hideSources" } as const;

export function readViewState(search: string = window.location.search): ViewState {
  const params = new URLSearchParams(search);
  const list = (key: string) => (params.get(key) ?? "").split(",").filter((s) => s.length > 0);
  const date = (key: string) => {
    const value = params.get(key);
    return value && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) ? value : null;
  };
  const view = params.get("view");
  return {
    view: VIEWS.includes(view as ViewName) ? (view as ViewName) : "graph",
    topic: params.get("topic"),
    actors: list("actors"),
    timelineActor: params.get("timelineActor"),
    timelineTopic: params.get("timelineTopic"),
    query: params.get("query"),
    node: params.get("node"),
    article: params.get("article"),
    hiddenTypes: list(LIST_KEYS.hiddenTypes),
    hiddenRelations: list(LIST_KEYS.hiddenRelations),
    hiddenSources: list(LIST_KEYS.hiddenSources),
    from: date("from"),
    to: date("to"),
    nodeLimit: /^\d{1,6}$/.test(params.get("limit") ?? "") && Number(params.get("limit")) > 0 ? Number(params.get("limit")) : null,
  };
}

export function toSearch(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.view !== "graph") params.set("view", state.view);
  if (state.topic) params.set("topic", state.topic);
  if (state.actors.length > 0) params.set("actors", state.actors.join(","));
  if (state.timelineActor) params.set("timelineActor", state.timelineActor);
  if (state.timelineTopic) params.set("timelineTopic", state.timelineTopic);
  if (state.query) params.set("query", state.query);
  if (state.node) params.set("node", state.node);
  if (state.article) params.set("article", state.article);
  for (const [field, key] of Object.entries(LIST_KEYS) as [keyof typeof LIST_KEYS, string][]) {
    if (state[field].length > 0) params.set(key, state[field].join(","));
  }
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.nodeLimit !== null) params.set("limit", String(state.nodeLimit));
  const text = params.toString();
  return text ? `?${text}` : "";
}

type Listener = (state: ViewState) => void;

/** The single source of truth for the view; every change is mirrored into the URL (replaceState, no reload). */
export class ViewStore {
  private state: ViewState;
  private readonly listeners: Listener[] = [];

  constructor(initial: ViewState = readViewState()) {
    this.state = initial;
  }

  get(): ViewState {
    return this.state;
  }

  update(patch: Partial<ViewState>): void {
    this.state = { ...this.state, ...patch };
    const search = toSearch(this.state);
    if (search !== window.location.search) window.history.replaceState(null, "", `${window.location.pathname}${search}`);
    for (const listener of this.listeners) listener(this.state);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }
}
