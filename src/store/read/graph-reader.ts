import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { z } from "zod";
import { cypher } from "../cypher.ts";
import { createReadDriver, type Neo4jConnection } from "./driver.ts";
import { classifyDriverError } from "../errors.ts";
import { VersionedCache } from "./data-version.ts";
import { buildLuceneQuery } from "./lucene.ts";
import {
  ArticleFactRowSchema,
  ArticleRowSchema,
  ArticleSummaryRowSchema,
  DataVersionRowSchema,
  DateRangeRowSchema,
  FactRowSchema,
  NeighborRowSchema,
  NodeArticleRowSchema,
  NodeHeadRowSchema,
  NodeRowSchema,
  EdgeRowSchema,
  OverviewNodeRowSchema,
  RelationRowSchema,
  SearchRowSchema,
  SourceCountRowSchema,
  StatsRowSchema,
  type EdgeRow,
  type NodeRow,
} from "./rows.ts";
import type {
  ArticleDetail,
  ArticleSummary,
  FactDetail,
  GraphFilter,
  GraphReadStore,
  GraphStats,
  NeighborsRequest,
  NodeDetail,
  SearchHit,
  SerializedGraph,
} from "./types.ts";
import type { GraphAttributes, JsonValue } from "../../server/wire.ts";

/** Every query this reader runs: loaded when the reader is made, so a missing file fails at start-up. */
const QUERIES = [
  "overview-nodes",
  "overview-nodes-of-types",
  "overview-nodes-recent",
  "overview-nodes-in-articles",
  "overview-articles",
  "overview-articles-of-sources",
  "overview-nodes-with-relations",
  "overview-edges",
  "overview-edges-in-articles",
  "neighbors",
  "neighbors-step",
  "node-summary",
  "node",
  "node-relations",
  "node-articles",
  "search",
  "articles",
  "articles-of-source",
  "article",
  "article-facts",
  "facts",
  "stats",
  "source-counts",
  "date-range",
  "data-version",
  "ping",
] as const;
type QueryName = (typeof QUERIES)[number];

/**
 * The bounds that keep every answer's cost tied to its size, not to the graph's. The overview draws at most
 * EDGES_PER_NODE_SHOWN facts per node on average (so its payload stays near 2 MB at 3,000 nodes), each node taking
 * them among the FACTS_SCANNED_PER_NODE facts it was given most recently.
 */
export const READ_BOUNDS = {
  /** Overview: facts each node may bring, on average (2 x 3,000 nodes: at most 6,000 facts, about 1.8 MB with the nodes). */
  edgesPerNodeShown: 2,
  /** Overview: at most this many facts from one node (small graphs show all their facts). */
  maxFactsPerNode: 50,
  /** Overview: facts looked at per node, as a multiple of those it may keep (at least MIN_SCAN). */
  scanFactor: 10,
  minScan: 40,
  /** Overview by source or date: the newest matching articles its nodes and facts come from. */
  filterArticles: 500,
  /** Overview by relation types: candidates looked at, as a multiple of the limit. */
  relationScanFactor: 2,

  /** Node panel: newest facts listed per relation type, and newest articles. */
  relationsPerType: 25,
  nodeArticles: 50,
};
export type ReadBounds = typeof READ_BOUNDS;

const GRAPH_OPTIONS = { type: "directed", multi: true, allowSelfLoops: true } as const;
type Params = Record<string, unknown>;
type Runner = (name: QueryName, params?: Params) => Promise<Record<string, unknown>[]>;

const int = (n: number) => neo4j.int(n);

/** Reads the knowledge graph for the HTTP API. Every query comes from cypher/read/*.cypher, with parameters. */
export class GraphReader implements GraphReadStore {
  private readonly queries: Record<QueryName, string>;
  /** Articles by source, kept until articles are written or deleted (see data-version.ts). */
  private readonly sourceCounts = new VersionedCache<Record<string, number>>();

  private readonly bounds: ReadBounds;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly ownsDriver: boolean,
    /** Smaller bounds let tests reach them on a small graph. */
    bounds: Partial<ReadBounds> = {},
  ) {
    this.bounds = { ...READ_BOUNDS, ...bounds };
    this.queries = Object.fromEntries(QUERIES.map((name) => [name, cypher(`read/${name}`)])) as Record<QueryName, string>;
  }

  /** A reader with its own driver (closed by close()). */
  static open(connection: Neo4jConnection): GraphReader {
    return new GraphReader(createReadDriver(connection), connection.database, true);
  }

  /** A reader on a driver someone else owns (close() leaves it open). */
  static onDriver(driver: Driver, database: string, bounds: Partial<ReadBounds> = {}): GraphReader {
    return new GraphReader(driver, database, false, bounds);
  }

  private async run(name: QueryName, params: Params = {}): Promise<Record<string, unknown>[]> {
    try {
      const result = await this.driver.executeQuery(this.queries[name], params, { database: this.database, routing: neo4j.routing.READ });
      return result.records.map((record) => record.toObject());
    } catch (error) {
      throw classifyDriverError(error);
    }
  }

  /** Several queries in one read transaction: one consistent snapshot of the graph. */
  private async transaction<T>(work: (run: Runner) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx: ManagedTransaction) =>
        work(async (name, params = {}) => (await tx.run(this.queries[name], params)).records.map((record) => record.toObject())),
      );
    } catch (error) {
      throw classifyDriverError(error);
    } finally {
      await session.close();
    }
  }

  async ping(): Promise<void> {
    await this.run("ping");
  }

  /**
   * The overview: the `limit` most connected nodes (or those of the newest articles), then a bounded sample of the
   * facts among them. Nodes come from the degree indexes in order, facts from each node's newest ones: the work and
   * the answer grow with `limit`, not with the graph.
   */
  async graph(filter: GraphFilter): Promise<SerializedGraph> {
    return this.transaction(async (run) => {
      const chosen = await this.overviewNodes(run, filter);
      const nodeRows = z.array(OverviewNodeRowSchema).parse(chosen.rows);
      // Cut: more nodes than the limit, or more matching articles than were read.
      const truncated = nodeRows.length > filter.limit || chosen.articlesCut;
      const nodes = nodeRows.slice(0, filter.limit);
      const shownFacts = Math.min(this.bounds.maxFactsPerNode, Math.max(this.bounds.edgesPerNodeShown, Math.floor((this.bounds.edgesPerNodeShown * filter.limit) / Math.max(nodes.length, 1))));
      const scan = Math.max(this.bounds.minScan, shownFacts * this.bounds.scanFactor);
      const filters = { relationTypes: filter.relationTypes, dateFrom: filter.dateFrom, dateTo: filter.dateTo };
      const elementIds = nodes.map((n) => n.elementId);
      // Under a source or date filter the facts come from the articles the nodes came from (the articleId indexes);
      // otherwise each node brings a few of its newest.
      const edgeRows =
        nodes.length === 0
          ? []
          : chosen.articleIds !== null
            ? await run("overview-edges-in-articles", { ...filters, nodes: elementIds, articleIds: chosen.articleIds, limit: int(this.bounds.edgesPerNodeShown * filter.limit) })
            : await run("overview-edges", { relationTypes: filter.relationTypes, nodes: elementIds, perNode: int(shownFacts), scan: int(scan) });
      const edges = z.array(EdgeRowSchema).parse(edgeRows);
      // A node with more facts than it may bring might have more among the nodes shown (said, never guessed wrong).
      const sampled = chosen.articleIds !== null ? edges.length >= this.bounds.edgesPerNodeShown * filter.limit || chosen.articlesCut : nodes.some((n) => n.degree > shownFacts);
      return serialize(nodes, edges, { truncated, edgesSampled: sampled, order: filter.order });
    });
  }

  /**
   * The overview's candidate nodes in order, one more than the limit (its presence says the overview was cut). With
   * relation types, more candidates are read and those without such a fact dropped.
   */
  private async overviewNodes(
    run: Runner,
    filter: GraphFilter,
  ): Promise<{ rows: Record<string, unknown>[]; articlesCut: boolean; articleIds: string[] | null }> {
    const base = { minDegree: int(filter.minDegree), nodeTypes: filter.nodeTypes };
    const wanted = filter.relationTypes === null ? filter.limit + 1 : filter.limit * this.bounds.relationScanFactor + 1;
    const limit = int(wanted);
    const byArticles = filter.sources !== null || filter.dateFrom !== null || filter.dateTo !== null;
    let rows: Record<string, unknown>[];
    let articlesCut = false;
    let fromArticles: string[] | null = null;
    if (filter.order === "recent" || byArticles) {
      // The newest matching articles (index order), one more than wanted: its presence says there were more.
      // (The "most recent" overview reads about one article per node it shows; a filter's sample is fixed.)
      const cap = filter.order === "recent" ? Math.max(this.bounds.filterArticles, wanted) : this.bounds.filterArticles;
      const window = { ...articleWindow(filter), cap: int(cap + 1) };
      const articleRows =
        filter.sources === null
          ? await run("overview-articles", window)
          : await run("overview-articles-of-sources", { ...window, sources: filter.sources });
      const articleIds = z.array(z.object({ id: z.string() })).parse(articleRows).map((a) => a.id);
      articlesCut = articleIds.length > cap;
      const chosen = { ...base, limit, articleIds: articleIds.slice(0, cap) };
      if (byArticles) fromArticles = chosen.articleIds;
      rows = filter.order === "recent" ? await run("overview-nodes-recent", chosen) : await run("overview-nodes-in-articles", chosen);
    } else if (filter.nodeTypes !== null) {
      rows = await run("overview-nodes-of-types", { ...base, limit });
    } else {
      rows = await run("overview-nodes", { ...base, limit });
    }
    if (filter.relationTypes === null) return { rows, articlesCut, articleIds: fromArticles };
    const candidates = z.array(OverviewNodeRowSchema).parse(rows);
    const keep = await run("overview-nodes-with-relations", { nodes: candidates.map((n) => n.elementId), relationTypes: filter.relationTypes });
    const kept = new Set(keep.map((r) => String(r.elementId)));
    return { rows: candidates.filter((n) => kept.has(n.elementId)).slice(0, filter.limit + 1), articlesCut, articleIds: fromArticles };
  }

  /** One entity or topic: properties, exact counts by relation type, and the newest facts of each type and articles. */
  async node(id: string): Promise<NodeDetail | null> {
    return this.transaction(async (run) => {
      const [headRow] = await run("node", { id });
      if (!headRow) return null;
      const head = NodeHeadRowSchema.parse(headRow);
      const [relationRows, articleRows] = [
        z.array(RelationRowSchema).parse(await run("node-relations", { id, perType: int(this.bounds.relationsPerType) })),
        z.array(NodeArticleRowSchema).parse(await run("node-articles", { id, limit: int(this.bounds.nodeArticles) })),
      ];
      const byType = new Map<string, typeof relationRows>();
      for (const rel of relationRows) byType.set(rel.type, [...(byType.get(rel.type) ?? []), rel]);
      for (const items of byType.values()) items.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
      const relations = Object.entries(head.counts)
        .filter(([, count]) => count > 0)
        .map(([type, count]) => ({ type, count, items: byType.get(type) ?? [] }))
        .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
      const properties = head.properties;
      return {
        id: String(properties.id),
        name: String(properties.name ?? properties.id),
        type: String(properties.type ?? "Topic"),
        labels: head.labels,
        aliases: Array.isArray(properties.aliases) ? properties.aliases.map(String) : [],
        properties: properties as Record<string, JsonValue>,
        degree: relations.reduce((n, r) => n + r.count, 0),
        relations,
        articleCount: head.articleCount,
        articles: articleRows.sort((a, b) => (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "")),
      };
    });
  }

  /**
   * A page of a node's neighbourhood: at depth 1 the facts touching it from `offset` on (newest first), at most
   * `limit`, with the nodes at their other ends; deeper, a few of each new node's newest facts, up to `limit` nodes.
   */
  async neighbors(id: string, request: NeighborsRequest): Promise<SerializedGraph | null> {
    return this.transaction(async (run) => {
      const [rootRow] = await run("node-summary", { id });
      if (!rootRow) return null;
      const root = NodeRowSchema.parse(rootRow.node);
      const nodes = new Map<string, NodeRow>([[root.id, root]]);
      const edges = new Map<string, EdgeRow>();
      const first = z.array(NeighborRowSchema).parse(await run("neighbors", { id, offset: int(request.offset), limit: int(request.limit) }));
      let frontier: string[] = [];
      for (const row of first) {
        if (!nodes.has(row.other.id)) {
          nodes.set(row.other.id, row.other);
          frontier.push(row.other.id);
        }
        edges.set(row.key, row);
      }
      const nextOffset = first.length === request.limit ? request.offset + request.limit : null;
      for (let step = 1; step < request.depth && frontier.length > 0 && nodes.size < request.limit; step++) {
        const perNode = Math.max(1, Math.floor((request.limit - nodes.size) / frontier.length));
        const rows = z.array(NeighborRowSchema).parse(await run("neighbors-step", { ids: frontier, perNode: int(perNode) }));
        const next: string[] = [];
        for (const row of rows) {
          if (!nodes.has(row.other.id)) {
            if (nodes.size >= request.limit) continue;
            nodes.set(row.other.id, row.other);
            next.push(row.other.id);
          }
          edges.set(row.key, row);
        }
        frontier = next;
      }
      const kept = [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target));
      return serialize([...nodes.values()], kept, {
        truncated: nextOffset !== null,
        edgesSampled: nextOffset !== null || request.depth > 1,
        root: id,
        depth: request.depth,
        offset: request.offset,
        nextOffset,
      });
    });
  }

  async search(text: string, limit: number): Promise<SearchHit[]> {
    const q = buildLuceneQuery(text);
    if (q === null) return [];
    const rows = z.array(SearchRowSchema).parse(await this.run("search", { q, limit: int(limit) }));
    return rows.map((r) => ({ id: r.id, name: r.name ?? r.id, type: r.type ?? "", aliases: r.aliases, score: r.score }));
  }

  /** A page of articles, newest first (undated ones last), in index order. */
  async articles(options: { source: string | null; offset: number; limit: number }): Promise<ArticleSummary[]> {
    const page = { offset: int(options.offset), limit: int(options.limit) };
    const rows = options.source === null ? await this.run("articles", page) : await this.run("articles-of-source", { ...page, source: options.source });
    return z.array(ArticleSummaryRowSchema).parse(rows);
  }

  async article(id: string): Promise<ArticleDetail | null> {
    return this.transaction(async (run) => {
      const [row] = await run("article", { id });
      if (!row) return null;
      const { article: props, mentions: mentionRows } = ArticleRowSchema.parse(row);
      const relations = z.array(ArticleFactRowSchema).parse(await run("article-facts", { id }));
      const body = String(props.body ?? "");
      const mentions: ArticleDetail["mentions"] = [];
      for (const m of mentionRows) {
        m.starts.forEach((start, i) => {
          const end = m.ends[i];
          if (end !== undefined && start >= 0 && end <= body.length && start < end) {
            mentions.push({ entityId: m.entityId, name: m.name, type: m.type ?? "", start, end });
          }
        });
      }
      mentions.sort((a, b) => a.start - b.start || b.end - a.end);
      return {
        ...ArticleSummaryRowSchema.parse({ ...props, title: props.title ?? props.id, entityCount: new Set(mentions.map((m) => m.entityId)).size }),
        body,
        language: typeof props.language === "string" ? props.language : null,
        mentions,
        relations: relations.sort((a, b) => (a.start ?? 0) - (b.start ?? 0)),
      };
    });
  }

  async facts(keys: string[]): Promise<FactDetail[]> {
    if (keys.length === 0) return [];
    return z.array(FactRowSchema).parse(await this.run("facts", { keys: [...new Set(keys)] }));
  }

  /** Counts from the count store; articles by source from the source index, kept until the articles change. */
  async stats(): Promise<GraphStats> {
    return this.transaction(async (run) => {
      const [statsRow] = await run("stats");
      const stats = StatsRowSchema.parse(statsRow);
      const range = DateRangeRowSchema.parse((await run("date-range"))[0] ?? { first: null, last: null });
      const sources = await this.sourcesOf(run, stats.articles);
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      return {
        nodes: sum(stats.nodeTypes),
        edges: sum(stats.relationTypes),
        articles: stats.articles,
        nodeTypes: Object.fromEntries(Object.entries(stats.nodeTypes).filter(([, n]) => n > 0)),
        relationTypes: Object.fromEntries(Object.entries(stats.relationTypes).filter(([, n]) => n > 0)),
        sources,
        dateRange: range,
      };
    });
  }

  private async sourcesOf(run: Runner, articles: number): Promise<Record<string, number>> {
    const version = JSON.stringify(DataVersionRowSchema.parse((await run("data-version"))[0]));
    return this.sourceCounts.get(version, async () => {
      const rows = z.array(SourceCountRowSchema).parse(await run("source-counts"));
      const counts = Object.fromEntries(rows.sort((a, b) => b.articles - a.articles || a.source.localeCompare(b.source)).map((r) => [r.source, r.articles]));
      const unknown = articles - rows.reduce((n, r) => n + r.articles, 0);
      if (unknown > 0) counts["(unknown)"] = unknown;
      return counts;
    });
  }

  async close(): Promise<void> {
    if (this.ownsDriver) await this.driver.close();
  }
}

/**
 * The articles whose nodes a date filter looks at: published within the range widened to whole months, because a
 * fact dated only by its month ("2025-08") matches any range inside that month, whatever day its article appeared.
 * The facts themselves are then filtered by their own dates (overview-edges.cypher).
 */
export function articleWindow(filter: Pick<GraphFilter, "dateFrom" | "dateTo">): { articleFrom: string; articleTo: string } {
  const month = (date: string) => date.slice(0, 7);
  return {
    // Without a bound: from '' (undated articles sort first) to the end of time.
    articleFrom: filter.dateFrom === null ? "" : month(filter.dateFrom),
    articleTo: filter.dateTo === null ? "9999-12-31" : filter.dateTo.length === 4 ? `${filter.dateTo}-12-31` : `${month(filter.dateTo)}-31`,
  };
}

/** graphology's serialized format: nodes with their stored layout, facts as edges. */
function serialize(nodes: NodeRow[], edges: EdgeRow[], attributes: GraphAttributes): SerializedGraph {
  const shown = new Set(nodes.map((n) => n.id));
  return {
    attributes,
    options: GRAPH_OPTIONS,
    nodes: nodes.map((n) => ({
      key: n.id,
      attributes: {
        label: n.name,
        entityType: n.type,
        role: n.role,
        degree: n.degree,
        ...(n.x !== null && n.y !== null ? { x: n.x, y: n.y } : {}),
      },
    })),
    edges: edges
      .filter((e) => shown.has(e.source) && shown.has(e.target))
      .map((e) => ({
        key: e.key,
        source: e.source,
        target: e.target,
        attributes: { relation: e.relation, articleId: e.articleId, articleSource: e.articleSource, date: e.date, confidence: e.confidence, stance: e.stance },
      })),
  };
}
