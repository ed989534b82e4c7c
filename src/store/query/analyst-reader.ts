import neo4j from "neo4j-driver";
import { z } from "zod";
import type { GraphNodeValue, GraphRelationshipValue } from "../../analysis/graph-values.ts";
import type { AnalystReader } from "../../analysis/reader.ts";
import { ActorCandidateSchema, EvidenceSchema, PositionSchema, TimelineEventSchema, type ActorCandidate } from "../../analysis/schema.ts";
import { COUNTRY_LEADERS, GROUP_PEOPLE } from "../../analysis/groups.ts";
import { cypher } from "../cypher.ts";
import { dataVersion, VersionedCache } from "../read/data-version.ts";
import { toJson } from "./values.ts";
import type { QueryStore } from "./runner.ts";

const num = z.coerce.number();
const ActorHitSchema = z.object({ id: z.string(), name: z.string(), type: z.string() });
const TopicRowSchema = z.object({
  id: z.string(),
  name: z.string().nullable().transform((n) => n ?? ""),
  proposals: num,
  stances: num,
  relations: num,
  articles: num,
});
// Stances outside the four known values (a future extractor) count as "mixed" rather than failing the comparison.
const EvidenceRowSchema = EvidenceSchema.extend({ position: z.string().transform((p) => PositionSchema.catch("mixed").parse(p)) });

/** What the analyst reads look at, at most: the bounds that keep their cost independent of the graph's size. */
export const ANALYST_BOUNDS = {
  /** Of each actor, how many of its newest stances and relations to proposals a comparison looks at. */
  compareScanPerActor: 1_000,
  /** Of each proposal of a topic, how many of its newest relations a topic timeline looks at. */
  topicTimelinePerProposal: 25,
  /** People a column takes in: a country's leaders, a group's people (the busiest first). */
  countryLeaders: COUNTRY_LEADERS,
  groupPeople: GROUP_PEOPLE,
};
export type AnalystBounds = typeof ANALYST_BOUNDS;

/** A Lucene phrase query for an exact name (the full-text index ignores case; the query checks equality after). */
function phrase(name: string): string {
  return `"${name.replace(/["\\]/g, "\\$&")}"`;
}

/**
 * The analyst features' reads on Neo4j: every query from cypher/analysis/, READ routing, parameters only. Answers
 * computed from the whole graph (the actors groups are made of, topics with their counts) are kept until the
 * articles change (see src/store/read/data-version.ts).
 */
export class Neo4jAnalystReader implements AnalystReader {
  private readonly candidates = new VersionedCache<ActorCandidate[]>();
  private readonly topics = new VersionedCache<z.infer<typeof TopicRowSchema>[]>();

  readonly bounds: AnalystBounds;

  constructor(
    private readonly store: QueryStore,
    private readonly timeoutMs = 15_000,
    /** Smaller bounds let tests reach them on a small graph. */
    bounds: Partial<AnalystBounds> = {},
  ) {
    this.bounds = { ...ANALYST_BOUNDS, ...bounds };
  }

  private async read(name: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    const session = this.store.driver.session({ database: this.store.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(cypher(`analysis/${name}`), params), { timeout: this.timeoutMs });
      return result.records.map((r) => Object.fromEntries(r.keys.map((k) => [String(k), toJson(r.get(k))])));
    } finally {
      await session.close();
    }
  }

  async findActorsExact(name: string) {
    return z.array(ActorHitSchema).parse(await this.read("resolve-actor-exact", { name, phrase: phrase(name) }));
  }

  async findActorsFulltext(text: string) {
    return z.array(ActorHitSchema.extend({ aliases: z.array(z.string()), score: num })).parse(await this.read("resolve-actor-fulltext", { q: text }));
  }

  async actorCandidates() {
    return this.candidates.get(await dataVersion(this.store), async () => z.array(ActorCandidateSchema).parse(await this.read("actor-candidates")));
  }

  async topicEvidence(topic: string, actorIds: string[]) {
    return z.array(EvidenceRowSchema).parse(await this.read("topic-evidence", { topic, actorIds, scan: neo4j.int(this.bounds.compareScanPerActor) }));
  }

  async topicNames() {
    return z.array(z.object({ id: z.string(), name: z.string() })).parse(await this.read("topic-names"));
  }

  async topicsInGraph() {
    return this.topics.get(await dataVersion(this.store), async () => z.array(TopicRowSchema).parse(await this.read("topics")));
  }

  async actorTimeline(actorIds: string[], perActor: number) {
    return z.array(TimelineEventSchema).parse(await this.read("actor-timeline", { actorIds, perActor: neo4j.int(perActor) }));
  }

  async actorEventCount(actorIds: string[]) {
    const [row] = await this.read("actor-event-count", { actorIds });
    return z.object({ events: num }).parse(row ?? { events: 0 }).events;
  }

  async topicTimeline(topic: string, limit: number) {
    return z
      .array(TimelineEventSchema)
      .parse(await this.read("topic-timeline", { topic, limit: neo4j.int(limit), perProposal: neo4j.int(this.bounds.topicTimelinePerProposal) }));
  }

  async topicEventCount(topic: string) {
    const [row] = await this.read("topic-event-count", { topic });
    return z.object({ events: num }).parse(row ?? { events: 0 }).events;
  }

  async graphDump() {
    const nodes = (await this.read("export-nodes")).map((r) => ({ _kind: "node", ...r }) as unknown as GraphNodeValue);
    const relationships = (await this.read("export-relationships")).map(
      (r) => ({ _kind: "relationship", ...r }) as unknown as GraphRelationshipValue,
    );
    return { nodes, relationships };
  }
}
