import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateName } from '../../shared/templates';
import { addNode, newMapFromTemplate, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

/** Waits for what the list and canvas show: on a busy machine a change takes more than a second. */
const POLL = { timeout: 15_000 };

describe('Undo after deleting a map, and undo kept to the map in view', () => {
  let app: ServedApp;
  let page: Page;
  let mapA = '';

  const row = (name: string) => page.locator('[data-testid="map-row"]', { hasText: name });
  const names = () => page.locator('[data-testid="map-row"] .map-row__name').allTextContents();
  /** The name of the map in view, as the map list marks it. */
  const title = () => page.locator('[data-testid="map-row"].is-open .map-row__name').textContent();
  const canvas = () => page.locator('[data-canvas-scope]');

  /** What a map shows: each node's id and position on the canvas (its transform), and the link count. */
  const content = () =>
    page.evaluate(() => ({
      nodes: [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
        .map((n) => `${n.dataset.id} ${n.style.transform}`)
        .sort(),
      links: document.querySelectorAll('.react-flow__edge').length,
    }));

  const openId = () =>
    page.evaluate(
      () => document.querySelector('[data-testid="map-row"].is-open')?.getAttribute('data-map-id') ?? null,
    );

  /** Opens a map from the list and waits for its content (in a room it arrives after the open). */
  async function openMap(name: string): Promise<void> {
    await row(name).locator('.map-row__name').click();
    await expect.poll(title, POLL).toContain(name);
    await page.locator('[data-testid="canvas"][data-map-ready="true"]').waitFor();
  }

  async function openById(id: string): Promise<void> {
    await page.locator(`[data-testid="map-row"][data-map-id="${id}"] .map-row__name`).click();
    await expect.poll(openId, POLL).toBe(id);
  }

  /** A new blank map, open; its id. (Not renamed: the maps are told apart by id.) */
  async function newMap(): Promise<string> {
    const before = await openId();
    await page.getByTestId('new-map').click();
    await expect.poll(openId, POLL).not.toBe(before);
    return (await openId()) ?? '';
  }

  async function deleteMap(name: string): Promise<void> {
    await row(name)
      .getByRole('button', { name: `Delete: ${name}` })
      .click();
    await page.getByTestId('confirm-delete').getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(names, POLL).not.toContain(name);
  }

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await page.getByTestId('new-map').waitFor();
  });

  afterAll(() => closeServed(app, page));

  it('never undoes an edit of a map that is no longer in view', async () => {
    mapA = await newMap();
    await addNode(page, 'goal', 'Edited in A');
    await waitSaved(page);
    await newMap();
    await canvas().focus();
    await page.keyboard.press('Control+z');
    await page.getByTestId('notice').filter({ hasText: 'Nothing to undo.' }).waitFor();
    await openById(mapA);
    await page.locator('[data-testid="plan-node"]', { hasText: 'Edited in A' }).waitFor();
    await waitSaved(page);
  });

  it('brings a deleted map back with Ctrl+Z: its id, nodes, links and positions; the map in view untouched', async () => {
    const name = templateName('checkout-conversion', 'en');
    await newMapFromTemplate(page, 'checkout-conversion');
    await waitSaved(page);
    const id = await row(name).getAttribute('data-map-id');
    const before = await content();
    expect(before.nodes.length).toBeGreaterThan(5);
    expect(before.links).toBeGreaterThan(5);

    // Map A in view, with an edit of its own that Undo could take back.
    await openById(mapA);
    await addNode(page, 'mechanism', 'Second edit in A');
    await waitSaved(page);
    await deleteMap(name);
    await page
      .getByTestId('notice')
      .filter({ hasText: `Map "${name}" deleted.` })
      .waitFor();

    await canvas().focus();
    await page.keyboard.press('Control+z');
    await row(name).waitFor();
    expect(await row(name).getAttribute('data-map-id')).toBe(id);
    // The deletion's notice, and its Undo button, give way to the one saying the map is back.
    await expect
      .poll(
        () =>
          page
            .getByTestId('notice')
            .filter({ hasText: `Map "${name}" deleted.` })
            .count(),
        POLL,
      )
      .toBe(0);
    expect(await page.getByTestId('notice-action').count()).toBe(0);
    // The edit of the map in view was not undone.
    expect(await openId()).toBe(mapA);
    await page.locator('[data-testid="plan-node"]', { hasText: 'Second edit in A' }).waitFor();

    // The next Ctrl+Z is an ordinary undo of the map in view again: the restored map stays.
    await canvas().focus();
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.locator('[data-testid="plan-node"]', { hasText: 'Second edit in A' }).count(), POLL)
      .toBe(0);
    expect(await names()).toContain(name);
    await waitSaved(page);

    await openMap(name);
    await expect.poll(content, POLL).toEqual(before);
  });

  it("brings back the map in view with the deletion notice's Undo button, and opens it again", async () => {
    const name = templateName('checkout-conversion', 'en');
    await openMap(name);
    // Drawn once framed (a frame after its content arrives): what the restored map must show again.
    await expect.poll(async () => (await content()).nodes.length, POLL).toBeGreaterThan(0);
    const before = await content();
    await deleteMap(name);
    await expect.poll(title, POLL).not.toContain(name);
    const notice = page.getByTestId('notice').filter({ hasText: `Map "${name}" deleted.` });
    await notice
      .getByRole('button', { name: `Undo deleting the map "${name}"` })
      .last()
      .click();
    await row(name).waitFor();
    await expect.poll(title, POLL).toContain(name);
    await expect.poll(content, POLL).toEqual(before);
  });
});
