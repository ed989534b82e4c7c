import { describe, expect, it } from "vitest";
import { boilerplateRules } from "../../src/article/boilerplate.ts";
import { removeBoilerplate } from "../../src/article/index.ts";

describe("removeBoilerplate: general page-boilerplate rules (boilerplate.json)", () => {
  it("every rule is documented and compiles", () => {
    const rules = boilerplateRules();
    expect(rules.length).toBeGreaterThanOrEqual(8);
    for (const rule of rules) expect(rule.comment.length).toBeGreaterThan(10);
  });

  it.each([
    ["site promos", ["Try our new reader features", "Explore what Newsly Plus can do for you:", "Download our app"]],
    ["newsletter lines", ["Sign up to our evening briefing", "Subscribe to the weekly digest", "New Atlas newsletter: Morning Call"]],
    ["read-more links", ["Storm closes mountain pass Read More »", "Read More »", "Read more: Bridge reopens after repairs", "Also read: Ferry fares rise"]],
    ["comment widgets", ["Comments", "12 Comments", "No comments yet...", "Be the first to comment", "Leave a comment"]],
    ["time-ago lines", ["an hour ago", "3 hours ago", "a day ago", "Updated 5 minutes ago", "just now"]],
    ["date lines", ["14 September 2024", "Sept 14, 2024 9:45 PM EDT", "Published: Monday, March 3, 2025"]],
    ["share and follow lines", ["Share", "Share this article", "Share on Facebook", "Follow us on Telegram", "Follow The Daily Post on X", "Facebook Twitter WhatsApp Email", "Copy link"]],
    ["ad labels", ["Advertisement", "Story continues below advertisement"]],
  ])("drops %s", (_what, lines) => {
    const text = ["The mayor opened the new library on Friday.", ...lines, "Hundreds of residents attended the ceremony."].join("\n");
    expect(removeBoilerplate(text)).toBe("The mayor opened the new library on Friday.\n\nHundreds of residents attended the ceremony.");
  });

  it("drops a 'Related Articles' header and everything after it", () => {
    const text = "Rain is expected all week.\nForecasters issued a warning.\nRelated Articles\nFloods hit the north\nMore rain to come";
    expect(removeBoilerplate(text)).toBe("Rain is expected all week.\n\nForecasters issued a warning.");
    expect(removeBoilerplate("First line.\nYou may also like\nSomething else")).toBe("First line.");
  });

  it("cuts an inline '<headline> Read More »' teaser out of a paragraph, leaving a paragraph break", () => {
    const text = "The court adjourned until May. Judge sets new date for appeal hearing Read More » Lawyers for both sides declined to comment.";
    expect(removeBoilerplate(text)).toBe("The court adjourned until May.\n\nLawyers for both sides declined to comment.");
  });

  it("cuts an inline newsletter promo out of a paragraph", () => {
    const text =
      "Talks resumed on Tuesday. New Globe newsletter: Capital Notes Sign up to get the best analysis on politics, alongside Market Watch and other Globe newsletters The delegations met for three hours.";
    expect(removeBoilerplate(text)).toBe("Talks resumed on Tuesday.\n\nThe delegations met for three hours.");
    expect(removeBoilerplate("The vote is on Friday. Sign up for alerts on the result. Polls open at 7am.")).toBe(
      "The vote is on Friday.\n\nPolls open at 7am.",
    );
  });

  it("keeps ordinary article sentences that merely mention the same words", () => {
    const text = [
      "Officials said they would share intelligence with allies.",
      "The minister declined to comment on the report.",
      "Voters were asked to sign up to the electoral roll before June.",
      "CEASEFIRE?",
      "Related talks took place in Geneva last year.",
      "The ministry said the photos were taken an hour ago, in the morning.",
      "She said she would read more about the plan before deciding.",
    ];
    expect(removeBoilerplate(text.join("\n"))).toBe(text.join("\n\n"));
  });

  it("normalises whitespace but keeps paragraphs and characters as published", () => {
    expect(removeBoilerplate("  First\u00a0 paragraph\t here.  \r\n\r\n\r\n Second ‘quoted’ – text…\n")).toBe(
      "First paragraph here.\n\nSecond ‘quoted’ – text…",
    );
  });
});
