import { describe, expect, it } from "vitest";
import { type Article, articleId, contentHash, slugify } from "../../src/article/index.ts";

const base = { title: "Ministers agree on a new fisheries deal", source: "Example Wire", publishedAt: "2024-06-01" };

describe("articleId: derived ids", () => {
  it("is a readable slug of the title plus 8 hex digits", () => {
    expect(articleId(base)).toMatch(/^ministers-agree-on-a-new-fisheries-deal-[0-9a-f]{8}$/);
  });

  it("is stable: same input, same id, across calls and cosmetic whitespace or case changes", () => {
    const id = articleId(base);
    expect(articleId({ ...base })).toBe(id);
    expect(articleId({ ...base, title: "  Ministers agree on a new   fisheries deal " })).toBe(id);
    expect(articleId({ ...base, source: "EXAMPLE WIRE" })).toBe(id);
    // Pinned: changing the derivation would give every stored article a second copy under a new id.
    expect(articleId({ title: "Hello world", source: "S", publishedAt: "2024-01-01" })).toBe("hello-world-f3489842");
  });

  it("changes with source, title or date", () => {
    const id = articleId(base);
    expect(articleId({ ...base, source: "Other Wire" })).not.toBe(id);
    expect(articleId({ ...base, publishedAt: "2024-06-02" })).not.toBe(id);
    expect(articleId({ ...base, title: "Ministers agree on a new fisheries deal!" })).not.toBe(id);
    expect(articleId({ title: base.title })).not.toBe(id);
  });

  it("slugs: diacritics stripped, long titles cut at a word, non-Latin titles still get an id", () => {
    expect(slugify("Türkiye’s Erdoğan meets Zelenskyy in İstanbul")).toBe("turkiyes-erdogan-meets-zelenskyy-in-istanbul");
    const long = slugify("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith("word")).toBe(true);
    expect(articleId({ title: "Переговоры в Стамбуле" })).toMatch(/^article-[0-9a-f]{8}$/);
  });
});

describe("contentHash", () => {
  const article: Article = { id: "a", title: "T", body: "Body.", source: "S", publishedAt: "2024-01-01", url: "https://example.com/a", language: "en" };

  it("is a sha256 hex digest that ignores the id", () => {
    expect(contentHash(article)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ ...article, id: "other-id" } as Article)).toBe(contentHash(article));
  });

  it.each(["title", "body", "source", "publishedAt", "url", "language"] as const)("changes when %s changes", (field) => {
    const changed = { ...article, [field]: field === "url" ? "https://example.com/b" : `${article[field]}x` };
    expect(contentHash(changed)).not.toBe(contentHash(article));
  });

  it("tells a missing field from an empty one", () => {
    const { source: _source, ...withoutSource } = article;
    expect(contentHash(withoutSource)).not.toBe(contentHash({ ...article, source: "" }));
  });
});
