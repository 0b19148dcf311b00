import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryWithMap, renameSelected, rerenderedNodes, waitForCanvas } from '../bench/canvas.bench';
import { axeViolations } from './axe';
import { goToNode } from './canvas-actions';
import { launchBrowser, removeDir, type ServedApp, serveApp } from './harness';

// What keeps a 1,000-node map fluid: an edit renders the edited node's component and no other.
// Asserted here on a 300-node generated map; `npm run bench` prints the 1k figures.
describe('A generated map of 300 nodes', () => {
  let app: ServedApp;
  let dir: string;
  let page: Page;

  beforeAll(async () => {
    dir = libraryWithMap(300, 5);
    app = await serveApp(dir);
    const browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await app.served.signIn(context);
    page = await context.newPage();
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

  it('lists the first hundred findings, strategy first, and the rest on request, by keyboard too', async () => {
    const total = Number(await page.locator('.findings__count').textContent());
    expect(total).toBeGreaterThan(100);
    // The notes start folded; opened, every finding can be listed.
    const notes = page.locator(
      '[data-testid="finding-group"][data-group="notes"] [data-testid="finding-group-toggle"]',
    );
    if ((await notes.count()) > 0) await notes.click();
    const findings = page.getByTestId('finding');
    expect(await findings.count()).toBe(100);
    expect(await page.getByTestId('findings-shown').textContent()).toBe(`Showing the first 100 of ${total}`);
    // Groups in order (strategy, links, data, notes), errors first within each.
    const groupRank = { strategy: 0, links: 1, data: 2, notes: 3 } as Record<string, number>;
    const rank = { Error: 0, Warning: 1, Note: 2 } as Record<string, number>;
    const keys = await page
      .locator('[data-testid="finding"]')
      .evaluateAll((items) =>
        items.map((item) => [
          item.closest('[data-group]')?.getAttribute('data-group') ?? '',
          item.querySelector('.finding__severity')?.textContent ?? '',
        ]),
      );
    const order = keys.map(
      ([group, severity]) => (groupRank[group ?? ''] ?? 9) * 10 + (rank[severity ?? ''] ?? 9),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(keys[0]?.[0]).toBe('strategy');
    expect(await axeViolations(page, '[data-testid="findings-panel"]')).toEqual([]);

    const more = page.getByTestId('findings-more');
    expect(await more.textContent()).toBe(`Show ${Math.min(100, total - 100)} more`);
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => findings.count()).toBe(Math.min(200, total));
    // Focus moves to the first finding added, so reading goes on from there.
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('.finding')].indexOf(document.activeElement as Element),
      ),
    ).toBe(100);
    while ((await findings.count()) < total) await more.click();
    expect(await findings.count()).toBe(total);
    expect(await more.count()).toBe(0);

    // Another map (here a copy, opened at once) starts with the first hundred again.
    await page.getByRole('button', { name: 'Duplicate: Generated 300' }).click();
    await page.locator('[data-testid="map-row"].is-open', { hasText: 'Generated 300' }).waitFor();
    await expect.poll(() => page.locator('[data-testid="map-row"]').count()).toBe(2);
    await expect.poll(() => findings.count()).toBe(100);
  });
});
