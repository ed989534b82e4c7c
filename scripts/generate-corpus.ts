/**
 * Synthetic news corpus for benchmarks: articles of about 600 words built from the extractor's lexicons
 * (verbs, topics, titles, organisations) and the country dataset, with distinct ids and varied sentences.
 * Deterministic for a given seed, so runs are comparable.
 *
 *   npx tsx scripts/generate-corpus.ts --count 1000 --out /tmp/corpus   (one .json file per article)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import worldCountries, { type Countries } from "world-countries";
import type { Article } from "../src/article/schema.ts";
import roles from "../src/extract/lexicons/roles.json" with { type: "json" };
import topics from "../src/extract/lexicons/topics.json" with { type: "json" };
import predicates from "../src/extract/lexicons/predicates.json" with { type: "json" };
import organizations from "../src/extract/lexicons/organizations.json" with { type: "json" };

/** Small, fast, seedable PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const IRREGULAR_PAST: Record<string, string> = { meet: "met", hold: "held", put: "put", join: "joined", back: "backed", slam: "slammed", offer: "offered", commit: "committed", "stop": "stopped" };
function past(phrase: string): string {
  const [head, ...rest] = phrase.split(" ");
  const w = head!;
  const p =
    IRREGULAR_PAST[w] ??
    (w.endsWith("e") ? `${w}d` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ied` : `${w}ed`);
  return [p, ...rest].join(" ");
}

// The package is CommonJS: at run time its default export is the array that its types call `default`.
const countries = worldCountries as unknown as Countries;
const states = countries.filter((c) => c.independent && c.capital.length > 0 && c.demonyms?.eng?.m);
const SYLLABLES = ["ka", "lo", "ren", "mi", "vas", "tor", "an", "el", "sen", "dra", "mir", "ov", "ich", "ber", "son", "ta", "ri", "no", "gar", "lin"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const LEADER_TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Chancellor", "Secretary of State"];
void roles;
const CLASS_OF: Record<string, string> = { PROPOSED: "PROPOSE", OFFERED: "OFFER", REJECTED: "REJECT", SUPPORTED: "SUPPORT", OPPOSED: "OPPOSE", HOSTED: "HOST", ATTENDED: "ATTEND", MET_WITH: "MEET", URGED: "URGE" };
const verbsOf = (type: string) =>
  (predicates as { verbs: Array<{ lemma: string; class: string; particle?: string; prep?: string }> }).verbs
    .filter((v) => v.class === CLASS_OF[type] && !v.prep)
    .map((v) => [v.lemma, v.particle].filter(Boolean).join(" "));
const TOPIC_NAMES = (topics as { topics: Array<{ name?: string }> }).topics.map((t) => t.name).filter((n): n is string => !!n);
const ORGS = (organizations as { organizations: Array<{ name: string }> }).organizations.map((o) => o.name);

const FILLER = [
  "Officials spoke on condition of anonymity because they were not authorised to discuss the matter publicly.",
  "The talks lasted several hours and covered trade, energy and regional security.",
  "Analysts said the outcome would depend on how quickly both sides could agree on the details.",
  "Markets reacted calmly to the news, with the currency little changed by the afternoon.",
  "Diplomats cautioned that many questions remained open and that a final text was still weeks away.",
  "The statement gave no timetable for the next steps.",
  "Opposition lawmakers criticised the government for what they called a lack of transparency.",
  "Aid groups warned that the humanitarian situation was deteriorating as winter approached.",
];

export function generateCorpus(count: number, seed = 42): Article[] {
  const r = rng(seed);
  const name = () => {
    const part = () => {
      const s = Array.from({ length: 2 + Math.floor(r.next() * 2) }, () => r.pick(SYLLABLES)).join("");
      return s[0]!.toUpperCase() + s.slice(1);
    };
    return `${part()} ${part()}`;
  };
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const [a, b, c] = [r.pick(states), r.pick(states), r.pick(states)];
    const [pa, pb] = [name(), name()];
    const [ta, tb] = [r.pick(LEADER_TITLES), r.pick(LEADER_TITLES)];
    const topic = r.pick(TOPIC_NAMES);
    const day = r.pick(WEEKDAYS);
    const lead = [
      `${a.demonyms.eng!.m} ${ta} ${pa} ${past(r.pick(verbsOf("HOSTED")))} ${b.demonyms.eng!.m} ${tb} ${pb} in ${a.capital[0]} on ${day}.`,
      `${pa} ${past(r.pick(verbsOf("PROPOSED")))} a ${topic} during the talks, according to officials in ${a.capital[0]}.`,
      `${b.name.common} ${past(r.pick(verbsOf("REJECTED")))} the proposal for a ${r.pick(TOPIC_NAMES)}, ${pb} said.`,
      `${c.name.common} ${past(r.pick(verbsOf("OFFERED")))} ${r.pick(TOPIC_NAMES)} to ${b.name.common}, its foreign ministry said in a statement.`,
      `The ${r.pick(ORGS)} ${past(r.pick(verbsOf("SUPPORTED")))} the ${topic}, while ${c.name.common} urged both sides to show restraint.`,
      `${pb} did not reject the idea of a ${r.pick(TOPIC_NAMES)}, but said it would require ${b.name.common}'s approval.`,
    ];
    const sentences = [...lead];
    while (sentences.join(" ").split(/\s+/).length < 600) {
      sentences.push(r.next() < 0.35 ? lead[Math.floor(r.next() * lead.length)]!.replace(day, r.pick(WEEKDAYS)) : r.pick(FILLER));
    }
    const paragraphs: string[] = [];
    for (let s = 0; s < sentences.length; s += 3) paragraphs.push(sentences.slice(s, s + 3).join(" "));
    const date = new Date(Date.UTC(2024, 0, 1) + (i % 600) * 86_400_000).toISOString().slice(0, 10);
    articles.push({
      id: `synthetic-${seed}-${i}`,
      title: `${a.name.common} and ${b.name.common} discuss ${topic}`,
      body: paragraphs.join("\n\n"),
      source: r.pick(["Synthetic Wire", "Bench Times", "Generated Post"]),
      publishedAt: date,
      language: "en",
    });
  }
  return articles;
}

export function writeCorpus(dir: string, articles: Article[]): void {
  mkdirSync(dir, { recursive: true });
  for (const a of articles) writeFileSync(path.join(dir, `${a.id}.json`), JSON.stringify(a));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const count = Number(args[args.indexOf("--count") + 1] ?? 1000) || 1000;
  const out = args.includes("--out") ? args[args.indexOf("--out") + 1]! : "corpus";
  writeCorpus(out, generateCorpus(count));
  console.log(`wrote ${count} articles to ${out}`);
}
