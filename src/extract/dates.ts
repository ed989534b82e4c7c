import { DATES } from "./lexicon/index.ts";

/** Resolves a date phrase of a sentence against the article date (YYYY-MM-DD). Returns YYYY-MM-DD or YYYY-MM. */

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const WEEKDAY_RE = new RegExp("\\b(?:(last|next|this|on|late on|early on|by|until|from)\\s+)?(" + DATES.weekdays.join("|") + ")(?:'s)?\\b", "i");
const MONTH_RE = new RegExp("\\b(?:(?:in|since|until|by|from|early|late|mid|last|next)[\\s-]+)?(" + DATES.months.join("|") + ")(?:\\s+(\\d{1,2}))?(?:,?\\s+(\\d{4}))?\\b", "i");
const DAY_MONTH_RE = new RegExp("\\b(\\d{1,2})\\s+(" + DATES.months.join("|") + ")(?:\\s+(\\d{4}))?\\b", "i");
const RELATIVE_RE = new RegExp("\\b(" + Object.keys(DATES.relative).sort((a, b) => b.length - a.length).join("|") + ")\\b", "i");

export interface DateHit {
  date: string;
  start: number;
  end: number;
  text: string;
}

/** The article's day at 00:00 UTC (the last one is kept: findDate is called many times per article; callers never mutate it). */
let lastDay: { publishedAt: string; date: Date } | undefined;
function articleDay(publishedAt: string): Date {
  if (lastDay?.publishedAt !== publishedAt) lastDay = { publishedAt, date: new Date(publishedAt.slice(0, 10) + "T00:00:00Z") };
  return lastDay.date;
}

/** Finds the first date expression in text; future=true resolves weekdays forward. */
export function findDate(text: string, publishedAt: string | undefined, future = false, certainFuture = false): DateHit | undefined {
  if (!publishedAt) return undefined;
  const base = articleDay(publishedAt);
  if (Number.isNaN(base.getTime())) return undefined;
  const hits: DateHit[] = [];
  const w = WEEKDAY_RE.exec(text);
  if (w) {
    const target = DATES.weekdays.indexOf(w[2]!.toLowerCase());
    const cur = base.getUTCDay();
    const mod = (w[1] ?? "").toLowerCase();
    let delta: number;
    // A weekday is ahead only when the words before it speak of the future ("will meet on Friday"), not "said on Tuesday".
    const ahead = certainFuture || future && /\b(?:will|would|to be|planned|scheduled|due|expected)\b(?:(?!\b(?:said|told|announced|added)\b)[^.]){0,40}$/i.test(text.slice(0, w.index));
    if (mod === "next" || (ahead && mod !== "last")) delta = (target - cur + 7) % 7 || (mod === "next" ? 7 : 0);
    else delta = -((cur - target + 7) % 7) || (mod === "last" ? -7 : 0);
    const d = new Date(base.getTime() + delta * 86400000);
    hits.push({ date: iso(d), start: w.index, end: w.index + w[0].length, text: w[0] });
  }
  const dm = DAY_MONTH_RE.exec(text);
  const m = MONTH_RE.exec(text);
  const month = dm ? dm[2] : m?.[1];
  if (month && (dm || m)) {
    const mi = DATES.months.indexOf(month.toLowerCase()) + 1;
    // "May" is also a modal verb: only a capitalised month counts.
    const raw = dm ? dm[0] : m![0];
    if (!(month.toLowerCase() === "may" && !/May/.test(raw))) {
      const yearText = dm ? dm[3] : m![3];
      let year = yearText ? Number(yearText) : base.getUTCFullYear();
      if (!yearText) {
        const bm = base.getUTCMonth() + 1;
        if (!future && mi > bm) year -= 1;
        if (future && mi < bm) year += 1;
      }
      const day = dm ? Number(dm[1]) : m![2] ? Number(m![2]) : undefined;
      const at = dm ? dm.index : m!.index;
      hits.push({ date: day ? `${year}-${pad(mi)}-${pad(day)}` : `${year}-${pad(mi)}`, start: at, end: at + raw.length, text: raw });
    }
  }
  const r = RELATIVE_RE.exec(text);
  if (r) {
    const v = DATES.relative[r[1]!.toLowerCase()];
    let date: string | undefined;
    if (typeof v === "number") date = iso(new Date(base.getTime() + v * 86400000));
    else if (typeof v === "string") {
      const [unit, offRaw] = [v.replace(/[-+]?\d+$/, ""), Number(v.match(/[-+]?\d+$/)?.[0] ?? 0)];
      if (unit === "week" || unit === "weekend") {
        const d = new Date(base.getTime() + offRaw * 7 * 86400000);
        date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
        if (unit === "weekend") {
          const back = (base.getUTCDay() + 7 - 6) % 7 || 7; // last Saturday
          date = iso(new Date(base.getTime() - back * 86400000));
        }
      } else if (unit === "month") {
        const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + offRaw, 1));
        date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
      } else if (unit === "year") date = String(base.getUTCFullYear() + offRaw);
    }
    if (date) hits.push({ date, start: r.index, end: r.index + r[0].length, text: r[0] });
  }
  if (/\b(?:\d{4})\b/.test(text) && !hits.length) {
    const y = /\b(?:in|since|until)\s+((?:19|20)\d{2})\b/.exec(text);
    if (y) hits.push({ date: y[1]!, start: y.index, end: y.index + y[0].length, text: y[0] });
  }
  hits.sort((a, b) => a.start - b.start);
  return hits[0];
}
