import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { NodeKind } from '../../shared/model';
import { type TemplateId, templateContent, templateName } from '../../shared/templates';

/** Adds a node with the toolbar and types its title, as a user does; returns the node's id. */
export async function addNode(page: Page, kind: NodeKind, title: string): Promise<string> {
  const before = await page.locator('[data-testid="plan-node"]').count();
  await page.getByTestId(`add-${kind}`).click();
  const input = page.locator('.plan-node__title-input');
  await input.waitFor();
  await input.fill(title);
  await input.press('Enter');
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="plan-node"]').length === n + 1,
    before,
  );
  const node = page.locator(`[data-testid="plan-node"][data-kind="${kind}"]`, { hasText: title });
  return (await node.getAttribute('data-node-id')) ?? '';
}

async function centerOf(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags from one node's output handle to another node's input handle. */
export async function dragLink(page: Page, fromId: string, toId: string): Promise<void> {
  const from = await centerOf(page, `.react-flow__node[data-id="${fromId}"] .react-flow__handle.source`);
  const to = await centerOf(page, `.react-flow__node[data-id="${toId}"] .react-flow__handle.target`);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

export async function fitView(page: Page): Promise<void> {
  await page.getByTestId('fit-view').click();
  await page.waitForTimeout(300); // the fit animates for 200 ms; handles must have settled before a drag
}

export function edgeCount(page: Page): Promise<number> {
  return page.locator('.react-flow__edge').count();
}

/** Waits until the toolbar says every change is saved. */
export async function waitSaved(page: Page): Promise<void> {
  const state = page.getByTestId('save-state');
  try {
    await page.waitForFunction(
      () => document.querySelector('[data-testid="save-state"]')?.getAttribute('data-state') === 'saved',
      null,
      { timeout: 30_000 },
    );
  } catch (error) {
    // Say what the toolbar showed instead, so a failure explains itself.
    const shown = `${await state.getAttribute('data-state')}: ${await state.textContent()}`;
    throw new Error(`the map was not saved within 30 s; the toolbar showed "${shown}"`, { cause: error });
  }
}

/** Finds a node by its title with Ctrl+F, which selects it and centres it, as a user would. */
export async function goToNode(page: Page, title: string) {
  await page.keyboard.press('Control+f');
  const search = page.getByTestId('search-input');
  await search.fill(title);
  await search.press('Enter');
  await search.press('Escape');
  await page.waitForTimeout(300); // the centring animates for 200 ms
}

/** Creates a map from a template through the picker, and waits until its last node is drawn. */
export async function newMapFromTemplate(page: Page, templateId: TemplateId): Promise<void> {
  const lastNode = templateContent(templateId, 'en').nodes.at(-1)?.id;
  await page.getByTestId('new-from-template').click();
  await page.locator(`[data-testid="template-option"][data-template-id="${templateId}"]`).click();
  await page.getByTestId('template-create').click();
  await page.locator('[data-testid="map-row"]', { hasText: templateName(templateId, 'en') }).waitFor();
  await page.locator(`[data-testid="plan-node"][data-node-id="${lastNode}"]`).waitFor();
}

/** Chooses an item of the File menu that downloads a file; answers its suggested name and bytes. */
export async function downloadFromFileMenu(
  page: Page,
  menuItem: string,
): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('file-menu').click();
  const pending = page.waitForEvent('download');
  await page.getByTestId(menuItem).click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Shows or hides the map list and the inspector with their toolbar toggle. */
export async function setSidePanels(page: Page, shown: boolean): Promise<void> {
  const toggle = page.getByTestId('side-panels-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== String(shown)) await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe(String(shown));
}

/** Turns the reading size on or off, by its toolbar button or its shortcut on the canvas. */
export async function setReadingSize(page: Page, by: 'button' | 'key', on: boolean): Promise<void> {
  const toggle = page.getByTestId('reading-size-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) {
    if (by === 'button') await toggle.click();
    else {
      await page.locator('[data-canvas-scope]').focus();
      await page.keyboard.press('Control+Shift+L');
    }
  }
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe(String(on));
}
