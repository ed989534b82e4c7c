import neo4j from "neo4j-driver";
import { z } from "zod";
import type { GraphNodeValue, GraphRelationshipValue } from "../../analysis/graph-values.ts";
import type { AnalystReader } from "../../analysis/reader.ts";
import { ActorCandidateSchema, EvidenceSchema, PositionSchema, TimelineEventSchema } from "../../analysis/schema.ts";
import { cypher } from "../cypher.ts";
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

/** The analyst features' reads on Neo4j: every query from cypher/analysis/, READ routing, parameters only. */
export class Neo4jAnalystReader implements AnalystReader {
  constructor(
    private readonly store: QueryStore,
    private readonly timeoutMs = 15_000,
  ) {}

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
    return z.array(ActorHitSchema).parse(await this.read("resolve-actor-exact", { name }));
  }

  async findActorsFulltext(text: string) {
    return z.array(ActorHitSchema.extend({ aliases: z.array(z.string()), score: num })).parse(await this.read("resolve-actor-fulltext", { q: text }));
  }

  async actorCandidates() {
    return z.array(ActorCandidateSchema).parse(await this.read("actor-candidates"));
  }

  async topicEvidence(topic: string, actorIds: string[]) {
    return z.array(EvidenceRowSchema).parse(await this.read("topic-evidence", { topic, actorIds }));
  }

  async topicsInGraph() {
    return z.array(TopicRowSchema).parse(await this.read("topics"));
  }

  async actorTimeline(actorIds: string[]) {
    return z.array(TimelineEventSchema).parse(await this.read("actor-timeline", { actorIds }));
  }

  async topicTimeline(topic: string) {
    return z.array(TimelineEventSchema).parse(await this.read("topic-timeline", { topic }));
  }

  async graphDump() {
    const nodes = (await this.read("export-nodes")).map((r) => ({ _kind: "node", ...r }) as unknown as GraphNodeValue);
    const relationships = (await this.read("export-relationships")).map(
      (r) => ({ _kind: "relationship", ...r }) as unknown as GraphRelationshipValue,
    );
    return { nodes, relationships };
  }
}
