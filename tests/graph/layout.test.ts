import { describe, expect, it } from "vitest";
import {
  addLayoutNode,
  addLayoutSpring,
  computeLayout,
  defaultIterations,
  newLayoutGraph,
  positionsOf,
  settleAround,
  type LayoutInput,
} from "../../src/graph/layout.ts";

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

  it("places new nodes among fixed neighbours: nothing placed moves, each new node sits by its neighbours", () => {
    const stored = computeLayout(twoCommunities()).positions;
    const graph = newLayoutGraph();
    // As an ingest gives it: the new nodes and only their neighbours (with their stored positions).
    for (const id of ["new1", "new2", "lonely"]) addLayoutNode(graph, id, null, null);
    for (const p of stored.filter((p) => ["b7", "b8", "a3"].includes(p.id))) addLayoutNode(graph, p.id, p.x, p.y);
    addLayoutSpring(graph, "new1", "b7");
    addLayoutSpring(graph, "new1", "b8");
    addLayoutSpring(graph, "new2", "new1");
    addLayoutSpring(graph, "new2", "a3");
    const { placed } = settleAround(graph);
    expect(placed).toBe(3);
    const before = byId(stored);
    // (ForceAtlas2 works in 32-bit floats: a fixed node comes back equal to about 1e-6; its position is not rewritten.)
    for (const id of ["b7", "b8", "a3"]) {
      expect(graph.getNodeAttribute(id, "x")).toBeCloseTo(before.get(id)!.x, 3);
      expect(graph.getNodeAttribute(id, "y")).toBeCloseTo(before.get(id)!.y, 3);
    }
    const written = byId(positionsOf(graph, { onlyNew: true }));
    expect([...written.keys()].sort()).toEqual(["lonely", "new1", "new2"]);
    for (const p of written.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    const extent = Math.max(...stored.map((p) => dist(p, centroid(stored))));
    // new1 hangs on b7 and b8: it lands among the b community, far closer to it than the layout's size.
    expect(dist(written.get("new1")!, before.get("b7")!)).toBeLessThan(extent / 2);
    expect(dist(written.get("new1")!, centroid(stored.filter((p) => p.id.startsWith("b"))))).toBeLessThan(
      dist(written.get("new1")!, centroid(stored.filter((p) => p.id.startsWith("a")))),
    );
    // The same input gives the same positions (deterministic, like the full layout).
    const again = newLayoutGraph();
    graph.forEachNode((id, a) => addLayoutNode(again, id, a.kept ? a.x : null, a.kept ? a.y : null));
    graph.forEachEdge((_e, _a, s, t) => addLayoutSpring(again, s, t));
    settleAround(again);
    expect(positionsOf(again, { onlyNew: true })).toEqual(positionsOf(graph, { onlyNew: true }));
  });
});
