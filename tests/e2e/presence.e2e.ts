import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareInfo } from '../../shared/contract';
import { axeViolations } from './axe';
import { addNode, fitView, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';
import { callFrom, joinAddress } from './room-participants';

/** Screenshots of the three participants' views, for a person to look at. */
const shots = process.env.PRESENCE_SCREENSHOTS ?? '/tmp/presence-shots';

let app: ServedApp;
let host: Page;
let ana: Page;
let ben: Page;
const ids: Record<string, string> = {};

/** A participant joins through the editors' address and gives a name in the prompt. */
async function joinAs(url: string, name: string): Promise<Page> {
  const page = await joinAddress(url, { name, answerPrompt: true });
  await page.locator('[data-testid="plan-node"]').first().waitFor();
  return page;
}

const node = (page: Page, id: string) => page.locator(`[data-testid="plan-node"][data-node-id="${id}"]`);

/** Who `page` shows as having selected node `id` (the names on its outline). */
const selectorsOn = (page: Page, id: string) =>
  node(page, id).locator('[data-testid="remote-selection"]').getAttribute('data-names', { timeout: 5000 });

async function openPanel(page: Page): Promise<void> {
  if ((await page.getByTestId('presence-panel').count()) === 0)
    await page.getByTestId('presence-button').click();
  await page.getByTestId('presence-panel').waitFor();
}

async function closePanel(page: Page): Promise<void> {
  if ((await page.getByTestId('presence-panel').count()) === 0) return;
  await page.getByTestId('presence-button').click();
  await page.getByTestId('presence-panel').waitFor({ state: 'detached' });
}

const transformOf = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, name) });
}

beforeAll(async () => {
  app = await serveApp();
  host = await openPage(app, { width: 1280, height: 800 });
  await host.getByTestId('file-menu').waitFor();
  const created = await callFrom<{ id: string }>(host, 'createMap', { name: 'Offsite' });
  expect(created.ok).toBe(true);
  await host.reload();
  await host.getByTestId('canvas').waitFor();
  // Alone in the room, the host's toolbar keeps its room for the map's name: no people button.
  expect(await host.getByTestId('presence-button').count()).toBe(0);
  ids.goal = await addNode(host, 'goal', 'Grow revenue');
  ids.mechanism = await addNode(host, 'mechanism', 'Weekly review');
  ids.metric = await addNode(host, 'metric', 'Net revenue');
  await waitSaved(host);
  const started = await callFrom<ShareInfo>(host, 'startSharing', { host: '127.0.0.1' });
  expect(started.ok).toBe(true);
  const share = started.value as ShareInfo;
  ana = await joinAs(share.editUrl, 'Ana');
  ben = await joinAs(share.editUrl, 'Ben <b>');
}, 120_000);

afterAll(async () => {
  await ana?.context().close();
  await ben?.context().close();
  await closeServed(app, host);
});

describe('presence and facilitation with three browser windows on one map', () => {
  it('shows each one the others’ selections with their names, and who is in the room', async () => {
    for (const page of [host, ana, ben]) await fitView(page);
    await node(host, ids.goal as string).click();
    await node(ana, ids.mechanism as string).click();
    await node(ben, ids.mechanism as string).click();
    expect(await selectorsOn(ana, ids.goal as string)).toBe('Facilitator');
    expect(await selectorsOn(host, ids.mechanism as string)).toMatch(/^(Ana, Ben <b>|Ben <b>, Ana)$/);
    expect(await selectorsOn(ben, ids.mechanism as string)).toBe('Ana');
    // Nobody sees an outline for their own selection.
    expect(
      await node(ana, ids.goal as string)
        .locator('[data-testid="remote-selection"]')
        .count(),
    ).toBe(1);
    expect(
      await node(host, ids.goal as string)
        .locator('[data-testid="remote-selection"]')
        .count(),
    ).toBe(0);
    // Another's selection moving renders no node component here: each node's outline
    // subscribes to its own selectors (RemoteSelectors), the node itself not at all.
    const renders = () =>
      host.evaluate(() =>
        Object.fromEntries(
          (globalThis as unknown as { __throughlineRenderCounts: Map<string, number> })
            .__throughlineRenderCounts,
        ),
      );
    const before = await renders();
    await node(ana, ids.metric as string).click();
    await expect.poll(() => selectorsOn(host, ids.metric as string)).toBe('Ana');
    expect(await selectorsOn(host, ids.mechanism as string)).toBe('Ben <b>');
    expect(await renders()).toEqual(before);
    await node(ana, ids.mechanism as string).click();
    await expect.poll(() => selectorsOn(host, ids.mechanism as string)).toMatch(/Ana/);
    // A name is text, never markup.
    expect(await ana.locator('.remote-selection__tag b').count()).toBe(0);

    // The name tag sits under the node, clear of its title, and is legible on the fitted map.
    const tag = await host
      .locator(`[data-node-id="${ids.mechanism}"] .remote-selection__tag`)
      .first()
      .boundingBox();
    const title = await host.locator(`[data-node-id="${ids.mechanism}"] .plan-node__title`).boundingBox();
    expect(tag && title && tag.y >= title.y + title.height).toBe(true);
    expect(tag?.height ?? 0).toBeGreaterThanOrEqual(16);

    // The host names itself from the panel.
    await openPanel(host);
    await host.getByTestId('change-name').click();
    await host.getByTestId('name-input').fill('Hana');
    await host.getByTestId('name-input').press('Enter');
    await host.getByTestId('name-dialog').waitFor({ state: 'detached' });
    await ana.waitForFunction(
      (id) =>
        document
          .querySelector(`[data-node-id="${id}"] [data-testid="remote-selection"]`)
          ?.getAttribute('data-names') === 'Hana',
      ids.goal,
    );

    await openPanel(ana);
    const rows = ana.getByTestId('participant');
    await expect.poll(() => rows.count()).toBe(3);
    const texts = await rows.allTextContents();
    expect(texts[0]).toMatch(/^Ana.*you/);
    expect(texts.some((t) => /Hana.*facilitator/.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith('Ben <b>'))).toBe(true);
    expect(await axeViolations(ana, '[data-testid="presence-panel"]')).toEqual([]);
    await openPanel(ben);
    await shoot(host, 'host-1280x800.png');
    await shoot(ana, 'ana-1280x800.png');
    await shoot(ben, 'ben-1280x800.png');
    // Escape, from inside the panel, closes it and gives the focus back to the button.
    await ana.getByTestId('change-name').focus();
    await ana.keyboard.press('Escape');
    await ana.getByTestId('presence-panel').waitFor({ state: 'detached' });
    expect(await ana.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'presence-button',
    );
    await closePanel(ben);
  });

  it('moves a follower’s view with the facilitator’s, until the follower moves it', async () => {
    await openPanel(ben);
    await ben.getByTestId('follow-toggle').check();
    await closePanel(ben);
    expect(await ben.getByTestId('follow-status').textContent()).toContain('Following the facilitator');
    const before = await transformOf(ben);
    // The facilitator zooms in on the map.
    const pane = await host.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no pane');
    await host.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await host.mouse.wheel(0, -400);
    await expect.poll(() => transformOf(ben), { timeout: 5000 }).not.toBe(before);
    // The same zoom as the facilitator's.
    const zoomOf = (t: string) => Number(/scale\(([\d.]+)\)/.exec(t)?.[1]);
    await expect
      .poll(async () => Math.abs(zoomOf(await transformOf(ben)) - zoomOf(await transformOf(host))), {
        timeout: 5000,
      })
      .toBeLessThan(0.01);
    // Ben pans himself: following stops, and the panel says why.
    const benPane = await ben.locator('.react-flow__pane').boundingBox();
    if (!benPane) throw new Error('no pane');
    await ben.mouse.move(benPane.x + 200, benPane.y + benPane.height - 80);
    await ben.mouse.wheel(0, 300);
    // Said on the canvas at once, and in the panel.
    await expect
      .poll(() => ben.getByTestId('follow-status').textContent())
      .toContain('you stopped following the facilitator');
    await shoot(ben, 'ben-follow-stopped-1280x800.png');
    await openPanel(ben);
    await ben.getByTestId('follow-stopped').waitFor();
    expect(await ben.getByTestId('follow-toggle').isChecked()).toBe(false);
    const mine = await transformOf(ben);
    await host.mouse.wheel(0, 200);
    await host.waitForTimeout(600);
    expect(await transformOf(ben)).toBe(mine);
    await closePanel(ben);
  });

  it('freezes the map for the participants and lets their edits through after', async () => {
    await openPanel(host);
    await host.getByTestId('freeze-toggle').check();
    await ana.getByTestId('freeze-banner').waitFor();
    await ben.getByTestId('freeze-banner').waitFor();
    expect(await ana.getByTestId('freeze-banner').textContent()).toContain(
      'The facilitator has paused editing',
    );
    expect(await ana.getByTestId('add-goal').isDisabled()).toBe(true);
    // A participant's rename does not happen while frozen.
    await node(ana, ids.metric as string).dblclick();
    expect(await ana.locator('.plan-node__title-input').count()).toBe(0);
    // The inspector says why (a pause), not that this window is view-only.
    expect(await ana.getByTestId('inspector-read-only').textContent()).toContain('paused editing');
    await shoot(ana, 'ana-frozen-1280x800.png');
    // The facilitator still edits.
    await node(host, ids.metric as string).dblclick();
    await host.locator('.plan-node__title-input').fill('Net revenue (EUR)');
    await host.locator('.plan-node__title-input').press('Enter');
    await expect.poll(() => node(ana, ids.metric as string).textContent()).toContain('Net revenue (EUR)');

    await openPanel(host);
    await host.getByTestId('freeze-toggle').uncheck();
    await ana.getByTestId('freeze-banner').waitFor({ state: 'detached' });
    await node(ana, ids.metric as string).dblclick();
    await ana.locator('.plan-node__title-input').fill('Net revenue per month');
    await ana.locator('.plan-node__title-input').press('Enter');
    await expect
      .poll(() => node(host, ids.metric as string).textContent(), { timeout: 5000 })
      .toContain('Net revenue per month');
  });

  it('shows the facilitator the session log, and the views at 1920×1080 and in Chinese', async () => {
    await openPanel(host);
    await host.getByTestId('session-log-button').click();
    await host.getByTestId('session-log-entries').waitFor();
    const log = await host.getByTestId('session-log-entries').textContent();
    expect(log).toContain('Ana');
    expect(log).toContain('Net revenue per month');
    expect(await axeViolations(host, '[data-testid="session-log"]')).toEqual([]);
    await shoot(host, 'host-session-log-1280x800.png');
    await host.getByTestId('session-log-close').click();
    await closePanel(host);

    await node(ben, ids.goal as string).click();
    await host.setViewportSize({ width: 1920, height: 1080 });
    await openPanel(host);
    await shoot(host, 'host-1920x1080.png');
    await closePanel(host);

    await ana.getByTestId('language').selectOption('zh-CN');
    await openPanel(ana);
    await expect.poll(() => ana.getByTestId('presence-panel').textContent()).toContain('会场里的人');
    expect(await axeViolations(ana, '[data-testid="presence-panel"]')).toEqual([]);
    await shoot(ana, 'ana-zh-CN-1280x800.png');
  });
});
