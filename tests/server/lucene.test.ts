import { describe, expect, it } from "vitest";
import { buildLuceneQuery, escapeLucene } from "../../src/store/read/lucene.ts";

describe("building a Lucene query from what a person typed", () => {
  it("matches every word exactly, as a prefix, and within one edit for longer words", () => {
    expect(buildLuceneQuery("Turkey")).toBe("(turkey^4 OR turkey*^2 OR turkey~1)");
    expect(buildLuceneQuery("tu")).toBe("(tu^4 OR tu*^2)");
    expect(buildLuceneQuery("white house")).toBe("(white^4 OR white*^2 OR white~1) AND (house^4 OR house*^2 OR house~1)");
  });

  it("drops punctuation and operators so user text cannot change the query's structure", () => {
    expect(buildLuceneQuery('tur* OR "x')).toBe("(tur^4 OR tur*^2) AND (or^4 OR or*^2) AND (x^4 OR x*^2)");
    expect(buildLuceneQuery("name:(a)")).toBe("(name^4 OR name*^2 OR name~1) AND (a^4 OR a*^2)");
    expect(buildLuceneQuery("  !!! ")).toBeNull();
  });

  it("escapes every Lucene special character", () => {
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
  });
});
