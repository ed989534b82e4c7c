import { afterAll, beforeAll, it } from "vitest";
import { loadSeedGraph } from "../server/helpers.ts";
import { startExplorer, type Explorer } from "../web/harness.ts";
let explorer: Explorer;
beforeAll(async () => { explorer = await startExplorer(loadSeedGraph); }, 240_000);
afterAll(async () => { await explorer?.close(); });
it("probe", async () => {
  const { page } = await explorer.open("?view=compare&topic=peacekeeping&actors=Turkey,Europe,Russia");
  await page.waitForFunction(() => document.body.dataset.compared !== undefined, undefined, { polling: 100, timeout: 30_000 });
  console.log(await page.evaluate(() => {
    const e = document.elementFromPoint(700, 600) as HTMLElement;
    const cv = document.getElementById("compare-view")!.getBoundingClientRect();
    const st = document.querySelector(".stage")!.getBoundingClientRect();
    return JSON.stringify({ tag: e.tagName, cls: e.className, id: e.id, z: getComputedStyle(e).zIndex, parent: e.parentElement?.className, cv, st });
  }));
}, 60_000);
