import { z } from "zod";

export const NODE_TYPES = ["Person", "Organization", "Country", "Proposal", "Meeting", "Place", "Topic"] as const;

const YMD = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A list given as "a,b" or as a repeated parameter (?a=x&a=y); empty means "no restriction". */
const csvList = (item: z.ZodString) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(","))))
    .transform((list) => list.map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(item))
    .transform((list) => (list.length === 0 ? null : list));

/** A real calendar date (or month, or year): 2025-13-45 and 2025-02-30 are not. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number);
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year!, month, 0)).getUTCDate();
}

const dateBound = z
  .string()
  .regex(YMD, "dates are YYYY, YYYY-MM or YYYY-MM-DD")
  .refine(isCalendarDate, "not a calendar date (month 01-12, a day the month has)")
  .optional()
  .transform((v) => v ?? null);

/**
 * A whole number given as plain digits. z.coerce.number() would also take "0x10", "1e3", " 10" and "" (as 0):
 * parameters are spelled one way.
 */
function wholeNumber(min: number, max: number, fallback: number, range?: string) {
  const inRange = z.number().int().min(min, range).max(max, range);
  return z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number written in digits (e.g. 100)")
    .transform(Number)
    .pipe(inRange)
    .optional()
    .transform((v) => v ?? fallback);
}

export const GraphQuerySchema = z
  .object({
    /** connected: the most connected nodes; recent: those of the newest articles. */
    order: z.enum(["connected", "recent"], "order is connected or recent").default("connected"),
    nodeTypes: csvList(z.string().regex(/^[A-Z][A-Za-z]*$/, "node types are names such as Person or Country")),
    relationTypes: csvList(z.string().regex(/^[A-Z][A-Z_]*$/, "relation types are names such as MET_WITH")),
    sources: csvList(z.string().max(200)),
    from: dateBound,
    to: dateBound,
    minDegree: wholeNumber(0, 10_000, 0),
    // The explorer's first screen: about 2 MB of JSON with its facts (see READ_BOUNDS in src/store/read/graph-reader.ts).
    limit: wholeNumber(1, 50_000, 3_000),
  })
  .strict()
  .refine((q) => q.from === null || q.to === null || q.from <= q.to, { message: "'from' must not be after 'to'" });

/** Ids are the graph's own ("country:turkey"): printable, no slashes or spaces. */
export const IdParamsSchema = z.object({
  id: z.string().min(1).max(300).regex(/^[\p{L}\p{N}:._\-]+$/u, "ids look like country:turkey"),
});

/** A page of a node's neighbourhood: `limit` facts (and at most as many nodes) from `offset` on, newest first. */
export const NeighborsQuerySchema = z
  .object({
    depth: wholeNumber(1, 3, 1, "depth is 1, 2 or 3"),
    limit: wholeNumber(1, 5_000, 500),
    offset: wholeNumber(0, 10_000_000, 0),
  })
  .strict();

export const SearchQuerySchema = z
  .object({
    q: z.string().trim().min(1, "q (the text to search) is required").max(200),
    limit: wholeNumber(1, 100, 10),
  })
  .strict();

export const ArticlesQuerySchema = z
  .object({
    source: z.string().max(200).optional().transform((v) => v ?? null),
    offset: wholeNumber(0, 100_000_000, 0),
    limit: wholeNumber(1, 1_000, 200),
  })
  .strict();

export const EmptyQuerySchema = z.object({}).strict();

/** POST /api/facts: the edge keys whose evidence the explorer needs (tooltips, exports), in chunks of at most 5,000. */
export const FactsBodySchema = z.strictObject({
  keys: z.array(z.string().min(1).max(300)).min(1, "give at least one key").max(5_000, "at most 5,000 keys per request"),
});
