/**
 * A corpus of pre-extracted news articles for the scale bench: each article comes with its extraction document in
 * the extractor's output shape (src/extract/schema.ts, tests/fixtures/eval/FORMAT.md), as `kg extract --format jsonl`
 * prints it, so loading it goes through the same graph building and write path as `kg ingest`.
 *
 * What makes it look like a year of news:
 *  - actors from the lexicons (countries, leaders, organisations, places) with Zipf-like popularity, plus a long
 *    tail of rare people and organisations whose pool grows with the corpus (new names keep appearing);
 *  - dates spread over 2025, outlets of different sizes;
 *  - 5 to 40 facts an article (most near the low end), each with its evidence sentence and offsets in the body;
 *    mention counts skewed to each story's protagonists;
 *  - proposals and meetings shared between articles (a popular proposal is discussed for months; a meeting in one
 *    place within a few days is the same meeting), stances on the topics.
 * Article `index` always gives the same document for a seed: a smaller corpus is the start of a bigger one.
 */
import type { Article } from "../../src/article/schema.ts";
import { ExtractionSchema, type Extraction, type Relation, type StanceRecord } from "../../src/extract/schema.ts";
import { slug } from "../../src/text/normalise.ts";
import { PLACES, rareActor, rarePlace, WELL_KNOWN, type Actor } from "./actors.ts";
import { hash32, rng, type Rng } from "./random.ts";

export type ScaleDocument = { article: Article; extraction: Extraction };

export const EXTRACTOR = { name: "scale-bench", version: "1" } as const;

const OUTLETS = ["Reuters", "Associated Press", "AFP", "BBC News", "Al Jazeera", "The Guardian", "Deutsche Welle", "Kyiv Independent", "Times of Israel", "Anadolu Agency", "Politico Europe", "Nikkei Asia", "Euronews", "France 24", "The Hindu"];

/** Phrases that name a proposal of each topic (the topic the extractor would read from its words). */
const PROPOSAL_PHRASES: Record<string, string[]> = {
  ceasefire: ["ceasefire", "truce", "humanitarian pause"],
  "security-guarantees": ["security guarantees", "security pact"],
  peacekeeping: ["peacekeeping force", "stabilisation mission"],
  "naval-mission": ["naval escort mission", "maritime security mission"],
  "peace-deal": ["peace plan", "framework agreement", "peace deal"],
  territory: ["territorial swap", "buffer zone"],
  "nato-membership": ["NATO membership bid"],
  summit: ["leaders summit", "peace conference"],
  weapons: ["air defence package", "arms deliveries"],
  sanctions: ["sanctions package", "oil price cap"],
  settlements: ["settlement freeze"],
  prisoners: ["prisoner exchange", "hostage release deal"],
  humanitarian: ["aid corridor", "reconstruction fund"],
};
const TOPIC_IDS = Object.keys(PROPOSAL_PHRASES);
const MEETING_KINDS = ["talks", "summit", "meeting", "round of talks", "conference"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const STANCE_WORDS: Record<string, string> = { support: "in favour of", oppose: "firmly against", conditional: "open, under conditions, to", mixed: "divided over" };
const CODES: Record<string, { cameo: string; plover: string }> = {
  PROPOSED: { cameo: "020", plover: "REQUEST" },
  OFFERED: { cameo: "050", plover: "AGREE" },
  REJECTED: { cameo: "120", plover: "REJECT" },
  SUPPORTED: { cameo: "051", plover: "SUPPORT" },
  OPPOSED: { cameo: "110", plover: "DISAPPROVE" },
  HOSTED: { cameo: "043", plover: "CONSULT" },
  ATTENDED: { cameo: "040", plover: "CONSULT" },
  MET_WITH: { cameo: "040", plover: "CONSULT" },
  URGED: { cameo: "020", plover: "DEMAND" },
};
const FILLER = [
  "Officials spoke on condition of anonymity because they were not authorised to discuss the matter publicly.",
  "The talks lasted several hours and covered trade, energy and regional security.",
  "Analysts said the outcome would depend on how quickly both sides could agree on the details.",
  "Diplomats cautioned that many questions remained open and that a final text was still weeks away.",
  "The announcement came after weeks of shuttle diplomacy between the capitals.",
  "Neither side gave a timetable for the next steps.",
  "Markets reacted calmly to the news, with the currency little changed by the afternoon.",
  "A statement released later in the day repeated the main points.",
];
const TAILS = [
  "", "", "", " on Monday", " on Tuesday", " after hours of talks", " in a statement", " according to officials",
  " at a news conference", " late on Friday", " in a televised address", " during a phone call",
];

type Kind = "Person" | "Organization" | "Country" | "Place" | "Proposal" | "Meeting";
type DocEntity = { id: string; type: Kind; name: string; aliases: string[]; attributes: Record<string, unknown> };

const START = Date.UTC(2025, 0, 1);
const isoDay = (day: number) => new Date(START + day * 86_400_000).toISOString().slice(0, 10);

/** The k-th proposal of the corpus: a topic's phrase for a place or a state, shared by every article that picks k. */
function proposal(k: number): { name: string; topic: string } {
  const h = hash32(`proposal:${k}`);
  const topic = TOPIC_IDS[h % TOPIC_IDS.length]!;
  const phrases = PROPOSAL_PHRASES[topic]!;
  const where = k % 2 === 0 ? PLACES[(h >>> 8) % Math.min(PLACES.length, 60)]! : WELL_KNOWN.filter((a) => a.type === "Country")[(h >>> 8) % 40]!.name;
  // Past the first few hundred, proposals get an ordinal too, so the pool keeps growing instead of repeating.
  const ordinal = k >= 400 ? ` ${["second", "third", "fourth", "revised", "phased", "interim"][k % 6]} ${Math.floor(k / 400)}` : "";
  return { name: `${phrases[(h >>> 16) % phrases.length]} for ${where}${ordinal}`, topic };
}

class DocumentBuilder {
  readonly entities = new Map<string, DocEntity>();
  readonly relations: Relation[] = [];
  readonly stances: StanceRecord[] = [];
  private readonly sentences: { text: string; relation?: Relation; stance?: StanceRecord }[] = [];
  private readonly usedIds = new Set<string>();

  constructor(private readonly r: Rng) {}

  add(type: Kind, name: string, aliases: string[] = [], attributes: Record<string, unknown> = {}): DocEntity {
    const key = `${type}|${name}`;
    const known = this.entities.get(key);
    if (known) return known;
    let id = slug(name) || "entity";
    while (this.usedIds.has(id)) id = `${id}-${type.toLowerCase()}`;
    this.usedIds.add(id);
    const entity: DocEntity = { id, type, name, aliases, attributes };
    this.entities.set(key, entity);
    return entity;
  }

  addActor(actor: Actor): DocEntity {
    const attributes: Record<string, unknown> = { ...actor.attributes };
    return this.add(actor.type, actor.name, actor.aliases, attributes);
  }

  say(text: string): void {
    this.sentences.push({ text });
  }

  fact(type: Relation["type"], subject: DocEntity, object: DocEntity, text: string, date: string): void {
    const relation: Relation = {
      subject: subject.id,
      type,
      object: object.id,
      evidence: text,
      confidence: Math.round((0.55 + 0.4 * this.r.next()) * 100) / 100,
      date,
      ...(CODES[type] ?? {}),
    };
    this.relations.push(relation);
    this.sentences.push({ text, relation });
  }

  stance(actor: DocEntity, topic: string, stance: StanceRecord["stance"], text: string, date: string): void {
    const record: StanceRecord = { actor: actor.id, topic, stance, evidence: text, confidence: Math.round((0.6 + 0.35 * this.r.next()) * 100) / 100, date };
    this.stances.push(record);
    this.sentences.push({ text, stance: record });
  }

  /** The body: the sentences in paragraphs of three to five, with each fact's and stance's offsets in it. */
  body(): string {
    let body = "";
    let inParagraph = 0;
    for (const s of this.sentences) {
      if (body.length > 0) body += inParagraph >= 3 + (s.text.length % 3) ? "\n\n" : " ";
      if (body.endsWith("\n\n")) inParagraph = 0;
      const start = body.length;
      body += s.text;
      inParagraph += 1;
      const span = { start, end: body.length };
      if (s.relation) s.relation.span = span;
      if (s.stance) s.stance.span = span;
    }
    return body;
  }
}

/** Every occurrence of a name in the body (the mentions an extractor would report). */
function spansOf(body: string, name: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + name.length)) spans.push({ start: at, end: at + name.length });
  return spans;
}

/** The article and extraction document number `index` of the corpus with this seed. */
export function scaleDocument(index: number, seed = 1): ScaleDocument {
  const r = rng(hash32(`${seed}:${index}`, 7));
  const b = new DocumentBuilder(r);
  const day = r.int(365);
  const date = isoDay(day);
  const source = OUTLETS[r.zipf(OUTLETS.length)]!;

  // The story's actors: well-known ones by popularity, and now and then someone from the long tail. The tail's pool
  // grows with the corpus, and a rare name seen lately is likelier to come back (a story runs for a few days).
  const actors: DocEntity[] = [];
  const tailPool = 300 + Math.floor(index * 0.35);
  const wanted = 3 + r.int(4) + (r.next() < 0.3 ? r.int(5) : 0);
  for (let tries = 0; actors.length < wanted && tries < wanted * 4; tries++) {
    const actor =
      r.next() < 0.8
        ? WELL_KNOWN[r.zipf(WELL_KNOWN.length)]!
        : rareActor(r.next() < 0.5 ? Math.max(0, tailPool - 1 - r.zipf(300)) : r.zipf(tailPool));
    const entity = b.addActor(actor);
    if (!actors.includes(entity)) actors.push(entity);
  }
  // Protagonists first: article-local popularity is Zipf-like too, so mention counts are skewed.
  const someActor = () => actors[r.zipf(actors.length)]!;
  const otherActor = (than: DocEntity) => {
    for (let i = 0; i < 5; i++) {
      const a = someActor();
      if (a !== than) return a;
    }
    return actors.find((a) => a !== than) ?? than;
  };

  const proposals = Array.from({ length: 1 + (r.next() < 0.5 ? 1 : 0) + (r.next() < 0.2 ? 1 : 0) }, () => {
    const p = proposal(r.zipf(40 + Math.floor(index / 40)));
    return b.add("Proposal", p.name, [], { topic: p.topic });
  });
  const meetings: DocEntity[] = [];
  for (let m = 0; m < (r.next() < 0.45 ? 1 : 0) + (r.next() < 0.1 ? 1 : 0); m++) {
    const placeName = r.next() < 0.9 ? PLACES[r.zipf(PLACES.length)]! : rarePlace(r.zipf(100 + Math.floor(index * 0.05)));
    const place = b.add("Place", placeName);
    // Articles about one place within the same five days report the same meeting.
    const meetingDate = isoDay(day - (day % 5));
    const meeting = b.add("Meeting", `${MEETING_KINDS[hash32(placeName) % MEETING_KINDS.length]} in ${placeName}`, [], { date: meetingDate, place: place.id });
    meetings.push(meeting);
    b.fact("HELD_IN", meeting, place, `The ${meeting.name} opened in ${placeName} on ${meetingDate}.`, meetingDate);
  }

  const facts = 5 + Math.floor(35 * r.next() ** 3);
  const tail = () => TAILS[r.int(TAILS.length)]!;
  // Some draws make no fact (an actor urging itself, a leader without a country): draw until the count is reached.
  for (let tries = 0; b.relations.length < facts && tries < facts * 5; tries++) {
    const type = r.weighted<Relation["type"]>([
      ["MET_WITH", 15], ["SUPPORTED", 12], ["OPPOSED", 8], ["PROPOSED", 10], ["OFFERED", 7], ["REJECTED", 7],
      ["URGED", 10], ["ATTENDED", 12], ["HOSTED", 4], ["LEADS", 3], ["MEMBER_OF", 2],
    ]);
    const s = someActor();
    const p = proposals[r.int(proposals.length)]!;
    const meeting = meetings.length > 0 ? meetings[r.int(meetings.length)]! : null;
    switch (type) {
      case "PROPOSED":
        b.fact(type, s, p, `${s.name} proposed a ${p.name}${tail()}.`, date);
        break;
      case "OFFERED":
        b.fact(type, s, p, `${s.name} offered to contribute to the ${p.name}${tail()}.`, date);
        break;
      case "REJECTED":
        b.fact(type, s, p, `${s.name} rejected the ${p.name}${tail()}.`, date);
        break;
      case "SUPPORTED":
      case "OPPOSED": {
        const o = r.next() < 0.8 ? p : otherActor(s);
        const verb = type === "SUPPORTED" ? "voiced support for" : "said it opposed";
        b.fact(type, s, o, `${s.name} ${verb} ${o.type === "Proposal" ? "the " : ""}${o.name}${tail()}.`, date);
        break;
      }
      case "URGED": {
        const o = otherActor(s);
        if (o !== s) b.fact(type, s, o, `${s.name} urged ${o.name} to return to the negotiating table${tail()}.`, date);
        break;
      }
      case "ATTENDED":
      case "HOSTED":
        if (meeting) {
          const verb = type === "HOSTED" ? "hosted" : "attended";
          b.fact(type, s, meeting, `${s.name} ${verb} the ${meeting.name}${tail()}.`, String(meeting.attributes.date));
          break;
        }
      // falls through: no meeting in this story
      case "MET_WITH": {
        const o = otherActor(s);
        if (o !== s) b.fact("MET_WITH", s, o, `${s.name} met ${o.name} on ${WEEKDAYS[r.int(7)]}${tail()}.`, date);
        break;
      }
      case "LEADS": {
        const country = typeof s.attributes.country === "string" ? WELL_KNOWN.find((a) => a.name === s.attributes.country) : undefined;
        if (s.type === "Person" && country) {
          const c = b.addActor(country);
          b.fact(type, s, c, `${s.name}, the ${String(s.attributes.role ?? "envoy")} of ${c.name}, spoke to reporters${tail()}.`, date);
        }
        break;
      }
      case "MEMBER_OF": {
        const o = actors.find((a) => a.type === "Organization");
        if (s.type === "Country" && o) b.fact(type, s, o, `${s.name}, a member of the ${o.name}, joined the call${tail()}.`, date);
        break;
      }
    }
    // Background sentences: news bodies are mostly context around the few sentences that carry facts.
    if (r.next() < 0.9) b.say(FILLER[r.int(FILLER.length)]!);
  }
  for (let k = 2 + r.int(6); k > 0; k--) b.say(FILLER[r.int(FILLER.length)]!);
  // The protagonist is named again (mention counts are skewed to each story's main actor).
  for (let k = r.int(4); k > 0; k--) b.say(`${actors[0]!.name} has been at the centre of the dispute for weeks.`);

  const stanceCount = r.zipf(5);
  for (let k = 0; k < stanceCount; k++) {
    const a = someActor();
    const topic = r.next() < 0.7 ? String(proposals[r.int(proposals.length)]!.attributes.topic) : TOPIC_IDS[r.int(TOPIC_IDS.length)]!;
    const stance = r.weighted<StanceRecord["stance"]>([["support", 45], ["oppose", 30], ["conditional", 15], ["mixed", 10]]);
    b.stance(a, topic, stance, `${a.name} said it was ${STANCE_WORDS[stance]} the ${topic.replace(/-/g, " ")} effort${tail()}.`, date);
  }

  const body = b.body();
  const id = `scale-${String(index).padStart(7, "0")}`;
  const first = b.relations.find((x) => x.type !== "HELD_IN") ?? b.relations[0]!;
  const title = first.evidence.replace(/\.$/, "");
  const article: Article = { id, title, body, source, publishedAt: date, url: `https://news.example/${slug(source)}/${id}`, language: "en" };
  const entities = [...b.entities.values()]
    .map((e) => {
      const spans = spansOf(body, e.name);
      return { ...e, mentions: Math.max(1, spans.length), spans };
    })
    // Every entity of an extraction is one the text names (the extractor keeps no others).
    .filter((e) => e.spans.length > 0 || b.relations.some((x) => x.subject === e.id || x.object === e.id));
  const extraction: Extraction = {
    article: { id, title, source, publishedAt: date },
    entities,
    relations: b.relations,
    stances: b.stances,
    extractor: { ...EXTRACTOR },
  };
  return { article, extraction };
}

/** Documents [from, to) of the corpus, one at a time (a corpus of 100,000 is never held in memory). */
export function* scaleDocuments(from: number, to: number, seed = 1): Generator<ScaleDocument> {
  for (let i = from; i < to; i++) yield scaleDocument(i, seed);
}

/** Checks a document against the extraction schema (what `kg load` would accept); throws on a mismatch. */
export function checkDocument(doc: ScaleDocument): void {
  ExtractionSchema.parse(doc.extraction);
}
