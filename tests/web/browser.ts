import type { Page } from "playwright-core";
import { launchChromium, type ChromiumSession } from "../../bench/chromium.ts";

export type BrowserSession = ChromiumSession;
export const launchBrowser = launchChromium;

/** Collects page errors, console errors and CSP violations so a test can assert there were none. */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return { errors };
}

/** Waits until the explorer has loaded its graph (body[data-ready]). */
export async function waitForExplorer(page: Page): Promise<void> {
  // Poll on a timer: requestAnimationFrame polling waits on software-rendered frames.
  await page.waitForFunction(() => document.body.dataset.ready !== undefined, undefined, { timeout: 30_000, polling: 100 });
  const state = await page.evaluate(() => document.body.dataset.ready);
  if (state !== "true") throw new Error(`explorer failed to start: ${await page.textContent("#status")}`);
}

/** Share of canvas pixels that differ from the background, read from a screenshot (WebGL buffers are not kept). */
export async function drawnPixelShare(page: Page, selector = "#graph"): Promise<number> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) drawn++;
    return drawn / (data.length / 4);
  }, png.toString("base64"));
}

/** Milliseconds from the graph data's arrival to the first drawn, interactive view (performance marks set by the app). */
export async function renderMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    return mark("kg:ready") - mark("kg:data-loaded");
  });
}
