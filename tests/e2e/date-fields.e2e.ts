import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNode, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

/**
 * Date fields follow the UI's language, not the browser's: the browser here is en-US, where
 * Chromium's own date input would show mm/dd/yyyy under a Chinese UI.
 */

const dueDate = (page: Page): Locator => page.locator('[data-testid="inspector"] [data-field="dueDate"]');
const words = (field: Locator) => field.locator('xpath=following-sibling::*[@data-testid="date-words"]');

describe('date fields in a Chinese UI in an English browser', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await page.getByTestId('new-map').click();
    await addNode(page, 'metric', 'GMV');
    await waitSaved(page);
    await page.getByTestId('language').selectOption('zh-CN');
  });

  afterAll(() => closeServed(app, page));

  it('take a day typed the Chinese way and show it in Chinese, stored as YYYY-MM-DD', async () => {
    const field = dueDate(page);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    expect(await field.getAttribute('type')).toBe('text'); // never the browser-locale date input
    expect(await field.getAttribute('lang')).toBe('zh-CN');
    expect(await field.getAttribute('placeholder')).toBe('年-月-日');
    await field.fill('2027年6月1日');
    await field.press('Enter');
    await waitSaved(page);
    expect(await field.inputValue()).toBe('2027-06-01');
    expect(await words(field).textContent()).toBe('2027年6月1日');
  });

  it('show the day in English words once the UI is English again', async () => {
    await page.getByTestId('language').selectOption('en');
    const field = dueDate(page);
    expect(await field.getAttribute('lang')).toBe('en');
    expect(await field.getAttribute('placeholder')).toBe('YYYY-MM-DD');
    expect(await words(field).textContent()).toBe('Jun 1, 2027');
    await page.getByTestId('language').selectOption('zh-CN');
  });

  it('refuse a day that does not exist, in Chinese, and keep the saved one', async () => {
    const field = dueDate(page);
    await field.fill('2027/2/30');
    await field.press('Enter');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    await field.press('Escape');
    expect(await field.inputValue()).toBe('2027-06-01');
  });

  it('in the PDF dialog too', async () => {
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-export-pdf').click();
    const field = page.locator('.export-dialog input[lang]');
    expect(await field.getAttribute('type')).toBe('text');
    expect(await field.getAttribute('lang')).toBe('zh-CN');
    await field.fill('2027/6/1');
    expect(await words(field).textContent()).toBe('2027年6月1日');
    await page.keyboard.press('Escape');
  });
});
