import type { ManagedTransaction } from "neo4j-driver";
import type { ArticleGraph, EntityNode } from "../graph/schema.ts";
import { cypher } from "./cypher.ts";
import type { Store } from "./driver.ts";

export type WriteStatus = "ingested" | "updated" | "unchanged" | "failed";
export interface WriteOutcome {
  articleId: string;
  status: WriteStatus;
  error?: string;
}

/** Which articles are already stored, and with which content hash. */
export async function storedHashes(store: Store, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { records } = await store.driver.executeQuery(cypher("write/existing-hashes"), { ids }, {
    database: store.database,
    routing: "READ",
  });
  return new Map(records.map((r) => [r.get("id") as string, r.get("contentHash") as string]));
}

/** Merges the entities of several articles: one row per node, aliases and properties combined. */
function mergeEntities(graphs: ArticleGraph[]): EntityNode[] {
  const byId = new Map<string, EntityNode>();
  for (const g of graphs) {
    for (const e of g.entities) {
      const prev = byId.get(e.id);
      if (!prev) {
        byId.set(e.id, { ...e, aliases: [...e.aliases] });
        continue;
      }
      prev.aliases = [...new Set([...prev.aliases, ...e.aliases])];
      prev.props = { ...e.props, ...prev.props };
    }
  }
  return [...byId.values()];
}

/** Writes the given articles' graphs in one transaction: either all of them land or none. */
async function writeGraphs(tx: ManagedTransaction, graphs: ArticleGraph[], replaceIds: string[]): Promise<void> {
  if (replaceIds.length > 0) await tx.run(cypher("write/remove-article-facts"), { ids: replaceIds });
  await tx.run(cypher("write/merge-articles"), { articles: graphs.map((g) => g.article) });
  const entities = mergeEntities(graphs);
  await tx.run(cypher("write/merge-entities"), { entities });
  await tx.run(cypher("write/create-mentions"), {
    mentions: graphs.flatMap((g) => g.mentions.map((m) => ({ ...m, articleId: g.article.id }))),
  });
  await tx.run(cypher("write/create-facts"), { facts: graphs.flatMap((g) => g.facts) });
  await tx.run(cypher("write/create-stances"), {
    topics: dedupeBy(graphs.flatMap((g) => g.topics), (t) => t.id),
    stances: graphs.flatMap((g) => g.stances),
  });
  await tx.run(cypher("write/link-proposal-topics"), {
    proposals: entities
      .filter((e) => e.type === "Proposal" && typeof e.props.topic === "string")
      .map((e) => ({ id: e.id, topic: e.props.topic, topicName: String(e.props.topic).replace(/-/g, " ") })),
  });
}

function dedupeBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/**
 * Stores article graphs. Unchanged articles (same content hash) are skipped; changed ones replace their
 * own facts. A batch is written in one transaction (the driver retries transient errors); if it fails,
 * each article is retried alone so one bad article never spoils the others and none is left half-written.
 */
export async function writeArticleGraphs(store: Store, graphs: ArticleGraph[]): Promise<WriteOutcome[]> {
  const unique = dedupeBy(graphs, (g) => g.article.id);
  const hashes = await storedHashes(store, unique.map((g) => g.article.id));
  const outcomes: WriteOutcome[] = [];
  const pending: ArticleGraph[] = [];
  for (const g of unique) {
    const stored = hashes.get(g.article.id);
    if (stored === g.article.contentHash) outcomes.push({ articleId: g.article.id, status: "unchanged" });
    else pending.push(g);
  }
  const statusOf = (g: ArticleGraph): WriteStatus => (hashes.has(g.article.id) ? "updated" : "ingested");
  const replaceIds = (batch: ArticleGraph[]) => batch.filter((g) => hashes.has(g.article.id)).map((g) => g.article.id);
  if (pending.length === 0) return outcomes;

  const session = store.driver.session({ database: store.database });
  try {
    try {
      await session.executeWrite((tx) => writeGraphs(tx, pending, replaceIds(pending)));
      for (const g of pending) outcomes.push({ articleId: g.article.id, status: statusOf(g) });
    } catch (batchError) {
      if (pending.length === 1) {
        outcomes.push({ articleId: pending[0]!.article.id, status: "failed", error: message(batchError) });
      } else {
        for (const g of pending) {
          try {
            await session.executeWrite((tx) => writeGraphs(tx, [g], replaceIds([g])));
            outcomes.push({ articleId: g.article.id, status: statusOf(g) });
          } catch (err) {
            outcomes.push({ articleId: g.article.id, status: "failed", error: message(err) });
          }
        }
      }
    }
  } finally {
    await session.close();
  }
  return outcomes;
}

/** Removes an article and the facts only it supported; entities no other article mentions go too. */
export async function deleteArticles(store: Store, ids: string[]): Promise<number> {
  const session = store.driver.session({ database: store.database });
  try {
    return await session.executeWrite(async (tx) => {
      await tx.run(cypher("write/remove-article-facts"), { ids });
      const res = await tx.run(cypher("write/delete-articles"), { ids });
      return Number(res.records[0]?.get("deleted") ?? 0);
    });
  } finally {
    await session.close();
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}
