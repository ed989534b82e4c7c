import type { GraphNodeValue, GraphRelationshipValue } from "./graph-values.ts";
import type { ActorCandidate, Evidence, TimelineEvent } from "./schema.ts";

/**
 * The store calls the analyst features need; implemented over Neo4j in src/store/query/analyst-reader.ts. Every
 * call costs what it returns: timelines and evidence are bounded pages of each actor's newest facts.
 */
export interface AnalystReader {
  findActorsExact(name: string): Promise<Array<{ id: string; name: string; type: string }>>;
  findActorsFulltext(text: string): Promise<Array<{ id: string; name: string; type: string; aliases: string[]; score: number }>>;
  actorCandidates(): Promise<ActorCandidate[]>;
  /** The actors' positions on a topic, from each actor's newest stances and relations to its proposals. */
  topicEvidence(topic: string, actorIds: string[]): Promise<Evidence[]>;
  /** Topics in the graph, ids and names only (to resolve what a user typed). */
  topicNames(): Promise<Array<{ id: string; name: string }>>;
  topicsInGraph(): Promise<Array<{ id: string; name: string; proposals: number; stances: number; relations: number; articles: number }>>;
  /** The actors' newest events, at most `perActor` of each. */
  actorTimeline(actorIds: string[], perActor: number): Promise<TimelineEvent[]>;
  /** How many events the actors have in all. */
  actorEventCount(actorIds: string[]): Promise<number>;
  /** The topic's newest events (stances, relations to its proposals), at most about `limit`. */
  topicTimeline(topic: string, limit: number): Promise<TimelineEvent[]>;
  topicEventCount(topic: string): Promise<number>;
  /** The whole graph, for export. */
  graphDump(): Promise<{ nodes: GraphNodeValue[]; relationships: GraphRelationshipValue[] }>;
}
