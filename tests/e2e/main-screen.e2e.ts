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

/** Each flag badge's text against its fill: WCAG contrast, readable at 4.5:1 or more. */
function badgeContrasts(page: Page) {
  return page.evaluate(() => {
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    return [...document.querySelectorAll<HTMLElement>('[data-testid="flag-badge"]')].map((badge) => {
      const style = getComputedStyle(badge);
      const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
      const ratio = ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
      const severity = [...badge.classList].find((c) => c.startsWith('plan-node__badge--'))?.slice(18);
      return { severity, ratio: Math.round(ratio * 10) / 10, readable: ratio >= 4.5 };
    });
  });
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
      'Add a goal to start the map; the plan is checked as you build it.',
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
    // axe leaves the badges out (role="img"); their count must read in both themes too.
    expect(await badgeContrasts(page)).toEqual([
      expect.objectContaining({ severity: 'error', readable: true }),
      expect.objectContaining({ severity: 'warning', readable: true }),
    ]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('leaves no English on the main screen in Chinese, and remembers the choice', async () => {
    expect(englishWords(await chromeText(page))).toEqual([]);
    expect(await page.getByTestId('findings-panel').textContent()).toContain('没有执行路径');
    await page.getByTestId('open-shortcuts').click();
    const sheet = page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('Shift+单击');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(() => page.getByTestId('language').inputValue()).toBe('zh-CN');
    expect(englishWords(await chromeText(page))).toEqual([]);
    await page.getByTestId('language').selectOption('en');
    await expect
      .poll(() => page.getByTestId('findings-panel').textContent())
      .toContain('has no execution path');
  });

  it('gives the canvas the whole width with the side panels hidden, by button or Ctrl+\\, and remembers it', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const canvasWidth = () => page.evaluate(() => document.querySelector('.app__canvas')?.clientWidth ?? 0);
    const toggle = page.getByTestId('side-panels-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await canvasWidth()).toBeLessThan(700);
    await toggle.click();
    await expect.poll(canvasWidth).toBe(1280);
    expect(await page.getByTestId('map-list').isVisible()).toBe(false);
    expect(await page.getByTestId('side-column').isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await expect.poll(canvasWidth).toBe(1280);
    await page.locator('.react-flow__node').first().click();
    await page.keyboard.press('Control+Backslash');
    await expect.poll(() => page.getByTestId('map-list').isVisible()).toBe(true);
    expect(await page.getByTestId('side-column').isVisible()).toBe(true);
    expect(await canvasWidth()).toBeLessThan(700);
    // Hidden from a control in a side panel, the keyboard goes on from the canvas, not the page.
    await page.getByTestId('new-map').focus();
    await page.keyboard.press('Control+Backslash');
    await expect.poll(canvasWidth).toBe(1280);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-canvas-scope'))).toBe(true);
    await page.keyboard.press('Control+Backslash');
    await expect.poll(() => page.getByTestId('map-list').isVisible()).toBe(true);
  });

  it("fits the toolbar in a 1280 px window, with the map's name whole and every control on screen", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    const layout = await page.evaluate(() => {
      const title = document.querySelector('.toolbar__title') as HTMLElement;
      const controls = [...document.querySelectorAll('.toolbar button, .toolbar select')];
      return {
        titleCut: title.scrollWidth > title.clientWidth,
        offScreen: controls.filter((c) => c.getBoundingClientRect().right > window.innerWidth).length,
      };
    });
    expect(layout).toEqual({ titleCut: false, offScreen: 0 });
    // The words are still there for a screen reader and on hover.
    expect(await page.getByTestId('save-state').textContent()).toContain('All changes saved');
  });
});
