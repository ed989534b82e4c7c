/**
 * The parser as a service: `kg ingest` (with worker threads), `kg extract` and `kg up` use the servers of
 * KG_NLP_URL, several of them in turn, passing over one that is down, and never start a local parser. Two counting
 * proxies in front of the run's real CoreNLP stand for two parser machines; a port nobody listens on for a dead one.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../src/parse/local/ports.ts";
import { countingProxy, testParserConfig } from "../parse/helpers.ts";
import { kg } from "../support/kg.ts";
import { freshStore } from "../store/helpers.ts";
import type { Store } from "../../src/store/driver.ts";

let store: Store;
let proxies: Awaited<ReturnType<typeof countingProxy>>[] = [];
let env: Record<string, string>;
let secret: string | undefined;
const dir = mkdtempSync(path.join(os.tmpdir(), "kg-parser-urls-"));

beforeAll(async () => {
  store = await freshStore();
  const real = await testParserConfig();
  proxies = await Promise.all([countingProxy(real.url!), countingProxy(real.url!)]);
  const dead = `http://127.0.0.1:${await freePort()}/`;
  // The second server carries its credentials in its URL (they must never be printed); the others get
  // KG_NLP_USER / KG_NLP_PASSWORD.
  secret = real.password;
  const second = new URL(proxies[1]!.url);
  if (real.user) {
    second.username = encodeURIComponent(real.user);
    second.password = encodeURIComponent(real.password ?? "");
  }
  env = { KG_NLP_URL: `${dead}, ${proxies[0]!.url}, ${second.toString()}` };
  const articles = [
    ["oslo.txt", "Oslo talks\nNorway hosted talks between Sudan and Chad in Oslo on Friday.\n"],
    ["lima.txt", "Lima visit\nPeru hosted Chile's foreign minister in Lima. Chile rejected the border plan.\n"],
    ["accra.txt", "Accra deal\nKenya and Ghana signed the trade agreement in Accra on Monday.\n"],
    ["ankara.txt", "Ankara offer\nTurkey offered to host a new round of talks between Armenia and Azerbaijan.\n"],
  ];
  for (const [name, text] of articles) writeFileSync(path.join(dir, name!), text!);
}, 300_000);
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await store?.close();
});

const requests = () => proxies.map((p) => p.requests);

describe("KG_NLP_URL with several servers", () => {
  it("kg ingest --workers 2 sends the parses to the live servers, both of them", async () => {
    const before = requests();
    const res = await kg(["ingest", dir, "--workers", "2", "--no-layout"], inject("neo4j"), env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^4 ingested, 0 updated, 0 unchanged, 0 failed$/m);
    const sent = requests().map((n, i) => n - before[i]!);
    expect(sent[0]! + sent[1]!).toBe(4);
    expect(sent[0]).toBeGreaterThan(0);
    expect(sent[1]).toBeGreaterThan(0);
    expect(res.stderr).not.toMatch(/local parser/i);
  }, 120_000);

  it("kg extract uses them", async () => {
    const before = requests();
    const res = await kg(["extract", path.join(dir, "oslo.txt"), path.join(dir, "lima.txt"), "--format", "jsonl"], inject("neo4j"), env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim().split("\n")).toHaveLength(2);
    expect(requests().reduce((n, r, i) => n + r - before[i]!, 0)).toBe(2);
  }, 120_000);

  it("kg up names the servers without their credentials, ingests through them and starts no local parser", async () => {
    const before = requests();
    const res = await kg(["up", "--no-serve", "--seeds", dir], inject("neo4j"), env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/^Parser: KG_NLP_URL http:\/\/127\.0\.0\.1:\d+, http:\/\/127\.0\.0\.1:\d+, http:\/\/127\.0\.0\.1:\d+$/m);
    expect(res.stdout).toMatch(/^0 ingested, 0 updated, 4 unchanged, 0 failed$/m);
    expect(res.stderr).not.toMatch(/local parser/i);
    if (secret) expect(res.stdout + res.stderr).not.toContain(secret);
    // Unchanged articles are not parsed again.
    expect(requests()).toEqual(before);
  }, 120_000);
});
