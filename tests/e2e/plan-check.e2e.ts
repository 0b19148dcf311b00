import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalsInPlanOrder } from '../../renderer/src/presentation/presentation-goals';
import { templateContent } from '../../shared/templates';
import { edgeCount, newMapFromTemplate, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

// Issue 13 ("Offsite-ready"), points 4, 5, 6 and 8, in Chromium at the projector size 1280×800.

const nodeCount = (page: Page) => page.locator('[data-testid="plan-node"]').count();
const titles = async (page: Page) => (await page.locator('.plan-node__title').allTextContents()).sort();
const card = (page: Page, title: string) => page.locator('[data-testid="plan-node"]', { hasText: title });
const functionOf = (page: Page, title: string) =>
  card(page, title).getByTestId('node-function').getAttribute('data-function');
const editing = (page: Page) => page.locator('.plan-node__title-input').count();

/** Sends a keydown the way an IME does while a composition is in progress. */
function composingKey(page: Page, key: string, shiftKey = false) {
  return page.evaluate(
    ([k, shift]) => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: k as string,
          shiftKey: shift as boolean,
          bubbles: true,
          cancelable: true,
          isComposing: true,
        }),
      );
    },
    [key, shiftKey],
  );
}

describe('Offsite-ready: functions, keys, grouped findings and presentation', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app, { width: 1280, height: 800 });
  });

  afterAll(() => closeServed(app, page));

  it('adds the first goal of an empty map with Enter, and Shift+Tab while typing makes the sub-goal', async () => {
    await page.getByTestId('new-map').click();
    await expect.poll(() => page.getByTestId('health-summary').textContent()).toContain('No goals');
    // Enter on a focused control of the canvas presses it and adds nothing.
    await page.locator('.react-flow__controls-zoomin').focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    expect(await nodeCount(page)).toBe(0);
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('Enter');
    await expect.poll(() => editing(page)).toBe(1);
    await page.keyboard.type('Win the north');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Open two stores');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeCount(page)).toBe(2);
    expect(await titles(page)).toEqual(['Open two stores', 'Win the north']);
    expect(await edgeCount(page)).toBe(1);
    expect(await card(page, 'Open two stores').getAttribute('data-kind')).toBe('goal');
  });

  it('starts a mechanism unset, flags it, and sets it with Shift+F (not while composing) or on the card', async () => {
    // The sub-goal is selected: Tab adds its mechanism.
    await card(page, 'Win the north').click();
    await page.keyboard.press('Tab');
    await page.keyboard.type('TV ads');
    await page.keyboard.press('Enter');
    await expect.poll(() => functionOf(page, 'TV ads')).toBe('unset');
    const unsetFinding = page.locator('[data-testid="finding"][data-code="mechanism-function-unset"]');
    await expect.poll(() => unsetFinding.count()).toBe(1);
    expect(await unsetFinding.textContent()).toContain('"TV ads" has no function set');

    // The finding takes the user to the mechanism.
    await page.locator('.react-flow__pane').click();
    await unsetFinding.click();
    await expect.poll(() => page.locator('.react-flow__node.selected').textContent()).toContain('TV ads');

    // The finding's button has the focus; the keys go to the canvas once the card is clicked.
    await card(page, 'TV ads').click();
    // While an input method composes, Shift+F is the IME's.
    await composingKey(page, 'F', true);
    await page.waitForTimeout(100);
    expect(await functionOf(page, 'TV ads')).toBe('unset');
    expect(await editing(page)).toBe(0);

    await page.keyboard.press('Shift+F');
    await expect.poll(() => functionOf(page, 'TV ads')).toBe('operations');
    await page.keyboard.press('Shift+F');
    await expect.poll(() => functionOf(page, 'TV ads')).toBe('marketing');
    await expect.poll(() => unsetFinding.count()).toBe(0);
    expect(await editing(page)).toBe(0);
    expect(await titles(page)).toContain('TV ads');

    // On the card: a select, reached and changed with the keyboard.
    const select = card(page, 'TV ads').locator('.plan-node__function-select');
    expect(await select.getAttribute('aria-label')).toBe('Function of “TV ads”');
    await select.selectOption('sales');
    await expect.poll(() => functionOf(page, 'TV ads')).toBe('sales');
    await select.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => functionOf(page, 'TV ads')).toBe('marketing');
    // Undo takes it back like any edit.
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => functionOf(page, 'TV ads')).toBe('sales');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => functionOf(page, 'TV ads')).toBe('marketing');
  });

  it('F fits the map with a node selected and never starts renaming it', async () => {
    await card(page, 'TV ads').click();
    const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');
    await page.evaluate(() => {
      // Move the view far away so fitting shows.
      const pane = document.querySelector('.react-flow__pane');
      pane?.dispatchEvent(new WheelEvent('wheel', { deltaY: 800, bubbles: true, ctrlKey: true }));
    });
    await page.waitForTimeout(300);
    const before = await viewport();
    await page.keyboard.press('f');
    await expect.poll(() => viewport()).not.toBe(before);
    expect(await editing(page)).toBe(0);
    expect(await titles(page)).toEqual(['Open two stores', 'TV ads', 'Win the north']);
    // Another letter still starts the rename, with what was typed.
    await page.keyboard.type('Radio');
    await page.keyboard.press('Enter');
    await expect.poll(() => titles(page)).toEqual(['Open two stores', 'Radio', 'Win the north']);
  });

  it('suggests the map’s owners in the inspector’s owner field', async () => {
    await card(page, 'Win the north').click();
    const owner = page.locator('[data-field-key="owner"] input');
    await owner.fill('Chen Jing');
    await owner.press('Enter');
    await card(page, 'Radio').click();
    // The inspector follows the selection a frame later: read the field's list each time, so a
    // list of the node selected before is never the one looked at.
    await expect
      .poll(() =>
        page.locator('[data-field-key="owner"] input').evaluate((input) => {
          const list = (input as HTMLInputElement).list;
          return list ? [...list.options].map((o) => o.value) : null;
        }),
      )
      .toEqual(['Chen Jing']);
    await waitSaved(page);
  });

  it('lists the shortcuts on the ? sheet', async () => {
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain('Shift+F');
    expect(text).toContain('Add a goal when nothing is selected');
    expect(text).toContain('Ctrl+N');
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
  });

  it('groups the findings strategy first, folds the notes, and heads them with the closed-loop gap', async () => {
    await newMapFromTemplate(page, 'product-launch-gap');
    const groups = page.getByTestId('finding-group');
    await expect.poll(() => groups.count()).toBeGreaterThan(0);
    const order = await groups.evaluateAll((items) => items.map((i) => i.getAttribute('data-group')));
    expect(order[0]).toBe('strategy');
    const firstCodes = await groups
      .first()
      .getByTestId('finding')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
    expect([...new Set(firstCodes)].sort()).toEqual([
      'goal-without-closed-loop',
      'goal-without-execution-path',
    ]);
    expect(await page.getByTestId('health-summary').textContent()).toBe(
      '2 of 3 goals have an execution path · 2 have no closed loop',
    );

    // A map with notes: remove an owner, and its note is folded until opened from the keyboard.
    await card(page, templateContent('product-launch-gap', 'en').nodes[0]?.title ?? '').click();
    const owner = page.locator('[data-field-key="owner"] input');
    await owner.fill('');
    await owner.press('Enter');
    const notes = page.locator('[data-testid="finding-group"][data-group="notes"]');
    await expect.poll(() => notes.count()).toBe(1);
    const toggle = notes.getByTestId('finding-group-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await notes.getByTestId('finding').count()).toBe(0);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await notes.getByTestId('finding').count()).toBe(1);
    await page.keyboard.press('Control+z');
  });

  it('presents the goals in the plan’s order, names the closed-loop gap, and never covers the framed path', async () => {
    const content = templateContent('product-launch-gap', 'en');
    const expected = goalsInPlanOrder(content.nodes, content.links);
    const titleOf = new Map(content.nodes.map((n) => [n.id, n.title]));
    expect(expected[0]).toBe('g-launch');
    // Drag the top goal below its sub-goals: the canvas order changes, the plan's does not.
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('f');
    await page.waitForTimeout(300);
    const launch = page.locator('[data-testid="plan-node"][data-node-id="g-launch"]');
    const from = await launch.boundingBox();
    const lowest = await page.locator('[data-testid="plan-node"][data-node-id="g-purchase"]').boundingBox();
    if (!from || !lowest) throw new Error('the goals are not drawn');
    await page.mouse.move(from.x + from.width / 2, from.y + 8);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, lowest.y + lowest.height + 30, { steps: 12 });
    await page.mouse.up();
    await expect.poll(async () => (await launch.boundingBox())?.y ?? 0).toBeGreaterThan(lowest.y);
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('F5');
    const caption = page.getByTestId('presentation');
    await caption.waitFor();
    const shown: string[] = [];
    const verdicts: string[] = [];
    for (let step = 0; step < expected.length; step++) {
      await expect
        .poll(() => page.getByTestId('presentation-step').textContent())
        .toBe(`Goal ${step + 1} of ${expected.length}`);
      shown.push((await caption.locator('.presentation__title').textContent()) ?? '');
      verdicts.push((await page.getByTestId('presentation-verdict').getAttribute('data-verdict')) ?? '');
      // Wait for the framing animation to settle, then compare boxes.
      await page.waitForTimeout(450);
      const overlap = await page.evaluate(() => {
        const box = document.querySelector('[data-testid="presentation"]')?.getBoundingClientRect();
        if (!box) return ['no caption'];
        const hits: string[] = [];
        for (const el of document.querySelectorAll('.react-flow__node.is-in-focus')) {
          const r = el.getBoundingClientRect();
          const apart =
            r.right <= box.left || r.left >= box.right || r.bottom <= box.top || r.top >= box.bottom;
          if (!apart) hits.push(el.textContent ?? '');
        }
        return hits;
      });
      expect(overlap, `step ${step + 1}: the caption covers ${overlap.join(', ')}`).toEqual([]);
      await page.keyboard.press('PageDown');
    }
    expect(shown).toEqual(expected.map((id) => titleOf.get(id)));
    expect(verdicts).toContain('loop');
    expect(verdicts).toContain('gap');
    await page.keyboard.press('Escape');
    await expect.poll(() => caption.count()).toBe(0);
  });
});
