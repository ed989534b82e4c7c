import { addRecord, emptyResult, failure, type ReadResult } from "./result.ts";

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * Offset of the first JSON syntax error, for messages that V8 gives without a position
 * ("Unexpected token '}', ... is not valid JSON"). A small strict JSON scanner.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i] ?? "")) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i] ?? "";
      if (c === '"') return void i++;
      if (c === "\\") {
        const e = text[i + 1] ?? "";
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if ('"\\/bfnrt'.includes(e) && e !== "") i += 2;
        else fail();
      } else if (c < " ") fail();
      else i++;
    }
    fail();
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    return number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return undefined;
  } catch (offset) {
    if (typeof offset === "number") return Math.min(offset, text.length);
    throw offset;
  }
}

/** "Expected ',' ... at line 3, column 7": V8's message without the echo of the input, plus a line and column. */
export function describeJsonError(text: string, error: unknown): { reason: string; line?: number } {
  const message = error instanceof Error ? error.message : String(error);
  const stated = /at position (\d+)/.exec(message);
  const offset = stated ? Number(stated[1]) : jsonErrorOffset(text);
  const what = message
    .replace(/^(Unexpected token '[^']*'),\s*.*\s+is not valid JSON$/s, "$1")
    .replace(/\s*in JSON at position \d+.*$/s, "")
    .replace(/\s*\(line \d+ column \d+\)$/, "");
  if (offset === undefined) return { reason: `malformed JSON: ${what}` };
  const { line, column } = lineColumn(text, offset);
  return { reason: `malformed JSON: ${what} at line ${line}, column ${column} (position ${offset})`, line };
}

/** Parses JSON text; a failure names the position of the error. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string; line?: number } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, ...describeJsonError(text, error) };
  }
}

/** .json: one article object, an array of them, or {"articles": [...]}. */
export function readJson(text: string, file: string): ReadResult {
  const result = emptyResult();
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const severalValues = /non-whitespace character after JSON/.test(parsed.reason);
    const hint = severalValues
      ? "the file holds more than one JSON value: for one article per line, name it .jsonl"
      : "fix the JSON at that place; the file must hold one article object or an array of them";
    result.failures.push(failure(file, parsed.reason, hint, parsed.line));
    return result;
  }
  let value = parsed.value;
  if (value && typeof value === "object" && !Array.isArray(value) && Array.isArray((value as { articles?: unknown }).articles)) {
    value = (value as { articles: unknown[] }).articles;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) result.failures.push(failure(file, "the JSON array holds no articles", "put at least one article object in the array"));
    value.forEach((item, index) => addRecord(result, file, item, undefined, `item ${index + 1} of ${value.length}`));
  } else {
    addRecord(result, file, value);
  }
  return result;
}

/** .jsonl: one article object per line; a bad line is reported with its number and the other lines go on. */
export function readJsonLines(text: string, file: string): ReadResult {
  const result = emptyResult();
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const parsed = parseJson(line);
    if (!parsed.ok) {
      result.failures.push(failure(file, parsed.reason.replace(/ at line 1, column/, " at column"), "each line must be one complete JSON object; fix or remove this line", index + 1));
      return;
    }
    addRecord(result, file, parsed.value, index + 1);
  });
  if (result.articles.length === 0 && result.failures.length === 0) {
    result.failures.push(failure(file, "no JSON lines found", "write one article object per line"));
  }
  return result;
}
