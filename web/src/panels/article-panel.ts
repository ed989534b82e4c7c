import type { ArticleDetail, ArticleSummary } from "../api.ts";
import { append, clear, el, safeHref } from "../dom.ts";
import { colorOf } from "../graph/colors.ts";

export type ArticleActions = { close(): void; selectNode(id: string): void; openArticle(id: string): void };

type Mention = ArticleDetail["mentions"][number];

const TRAILING_FUNCTION_WORDS = /[\s,;:]+(?:in|on|at|of|for|to|with|by|from|which|who|whom|whose|that|where|when|while|as|the|a|an|and|or|but)$/i;

/**
 * A mention highlights exactly the name: when the recorded span is longer than the entity's name (the extractor
 * took "trilateral meeting in which"), it is narrowed to the name where the name occurs in it, else trailing
 * function words are trimmed. A span that is another wording of the entity ("the Ukrainian leader") is kept.
 */
export function exactMention(body: string, mention: Mention): Mention {
  const text = body.slice(mention.start, mention.end);
  const at = text.toLowerCase().indexOf(mention.name.toLowerCase());
  if (at >= 0) return { ...mention, start: mention.start + at, end: mention.start + at + mention.name.length };
  let end = mention.end;
  for (let trimmed = body.slice(mention.start, end); TRAILING_FUNCTION_WORDS.test(trimmed); trimmed = body.slice(mention.start, end)) {
    end = mention.start + trimmed.replace(TRAILING_FUNCTION_WORDS, "").length;
  }
  return end > mention.start ? { ...mention, end } : mention;
}

/** The host of a link, for "Original at reuters.com". */
export function hostOf(href: string): string {
  try {
    return new URL(href).host.replace(/^www\./, "");
  } catch {
    return href;
  }
}

/**
 * The article text split at mention and evidence boundaries into text nodes: entities become <mark> buttons,
 * the highlighted sentence a <mark class="evidence">. Nothing from the article is ever parsed as HTML.
 */
function renderBody(article: ArticleDetail, highlight: { start: number; end: number } | undefined, actions: ArticleActions): HTMLElement {
  const body = article.body;
  const cuts = new Set<number>([0, body.length]);
  const mentions = article.mentions.filter((m) => m.start >= 0 && m.end <= body.length && m.start < m.end).map((m) => exactMention(body, m));
  for (const m of mentions) cuts.add(m.start).add(m.end);
  if (highlight) cuts.add(Math.max(0, highlight.start)).add(Math.min(body.length, highlight.end));
  const points = [...cuts].sort((a, b) => a - b);
  const container = el("div", { className: "article-body" });
  let paragraph = el("p", {});
  container.append(paragraph);
  let evidenceMark: HTMLElement | null = null;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const text = body.slice(start, end);
    const mention = mentions.find((m) => m.start <= start && m.end >= end);
    const inEvidence = highlight !== undefined && highlight.start <= start && highlight.end >= end;
    const pieces = text.split(/\n\s*\n/);
    pieces.forEach((piece, index) => {
      if (index > 0) {
        paragraph = el("p", {});
        container.append(paragraph);
      }
      if (piece.length === 0) return;
      let node: Node = document.createTextNode(piece);
      if (mention) {
        const mark = el("mark", { className: "mention", attrs: { tabindex: "0", role: "button", title: `${mention.type}: ${mention.name}`, "data-entity": mention.entityId } }, piece);
        mark.style.borderBottomColor = colorOf(mention.type);
        mark.addEventListener("click", () => actions.selectNode(mention.entityId));
        mark.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") actions.selectNode(mention.entityId);
        });
        node = mark;
      }
      if (inEvidence) {
        const wrap = el("mark", { className: "evidence" });
        wrap.append(node);
        node = wrap;
        evidenceMark ??= wrap;
      }
      paragraph.append(node);
    });
  }
  if (evidenceMark) {
    const target: HTMLElement = evidenceMark;
    target.id = "article-quote";
    // Scroll the panel only (scrollIntoView would scroll the page and the stage too).
    requestAnimationFrame(() => {
      const scroller = target.closest<HTMLElement>(".panel");
      if (!scroller) return;
      const offset = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      scroller.scrollTop += offset - scroller.clientHeight / 2;
    });
  }
  return container;
}

export function renderArticle(root: HTMLElement, article: ArticleDetail, highlight: { start: number; end: number } | undefined, actions: ArticleActions): void {
  clear(root);
  const href = safeHref(article.url);
  root.setAttribute("aria-labelledby", "article-title");
  // The title, source and link to the original stay in view while the text scrolls to the quote.
  const head = el(
    "div",
    { className: "article-head" },
    el(
      "header",
      { className: "panel-header" },
      el("h2", { attrs: { id: "article-title" } }, article.title),
      el("button", { className: "close", attrs: { type: "button", "aria-label": "Close article" }, on: { click: () => actions.close() } }, "×"),
    ),
    el("p", { className: "muted" }, [article.source, article.publishedAt].filter(Boolean).join(" · ")),
    href
      ? el("p", { className: "original-link" }, "Original: ", el("a", { attrs: { id: "article-original", href, target: "_blank", rel: "noopener noreferrer" } }, `${hostOf(href)} ↗`))
      : el("p", { className: "muted", attrs: { id: "article-original-missing" } }, "No link to the original was recorded for this article."),
    highlight ? el("p", { className: "muted" }, "The highlighted sentence is the quote you came from.") : null,
  );
  append(
    root,
    head,
    renderBody(article, highlight, actions),
  );
}

function originalLink(url: string | null): (string | HTMLElement)[] {
  const href = safeHref(url);
  return href ? [" · ", el("a", { attrs: { href, target: "_blank", rel: "noopener noreferrer" } }, `${hostOf(href)} ↗`)] : [];
}

export function renderArticleList(root: HTMLElement, articles: ArticleSummary[], actions: ArticleActions): void {
  clear(root);
  const list = el("ul", { className: "article-list" });
  for (const a of articles) {
    list.append(
      el(
        "li",
        {},
        el("button", { className: "link-button", attrs: { type: "button" }, on: { click: () => actions.openArticle(a.id) } }, a.title),
        el("div", { className: "muted" }, [a.source, a.publishedAt, `${a.entityCount} entities`].filter(Boolean).join(" · "), ...originalLink(a.url)),
      ),
    );
  }
  root.append(
    el(
      "header",
      { className: "panel-header" },
      el("h2", {}, `Articles (${articles.length})`),
      el("button", { className: "close", attrs: { type: "button", "aria-label": "Close articles" }, on: { click: () => actions.close() } }, "×"),
    ),
    list,
  );
}
