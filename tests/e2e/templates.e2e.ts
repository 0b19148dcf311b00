import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, templateContent, templateName } from '../../shared/templates';
import { validateMap } from '../../shared/validation';
import { axeViolations } from './axe';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

describe('new maps from templates, end to end in Chromium over the browser transport', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await page.getByTestId('new-from-template').waitFor();
  });

  afterAll(() => closeServed(app, page));

  const picker = () => page.getByRole('dialog', { name: /new map from a template|从模板新建地图/i });
  const chosen = () => page.locator('[data-testid="template-option"][aria-selected="true"]');
  const focusedTemplate = () =>
    page.evaluate(() => document.activeElement?.getAttribute('data-template-id') ?? null);

  async function openPicker(): Promise<void> {
    await page.getByTestId('new-from-template').click();
    await picker().waitFor();
  }

  it('is an accessible dialog: focus starts in the list, arrows choose, Escape closes and gives focus back', async () => {
    await openPicker();
    expect(await picker().getAttribute('aria-modal')).toBe('true');
    expect(await page.getByTestId('template-option').count()).toBe(TEMPLATE_IDS.length);
    expect(await page.getByTestId('template-option').first().textContent()).toContain(
      templateName(TEMPLATE_IDS[0], 'en'),
    );
    await expect.poll(focusedTemplate).toBe(TEMPLATE_IDS[0]);

    await page.keyboard.press('ArrowDown');
    expect(await chosen().getAttribute('data-template-id')).toBe(TEMPLATE_IDS[1]);
    expect(await focusedTemplate()).toBe(TEMPLATE_IDS[1]);
    await page.keyboard.press('End');
    expect(await chosen().getAttribute('data-template-id')).toBe(TEMPLATE_IDS.at(-1));
    await page.keyboard.press('Home');
    expect(await chosen().getAttribute('data-template-id')).toBe(TEMPLATE_IDS[0]);

    // Tab goes round the dialog's own controls and never leaves it.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    }

    expect(await axeViolations(page, '[data-testid="template-picker"]')).toEqual([]);

    await page.keyboard.press('Escape');
    await picker().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'new-from-template',
    );
    expect(await page.locator('[data-testid="map-row"]').count()).toBe(0);
  });

  it('creates the checkout template: its nodes on the canvas and no findings', async () => {
    await openPicker();
    await page.keyboard.press('ArrowDown');
    expect(await chosen().getAttribute('data-template-id')).toBe('checkout-conversion');
    await page.getByTestId('template-create').click();
    await picker().waitFor({ state: 'detached' });

    const expected = templateContent('checkout-conversion', 'en');
    await expect
      .poll(() => page.locator('[data-testid="map-row"]', { hasText: 'Checkout conversion fix' }).count())
      .toBe(1);
    await expect.poll(() => page.locator('[data-testid="plan-node"]').count()).toBe(expected.nodes.length);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(expected.links.length);
    expect(await page.locator('[data-testid="plan-node"]').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Raise order conversion at checkout'),
        expect.stringContaining('Apply the best coupon automatically'),
        expect.stringContaining('Drop-off at the payment page'),
      ]),
    );
    await expect.poll(() => page.locator('[data-testid="finding"]').count()).toBe(0);
    expect(await page.locator('[data-testid="flag-badge"]').count()).toBe(0);
  });

  it('creates the product launch with Enter and flags its purchase goal as having no execution path', async () => {
    await openPicker();
    const option = page.locator('[data-testid="template-option"][data-template-id="product-launch-gap"]');
    await option.click();
    await page.keyboard.press('Enter');
    await picker().waitFor({ state: 'detached' });

    await expect
      .poll(() => page.locator('[data-testid="map-row"]', { hasText: 'Product launch with a gap' }).count())
      .toBe(1);
    const purchase = page.locator('[data-testid="plan-node"][data-node-id="g-purchase"]');
    await expect.poll(() => purchase.getAttribute('data-flag')).toBe('error');
    expect(await purchase.locator('[data-testid="flag-badge"]').count()).toBe(1);
    await expect
      .poll(() =>
        page
          .locator(
            '[data-testid="finding"][data-code="goal-without-execution-path"][data-node-id="g-purchase"]',
          )
          .count(),
      )
      .toBe(1);
    const codes = await page
      .locator('[data-testid="finding"]')
      .evaluateAll((items) => [...new Set(items.map((i) => i.getAttribute('data-code')))].sort());
    expect(codes).toEqual(['goal-without-closed-loop', 'goal-without-execution-path']);
  });

  it('writes the map in Chinese when the interface is in Chinese', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    await openPicker();
    expect(await page.getByTestId('template-option').first().textContent()).toContain(
      templateName(TEMPLATE_IDS[0], 'zh-CN'),
    );
    await page.locator('[data-testid="template-option"][data-template-id="okrs"]').click();
    await page.getByTestId('template-create').click();
    await picker().waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('[data-testid="map-row"]', { hasText: templateName('okrs', 'zh-CN') }).count())
      .toBe(1);
    await expect
      .poll(() => page.locator('[data-testid="plan-node"]', { hasText: '关键结果：净收入留存率' }).count())
      .toBe(1);
    await page.getByTestId('language').selectOption('en');
  });

  it('shows every template with the findings its validation gives: only the launch lacks a path', async () => {
    for (const id of TEMPLATE_IDS) {
      await openPicker();
      await page.locator(`[data-testid="template-option"][data-template-id="${id}"]`).click();
      await page.getByTestId('template-create').click();
      await picker().waitFor({ state: 'detached' });
      const content = templateContent(id, 'en');
      await expect.poll(() => page.locator('[data-testid="plan-node"]').count()).toBe(content.nodes.length);
      const expected = validateMap(content);
      await expect.poll(() => page.locator('[data-testid="finding"]').count()).toBe(expected.length);
      const noPath = await page
        .locator('[data-testid="finding"][data-code="goal-without-execution-path"]')
        .count();
      expect(noPath > 0, id).toBe(id === 'product-launch-gap');
    }
  });
});
