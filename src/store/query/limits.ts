import type { Token } from "./guard.ts";
import { QueryRefusedError } from "./errors.ts";

/**
 * The resource half of the console's check. Neo4j 5.26 stops a query at its timeout only between rows: an
 * expression that loops inside one row (reduce(), list comprehensions, any/all/none/single over a list) never
 * looks at the termination flag, so `RETURN reduce(s = "", x IN range(1, 10000000) | s + "a")` keeps a core busy
 * long after its transaction is marked terminated, and the strings and lists it builds are not counted by the
 * transaction memory limit (measured: 100% of a core for minutes, estimatedUsedHeapMemory 2 MB). So the console
 * refuses, before anything runs: reduce(); list loops nested in the body of another list loop, and membership tests
 * (`x IN list`, other than against a literal list) in such a body; range() outside
 * `UNWIND range(...)` unless its bounds are numbers or parameters spanning at most MAX_EXPRESSION_RANGE values;
 * brackets nested deeper than MAX_NESTING (Neo4j's parser and Bolt reader give up on deep nesting by closing
 * the connection). Rows (`UNWIND range(1, 1e9)`, MATCH, aggregation) stay allowed: Neo4j interrupts those.
 */
export const MAX_EXPRESSION_RANGE = 100_000;
export const MAX_NESTING = 100;
export const MAX_PARAM_DEPTH = 32;
export const MAX_PARAM_VALUES = 100_000;
export const MAX_PARAM_STRING_CHARS = 1_000_000;

const LIST_QUANTIFIERS = new Set(["ALL", "ANY", "NONE", "SINGLE"]);

type Frame = { open: string; loop: boolean; inBody: boolean };

const isPunct = (t: Token | undefined, text: string) => t?.kind === "punct" && t.text === text;
const isWord = (t: Token | undefined, text: string) => t?.kind === "word" && t.text === text;

/** Whether tokens[i] ("[" or the "(" after a quantifier) opens a list loop: `[x IN ...` / `any(x IN ...`. */
function opensLoop(tokens: Token[], i: number): boolean {
  const open = tokens[i]!;
  if (open.text === "(") {
    const before = tokens[i - 1];
    if (!(before?.kind === "word" && LIST_QUANTIFIERS.has(before.text) && !isPunct(tokens[i - 2], "."))) return false;
  }
  const variable = tokens[i + 1];
  return (variable?.kind === "word" || variable?.kind === "quoted") && isWord(tokens[i + 2], "IN");
}

function numberOf(token: Token | undefined, sign: number, params: Record<string, unknown>): number | null {
  if (!token) return null;
  if (token.kind === "number") {
    const n = Number(token.text.replace(/_/g, ""));
    return Number.isFinite(n) ? sign * n : null;
  }
  if (token.kind === "param") {
    const value = params[token.text.slice(1).replace(/^`|`$/g, "")];
    return typeof value === "number" && Number.isFinite(value) ? sign * value : null;
  }
  return null;
}

/** The arguments of range( ... ) as numbers, when each is a number or a parameter (optionally signed); else null. */
function rangeArguments(tokens: Token[], open: number, params: Record<string, unknown>): { values: number[] | null; end: number } {
  const values: number[] = [];
  let j = open + 1;
  let simple = true;
  let depth = 1;
  let k = j;
  while (k < tokens.length && depth > 0) {
    if (isPunct(tokens[k], "(") || isPunct(tokens[k], "[") || isPunct(tokens[k], "{")) depth += 1;
    if (isPunct(tokens[k], ")") || isPunct(tokens[k], "]") || isPunct(tokens[k], "}")) depth -= 1;
    k += 1;
  }
  const end = k - 1;
  while (j < end) {
    let sign = 1;
    if (isPunct(tokens[j], "-") || isPunct(tokens[j], "+")) {
      sign = tokens[j]!.text === "-" ? -1 : 1;
      j += 1;
    }
    const n = numberOf(tokens[j], sign, params);
    if (n === null) simple = false;
    else values.push(n);
    j += 1;
    if (j < end && !isPunct(tokens[j], ",")) simple = false;
    while (j < end && !isPunct(tokens[j], ",")) j += 1;
    j += 1;
  }
  return { values: simple && (values.length === 2 || values.length === 3) ? values : null, end };
}

/** Refuses the expressions Neo4j cannot interrupt (see above); `isName` tells keywords from names. */
export function checkExpressionLimits(
  tokens: Token[],
  params: Record<string, unknown>,
  isName: (tokens: Token[], i: number) => boolean,
): void {
  const frames: Frame[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "punct" && (t.text === "(" || t.text === "[" || t.text === "{")) {
      const loop = t.text !== "{" && opensLoop(tokens, i);
      if (loop && frames.some((f) => f.loop && f.inBody)) {
        throw new QueryRefusedError(
          "nested list loop",
          "a list comprehension or any()/all()/none()/single() inside the body of another one runs inside a single row, " +
            "where Neo4j's timeout cannot stop it. Use UNWIND for the outer loop (rows are interrupted at the timeout).",
        );
      }
      frames.push({ open: t.text, loop, inBody: false });
      if (frames.length > MAX_NESTING) {
        throw new QueryRefusedError("nesting", `the query nests brackets more than ${MAX_NESTING} levels deep.`);
      }
      continue;
    }
    if (t.kind === "punct" && (t.text === ")" || t.text === "]" || t.text === "}")) {
      frames.pop();
      continue;
    }
    const frame = frames.at(-1);
    if (frame?.loop && !frame.inBody && (isPunct(t, "|") || isWord(t, "WHERE"))) frame.inBody = true;
    // `x IN other` inside a loop's body scans `other` once per element: quadratic, inside one row.
    if (isWord(t, "IN") && !isName(tokens, i) && frames.some((f) => f.loop && f.inBody) && !isPunct(tokens[i + 1], "[")) {
      throw new QueryRefusedError(
        "IN inside a list loop",
        "a membership test (IN) against a list inside the body of a list comprehension or any()/all()/none()/single() scans the " +
          "list once per element, inside a single row, where Neo4j's timeout cannot stop it. Use UNWIND and a MATCH or a join instead.",
      );
    }
    if (t.kind !== "word" || isName(tokens, i) || !isPunct(tokens[i + 1], "(")) continue;
    if (t.text === "REDUCE") {
      throw new QueryRefusedError(
        "reduce",
        "reduce() runs inside a single row, where Neo4j's timeout cannot stop it (and the strings or lists it builds escape " +
          "the memory limit). Use UNWIND and an aggregation (sum, collect, ...) instead.",
      );
    }
    if (t.text === "RANGE" && !isWord(tokens[i - 1], "UNWIND")) {
      const { values } = rangeArguments(tokens, i + 1, params);
      const span = values === null ? Infinity : spanOf(values);
      if (span > MAX_EXPRESSION_RANGE) {
        throw new QueryRefusedError(
          "range",
          values === null
            ? "range() inside an expression must have numbers or parameters as bounds, so that its size is known before it runs. " +
                "`UNWIND range(...) AS x` has no such limit (Neo4j stops rows at the timeout)."
            : `range() inside an expression may span at most ${MAX_EXPRESSION_RANGE.toLocaleString("en")} values (this one spans ` +
                `${span.toLocaleString("en")}); Neo4j cannot stop a loop inside one row. Use \`UNWIND range(...) AS x\` instead.`,
        );
      }
    }
  }
}

function spanOf([start, end, step = 1]: number[]): number {
  if (step === 0) return Infinity;
  return Math.max(0, Math.floor((end! - start!) / step) + 1);
}

/** Parameters are checked before they are sent: depth, number of values and text size (no recursion here). */
export function checkParams(params: Record<string, unknown>): void {
  let values = 0;
  let chars = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value: params, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    values += 1;
    if (depth > MAX_PARAM_DEPTH) {
      throw new QueryRefusedError("params", `parameters may nest at most ${MAX_PARAM_DEPTH} levels of lists and maps.`);
    }
    if (values > MAX_PARAM_VALUES) {
      throw new QueryRefusedError("params", `parameters may hold at most ${MAX_PARAM_VALUES.toLocaleString("en")} values in all.`);
    }
    if (typeof value === "string") chars += value.length;
    else if (Array.isArray(value)) for (const item of value) stack.push({ value: item, depth: depth + 1 });
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        chars += key.length;
        stack.push({ value: item, depth: depth + 1 });
      }
    }
    if (chars > MAX_PARAM_STRING_CHARS) {
      throw new QueryRefusedError("params", `parameters may hold at most ${MAX_PARAM_STRING_CHARS.toLocaleString("en")} characters of text in all.`);
    }
  }
}
