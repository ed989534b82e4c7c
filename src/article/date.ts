/** Reading publication dates: everything becomes YYYY-MM-DD (the date as the publisher wrote it). */

const ISO_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b/i;

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * Normalises a date to YYYY-MM-DD, or returns undefined when it cannot be read unambiguously.
 * Accepts ISO dates and timestamps (the local date of the timestamp is kept, not converted to UTC),
 * Date objects (YAML timestamps), and dates with a month name ("18 August 2025", "Aug 18, 2025",
 * "Mon, 18 Aug 2025 10:00:00 GMT"). Purely numeric forms such as 08/07/2025 are refused: day and month order is unknown.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const iso = ISO_PREFIX.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!isRealDate(year, month, day)) return undefined;
    if (text.length > 10 && Number.isNaN(Date.parse(text.replace(" ", "T")))) return undefined;
    return text.slice(0, 10);
  }
  // A month name and a day number are both needed: "May 2025" has no day to give.
  if (!MONTH_NAME.test(text) || !/(?:^|\D)\d{1,2}(?:st|nd|rd|th)?(?:\D|$)/.test(text)) return undefined;
  // Keep the calendar date as written: drop the time and zone before parsing.
  const dateOnly = text.replace(/\s+\d{1,2}:\d{2}(?::\d{2})?.*$/, "").replace(/^[A-Za-z]{3,9},\s*/, "");
  const ms = Date.parse(`${dateOnly} 00:00:00 UTC`);
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms);
  if (d.getUTCFullYear() < 1000) return undefined;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
