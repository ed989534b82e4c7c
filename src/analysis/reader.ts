import type { GraphNodeValue, GraphRelationshipValue } from "./graph-values.ts";
import type { ActorCandidate, Evidence, TimelineEvent } from "./schema.ts";

/** The store calls the analyst features need; implemented over Neo4j in src/store/query/analyst-reader.ts. */
export interface AnalystReader {
  findActorsExact(name: string): Promise<Array<{ id: string; name: string; type: string }>>;
  findActorsFulltext(text: string): Promise<Array<{ id: string; name: string; type: string; aliases: string[]; score: number }>>;
  actorCandidates(): Promise<ActorCandidate[]>;
  topicEvidence(topic: string, actorIds: string[]): Promise<Evidence[]>;
  topicsInGraph(): Promise<Array<{ id: string; name: string; proposals: number; stances: number; relations: number; articles: number }>>;
  actorTimeline(actorIds: string[]): Promise<TimelineEvent[]>;
  topicTimeline(topic: string): Promise<TimelineEvent[]>;
  /** The whole graph, for export. */
  graphDump(): Promise<{ nodes: GraphNodeValue[]; relationships: GraphRelationshipValue[] }>;
}
