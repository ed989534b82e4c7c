import { describe, expect, it } from "vitest";
import { computeLayout, defaultIterations, type LayoutInput } from "../../src/graph/layout.ts";

/** Two communities of 30 nodes (dense inside, one bridge between them), no stored positions. */
function twoCommunities(): LayoutInput {
  const nodes: LayoutInput["nodes"] = [];
  const edges: LayoutInput["edges"] = [];
  for (const side of ["a", "b"]) {
    for (let i = 0; i < 30; i++) nodes.push({ id: `${side}${i}`, x: null, y: null });
    for (let i = 0; i < 30; i++) for (const step of [1, 2, 5]) edges.push({ source: `${side}${i}`, target: `${side}${(i + step) % 30}` });
  }
  edges.push({ source: "a0", target: "b0" });
  return { nodes, edges };
}

const byId = (positions: { id: string; x: number; y: number }[]) => new Map(positions.map((p) => [p.id, p]));
const dist = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
const centroid = (ps: { x: number; y: number }[]) => ({ x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length });

describe("the explorer layout (computed once, stored on the nodes)", () => {
  it("places every node at a finite position, the same on every run", () => {
    const input = twoCommunities();
    const first = computeLayout(input);
    expect(first.positions).toHaveLength(60);
    expect(first.placed).toBe(60);
    for (const p of first.positions) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(computeLayout(input)).toEqual(first);
  });

  it("draws connected nodes closer together than unconnected communities", () => {
    const pos = byId(computeLayout(twoCommunities()).positions);
    const a = centroid([...pos.values()].filter((p) => p.id.startsWith("a")));
    const b = centroid([...pos.values()].filter((p) => p.id.startsWith("b")));
    const spreadA = Math.max(...[...pos.values()].filter((p) => p.id.startsWith("a")).map((p) => dist(p, a)));
    // The two communities sit apart: their centres are further apart than half the size of one of them.
    expect(dist(a, b)).toBeGreaterThan(spreadA / 2);
  });

  it("adds a new node next to the node it is connected to and barely moves the stored ones", () => {
    const input = twoCommunities();
    const stored = computeLayout(input).positions;
    const next = computeLayout({
      nodes: [...stored, { id: "new", x: null, y: null }],
      edges: [...input.edges, { source: "new", target: "b7" }],
    });
    expect(next.placed).toBe(1);
    const before = byId(stored);
    const after = byId(next.positions);
    const extent = Math.max(...stored.map((p) => dist(p, centroid(stored))));
    const meanShift = stored.reduce((s, p) => s + dist(p, after.get(p.id)!), 0) / stored.length;
    expect(meanShift).toBeLessThan(extent * 0.15);
    const toNeighbour = dist(after.get("new")!, after.get("b7")!);
    const toOtherSide = dist(after.get("new")!, centroid([...after.values()].filter((p) => p.id.startsWith("a"))));
    expect(toNeighbour).toBeLessThan(toOtherSide);
    expect(before.has("new")).toBe(false);
  });

  it("lays everything out afresh with reset, ignoring stored positions", () => {
    const input = twoCommunities();
    const fresh = computeLayout(input);
    const scrambled = input.nodes.map((n, i) => ({ ...n, x: i * 1000, y: -i * 1000 }));
    expect(computeLayout({ nodes: scrambled, edges: input.edges }, { reset: true })).toEqual(fresh);
  });

  it("merges parallel facts into one spring and ignores edges to unknown nodes and self-loops", () => {
    const result = computeLayout({
      nodes: [{ id: "x", x: null, y: null }, { id: "y", x: null, y: null }],
      edges: [{ source: "x", target: "y" }, { source: "y", target: "x" }, { source: "x", target: "x" }, { source: "x", target: "ghost" }],
    });
    expect(result.positions.map((p) => p.id).sort()).toEqual(["x", "y"]);
  });

  it("spends fewer iterations on larger graphs and on incremental updates", () => {
    expect(defaultIterations(100, true)).toBe(300);
    expect(defaultIterations(20_000, true)).toBeLessThan(defaultIterations(2_000, true));
    expect(defaultIterations(2_000, false)).toBeLessThan(defaultIterations(2_000, true));
  });
});
