// Takes screenshots of the running renderer for a person to look at (not a test):
//   npx tsx tests/e2e/screenshot.ts [out-dir]
// Builds a small map with one goal that has an execution path and one that has none.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addNode, dragLink, fitView, waitSaved } from './canvas-actions';
import { launchBrowser, openPage, removeDir, serveApp } from './harness';

const outDir = process.argv[2] ?? '.tmp/screenshots';
mkdirSync(outDir, { recursive: true });
const app = await serveApp();
try {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    const page = await openPage(app, { width, height });
    if ((await page.locator('[data-testid="map-row"]').count()) === 0) {
      await page.getByTestId('new-map').click();
      await page.waitForSelector('[data-testid="map-row"]');
      const g1 = await addNode(page, 'goal', 'Grow repeat purchases');
      const g2 = await addNode(page, 'goal', 'Launch the new brand');
      const m1 = await addNode(page, 'mechanism', 'Member benefits programme');
      const m2 = await addNode(page, 'mechanism', 'TV and social campaign');
      const k1 = await addNode(page, 'metric', 'Repeat purchase rate');
      await fitView(page);
      await dragLink(page, g1, m1);
      await dragLink(page, m1, k1);
      await dragLink(page, g2, m2);
      await waitSaved(page);
      await fitView(page);
    }
    await page.screenshot({ path: join(outDir, `main-${width}x${height}.png`) });
    await page.context().close();
  }
} finally {
  await (await launchBrowser()).close();
  await app.stop();
  removeDir(app.dir);
}
console.log(`screenshots in ${outDir}`);
