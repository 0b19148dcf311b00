import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNode, dragLink, edgeCount, fitView, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

describe('a first map, end to end in Chromium over the browser transport', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
  });

  afterAll(() => closeServed(app, page));

  it('creates a map, flags a lone goal, clears the flag once the chain is linked, refuses metric→goal, and keeps it all across a reload', async () => {
    await page.getByTestId('new-map').click();
    await page.waitForSelector('[data-testid="map-row"]');

    const goal = await addNode(page, 'goal', 'Grow repeat purchases');
    const goalNode = page.locator(`[data-testid="plan-node"][data-node-id="${goal}"]`);
    await expect.poll(() => goalNode.getAttribute('data-flag')).toBe('error');
    await expect
      .poll(() =>
        page
          .locator(`[data-testid="finding"][data-code="goal-without-execution-path"][data-node-id="${goal}"]`)
          .count(),
      )
      .toBe(1);

    const mechanism = await addNode(page, 'mechanism', 'Member benefits programme');
    const metric = await addNode(page, 'metric', 'Repeat purchase rate');
    await fitView(page);

    await dragLink(page, goal, mechanism);
    await expect.poll(() => edgeCount(page)).toBe(1);
    await dragLink(page, mechanism, metric);
    await expect.poll(() => edgeCount(page)).toBe(2);
    await expect
      .poll(() => page.locator('[data-testid="finding"][data-code="goal-without-execution-path"]').count())
      .toBe(0);
    expect(await goalNode.getAttribute('data-flag')).not.toBe('error');

    // A metric cannot point to anything: it has no handle to start a link from, and a link drawn
    // backwards, from the goal's input onto the metric, is refused and the user is told why.
    expect(
      await page.locator(`.react-flow__node[data-id="${metric}"] .react-flow__handle.source`).count(),
    ).toBe(0);
    const input = await page
      .locator(`.react-flow__node[data-id="${goal}"] .react-flow__handle.target`)
      .boundingBox();
    const onto = await page.locator(`.react-flow__node[data-id="${metric}"]`).boundingBox();
    if (!input || !onto) throw new Error('goal handle or metric not visible');
    await page.mouse.move(input.x + input.width / 2, input.y + input.height / 2);
    await page.mouse.down();
    await page.mouse.move(onto.x + onto.width / 2, onto.y + onto.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect
      .poll(() => page.getByTestId('notice').first().textContent())
      .toMatch(/Link refused\. .*metric/i);
    expect(await edgeCount(page)).toBe(2);

    // Move the goal, so the reload also proves positions are kept.
    const box = await goalNode.boundingBox();
    if (!box) throw new Error('goal not visible');
    await page.mouse.move(box.x + 60, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 140, { steps: 10 });
    await page.mouse.up();
    await waitSaved(page);
    const positionsBefore = await nodePositions(page);

    await page.reload();
    await page.waitForSelector('[data-testid="plan-node"]');
    await expect.poll(() => page.locator('[data-testid="plan-node"]').count()).toBe(3);
    expect(await edgeCount(page)).toBe(2);
    expect(await page.locator('[data-testid="plan-node"]').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Grow repeat purchases'),
        expect.stringContaining('Member benefits programme'),
        expect.stringContaining('Repeat purchase rate'),
      ]),
    );
    expect(await nodePositions(page)).toEqual(positionsBefore);
    expect(
      await page.locator('[data-testid="finding"][data-code="goal-without-execution-path"]').count(),
    ).toBe(0);
  });
});

/** Each node's position in flow coordinates, read from React Flow's transform. */
function nodePositions(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      out[el.dataset.id ?? ''] = el.style.transform;
    }
    return out;
  });
}
