import type { Ctx, PositionDraft } from "./context.ts";
import type { Entity } from "./entities/registry.ts";
import type { Stance } from "./schema.ts";

export interface StanceResult {
  actor: Entity;
  topic: string;
  stance: Stance;
  /** Sentence of the position that decided it. */
  sent: number;
  confidence: number;
}

/**
 * One stance per actor and topic, from the positions the rules recorded: only support (or support and a
 * conditional one) is support; only conditional is conditional; opposing one proposal while putting forward one's
 * own on the topic is still support (the actor wants it, differently); opposing one and backing another's is mixed;
 * only opposition is oppose.
 */
export function deriveStances(ctx: Ctx): StanceResult[] {
  const groups = new Map<string, PositionDraft[]>();
  for (const p of ctx.positions) {
    const topic = String(p.about.attrs.topic ?? "other");
    const key = `${p.actor.key}\u0000${topic}`;
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  const out: StanceResult[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    const topic = String(first.about.attrs.topic ?? "other");
    const support = list.filter((p) => p.stance === "support");
    const conditional = list.filter((p) => p.stance === "conditional");
    const oppose = list.filter((p) => p.stance === "oppose");
    const own = [...support, ...conditional].filter((p) => p.cls === "PROPOSE" || p.cls === "OFFER");
    let stance: Stance;
    let decisive: PositionDraft;
    if (oppose.length && (support.length || conditional.length)) {
      if (own.length) {
        stance = own.every((p) => p.stance === "conditional") ? "conditional" : "support";
        decisive = own[0]!;
      } else {
        stance = "mixed";
        decisive = first;
      }
    } else if (support.length) {
      stance = "support";
      decisive = support[0]!;
    } else if (conditional.length) {
      stance = "conditional";
      decisive = conditional[0]!;
    } else {
      stance = "oppose";
      decisive = oppose[0]!;
    }
    out.push({ actor: first.actor, topic, stance, sent: decisive.sent, confidence: Math.min(0.9, 0.6 + 0.1 * list.length) });
  }
  return out;
}
