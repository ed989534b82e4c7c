import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import type { InputFailure } from "./schema.ts";
import { EXTENSION_FORMATS } from "./sniff.ts";

/** The path that stands for standard input. */
export const STDIN = "-";

const KNOWN_EXTENSIONS = Object.keys(EXTENSION_FORMATS);
const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);

/** Which files a folder contributes: those with these extensions (default: the article formats). */
export interface ListOptions {
  extensions?: readonly string[];
  /** What such a file is called in messages (default "article"). */
  kind?: string;
}

/**
 * Wanted files under a folder, recursively (hidden entries and node_modules skipped without a word); other
 * files go to `others`, so the caller can say they were skipped.
 */
async function walk(folder: string, extensions: readonly string[], others: string[] = []): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !SKIPPED_FOLDERS.has(entry.name)) found.push(...(await walk(full, extensions, others)));
    } else if (entry.isFile() && !entry.name.startsWith(".") && extensions.includes(path.extname(entry.name).toLowerCase())) {
      found.push(full);
    } else if (entry.isFile() && !entry.name.startsWith(".")) {
      others.push(full);
    }
  }
  return found;
}

async function statOrUndefined(p: string) {
  try {
    return await stat(p);
  } catch {
    return undefined;
  }
}

/**
 * Expands input paths into the files to read: files as given, folders recursively (article extensions
 * only: .txt .md .markdown .json .jsonl .ndjson .html .htm, or options.extensions), globs (quoted, expanded here),
 * "-" (stdin) as is. The result is sorted and free of duplicates. A missing path, a glob matching nothing or a
 * folder without such files is a failure; the other paths go on. Other files found in folders are listed as skipped.
 */
export async function listInputFiles(
  paths: readonly string[],
  options: ListOptions = {},
): Promise<{ files: string[]; failures: InputFailure[]; skipped: InputFailure[] }> {
  const extensions = options.extensions ?? KNOWN_EXTENSIONS;
  const kind = options.kind ?? "article";
  const failures: InputFailure[] = [];
  const others: string[] = [];
  const found: string[] = [];
  let stdin = false;
  for (const input of paths) {
    if (input === STDIN) {
      stdin = true;
      continue;
    }
    const info = await statOrUndefined(input);
    if (info?.isDirectory()) {
      const inFolder = await walk(input, extensions, others);
      if (inFolder.length === 0) {
        failures.push({ file: input, reason: `folder holds no ${kind} files`, hint: `put ${extensions.join(" ")} files in it, or give the files themselves` });
      }
      found.push(...inFolder);
    } else if (info) {
      found.push(input);
    } else if (isDynamicPattern(input)) {
      const matches = await glob(input, { onlyFiles: true, dot: false, expandDirectories: false });
      if (matches.length === 0) failures.push({ file: input, reason: "glob matched no files", hint: "check the pattern and the folder it starts from (patterns are relative to the current folder)" });
      found.push(...matches);
    } else {
      failures.push({ file: input, reason: "no such file or folder", hint: "check the path (it is relative to the current folder)" });
    }
  }
  // One entry per real file, whichever way it was named; shown relative to the current folder when inside it.
  const byAbsolute = new Map<string, string>();
  for (const file of found) {
    const absolute = path.resolve(file);
    const relative = path.relative(process.cwd(), absolute);
    const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
    if (!byAbsolute.has(absolute)) byAbsolute.set(absolute, shown);
  }
  const files = [...byAbsolute.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const skipped = [...new Set(others.map((f) => path.resolve(f)))]
    .filter((f) => !byAbsolute.has(f))
    .sort()
    .map((f) => ({
      file: path.relative(process.cwd(), f).startsWith("..") ? f : path.relative(process.cwd(), f),
      reason: `skipped: ${path.extname(f) ? `the extension ${path.extname(f)} is` : "a name without an extension is"} not ${kind === "article" ? "an article format" : `a ${kind} file`}`,
      hint: `${kind} files end in ${extensions.join(" ")}; rename it, or name the file itself to have its content checked`,
    }));
  return { files: stdin ? [STDIN, ...files] : files, failures, skipped };
}
