import path from "node:path";
import { describe, expect, it } from "vitest";
import { listInputFiles } from "../../src/article/index.ts";
import { INPUT, fixture, tempFiles } from "./helpers.ts";

const abs = (files: string[]) => files.map((f) => (f === "-" ? f : path.resolve(f)));

describe("listInputFiles", () => {
  it("expands a folder recursively to its article files, sorted", async () => {
    const { files, failures } = await listInputFiles([fixture("good")]);
    expect(failures).toEqual([]);
    expect(abs(files)).toEqual(
      ["feed.jsonl", "harbour-talks.txt", "nested/grain-corridor.md", "summit.html", "wire.json"].map((f) => fixture("good", f)),
    );
  });

  it("expands globs, keeps '-' first, removes duplicates however they are spelled", async () => {
    const relative = path.relative(process.cwd(), INPUT);
    const { files, failures } = await listInputFiles([
      `${relative}/good/*.json*`,
      "-",
      fixture("good", "wire.json"),
      `${relative}/good/../good/wire.json`,
      `${relative}/good/**/*.md`,
    ]);
    expect(failures).toEqual([]);
    expect(abs(files)).toEqual(["-", fixture("good", "feed.jsonl"), fixture("good", "nested", "grain-corridor.md"), fixture("good", "wire.json")]);
    // Paths inside the working folder are shown relative to it.
    expect(files[1]).toBe(path.join(relative, "good", "feed.jsonl"));
  });

  it("reports a missing path, a glob matching nothing and a folder without article files", async () => {
    const { files, failures } = await listInputFiles(["no/such/file.txt", `${INPUT}/good/*.xml`, fixture("good", "wire.json"), path.join(INPUT, "..")]);
    expect(abs(files)).toContain(fixture("good", "wire.json"));
    expect(failures.map((f) => [f.file, f.reason])).toEqual([
      ["no/such/file.txt", "no such file or folder"],
      [`${INPUT}/good/*.xml`, "glob matched no files"],
    ]);
  });

  it("reports a folder that holds no article files", async () => {
    const { dir, cleanup } = await tempFiles({ "readme.csv": "a,b\n", ".hidden.txt": "Hidden\nfile" });
    try {
      const { files, failures } = await listInputFiles([dir]);
      expect(files).toEqual([]);
      expect(failures.map((f) => [f.file, f.reason])).toEqual([[dir, "folder holds no article files"]]);
    } finally {
      await cleanup();
    }
  });

  it("keeps an explicitly named file of any extension (readArticleFile then reports it)", async () => {
    const { files } = await listInputFiles([fixture("bad", "notes.csv")]);
    expect(abs(files)).toEqual([fixture("bad", "notes.csv")]);
  });
});
