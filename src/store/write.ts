import type { ManagedTransaction } from "neo4j-driver";
import type { ArticleGraph } from "../graph/schema.ts";
import { cypher } from "./cypher.ts";
import type { Store } from "./driver.ts";
import { batchEntities, combine, type StoredEntity } from "./entity-merge.ts";
import { isPoolBusyError, isUnavailableError } from "./errors.ts";

/**
 * The database went away during a write: the articles in `outcomes` were settled (stored, unchanged or failed
 * for their own reasons); those in `unconfirmed` were being written and are not confirmed stored (a transaction
 * that never committed leaves nothing; re-running the ingest finds whichever did commit unchanged).
 */
export class DatabaseGoneError extends Error {
  constructor(
    readonly outcomes: WriteOutcome[],
    readonly unconfirmed: string[],
    readonly cause: unknown,
  ) {
    super(`Neo4j became unreachable while writing: ${String((cause as Error)?.message ?? cause).split("\n")[0]}`);
    this.name = "DatabaseGoneError";
  }
}

/** The write failed because the database is not there (not because of the article). */
export function isDatabaseGone(err: unknown): boolean {
  return isUnavailableError(err) || isPoolBusyError(err);
}

export type WriteStatus = "ingested" | "updated" | "unchanged" | "failed";
export interface WriteOutcome {
  articleId: string;
  status: WriteStatus;
  error?: string;
}

/** One row per (article, entity it mentions), with the article's own spellings of the entity. */
function mentionRows(graphs: ArticleGraph[]) {
  return graphs.flatMap((g) => {
    const entities = new Map(g.entities.map((e) => [e.id, e]));
    return g.mentions.map((m) => ({
      ...m,
      articleId: g.article.id,
      key: `${g.article.id}|${m.entityId}`,
      name: entities.get(m.entityId)?.name ?? m.entityId,
      aliases: entities.get(m.entityId)?.aliases ?? [],
    }));
  });
}

/**
 * Merges the batch's entities: locks them (sorted ids), reads what they hold, combines it with what the batch
 * says (src/store/entity-merge.ts) and writes back only the entities that change.
 */
async function mergeEntities(tx: ManagedTransaction, graphs: ArticleGraph[]): Promise<void> {
  const batch = batchEntities(graphs);
  const locked = await tx.run(cypher("write/lock-entities"), { rows: batch.map((e) => ({ id: e.id, type: e.type })) });
  const stored = new Map(locked.records.map((r) => [r.get("id") as string, r.toObject() as StoredEntity]));
  const updates = batch.flatMap((e) => {
    const combined = combine(stored.get(e.id)!, e);
    return combined ? [combined] : [];
  });
  if (updates.length > 0) await tx.run(cypher("write/update-entities"), { rows: updates });
}

/**
 * Removes articles' own facts, stances and mentions (and entities left unmentioned); refreshes the rest's names.
 * Returns the ids of the entities that stay (their number of facts changed).
 */
async function removeArticleFacts(tx: ManagedTransaction, ids: string[]): Promise<string[]> {
  const removed = await tx.run(cypher("write/remove-article-facts"), { ids });
  const kept = removed.records.flatMap((r) => r.get("kept") as string[]).sort();
  if (kept.length > 0) await tx.run(cypher("write/refresh-entity-names"), { ids: kept });
  return kept;
}

/**
 * Stores on the given entities and topics their number of facts (see refresh-degrees.cypher); after removals every
 * topic's too, since the removed stances and proposals may have pointed at any of them.
 */
async function refreshDegrees(tx: ManagedTransaction, ids: Iterable<string>, allTopics: boolean): Promise<void> {
  await tx.run(cypher("write/refresh-degrees"), { ids: [...new Set(ids)].sort(), allTopics });
}

/**
 * Claims the given articles and writes those whose content changed, in one transaction: either all of them land
 * or none. The claim locks each Article node first and reads its stored hash under that lock, so two writers of
 * the same article (two `kg ingest` runs) never both write it: the second waits, then finds it unchanged.
 */
async function claimAndWrite(tx: ManagedTransaction, graphs: ArticleGraph[]): Promise<WriteOutcome[]> {
  const sorted = [...graphs].sort((a, b) => (a.article.id < b.article.id ? -1 : 1));
  const claimed = await tx.run(cypher("write/claim-articles"), { ids: sorted.map((g) => g.article.id) });
  const stored = new Map(claimed.records.map((r) => [r.get("id") as string, r.get("contentHash") as string | null]));
  const outcomes: WriteOutcome[] = [];
  const pending: ArticleGraph[] = [];
  for (const g of sorted) {
    const hash = stored.get(g.article.id) ?? null;
    if (hash === g.article.contentHash) outcomes.push({ articleId: g.article.id, status: "unchanged" });
    else {
      pending.push(g);
      outcomes.push({ articleId: g.article.id, status: hash === null ? "ingested" : "updated" });
    }
  }
  if (pending.length === 0) return outcomes;
  const replaceIds = pending.filter((g) => stored.get(g.article.id) != null).map((g) => g.article.id);
  const kept = replaceIds.length > 0 ? await removeArticleFacts(tx, replaceIds) : [];
  await tx.run(cypher("write/merge-articles"), { articles: pending.map((g) => g.article) });
  await mergeEntities(tx, pending);
  await tx.run(cypher("write/create-mentions"), { mentions: mentionRows(pending) });
  await tx.run(cypher("write/create-facts"), { facts: pending.flatMap((g) => g.facts) });
  await tx.run(cypher("write/create-stances"), {
    topics: dedupeBy(pending.flatMap((g) => g.topics), (t) => t.id).sort((a, b) => (a.id < b.id ? -1 : 1)),
    stances: pending.flatMap((g) => g.stances).sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.key < b.key ? -1 : 1)),
  });
  await tx.run(cypher("write/link-proposal-topics"), {
    proposals: dedupeBy(
      pending.flatMap((g) =>
        g.entities
          .filter((e) => e.type === "Proposal" && typeof e.props.topic === "string")
          .map((e) => ({ id: e.id, topic: String(e.props.topic), topicName: String(e.props.topic).replace(/-/g, " ") })),
      ),
      (p) => `${p.id}|${p.topic}`,
    ),
  });
  const touched = [...pending.flatMap((g) => [...g.entities.map((e) => e.id), ...g.topics.map((t) => t.id)]), ...kept];
  await refreshDegrees(tx, touched, replaceIds.length > 0);
  return outcomes;
}

function dedupeBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/**
 * Stores article graphs. Unchanged articles (same content hash) are skipped; changed ones replace their own
 * facts. A batch is claimed and written in one transaction (the driver retries transient errors such as
 * deadlocks between concurrent writers); if it fails, each article is retried alone so one bad article never
 * spoils the others and none is left half-written.
 */
export async function writeArticleGraphs(store: Store, graphs: ArticleGraph[]): Promise<WriteOutcome[]> {
  const unique = dedupeBy(graphs, (g) => g.article.id);
  if (unique.length === 0) return [];
  const session = writeSession(store);
  try {
    try {
      return await session.executeWrite((tx) => claimAndWrite(tx, unique));
    } catch (batchError) {
      // No point in retrying article by article against a database that is not there: say so at once.
      if (isDatabaseGone(batchError)) throw new DatabaseGoneError([], unique.map((g) => g.article.id), batchError);
      if (unique.length === 1) return [{ articleId: unique[0]!.article.id, status: "failed", error: message(batchError) }];
      const outcomes: WriteOutcome[] = [];
      for (const [i, g] of unique.entries()) {
        try {
          outcomes.push(...(await session.executeWrite((tx) => claimAndWrite(tx, [g]))));
        } catch (err) {
          if (isDatabaseGone(err)) throw new DatabaseGoneError(outcomes, unique.slice(i).map((x) => x.article.id), err);
          outcomes.push({ articleId: g.article.id, status: "failed", error: message(err) });
        }
      }
      return outcomes;
    }
  } finally {
    await session.close();
  }
}

/** Removes an article and the facts only it supported; entities no other article mentions go too. */
export async function deleteArticles(store: Store, ids: string[]): Promise<number> {
  const session = writeSession(store);
  try {
    return await session.executeWrite(async (tx) => {
      const kept = await removeArticleFacts(tx, ids);
      const res = await tx.run(cypher("write/delete-articles"), { ids });
      await refreshDegrees(tx, kept, true);
      return Number(res.records[0]?.get("deleted") ?? 0);
    });
  } finally {
    await session.close();
  }
}

/**
 * A session for managed write transactions (routed to the leader of a cluster, retried there after a leader
 * switch). It shares the bookmarks of the driver's executeQuery calls, so the reads that follow a write (the layout
 * after an ingest, on a reader of a cluster) wait until that reader has the write: causal consistency.
 */
function writeSession(store: Store) {
  return store.driver.session({ database: store.database, defaultAccessMode: "WRITE", bookmarkManager: store.driver.executeQueryBookmarkManager });
}

function message(err: unknown): string {
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}
