import { buildComparison, byDate } from "./compare.ts";
import { findGroup, groupMembers, loadGroups, type Group } from "./groups.ts";
import type { AnalystReader } from "./reader.ts";
import type { CompareResult, ResolvedActor, TimelineEvent, TopicSummary } from "./schema.ts";
import { loadTaxonomy, matchTopic, type TaxonomyTopic } from "./topics.ts";

/** The analyst features over any AnalystReader: compare, topics, timelines. Shared by the CLI and the API. */

export class AnalysisInputError extends Error {
  readonly userFacing = true;
}

/** Lucene's special characters, escaped so a name is searched as text. */
function luceneText(name: string): string {
  const escaped = name.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, "\\$&").trim();
  return escaped ? `"${escaped.replace(/"/g, '\\"')}"` : "";
}

/** One actor by id / exact name / alias first, then through the full-text index. */
async function resolveEntity(reader: AnalystReader, query: string): Promise<ResolvedActor> {
  const exact = await reader.findActorsExact(query);
  const hit = exact[0] ?? (luceneText(query) ? (await reader.findActorsFulltext(luceneText(query)))[0] : undefined);
  if (!hit) {
    return { query, kind: "unknown", name: query, memberIds: [], memberNames: [], note: `no actor or group named "${query}" in the graph` };
  }
  return { query, kind: "entity", name: hit.name, memberIds: [hit.id], memberNames: [hit.name], note: exact[0] ? null : `matched "${hit.name}" by full-text search` };
}

/**
 * Resolves what the user typed: a group of config/groups.json ("Europe", "NATO"...) or an entity.
 * Entities named on their own are left out of the groups of the same request.
 */
export async function resolveActors(reader: AnalystReader, names: string[], groups: Group[] = loadGroups()): Promise<ResolvedActor[]> {
  const wanted = names.map((n) => n.trim()).filter(Boolean);
  const asGroups = wanted.map((n) => findGroup(groups, n));
  const entities = await Promise.all(wanted.map((n, i) => (asGroups[i] ? null : resolveEntity(reader, n))));
  const standalone = new Set(entities.flatMap((e) => e?.memberIds ?? []));
  const needCandidates = asGroups.some(Boolean);
  const candidates = needCandidates ? await reader.actorCandidates() : [];
  return wanted.map((query, i) => {
    const group = asGroups[i];
    if (!group) return entities[i]!;
    const members = groupMembers(group, candidates, standalone);
    return {
      query,
      kind: "group" as const,
      name: group.name,
      memberIds: members.map((m) => m.id),
      memberNames: members.map((m) => m.name),
      note: members.length === 0 ? `no member of group "${group.name}" in the graph` : (group.description ?? null),
    };
  });
}

/** The topics users may name: the taxonomy plus any topic present in the graph. */
async function knownTopics(reader: AnalystReader): Promise<TaxonomyTopic[]> {
  const taxonomy = loadTaxonomy();
  const inGraph = await reader.topicsInGraph();
  const ids = new Set(taxonomy.map((t) => t.id));
  return [...taxonomy, ...inGraph.filter((t) => !ids.has(t.id)).map((t) => ({ id: t.id, name: t.name ?? t.id }))];
}

export async function resolveTopic(reader: AnalystReader, query: string): Promise<TaxonomyTopic> {
  const topics = await knownTopics(reader);
  const hit = matchTopic(query, topics);
  if (!hit) {
    throw new AnalysisInputError(`Unknown topic "${query}". Known topics: ${topics.map((t) => t.id).join(", ")} (see \`kg topics\`).`);
  }
  return hit;
}

export async function compareActors(
  reader: AnalystReader,
  request: { topic: string; actors: string[]; groups?: Group[] },
): Promise<CompareResult> {
  if (request.actors.length === 0) throw new AnalysisInputError("Name at least one actor to compare, e.g. Turkey Europe Russia.");
  const topic = await resolveTopic(reader, request.topic);
  const actors = await resolveActors(reader, request.actors, request.groups);
  const ids = [...new Set(actors.flatMap((a) => a.memberIds))];
  const evidence = ids.length > 0 ? await reader.topicEvidence(topic.id, ids) : [];
  return buildComparison(topic, actors, evidence);
}

export async function listTopics(reader: AnalystReader): Promise<TopicSummary[]> {
  const taxonomy = loadTaxonomy();
  const inGraph = new Map((await reader.topicsInGraph()).map((t) => [t.id, t]));
  const rows: TopicSummary[] = taxonomy.map((t) => {
    const g = inGraph.get(t.id);
    return { id: t.id, name: t.name, inTaxonomy: true, proposals: g?.proposals ?? 0, stances: g?.stances ?? 0, relations: g?.relations ?? 0, articles: g?.articles ?? 0 };
  });
  for (const g of inGraph.values()) if (!taxonomy.some((t) => t.id === g.id)) rows.push({ ...g, name: g.name ?? g.id, inTaxonomy: false });
  return rows.sort((a, b) => b.proposals + b.stances + b.relations - (a.proposals + a.stances + a.relations) || a.id.localeCompare(b.id));
}

export interface Timeline {
  subject: { kind: "actor" | "topic"; name: string; ids: string[]; note: string | null };
  events: TimelineEvent[];
}

/** An actor's (or group's) or a topic's events by date, each with its quote and source. */
export async function buildTimeline(reader: AnalystReader, request: { actor?: string; topic?: string; groups?: Group[] }): Promise<Timeline> {
  if (Boolean(request.actor) === Boolean(request.topic)) throw new AnalysisInputError("Give either an actor or a topic (not both).");
  if (request.topic) {
    const topic = await resolveTopic(reader, request.topic);
    const events = (await reader.topicTimeline(topic.id)).sort(byDate);
    return { subject: { kind: "topic", name: topic.name, ids: [topic.id], note: null }, events };
  }
  const [actor] = await resolveActors(reader, [request.actor!], request.groups);
  const events = actor!.memberIds.length > 0 ? (await reader.actorTimeline(actor!.memberIds)).sort(byDate) : [];
  return { subject: { kind: "actor", name: actor!.name, ids: actor!.memberIds, note: actor!.note }, events };
}
