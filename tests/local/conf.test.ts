import { describe, expect, it } from "vitest";
import { renderConf } from "../../src/store/local/conf.ts";
import { homeLayout } from "../../src/store/local/paths.ts";

describe("the local server's neo4j.conf", () => {
  it("bounds every transaction: memory (a quarter of the heap each, half in all) and a default timeout", () => {
    const conf = renderConf(homeLayout("/tmp/kg-home"), { boltPort: 7687, httpPort: 7474, pageCache: "256m", heap: "1g" });
    expect(conf).toMatch(/^db\.memory\.transaction\.max=256m$/m);
    expect(conf).toMatch(/^dbms\.memory\.transaction\.total\.max=512m$/m);
    expect(conf).toMatch(/^db\.transaction\.timeout=300s$/m);
    const small = renderConf(homeLayout("/tmp/kg-home"), { boltPort: 1, httpPort: 2, pageCache: "64m", heap: "512m", transactionTimeout: "60s" });
    expect(small).toMatch(/^db\.memory\.transaction\.max=128m$/m);
    expect(small).toMatch(/^db\.transaction\.timeout=60s$/m);
  });
});
