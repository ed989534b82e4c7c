import { buildComparison, byDate } from "./compare.ts";
import { looseKey } from "../text/normalise.ts";
import { busiestFirst, COUNTRY_LEADERS, findGroup, GROUP_PEOPLE, groupMembers, loadGroups, type Group } from "./groups.ts";
import type { AnalystReader } from "./reader.ts";
import type { ActorCandidate, CompareResult, ResolvedActor, TimelineEvent, TopicSummary } from "./schema.ts";
import { loadTaxonomy, matchTopic, type TaxonomyTopic } from "./topics.ts";

/** The analyst features over any AnalystReader: compare, topics, timelines. Shared by the CLI and the API. */

export class AnalysisInputError extends Error {
  readonly userFacing = true;
}

/** A forgiving full-text query: each word escaped, words of 4+ letters fuzzy (misspellings still match). */
function luceneText(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, "\\$&"))
    .filter(Boolean)
    .map((w) => (w.length >= 4 ? `${w}~` : w))
    .join(" ");
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

const simple = looseKey;

/** Full-text hits are fuzzy: keep one only when a name or alias is a near spelling of the query or contains it as words. */
export function closeEnough(query: string, names: string[]): boolean {
  const q = simple(query);
  if (!q) return false;
  return names.map(simple).some((n) => {
    if (` ${n} `.includes(` ${q} `) || ` ${q} `.includes(` ${n} `)) return true;
    return editDistance(q, n) <= Math.floor(Math.max(q.length, n.length) * 0.2);
  });
}

/** One actor by id / exact name / alias first, then through the full-text index. */
type ResolvedEntity = ResolvedActor & { type?: string };

/** A country speaks through the people who lead it: they join its column unless named on their own. */
/** How many people a column takes in: a country's leaders, a group's people (the busiest first). */
export type MemberLimits = { countryLeaders: number; groupPeople: number };
const MEMBER_LIMITS: MemberLimits = { countryLeaders: COUNTRY_LEADERS, groupPeople: GROUP_PEOPLE };

function withLeaders(actor: ResolvedEntity, candidates: ActorCandidate[], standalone: Set<string>, maxLeaders: number): ResolvedActor {
  const { type, ...resolved } = actor;
  if (type !== "Country") return resolved;
  const countryId = actor.memberIds[0]!;
  const leaders = busiestFirst(
    candidates.filter((c) => c.type === "Person" && c.leads.includes(countryId) && !standalone.has(c.id)),
    maxLeaders,
  );
  if (leaders.length === 0) return resolved;
  return {
    ...resolved,
    memberIds: [countryId, ...leaders.map((l) => l.id)],
    memberNames: [actor.name, ...leaders.map((l) => l.name)],
    note: [resolved.note, `with its leaders: ${leaders.map((l) => l.name).join(", ")}`].filter(Boolean).join("; "),
  };
}

async function resolveEntity(reader: AnalystReader, query: string): Promise<ResolvedEntity> {
  const exact = await reader.findActorsExact(query);
  const fuzzy = exact[0] || !luceneText(query) ? [] : await reader.findActorsFulltext(luceneText(query));
  const hit = exact[0] ?? fuzzy.find((h) => closeEnough(query, [h.name, ...h.aliases]));
  if (!hit) {
    return { query, kind: "unknown", name: query, memberIds: [], memberNames: [], note: `no actor or group named "${query}" in the graph` };
  }
  return {
    query,
    kind: "entity",
    type: hit.type,
    name: hit.name,
    memberIds: [hit.id],
    memberNames: [hit.name],
    note: exact[0] ? null : `matched "${hit.name}" by full-text search`,
  };
}

/**
 * Resolves what the user typed: a group of config/groups.json ("Europe", "NATO"...) or an entity.
 * Entities named on their own are left out of the groups of the same request.
 */
export async function resolveActors(
  reader: AnalystReader,
  names: string[],
  groups: Group[] = loadGroups(),
  limits: MemberLimits = MEMBER_LIMITS,
): Promise<ResolvedActor[]> {
  const wanted = names.map((n) => n.trim()).filter(Boolean);
  const asGroups = wanted.map((n) => findGroup(groups, n));
  const entities = await Promise.all(wanted.map((n, i) => (asGroups[i] ? null : resolveEntity(reader, n))));
  const standalone = new Set(entities.flatMap((e) => e?.memberIds ?? []));
  const needCandidates = asGroups.some(Boolean) || entities.some((e) => e?.type === "Country");
  const candidates = needCandidates ? await reader.actorCandidates() : [];
  return wanted.map((query, i) => {
    const group = asGroups[i];
    if (!group) return withLeaders(entities[i]!, candidates, standalone, limits.countryLeaders);
    const members = groupMembers(group, candidates, standalone, limits.groupPeople);
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
  const inGraph = await reader.topicNames();
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
  request: { topic: string; actors: string[]; groups?: Group[]; limits?: MemberLimits },
): Promise<CompareResult> {
  if (request.actors.length === 0) throw new AnalysisInputError("Name at least one actor to compare, e.g. Turkey Europe Russia.");
  const topic = await resolveTopic(reader, request.topic);
  const actors = await resolveActors(reader, request.actors, request.groups, request.limits);
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

/** Events a timeline shows by default: the newest ones, in date order (`total` says how many there are). */
export const TIMELINE_EVENTS = 200;

export type Timeline = {
  subject: { kind: "actor" | "topic"; name: string; ids: string[]; note: string | null };
  events: TimelineEvent[];
  /** The subject's events in the whole graph; `truncated` when `events` holds only the newest of them. */
  total: number;
  truncated: boolean;
};

/** Date order; within a date by article, subject and relation, so the order does not depend on storage. */
function byDateThenArticle(a: TimelineEvent, b: TimelineEvent): number {
  return byDate(a, b) || (a.articleId ?? "").localeCompare(b.articleId ?? "") || (a.subject ?? "").localeCompare(b.subject ?? "") || a.relation.localeCompare(b.relation);
}

/** The newest `limit` events by date, oldest first. */
function newest(events: TimelineEvent[], limit: number): TimelineEvent[] {
  const sorted = [...events].sort(byDateThenArticle);
  const dated = sorted.filter((e) => e.date !== null);
  // Undated events sort last; they are kept only when there is room after the dated ones.
  const kept = dated.slice(Math.max(0, dated.length - limit));
  return [...kept, ...sorted.filter((e) => e.date === null).slice(0, limit - kept.length)];
}

/**
 * An actor's (or group's) or a topic's events by date, each with its quote and source: the newest `limit` of them
 * (default TIMELINE_EVENTS), read from each actor's newest facts, so a hub's timeline costs a page.
 */
export async function buildTimeline(
  reader: AnalystReader,
  request: { actor?: string; topic?: string; groups?: Group[]; limit?: number; limits?: MemberLimits },
): Promise<Timeline> {
  if (Boolean(request.actor) === Boolean(request.topic)) throw new AnalysisInputError("Give either an actor or a topic (not both).");
  const limit = request.limit ?? TIMELINE_EVENTS;
  if (request.topic) {
    const topic = await resolveTopic(reader, request.topic);
    const [found, total] = await Promise.all([reader.topicTimeline(topic.id, limit), reader.topicEventCount(topic.id)]);
    const events = newest(found, limit);
    return { subject: { kind: "topic", name: topic.name, ids: [topic.id], note: null }, events, total, truncated: total > events.length };
  }
  const [actor] = await resolveActors(reader, [request.actor!], request.groups, request.limits);
  // A timeline is about the actor itself (its leaders have their own).
  if (actor!.kind === "entity") actor!.memberIds = actor!.memberIds.slice(0, 1);
  const ids = actor!.memberIds;
  if (ids.length === 0) return { subject: { kind: "actor", name: actor!.name, ids, note: actor!.note }, events: [], total: 0, truncated: false };
  // Every member may bring its share; a member with few events leaves room the others do not take (bounded read).
  const perActor = Math.max(10, Math.ceil(limit / ids.length));
  const [found, total] = await Promise.all([reader.actorTimeline(ids, perActor), reader.actorEventCount(ids)]);
  const events = newest(found, limit);
  return { subject: { kind: "actor", name: actor!.name, ids, note: actor!.note }, events, total, truncated: total > events.length };
}
