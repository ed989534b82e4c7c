import { describe, expect, it } from "vitest";
import { readArticleFile } from "../../src/article/index.ts";
import { fixture, tempFiles } from "./helpers.ts";

describe("readArticleFile: formats", () => {
  it(".txt: the first non-empty line is the headline, the rest the body, page boilerplate removed", async () => {
    const { articles, failures } = await readArticleFile(fixture("good", "harbour-talks.txt"));
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(1);
    const { article } = articles[0]!;
    expect(article.title).toBe("Coastal states agree to reopen harbour talks next month");
    expect(article.body).toBe(
      "Fishing ministers from five coastal states agreed on Tuesday to reopen talks on shared harbour fees.\n\n" +
        "The agreement followed two days of meetings in a port city, officials said.",
    );
    expect(article.language).toBe("en");
    expect(article.id).toMatch(/^coastal-states-agree-to-reopen-harbour-talks-next-month-[0-9a-f]{8}$/);
  });

  it(".md: front matter fields, timestamp date normalised, Markdown syntax and duplicate heading removed", async () => {
    const { articles, failures } = await readArticleFile(fixture("good", "nested", "grain-corridor.md"));
    expect(failures).toEqual([]);
    expect(articles[0]!.article).toEqual({
      id: expect.stringMatching(/^grain-corridor-insurers-ask-for-naval-escorts-[0-9a-f]{8}$/),
      title: "Grain corridor: insurers ask for naval escorts",
      body:
        "Insurers said on Monday they would cover ships in the corridor only with naval escorts, according to a statement.\n\n" +
        "Ministers respond\n\nThe transport minister said escorts were under review.",
      source: "Harbour Gazette",
      publishedAt: "2024-03-05",
      url: "https://example.com/news/grain-corridor",
      language: "en",
    });
  });

  it(".md without front matter: the first heading is the title", async () => {
    const { dir, cleanup } = await tempFiles({ "plain.md": "# Harbour reopens\n\nThe harbour reopened\nafter the storm.\n\n- Ferries run again\n" });
    try {
      const { articles, failures } = await readArticleFile(`${dir}/plain.md`);
      expect(failures).toEqual([]);
      expect(articles[0]!.article).toMatchObject({ title: "Harbour reopens", body: "The harbour reopened after the storm.\n\nFerries run again" });
    } finally {
      await cleanup();
    }
  });

  it(".md: the seeds keep their ids and front matter", async () => {
    const { articles, failures } = await readArticleFile("seeds/2025-08-20-middle-east-eye-turkey-peace-force.md");
    expect(failures).toEqual([]);
    expect(articles[0]!.article).toMatchObject({
      id: "seed-4-turkey-peace-force",
      source: "Middle East Eye",
      publishedAt: "2025-08-20",
      title: "Turkey is still ready to deploy peace force in Ukraine",
    });
  });

  it(".json: an array of articles, with common field aliases (headline, text, publisher, date)", async () => {
    const { articles, failures } = await readArticleFile(fixture("good", "wire.json"));
    expect(failures).toEqual([]);
    expect(articles.map((a) => a.article.id)).toEqual(["wire-rail-strike", expect.stringMatching(/^dam-project-wins-regional-backing-[0-9a-f]{8}$/)]);
    expect(articles[0]!.article.body).toBe("Rail unions called off a planned strike after overnight talks.\n\nThe employer offered a new pay deal.");
    expect(articles[1]!.article).toMatchObject({
      title: "Dam project wins regional backing",
      body: "Three regional councils voted to back the dam project.",
      source: "Example Wire",
      publishedAt: "2024-06-01",
    });
  });

  it(".json: a single article object", async () => {
    const { dir, cleanup } = await tempFiles({ "one.json": JSON.stringify({ title: "Solo", body: "Only one article here." }) });
    try {
      const { articles, failures } = await readArticleFile(`${dir}/one.json`);
      expect(failures).toEqual([]);
      expect(articles.map((a) => a.article.title)).toEqual(["Solo"]);
    } finally {
      await cleanup();
    }
  });

  it(".jsonl: one article per line, each with its line number", async () => {
    const { articles } = await readArticleFile(fixture("good", "feed.jsonl"));
    expect(articles.map((a) => [a.line, a.article.title])).toEqual([
      [1, "Port workers accept wage offer"],
      [3, "Second good line"],
    ]);
  });

  it(".html: Readability text; title, site name, published time, canonical URL and language from the page", async () => {
    const { articles, failures } = await readArticleFile(fixture("good", "summit.html"));
    expect(failures).toEqual([]);
    const { article } = articles[0]!;
    expect(article).toMatchObject({
      title: "Leaders back river treaty at summit",
      source: "Example Times",
      // The publisher's local date, not the UTC one (21:45 at -04:00 is already the 15th in UTC).
      publishedAt: "2024-09-14",
      url: "https://example.com/world/river-treaty",
      language: "en",
    });
    const paragraphs = article.body.split("\n\n");
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^Leaders of three river states backed a treaty/);
    expect(paragraphs[2]).toMatch(/^Farmers' groups welcomed the deal/);
    // Navigation, byline, date line, newsletter promo, "Read More »" teaser and the "Most read" box are gone.
    expect(article.body).not.toMatch(/Home|By Ana Lima|14 September|Sign up|Read More|Most read|Storm hits|All rights/);
  });

  it(".html: published time from <time datetime> and source from the byline when the page has no meta tags", async () => {
    const paragraph = "The council approved the new budget after a long debate about school funding and road repairs in the district. ";
    const html = `<html><body><article><h1>Council approves budget</h1><p class="byline">By Sam Reporter</p>
      <time datetime="2023-11-02T09:00:00Z">Nov 2</time><p>${paragraph.repeat(3)}</p><p>${paragraph}</p></article></body></html>`;
    const { dir, cleanup } = await tempFiles({ "page.htm": html });
    try {
      const { articles, failures } = await readArticleFile(`${dir}/page.htm`);
      expect(failures).toEqual([]);
      expect(articles[0]!.article).toMatchObject({ title: "Council approves budget", source: "Sam Reporter", publishedAt: "2023-11-02" });
      expect(articles[0]!.article.url).toBeUndefined();
    } finally {
      await cleanup();
    }
  });
});
