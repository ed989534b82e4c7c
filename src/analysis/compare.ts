import type { ActorColumn, CompareResult, Evidence, Position, QuoteGroup, ResolvedActor, StanceExplanation, StanceSummary } from "./schema.ts";

/** Pure logic of `kg compare`: from the evidence rows of each actor to stances, shifts and disputed proposals. */

type Side = "for" | "against" | "mixed";
const sideOf = (p: Position): Side => (p === "oppose" ? "against" : p === "mixed" ? "mixed" : "for");

/** Undated facts sort last; the evidence keeps the store's order otherwise. */
export function byDate(a: { date: string | null }, b: { date: string | null }): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

/** One side's items collapse to one stance: support with any conditional becomes conditional. */
function collapse(positions: Position[]): Position {
  const set = new Set(positions);
  if (set.size === 1) return positions[0]!;
  const sides = new Set(positions.map(sideOf));
  if (sides.size === 1 && sides.has("for")) return "conditional";
  return "mixed";
}

export interface PositionSummary {
  stance: StanceSummary;
  shift: { from: Position; to: Position; date: string | null } | null;
}

/**
 * An actor's stance from its evidence:
 * - "mixed" stances only decide when nothing else does; next to support they make it conditional;
 * - backing some proposals of the topic while rejecting *other* ones is conditional support of the topic
 *   (the actor wants it on its own terms), not opposition;
 * - support and opposition that follow each other in time (all of one before all of the other) are a change
 *   of position: the later one is the stance, with a shift; when they interleave, the stance is mixed.
 */
export function summarizePositions(evidence: Evidence[]): PositionSummary {
  const { stance, shift } = derivePositions(evidence);
  return { stance, shift };
}

/** summarizePositions with the rule that decided, in words (shown beside the stance). */
function derivePositions(evidence: Evidence[]): PositionSummary & { rule: string } {
  if (evidence.length === 0) return { stance: "no position found", shift: null, rule: "no fact on this topic" };
  const items = [...evidence].sort(byDate);
  const decided = items.filter((e) => sideOf(e.position) !== "mixed");
  if (decided.length === 0) return { stance: "mixed", shift: null, rule: "every fact is a mixed position" };
  const backing = decided.filter((e) => sideOf(e.position) === "for");
  const against = decided.filter((e) => sideOf(e.position) === "against");
  const hasMixed = decided.length < items.length;
  if (against.length === 0) {
    const stance = hasMixed ? "conditional" : collapse(backing.map((e) => e.position));
    const rule =
      stance === "support" ? "every fact supports"
      : hasMixed ? "support next to mixed facts counts as conditional"
      : stance === "conditional" && backing.every((e) => e.position === "conditional") ? "every fact is conditional"
      : "support next to conditional facts counts as conditional";
    return { stance, shift: null, rule };
  }
  if (backing.length === 0) return { stance: "oppose", shift: null, rule: hasMixed ? "every decided fact opposes" : "every fact opposes" };

  const backed = new Set(backing.map((e) => e.proposalId));
  if (against.every((e) => e.proposalId !== null && !backed.has(e.proposalId))) {
    return { stance: "conditional", shift: null, rule: "backs some proposals of the topic and rejects others: conditional support" };
  }

  const switchAt = decided.findIndex((e) => sideOf(e.position) !== sideOf(decided[0]!.position));
  const before = decided.slice(0, switchAt);
  const after = decided.slice(switchAt);
  const oneSwitch = after.every((e) => sideOf(e.position) === sideOf(after[0]!.position));
  const lastBefore = before.at(-1)?.date ?? null;
  const firstAfter = after[0]?.date ?? null;
  if (oneSwitch && lastBefore !== null && firstAfter !== null && lastBefore < firstAfter) {
    const to = collapse(after.map((e) => e.position));
    return { stance: to, shift: { from: collapse(before.map((e) => e.position)), to, date: firstAfter }, rule: `changed position on ${firstAfter}: the later facts decide` };
  }
  return { stance: "mixed", shift: null, rule: "support and opposition of the same proposals, interleaved in time: mixed" };
}

/** Counts by position, the latest dated fact and the most confident one, and the rule that decided the stance. */
export function explainPositions(evidence: Evidence[], rule: string): StanceExplanation {
  const counts: Record<Position, number> = { support: 0, conditional: 0, mixed: 0, oppose: 0 };
  for (const e of evidence) counts[e.position] += 1;
  const dated = evidence.filter((e) => e.date !== null).sort(byDate);
  const last = dated.at(-1);
  const confident = evidence.filter((e) => e.confidence !== null).sort((a, b) => b.confidence! - a.confidence!)[0];
  return {
    counts,
    latest: last ? { position: last.position, date: last.date!, relation: last.relation, proposalName: last.proposalName } : null,
    strongest: confident ? { position: confident.position, confidence: confident.confidence!, relation: confident.relation, proposalName: confident.proposalName } : null,
    rule,
  };
}

/** The evidence by quote: a sentence that supports several facts (an OFFERED and a stance) is listed once. */
export function groupQuotes(evidence: Evidence[]): QuoteGroup[] {
  const groups = new Map<string, QuoteGroup>();
  for (const e of [...evidence].sort(byDate)) {
    const id = e.quote === null ? `fact:${groups.size}` : `${e.articleId ?? ""}\u0000${e.quote.trim()}`;
    let group = groups.get(id);
    if (!group) {
      group = { quote: e.quote, articleId: e.articleId, articleTitle: e.articleTitle, source: e.source, url: e.url, date: e.date, start: e.start ?? null, end: e.end ?? null, facts: [] };
      groups.set(id, group);
    }
    const fact = { actorName: e.actorName, position: e.position, relation: e.relation, proposalName: e.proposalName, confidence: e.confidence };
    if (!group.facts.some((f) => f.actorName === fact.actorName && f.relation === fact.relation && f.proposalName === fact.proposalName && f.position === fact.position)) {
      group.facts.push(fact);
    }
  }
  return [...groups.values()];
}

/** A group's stance from its members' stances (members without a position do not count). */
export function summarizeMembers(stances: StanceSummary[]): StanceSummary {
  const known = stances.filter((s): s is Position => s !== "no position found");
  if (known.length === 0) return "no position found";
  return collapse(known);
}

/** The earliest dated fact on the current stance's side, after the last change of position. */
export function sinceWhen(evidence: Evidence[], stance: StanceSummary, shiftDate: string | null): string | null {
  if (stance === "no position found") return null;
  const side = sideOf(stance);
  const dates = evidence
    .filter((e) => e.date !== null && (side === "mixed" || sideOf(e.position) === side) && (shiftDate === null || e.date >= shiftDate))
    .map((e) => e.date!)
    .sort();
  return dates[0] ?? null;
}

/** Facts listed (with their quotes) per column: the newest. The stance is derived from every fact read. */
export const EVIDENCE_SHOWN = 100;

function column(actor: ResolvedActor, evidence: Evidence[]): ActorColumn {
  const members = new Set(actor.memberIds);
  const mine = evidence.filter((e) => members.has(e.actorId)).sort(byDate);
  const quotes: QuoteGroup[] = [];
  if (actor.kind !== "group") {
    const { stance, shift, rule } = derivePositions(mine);
    const explanation = explainPositions(mine, rule);
    return { actor, stance, shift, since: sinceWhen(mine, stance, shift?.date ?? null), members: [], evidence: mine, evidenceCount: mine.length, quotes, explanation };
  }
  const byMember = new Map<string, Evidence[]>();
  for (const e of mine) byMember.set(e.actorId, [...(byMember.get(e.actorId) ?? []), e]);
  const positions = actor.memberIds
    .map((id, i) => ({ id, name: actor.memberNames[i] ?? id, stance: summarizePositions(byMember.get(id) ?? []).stance }))
    .filter((m) => m.stance !== "no position found");
  const stance = summarizeMembers(positions.map((m) => m.stance));
  const rule = positions.length === 0 ? "no member has a position" : `from its members' stances (${positions.map((m) => `${m.name}: ${m.stance}`).join(", ")})`;
  return { actor, stance, shift: null, since: sinceWhen(mine, stance, null), members: positions, evidence: mine, evidenceCount: mine.length, quotes, explanation: explainPositions(mine, rule) };
}

/** What a column sends: its newest facts and their quotes (the stance and counts come from all of them). */
function shown(col: ActorColumn): ActorColumn {
  const evidence = col.evidence.slice(Math.max(0, col.evidence.length - EVIDENCE_SHOWN));
  return { ...col, evidence, quotes: groupQuotes(evidence) };
}

/** Side-by-side comparison: one column per actor, proposals where the columns disagree first. */
export function buildComparison(topic: { id: string; name: string }, actors: ResolvedActor[], evidence: Evidence[]): CompareResult {
  const columns = actors.map((a) => column(a, evidence));
  const proposals = new Map<string, string>();
  for (const c of columns) for (const e of c.evidence) if (e.proposalId) proposals.set(e.proposalId, e.proposalName ?? e.proposalId);

  const rows = [...proposals].map(([proposalId, proposalName]) => {
    const positions: Record<string, StanceSummary> = {};
    const sides = new Set<Side>();
    for (const c of columns) {
      const { stance } = summarizePositions(c.evidence.filter((e) => e.proposalId === proposalId));
      if (stance === "no position found") continue;
      positions[c.actor.name] = stance;
      sides.add(sideOf(stance));
    }
    return { proposalId, proposalName, positions, disputed: sides.has("for") && sides.has("against") };
  });
  rows.sort(
    (a, b) =>
      Number(b.disputed) - Number(a.disputed) ||
      Object.keys(b.positions).length - Object.keys(a.positions).length ||
      a.proposalName.localeCompare(b.proposalName),
  );
  return { topic, columns: columns.map(shown), proposals: rows };
}
