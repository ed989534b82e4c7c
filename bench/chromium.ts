import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type ChromiumSession = { context: BrowserContext; close(): Promise<void> };

/**
 * A real headless Chromium (for the browser tests and the explorer bench) with a throw-away profile, no background
 * networking, and WebGL2 on the CPU (SwiftShader), since sigma draws with WebGL and there is no GPU here.
 */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<ChromiumSession> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "kg-chromium-"));
  // A persistent context is how playwright takes a fresh --user-data-dir of our own.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
    ],
    viewport,
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
