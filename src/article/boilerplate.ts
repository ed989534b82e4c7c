import { readFileSync } from "node:fs";
import { z } from "zod";
import { joinParagraphs, normaliseLine, splitLines } from "./text.ts";

/** One rule of boilerplate.json (see the $comment there for scope and action). */
const BoilerplateRuleSchema = z.object({
  id: z.string().min(1),
  comment: z.string().min(1),
  scope: z.enum(["line", "inline"]),
  action: z.enum(["drop", "drop-rest", "cut"]),
  pattern: z.string().min(1),
  flags: z.string().regex(/^[gimsuy]*$/).default(""),
});
const BoilerplateFileSchema = z.object({ rules: z.array(BoilerplateRuleSchema).min(1) });
export type BoilerplateRule = z.infer<typeof BoilerplateRuleSchema> & { regex: RegExp };

let cachedRules: BoilerplateRule[] | undefined;

/** The rules of src/article/boilerplate.json, compiled once. */
export function boilerplateRules(): BoilerplateRule[] {
  if (!cachedRules) {
    const raw: unknown = JSON.parse(readFileSync(new URL("./boilerplate.json", import.meta.url), "utf8"));
    cachedRules = BoilerplateFileSchema.parse(raw).rules.map((rule) => {
      // Line rules test whole lines, so they never need the global flag (it would make .test() stateful).
      const flags = rule.scope === "line" ? rule.flags.replace("g", "") : rule.flags.includes("g") ? rule.flags : rule.flags + "g";
      return { ...rule, regex: new RegExp(rule.pattern, flags) };
    });
  }
  return cachedRules;
}

/** The line rule with this id; throws for an unknown id (a programming error, not bad input). */
export function lineRule(id: string): BoilerplateRule {
  const rule = boilerplateRules().find((r) => r.id === id && r.scope === "line");
  if (!rule) throw new Error(`boilerplate.json has no line rule "${id}"`);
  return rule;
}

/** True when the whole line is boilerplate by the line rule with this id. */
export function lineMatches(id: string, line: string): boolean {
  return lineRule(id).regex.test(normaliseLine(line));
}

/** Cuts inline boilerplate out of running text; each cut becomes a paragraph break. */
export function cutInlineBoilerplate(text: string): string {
  let out = text;
  for (const rule of boilerplateRules()) {
    if (rule.scope !== "inline") continue;
    out = out.replace(rule.regex, "\n\n");
  }
  return out;
}

/**
 * Removes page boilerplate from article text by the rules of boilerplate.json and normalises whitespace.
 * Paragraphs (non-empty lines) are kept as they are otherwise.
 */
export function removeBoilerplate(text: string): string {
  const lines = splitLines(cutInlineBoilerplate(text)).map(normaliseLine);
  const lineRules = boilerplateRules().filter((r) => r.scope === "line");
  const kept: string[] = [];
  for (const line of lines) {
    if (line.length === 0) continue;
    const rule = lineRules.find((r) => r.regex.test(line));
    if (!rule) {
      kept.push(line);
      continue;
    }
    if (rule.action === "drop-rest") break;
  }
  return joinParagraphs(kept);
}
