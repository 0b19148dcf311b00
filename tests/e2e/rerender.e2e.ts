import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryWithMap, renameSelected, rerenderedNodes, waitForCanvas } from '../bench/canvas.bench';
import { goToNode } from './canvas-actions';
import { launchBrowser, removeDir, type ServedApp, serveApp } from './harness';

// What keeps a 1,000-node map fluid: an edit renders the edited node's component and no other.
// Asserted here on a 300-node generated map; `npm run bench` prints the 1k figures.
describe('Re-renders on a generated map', () => {
  let app: ServedApp;
  let dir: string;
  let page: Page;

  beforeAll(async () => {
    dir = libraryWithMap(300, 5);
    app = await serveApp(dir);
    const browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(app.url);
    await waitForCanvas(page, 10);
  });

  afterAll(async () => {
    await page?.context().close();
    await app?.stop();
    removeDir(dir);
  });

  it('renaming one node renders that node component only', async () => {
    await goToNode(page, 'Mechanism 12');
    const rendered = await renameSelected(page, 'm11', 'Weekly pipeline review');
    expect(rendered).toEqual(['m11']);
  });

  it('selecting another node renders only the two whose selection changed', async () => {
    const onScreen = new Set(
      await page
        .locator('.react-flow__node')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id'))),
    );
    const rendered = await rerenderedNodes(page, () => goToNode(page, 'Mechanism 13'));
    // Nodes the view scrolled onto the screen mount for the first time; of those already drawn,
    // only the two whose selection changed render again.
    expect(rendered.filter((id) => onScreen.has(id)).sort()).toEqual(['m11', 'm12']);
  });
});
