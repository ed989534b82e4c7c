import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { loadConfig, REPO_ROOT } from "../config/index.ts";

/**
 * The topic taxonomy: the extractor's list (src/extract/lexicons/topics.json, read only here) plus the
 * user's additions in config/topics.json ({ "topics": [{ "topic": "id", "name": "label" }] }).
 */
const TopicFileSchema = z.object({
  topics: z.array(z.object({ topic: z.string().min(1), name: z.string().min(1) }).loose()),
});
export type TaxonomyTopic = { id: string; name: string };

export const BUILTIN_TOPICS_FILE = path.join(REPO_ROOT, "src", "extract", "lexicons", "topics.json");

export class TopicsConfigError extends Error {
  readonly userFacing = true;
}

function readTopics(file: string): TaxonomyTopic[] {
  if (!existsSync(file)) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new TopicsConfigError(`${file}: not valid JSON (${(err as Error).message}).`);
  }
  const parsed = TopicFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new TopicsConfigError(`${file}: expected { "topics": [{ "topic": "id", "name": "label" }] } (${parsed.error.issues[0]?.message}).`);
  }
  return parsed.data.topics.map((t) => ({ id: t.topic, name: t.name }));
}

/** The built-in topics plus the user's file (KG_TOPICS_FILE, default config/topics.json, from src/config). */
export function loadTaxonomy(files: string[] = [BUILTIN_TOPICS_FILE, loadConfig().topicsFile]): TaxonomyTopic[] {
  const byId = new Map<string, TaxonomyTopic>();
  for (const file of files) for (const t of readTopics(file)) if (!byId.has(t.id)) byId.set(t.id, t);
  return [...byId.values()];
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, "-").trim();

/** A topic named by id or by label ("peacekeeping", "peacekeeping force", "Peace deal"). */
export function matchTopic(query: string, topics: TaxonomyTopic[]): TaxonomyTopic | undefined {
  const q = norm(query);
  return topics.find((t) => norm(t.id) === q) ?? topics.find((t) => norm(t.name) === q);
}
