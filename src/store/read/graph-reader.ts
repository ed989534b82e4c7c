import neo4j, { type Driver } from "neo4j-driver";
import { createReadDriver, type Neo4jConnection } from "./driver.ts";
import { classifyDriverError } from "./errors.ts";
import { buildLuceneQuery } from "./lucene.ts";
import { loadReadQueries, type ReadQueryName } from "./queries.ts";
import type {
  ArticleDetail,
  ArticleSummary,
  EdgeAttributes,
  FactDetail,
  GraphFilter,
  GraphReadStore,
  GraphStats,
  Mention,
  NodeAttributes,
  NodeDetail,
  RelationDetail,
  SearchHit,
  SerializedGraph,
} from "./types.ts";

type Row = Record<string, unknown>;
type NodeRow = { id: string; name: string; type: string; role: string | null; x?: number | null; y?: number | null };
type EdgeRow = {
  key: string;
  source: string;
  target: string;
  relation: string;
  articleId: string | null;
  articleSource: string | null;
  date: string | null;
  confidence: number | null;
  stance: string | null;
};

const GRAPH_OPTIONS = { type: "directed", multi: true, allowSelfLoops: true } as const;

/** Reads the knowledge graph for the HTTP API. Every query comes from cypher/read/*.cypher, with parameters. */
export class GraphReader implements GraphReadStore {
  private readonly queries = loadReadQueries();

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly ownsDriver: boolean,
  ) {}

  /** A reader with its own driver (closed by close()). */
  static open(connection: Neo4jConnection): GraphReader {
    return new GraphReader(createReadDriver(connection), connection.database, true);
  }

  /** A reader on a driver someone else owns (close() leaves it open). */
  static onDriver(driver: Driver, database: string): GraphReader {
    return new GraphReader(driver, database, false);
  }

  private async run(name: ReadQueryName, params: Row = {}): Promise<Row[]> {
    try {
      const result = await this.driver.executeQuery(this.queries[name], params, {
        database: this.database,
        routing: neo4j.routing.READ,
      });
      return result.records.map((record) => record.toObject() as Row);
    } catch (error) {
      throw classifyDriverError(error);
    }
  }

  async ping(): Promise<void> {
    await this.run("ping");
  }

  async graph(filter: GraphFilter): Promise<SerializedGraph> {
    const params = {
      nodeTypes: filter.nodeTypes,
      relTypes: filter.relationTypes,
      sources: filter.sources,
      dateFrom: filter.dateFrom,
      dateTo: filter.dateTo,
    };
    const [nodeRows, edgeRows, sourceRows] = await Promise.all([
      this.run("graph-nodes", params),
      this.run("graph-edges", params),
      this.run("article-sources"),
    ]);
    const nodes = new Map((nodeRows as NodeRow[]).map((n) => [n.id, n]));
    const narrowedByArticles = filter.sources !== null || filter.dateFrom !== null || filter.dateTo !== null;
    const sourceOf = new Map(sourceRows.map((r) => [String(r.id), (r.source as string | null) ?? null]));
    const wanted = filter.sources === null ? null : new Set(filter.sources);
    let edges: EdgeRow[] = [];
    for (const row of edgeRows as EdgeRow[]) {
      const articleSource = row.articleId === null ? null : (sourceOf.get(row.articleId) ?? null);
      if (wanted !== null && (articleSource === null || !wanted.has(articleSource))) continue;
      edges.push({ ...row, articleSource });
    }
    if (narrowedByArticles) {
      // A fact from a matching article keeps its ends even if their mention offsets were not recorded.
      const missing = new Set<string>();
      for (const e of edges) for (const id of [e.source, e.target]) if (!nodes.has(id)) missing.add(id);
      if (missing.size > 0) {
        const extra = (await this.run("node-summaries", { ids: [...missing] })) as NodeRow[];
        for (const n of extra) nodes.set(n.id, n);
      }
    }
    edges = edges.filter((e) => nodes.has(e.source) && nodes.has(e.target));
    return selectSubgraph(nodes, edges, filter.minDegree, filter.limit);
  }

  async node(id: string): Promise<NodeDetail | null> {
    const [row] = await this.run("node", { id });
    if (!row) return null;
    const properties = row.properties as Row;
    const relations = (row.relations as RelationDetail[]).map(nullToDefaults);
    const groups = new Map<string, RelationDetail[]>();
    for (const rel of relations) groups.set(rel.type, [...(groups.get(rel.type) ?? []), rel]);
    for (const items of groups.values()) items.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
    const articles = (row.articles as NodeDetail["articles"]).filter((a) => a.id != null);
    return {
      id: String(properties.id),
      name: String(properties.name ?? properties.id),
      type: String(properties.type ?? "Topic"),
      labels: row.labels as string[],
      aliases: Array.isArray(properties.aliases) ? (properties.aliases as string[]) : [],
      properties,
      degree: relations.length,
      relations: [...groups].map(([type, items]) => ({ type, count: items.length, items })).sort((a, b) => b.count - a.count),
      articles: articles.sort((a, b) => (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "")),
    };
  }

  async neighbors(id: string, depth: number, limit: number): Promise<SerializedGraph | null> {
    const [root] = (await this.run("node-summaries", { ids: [id] })) as NodeRow[];
    if (!root) return null;
    const nodeIds = new Set([id]);
    const edges = new Map<string, EdgeRow>();
    let frontier = [id];
    for (let step = 0; step < depth && frontier.length > 0 && nodeIds.size < limit; step++) {
      const rows = (await this.run("neighbor-step", { ids: frontier, limit: neo4j.int(limit * 4) })) as EdgeRow[];
      const next: string[] = [];
      for (const e of rows) {
        for (const end of [e.source, e.target]) {
          if (!nodeIds.has(end) && nodeIds.size < limit) {
            nodeIds.add(end);
            next.push(end);
          }
        }
        if (nodeIds.has(e.source) && nodeIds.has(e.target)) edges.set(e.key, e);
      }
      frontier = next;
    }
    const rows = (await this.run("node-summaries", { ids: [...nodeIds] })) as NodeRow[];
    const nodes = new Map(rows.map((n) => [n.id, n]));
    return selectSubgraph(nodes, [...edges.values()], 0, limit, { root: id, depth });
  }

  async search(text: string, limit: number): Promise<SearchHit[]> {
    const q = buildLuceneQuery(text);
    if (q === null) return [];
    const rows = await this.run("search", { q, limit: neo4j.int(limit) });
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name ?? r.id),
      type: String(r.type ?? ""),
      aliases: (r.aliases as string[]) ?? [],
      score: Number(r.score),
    }));
  }

  async articles(options: { source: string | null; offset: number; limit: number }): Promise<ArticleSummary[]> {
    const rows = await this.run("articles", {
      source: options.source,
      offset: neo4j.int(options.offset),
      limit: neo4j.int(options.limit),
    });
    return rows.map(toArticleSummary);
  }

  async article(id: string): Promise<ArticleDetail | null> {
    const [row] = await this.run("article", { id });
    if (!row) return null;
    const props = row.article as Row;
    const body = String(props.body ?? "");
    const mentions: Mention[] = [];
    for (const m of row.mentions as { entityId: string; name: string; type: string; starts: number[]; ends: number[] }[]) {
      m.starts.forEach((start, i) => {
        const end = m.ends[i];
        if (end !== undefined && start >= 0 && end <= body.length && start < end) {
          mentions.push({ entityId: m.entityId, name: m.name, type: m.type, start, end });
        }
      });
    }
    mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    const relations = (row.relations as ArticleDetail["relations"]).sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    return {
      ...toArticleSummary({ ...props, entityCount: new Set(mentions.map((m) => m.entityId)).size }),
      body,
      language: (props.language as string | undefined) ?? null,
      mentions,
      relations,
    };
  }

  async facts(keys: string[]): Promise<FactDetail[]> {
    if (keys.length === 0) return [];
    const rows = await this.run("facts", { keys: [...new Set(keys)] });
    const value = <T>(v: unknown) => (v === undefined ? null : (v as T | null));
    return rows.map((r) => ({
      key: String(r.key),
      relation: String(r.relation),
      source: String(r.source),
      sourceName: String(r.sourceName),
      target: String(r.target),
      targetName: String(r.targetName),
      evidence: value<string>(r.evidence),
      start: r.start == null ? null : Number(r.start),
      end: r.end == null ? null : Number(r.end),
      stance: value<string>(r.stance),
      date: value<string>(r.date),
      confidence: r.confidence == null ? null : Number(r.confidence),
      cameo: r.cameo == null ? null : String(r.cameo),
      plover: r.plover == null ? null : String(r.plover),
      articleId: value<string>(r.articleId),
      articleTitle: value<string>(r.articleTitle),
      articleSource: value<string>(r.articleSource),
      articlePublishedAt: value<string>(r.articlePublishedAt),
      articleUrl: value<string>(r.articleUrl),
    }));
  }

  async stats(): Promise<GraphStats> {
    const [rows, [range]] = await Promise.all([this.run("stats"), this.run("date-range")]);
    const buckets: Record<string, Record<string, number>> = { nodeType: {}, relationType: {}, source: {} };
    for (const r of rows) (buckets[String(r.kind)] ??= {})[String(r.key)] = Number(r.count);
    const sum = (o: Record<string, number> | undefined) => Object.values(o ?? {}).reduce((a, b) => a + b, 0);
    return {
      nodes: sum(buckets.nodeType),
      edges: sum(buckets.relationType),
      articles: sum(buckets.source),
      nodeTypes: buckets.nodeType ?? {},
      relationTypes: buckets.relationType ?? {},
      sources: buckets.source ?? {},
      dateRange: { first: (range?.first as string | null) ?? null, last: (range?.last as string | null) ?? null },
    };
  }

  async close(): Promise<void> {
    if (this.ownsDriver) await this.driver.close();
  }
}

function nullToDefaults(rel: RelationDetail): RelationDetail {
  return { ...rel, direction: rel.direction === "in" ? "in" : "out" };
}

function toArticleSummary(r: Row): ArticleSummary {
  return {
    id: String(r.id),
    title: String(r.title ?? r.id),
    source: (r.source as string | null | undefined) ?? null,
    publishedAt: (r.publishedAt as string | null | undefined) ?? null,
    url: (r.url as string | null | undefined) ?? null,
    entityCount: Number(r.entityCount ?? 0),
  };
}

/** Computes degrees on the given edges, drops nodes under minDegree, keeps the `limit` best-connected nodes. */
function selectSubgraph(
  nodes: Map<string, NodeRow>,
  edges: EdgeRow[],
  minDegree: number,
  limit: number,
  attributes: Record<string, unknown> = {},
): SerializedGraph {
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const eligible = [...nodes.values()].filter((n) => (degree.get(n.id) ?? 0) >= minDegree);
  const kept = eligible
    .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.id.localeCompare(b.id))
    .slice(0, limit);
  const keptIds = new Set(kept.map((n) => n.id));
  // Keys are unique per (article, fact); the Map guards graphology's import against a duplicate all the same.
  const keptEdges = [...new Map(edges.filter((e) => keptIds.has(e.source) && keptIds.has(e.target)).map((e) => [e.key, e])).values()];
  const truncated = kept.length < eligible.length;
  return {
    attributes: { ...attributes, truncated },
    options: GRAPH_OPTIONS,
    nodes: kept.map((n) => ({
      key: n.id,
      attributes: {
        label: n.name,
        entityType: n.type,
        role: n.role ?? null,
        degree: degree.get(n.id) ?? 0,
        // The stored explorer layout (see `kg layout`), when the node has one.
        ...(typeof n.x === "number" && typeof n.y === "number" ? { x: n.x, y: n.y } : {}),
      } satisfies NodeAttributes,
    })),
    edges: keptEdges.map((e) => ({
      key: e.key,
      source: e.source,
      target: e.target,
      attributes: {
        relation: e.relation,
        articleId: e.articleId ?? null,
        articleSource: e.articleSource ?? null,
        date: e.date ?? null,
        confidence: e.confidence ?? null,
        stance: e.stance ?? null,
      } satisfies EdgeAttributes,
    })),
  };
}
