import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_STYLE, SEVERITY_COLOUR } from '../../shared/render/palette';
import { addNode } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

/** "#173a8a" as the browser reports a computed colour: "rgb(23, 58, 138)". */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

async function computed(page: Page, selector: string, property: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
}

describe('the screen draws with the palette of shared/render/palette.ts', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    await page.getByTestId('new-map').click();
    await addNode(page, 'goal', 'Raise order conversion');
    await addNode(page, 'mechanism', 'Coupon hints');
    await addNode(page, 'metric', 'Payment conversion');
  });
  afterAll(() => closeServed(app, page));

  it('fills, borders and inks each kind of card in the palette colours (light theme)', async () => {
    const card = (kind: string) => `[data-testid="plan-node"][data-kind="${kind}"]`;
    expect(await computed(page, card('goal'), 'background-color')).toBe(rgb(KIND_STYLE.goal.fill));
    expect(await computed(page, card('goal'), 'color')).toBe(rgb(KIND_STYLE.goal.ink));
    expect(await computed(page, card('mechanism'), 'background-color')).toBe(rgb(KIND_STYLE.mechanism.fill));
    expect(await computed(page, card('mechanism'), 'border-top-color')).toBe(
      rgb(KIND_STYLE.mechanism.stroke),
    );
    expect(await computed(page, card('mechanism'), 'color')).toBe(rgb(KIND_STYLE.mechanism.ink));
    expect(await computed(page, card('metric'), 'background-color')).toBe(rgb(KIND_STYLE.metric.fill));
    expect(await computed(page, card('metric'), 'border-top-color')).toBe(rgb(KIND_STYLE.metric.stroke));
    expect(await computed(page, card('metric'), 'color')).toBe(rgb(KIND_STYLE.metric.ink));
  });

  it('colours the finding badges with the severities of the palette', async () => {
    // A lone goal, mechanism and metric are flagged by the plan check.
    await page.locator('.plan-node__badge').first().waitFor();
    let checked = 0;
    for (const severity of ['error', 'warning', 'info'] as const) {
      const badge = `.plan-node__badge--${severity}`;
      if ((await page.locator(badge).count()) === 0) continue;
      checked += 1;
      expect(await computed(page, badge, 'background-color'), severity).toBe(rgb(SEVERITY_COLOUR[severity]));
    }
    expect(checked).toBeGreaterThan(0);
  });
});
