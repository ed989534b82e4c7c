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

const dateBound = z
  .string()
  .regex(YMD, "dates are YYYY, YYYY-MM or YYYY-MM-DD")
  .optional()
  .transform((v) => v ?? null);

export const GraphQuerySchema = z
  .object({
    nodeTypes: csvList(z.string().regex(/^[A-Z][A-Za-z]*$/, "node types are names such as Person or Country")),
    relationTypes: csvList(z.string().regex(/^[A-Z][A-Z_]*$/, "relation types are names such as MET_WITH")),
    sources: csvList(z.string().max(200)),
    from: dateBound,
    to: dateBound,
    minDegree: z.coerce.number().int().min(0).max(10_000).default(0),
    limit: z.coerce.number().int().min(1).max(50_000).default(5_000),
  })
  .strict()
  .refine((q) => q.from === null || q.to === null || q.from <= q.to, { message: "'from' must not be after 'to'" });

/** Ids are the graph's own ("country:turkey"): printable, no slashes or spaces. */
export const IdParamsSchema = z.object({
  id: z.string().min(1).max(300).regex(/^[\p{L}\p{N}:._\-]+$/u, "ids look like country:turkey"),
});

export const NeighborsQuerySchema = z
  .object({
    depth: z.coerce.number().int().min(1, "depth is 1, 2 or 3").max(3, "depth is 1, 2 or 3").default(1),
    limit: z.coerce.number().int().min(1).max(5_000).default(500),
  })
  .strict();

export const SearchQuerySchema = z
  .object({
    q: z.string().trim().min(1, "q (the text to search) is required").max(200),
    limit: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict();

export const ArticlesQuerySchema = z
  .object({
    source: z.string().max(200).optional().transform((v) => v ?? null),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1_000).default(200),
  })
  .strict();

export const EmptyQuerySchema = z.object({}).strict();

/** POST /api/facts: the edge keys whose evidence the explorer needs (tooltips, exports), in chunks of at most 5,000. */
export const FactsBodySchema = z.strictObject({
  keys: z.array(z.string().min(1).max(300)).min(1, "give at least one key").max(5_000, "at most 5,000 keys per request"),
});
