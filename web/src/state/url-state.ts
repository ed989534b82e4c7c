export type ViewName = "graph" | "compare" | "console";
export type SizeMetric = "degree" | "weightedDegree" | "pagerank" | "betweenness";
export type ColorScheme = "type" | "community";
export type LabelMode = "name" | "type" | "none";
export type CameraState = { x: number; y: number; ratio: number };

const VIEWS: readonly ViewName[] = ["graph", "compare", "console"];
export const SIZE_METRICS: readonly SizeMetric[] = ["degree", "weightedDegree", "pagerank", "betweenness"];
export const COLOR_SCHEMES: readonly ColorScheme[] = ["type", "community"];
export const LABEL_MODES: readonly LabelMode[] = ["name", "type", "none"];

/**
 * Everything a link restores: the view, the selection, the open panel (node, article with its quote, timeline,
 * article list), the filters, the appearance, the camera and the analyst inputs. The one source of truth for the
 * explorer; every change goes through ViewStore, which mirrors it into the URL and the browser's history.
 */
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
  /** The node whose details the panel shows. */
  node: string | null;
  /** Several nodes selected at once (shift-click, lasso). */
  selected: string[];
  article: string | null;
  /** The quote to highlight in the open article (offsets in its body). */
  quote: { start: number; end: number } | null;
  /** "articles": the panel lists the articles. */
  panel: "articles" | null;
  /** Nodes the user hid, pinned in place, or expanded (their neighbours loaded). */
  hiddenNodes: string[];
  pinned: string[];
  expanded: string[];
  /** Hidden categories (unchecked boxes); empty = everything shown. */
  hiddenTypes: string[];
  hiddenRelations: string[];
  hiddenSources: string[];
  from: string | null;
  to: string | null;
  /** Facts below this extraction confidence (0-1) are hidden. */
  minConfidence: number | null;
  /** Facts reported by fewer articles than this are hidden. */
  minArticles: number | null;
  sizeBy: SizeMetric;
  colorBy: ColorScheme;
  labels: LabelMode;
  camera: CameraState | null;
  /** How many nodes to load (most connected first); null = the overview's default. */
  nodeLimit: number | null;
};

const LIST_KEYS = {
  actors: "actors",
  selected: "sel",
  hiddenNodes: "hide",
  pinned: "pin",
  expanded: "expand",
  hiddenTypes: "hideTypes",
  hiddenRelations: "hideRels",
  hiddenSources: "hideSources",
} as const;
type ListField = keyof typeof LIST_KEYS;

export const DEFAULT_STATE: ViewState = {
  view: "graph",
  topic: null,
  actors: [],
  timelineActor: null,
  timelineTopic: null,
  query: null,
  node: null,
  selected: [],
  article: null,
  quote: null,
  panel: null,
  hiddenNodes: [],
  pinned: [],
  expanded: [],
  hiddenTypes: [],
  hiddenRelations: [],
  hiddenSources: [],
  from: null,
  to: null,
  minConfidence: null,
  minArticles: null,
  sizeBy: "degree",
  colorBy: "type",
  labels: "name",
  camera: null,
  nodeLimit: null,
};

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T => (values.includes(value as T) ? (value as T) : fallback);

export function readViewState(search: string = window.location.search): ViewState {
  const params = new URLSearchParams(search);
  const list = (key: string) => [...new Set((params.get(key) ?? "").split(",").filter((s) => s.length > 0))];
  const date = (key: string) => {
    const value = params.get(key);
    return value && DATE.test(value) ? value : null;
  };
  const number = (key: string, min: number, max: number) => {
    const value = Number(params.get(key) ?? Number.NaN);
    return params.get(key) !== null && Number.isFinite(value) && value >= min && value <= max ? value : null;
  };
  const quote = /^(\d{1,9})-(\d{1,9})$/.exec(params.get("quote") ?? "");
  const camera = (params.get("cam") ?? "").split(",").map(Number);
  const lists = Object.fromEntries(Object.entries(LIST_KEYS).map(([field, key]) => [field, list(key)])) as Record<ListField, string[]>;
  return {
    ...DEFAULT_STATE,
    ...lists,
    view: oneOf(VIEWS, params.get("view"), "graph"),
    topic: params.get("topic"),
    timelineActor: params.get("timelineActor"),
    timelineTopic: params.get("timelineTopic"),
    query: params.get("query"),
    node: params.get("node"),
    article: params.get("article"),
    quote: quote && Number(quote[1]) < Number(quote[2]) ? { start: Number(quote[1]), end: Number(quote[2]) } : null,
    panel: params.get("panel") === "articles" ? "articles" : null,
    from: date("from"),
    to: date("to"),
    minConfidence: number("minConf", 0, 1),
    minArticles: number("minArticles", 1, 1000),
    sizeBy: oneOf(SIZE_METRICS, params.get("size"), "degree"),
    colorBy: oneOf(COLOR_SCHEMES, params.get("color"), "type"),
    labels: oneOf(LABEL_MODES, params.get("labels"), "name"),
    camera: camera.length === 3 && camera.every(Number.isFinite) && camera[2]! > 0 ? { x: camera[0]!, y: camera[1]!, ratio: camera[2]! } : null,
    nodeLimit: /^\d{1,6}$/.test(params.get("limit") ?? "") && Number(params.get("limit")) > 0 ? Number(params.get("limit")) : null,
  };
}

const round = (n: number) => String(Math.round(n * 10_000) / 10_000);

export function toSearch(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.view !== "graph") params.set("view", state.view);
  if (state.topic) params.set("topic", state.topic);
  if (state.timelineActor) params.set("timelineActor", state.timelineActor);
  if (state.timelineTopic) params.set("timelineTopic", state.timelineTopic);
  if (state.query) params.set("query", state.query);
  if (state.node) params.set("node", state.node);
  if (state.article) params.set("article", state.article);
  if (state.article && state.quote) params.set("quote", `${state.quote.start}-${state.quote.end}`);
  if (state.panel) params.set("panel", state.panel);
  for (const [field, key] of Object.entries(LIST_KEYS) as [ListField, string][]) {
    if (state[field].length > 0) params.set(key, state[field].join(","));
  }
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.minConfidence !== null) params.set("minConf", String(state.minConfidence));
  if (state.minArticles !== null) params.set("minArticles", String(state.minArticles));
  if (state.sizeBy !== "degree") params.set("size", state.sizeBy);
  if (state.colorBy !== "type") params.set("color", state.colorBy);
  if (state.labels !== "name") params.set("labels", state.labels);
  if (state.nodeLimit !== null) params.set("limit", String(state.nodeLimit));
  if (state.camera) params.set("cam", [state.camera.x, state.camera.y, state.camera.ratio].map(round).join(","));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Where a change came from: the user's own action, or the browser's Back/Forward. */
export type ChangeSource = "user" | "history";
type Listener = (state: ViewState, previous: ViewState, source: ChangeSource) => void;

/**
 * The single source of truth for the view. A change the user makes is a new history entry (Back undoes it);
 * camera moves, typing and playback only replace the current entry. Back and Forward restore the state of the entry.
 */
export class ViewStore {
  private state: ViewState;
  private readonly listeners: Listener[] = [];

  constructor(initial: ViewState = readViewState()) {
    this.state = initial;
    window.addEventListener("popstate", () => this.set(readViewState(), "history"));
  }

  get(): ViewState {
    return this.state;
  }

  /** Applies a change; `history: "replace"` keeps it in the current history entry. */
  update(patch: Partial<ViewState>, options: { history?: "push" | "replace" } = {}): void {
    const next = { ...this.state, ...patch };
    const search = toSearch(next);
    if (search !== window.location.search) {
      const url = `${window.location.pathname}${search}`;
      // The camera is not what an entry is about: a new entry keeps it only as where the view was.
      if (options.history === "replace") window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    }
    this.set(next, "user");
  }

  /** Opens another state (a saved view, a link) as a new history entry, applied as Back/Forward would apply it. */
  navigate(search: string): void {
    window.history.pushState(null, "", `${window.location.pathname}${search}`);
    this.set(readViewState(search), "history");
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  private set(next: ViewState, source: ChangeSource): void {
    const previous = this.state;
    this.state = next;
    for (const listener of this.listeners) listener(next, previous, source);
  }
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
