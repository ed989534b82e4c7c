import { describe, expect, it } from "vitest";
import { isLoopbackHost, ServeConfigError, startServer } from "../../src/server/start.ts";
import { GraphReader } from "../../src/store/read/graph-reader.ts";

describe("kg serve's binding rules", () => {
  it("knows loopback addresses", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "example.org"]) expect(isLoopbackHost(host), host).toBe(false);
  });

  it("refuses a non-loopback host without a token, and serves on loopback without one", async () => {
    const store = GraphReader.open({ uri: "bolt://127.0.0.1:1", user: "neo4j", password: "x", database: "neo4j" });
    try {
      await expect(startServer({ store, host: "0.0.0.0", port: 0 })).rejects.toBeInstanceOf(ServeConfigError);
      await expect(startServer({ store, host: "0.0.0.0", port: 0, token: "  " })).rejects.toThrow(/KG_API_TOKEN/);
      const { app, url } = await startServer({ store, host: "127.0.0.1", port: 0, webRoot: "/nonexistent" });
      try {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("vite build");
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
    }
  });
});
