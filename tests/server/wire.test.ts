import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/index.ts";
import { conform, WireContractError } from "../../src/server/errors.ts";
import { GraphSchema, NodeDetailSchema } from "../../src/server/wire.ts";

/** The wire contract (src/server/wire.ts): one set of schemas, enforced by the server, typed into the web app. */
function webSources(dir = path.join(REPO_ROOT, "web", "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? webSources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

describe("the wire contract", () => {
  it("reaches the web app as types only: no module of the web app imports the schemas (or zod) at run time", () => {
    for (const file of webSources()) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)) {
        const [, typeOnly, from] = m;
        if (from === "zod" || from!.endsWith("/server/wire.ts") || from!.endsWith("/analysis/schema.ts")) {
          expect(typeOnly, `${path.relative(REPO_ROOT, file)} imports ${from} at run time`).toBeTruthy();
        }
      }
    }
  });

  it("lets a conforming answer through and stops one that drifted (a server bug: 500, never a different shape)", () => {
    const graph = {
      attributes: { truncated: false, edgesSampled: false },
      options: { type: "directed", multi: true, allowSelfLoops: true },
      nodes: [{ key: "country:turkey", attributes: { label: "Turkey", entityType: "Country", role: null, degree: 3, x: 1, y: 2 } }],
      edges: [],
    };
    expect(conform(GraphSchema, graph)).toEqual(graph);
    // Unknown fields are dropped: only what the contract names goes out.
    expect(conform(GraphSchema, { ...graph, secret: "x" })).not.toHaveProperty("secret");
    expect(() => conform(NodeDetailSchema, { id: "country:turkey", name: "Turkey" })).toThrow(WireContractError);
  });
});
