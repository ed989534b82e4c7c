import { describe, expect, it } from "vitest";
import { checkReadOnly, tokenize } from "../../src/store/query/guard.ts";
import { QueryRefusedError } from "../../src/store/query/errors.ts";
import { ABUSE_CORPUS } from "./abuse-corpus.ts";

/** The lexical half of the read-only check, without a database. */
describe("checkReadOnly", () => {
  it.each(ABUSE_CORPUS)("refuses: $name", ({ query }) => {
    expect(() => checkReadOnly(query)).toThrow(QueryRefusedError);
  });

  it("names the offending clause", () => {
    const err = (() => {
      try {
        checkReadOnly("MATCH (n) // comment\nDETACH DELETE n");
      } catch (e) {
        return e as QueryRefusedError;
      }
    })();
    expect(err?.clause).toBe("DETACH");
    expect(err?.message).toMatch(/DETACH DELETE removes data/);
    expect(() => checkReadOnly("CALL db.createLabel('X')")).toThrow(/procedure db\.createLabel is not on the read-only allow-list/);
    expect(() => checkReadOnly("RETURN 1; RETURN 2")).toThrow(/several statements/);
  });

  it.each([
    ["keywords inside strings", "MATCH (n) WHERE n.name = 'CREATE (x) DELETE y; SET z' RETURN n"],
    ["keywords inside comments", "// CREATE DELETE SET\nMATCH (n) /* MERGE */ RETURN n"],
    ["keywords as property keys", "MATCH (n) RETURN n.set, n.create, n.delete, n.remove"],
    ["keywords as map keys", "RETURN {set: 1, create: 2, delete: 3} AS m"],
    ["keywords as labels and types", "MATCH (n:Set)-[:CREATE]->(m:Delete) RETURN n"],
    ["quoted identifiers", "MATCH (`CREATE`) RETURN `CREATE`.name AS `DELETE`"],
    ["STARTS WITH", "MATCH (n) WHERE n.name STARTS WITH 'T' RETURN n"],
    ["CALL subquery that reads", "MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS c } RETURN n, c"],
    ["allowed procedures", "CALL db.index.fulltext.queryNodes('entityNames', $q) YIELD node RETURN node"],
    ["SHOW INDEXES", "SHOW INDEXES"],
    ["one trailing semicolon", "MATCH (n) RETURN n;"],
    ["escaped quote in a string", "RETURN 'it\\'s DELETE' AS s"],
  ])("allows %s", (_, query) => {
    expect(() => checkReadOnly(query)).not.toThrow();
  });

  it("drops a trailing semicolon and keeps string contents intact", () => {
    expect(checkReadOnly("RETURN 'a;b' AS x;  ").query).toBe("RETURN 'a;b' AS x");
  });

  it("tokenizes strings as opaque and comments away", () => {
    const kinds = tokenize("MATCH /* c */ (n) // x\nWHERE n.a = 'DELETE' RETURN n").map((t) => t.kind + ":" + t.text);
    expect(kinds).not.toContain("word:DELETE");
    expect(kinds).toContain("string:");
  });
});
