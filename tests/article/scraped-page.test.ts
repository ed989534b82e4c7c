import { describe, expect, it } from "vitest";
import { readArticleFile, readArticles, splitScrapedPage } from "../../src/article/index.ts";
import { fixture } from "./helpers.ts";

describe("splitScrapedPage: a page holding its article and a related-articles listing", () => {
  const page = [
    "",
    "Valley towns brace for spring floods",
    "Engineers raised the levees on Monday.",
    "Residents were told to prepare sandbags.",
    "Try Our AI Features",
    "Comments",
    "Related Articles",
    "",
    "Example Post",
    "2 hours ago",
    "- Example Post",
    "Bridge repairs finish early",
    "Workers finished the bridge repairs a week early, the city said. Read more about it later.",
    "",
    "Example Post",
    "5 hours ago",
    "- Example Post",
    "Teaser without a body",
    "",
    "Other Daily",
    "a day ago",
    "Museum reopens after renovation",
    "The museum reopened on Sunday after two years of work.",
    "Visitors queued from dawn.",
  ].join("\n");

  it("gives the main article and each full entry, with source and headline line", () => {
    const drafts = splitScrapedPage(page);
    expect(drafts.map((d) => [d.line, d.source, d.title])).toEqual([
      [2, undefined, "Valley towns brace for spring floods"],
      [12, "Example Post", "Bridge repairs finish early"],
      [22, "Other Daily", "Museum reopens after renovation"],
    ]);
    expect(drafts[2]!.body).toBe("The museum reopened on Sunday after two years of work.\nVisitors queued from dawn.");
  });

  it("a page without a listing is one article", () => {
    expect(splitScrapedPage("Headline\nBody one.\nBody two.")).toEqual([{ title: "Headline", body: "Body one.\nBody two.", line: 1 }]);
  });
});

describe("the scraped seed page (tests/fixtures/input/scraped-page.txt)", () => {
  it("reads as four articles with boilerplate removed", async () => {
    const { articles, failures } = await readArticleFile(fixture("scraped-page.txt"));
    expect(failures).toEqual([]);
    expect(articles.map((a) => [a.line, a.article.source, a.article.title])).toEqual([
      [2, undefined, "US would help assure Ukraine's security in a peace deal, Trump tells Zelenskyy"],
      [48, "Middle East Eye", "Israel's Ben Gvir puts photos of Gaza destruction in prisons"],
      [55, "Middle East Eye", "Germany rejects Israeli E1 settlement plan as illegal"],
      [62, "Middle East Eye", "Turkey is still ready to deploy peace force in Ukraine"],
    ]);
    const all = articles.map((a) => a.article.body).join("\n");
    expect(all).not.toMatch(/Try Our AI|Explore what|No comments|Related Articles|hour ago|newsletter|Sign up|Read More/i);
    // The main article ends where the page furniture starts.
    expect(articles[0]!.article.body.endsWith("destroyed wide swaths of the country.")).toBe(true);
    // Inline teasers and promos become paragraph breaks; the text around them is kept.
    expect(articles[1]!.article.body.split("\n\n")).toHaveLength(3);
  });

  it("the seeds/ files hold the same text, with the gold ids, sources and dates", async () => {
    const page = await readArticleFile(fixture("scraped-page.txt"));
    const seeds = await readArticles(["seeds"]);
    expect(seeds.failures).toEqual([]);
    expect(seeds.articles.map((a) => [a.article.id, a.article.source, a.article.publishedAt])).toEqual([
      ["seed-1-trump-zelenskyy-security", "Reuters", "2025-08-18"],
      ["seed-2-ben-gvir-gaza-photos", "Middle East Eye", "2025-08-20"],
      ["seed-3-germany-rejects-e1", "Middle East Eye", "2025-08-20"],
      ["seed-4-turkey-peace-force", "Middle East Eye", "2025-08-20"],
    ]);
    const words = (text: string) => text.replace(/\s+/g, " ");
    seeds.articles.forEach((seed, i) => {
      expect(seed.article.title).toBe(page.articles[i]!.article.title);
      expect(words(seed.article.body)).toBe(words(page.articles[i]!.article.body));
    });
  });
});
