import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

/** The main screen's own text (not the user's map content), in reading order. */
function chromeText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const userWords = '.react-flow__node, .map-row, .toolbar__title, .file-menu__doc, .finding__message';
    for (const el of document.querySelectorAll<HTMLElement>(
      '.app__header, [data-testid="map-list"], [data-testid="findings-panel"], [data-testid="inspector"], .canvas__empty',
    )) {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const mine of copy.querySelectorAll(userWords)) mine.remove();
      parts.push(copy.textContent ?? '');
    }
    // Labels read aloud count too: every aria-label and title on the screen.
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label], [title], [aria-describedby]')) {
      // A node's title, a map's name and a file's path are the user's words, not the app's.
      if (el.closest('.react-flow__node, .map-row, .toolbar__title') || el.dataset.testid === 'file-menu')
        continue;
      const description = el.getAttribute('aria-describedby');
      if (description) parts.push(document.getElementById(description)?.textContent ?? '');
      parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
    }
    return parts.join('\n');
  });
}

/** English words left in a Chinese screen, beyond names and the map's own (Chinese) content. */
function englishWords(text: string): string[] {
  // Product and language names, and the names printed on keys.
  const allowed = new Set([
    'Throughline',
    'English',
    'JSON',
    'Ctrl',
    'Tab',
    'Enter',
    'Delete',
    'Page',
    'Esc',
  ]);
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !allowed.has(w));
}

describe('The main screen: accessible, and entirely in Chinese when switched', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await page.getByTestId('new-map').click();
    // An empty map is not reassured that "every goal has an execution path".
    await page
      .getByTestId('health-summary')
      .filter({ hasText: /^No goals yet$/ })
      .waitFor();
    expect(await page.locator('.findings__none').textContent()).toBe(
      'No goals yet: add one to start the map.',
    );
    await page.getByTestId('add-goal').click();
    await page.keyboard.type('提高订单转化率');
    await page.keyboard.press('Tab');
    await page.keyboard.type('优惠券与运费提示');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
  });

  afterAll(() => closeServed(app, page));

  it('has no serious or critical axe violations, in English and Chinese, light and dark', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('leaves no English on the main screen in Chinese, and remembers the choice', async () => {
    expect(englishWords(await chromeText(page))).toEqual([]);
    expect(await page.getByTestId('findings-panel').textContent()).toContain('没有执行路径');
    await page.reload();
    await expect.poll(() => page.getByTestId('language').inputValue()).toBe('zh-CN');
    expect(englishWords(await chromeText(page))).toEqual([]);
    await page.getByTestId('language').selectOption('en');
    await expect
      .poll(() => page.getByTestId('findings-panel').textContent())
      .toContain('has no execution path');
  });
});
