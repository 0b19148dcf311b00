import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareInfo } from '../../shared/contract';
import { addNode, dragLink, edgeCount, fitView, waitSaved } from './canvas-actions';
import { closeServed, type ServedApp } from './harness';
import { clickNode, hostSharedMap, joinAddress, titlesOn, typeTitle } from './room-participants';

/** Screenshots of the participants' views for a person to look at, when ROOM_SCREENSHOTS names a folder. */
const shots = process.env.ROOM_SCREENSHOTS;

const sorted = async (page: Page) => (await titlesOn(page)).sort();

describe('three windows build one map together over the shared room', () => {
  let app: ServedApp;
  let host: Page;
  let editor: Page;
  let another: Page;
  let share: ShareInfo;

  beforeAll(async () => {
    ({ app, host, share } = await hostSharedMap(['Win the mid-market']));
    editor = await joinAddress(share.editUrl);
    another = await joinAddress(share.editUrl, { viewport: { width: 1920, height: 1080 }, name: 'Another' });
  });

  afterAll(() => closeServed(app, host, editor, another));

  it('shows every window the others’ additions, renames, links and deletions', async () => {
    await expect.poll(() => titlesOn(editor)).toEqual(['Win the mid-market']);
    // An editor may change maps but not the host's document: no Open, Save As, Restore or Share.
    await editor.getByTestId('file-menu').click();
    await editor.getByTestId('file-import-json').waitFor();
    for (const item of ['file-open', 'file-save-as', 'file-restore', 'file-share'])
      expect(await editor.getByTestId(item).count(), item).toBe(0);
    await editor.keyboard.press('Escape');
    expect(await editor.getByTestId('new-map').count()).toBe(1);
    await expect.poll(() => titlesOn(another)).toEqual(['Win the mid-market']);

    await addNode(editor, 'mechanism', 'Weekly pipeline review');
    await expect.poll(() => sorted(host)).toEqual(['Weekly pipeline review', 'Win the mid-market']);
    await expect.poll(() => sorted(another)).toEqual(['Weekly pipeline review', 'Win the mid-market']);

    await clickNode(another, 'Win the mid-market');
    await typeTitle(another, 'Win the mid-market in Asia');
    await expect.poll(() => sorted(host)).toEqual(['Weekly pipeline review', 'Win the mid-market in Asia']);
    await expect.poll(() => sorted(editor)).toEqual(['Weekly pipeline review', 'Win the mid-market in Asia']);

    const goal = await host
      .locator('[data-testid="plan-node"]', { hasText: 'Win the mid-market in Asia' })
      .getAttribute('data-node-id');
    const mechanism = await host
      .locator('[data-testid="plan-node"]', { hasText: 'Weekly pipeline review' })
      .getAttribute('data-node-id');
    await fitView(editor);
    await dragLink(editor, goal ?? '', mechanism ?? '');
    await expect.poll(() => edgeCount(host)).toBe(1);
    await expect.poll(() => edgeCount(another)).toBe(1);

    await addNode(another, 'metric', 'Pipeline coverage');
    await expect.poll(() => titlesOn(host)).toContain('Pipeline coverage');
    await clickNode(host, 'Pipeline coverage');
    await host.keyboard.press('Delete');
    await expect.poll(() => titlesOn(editor)).not.toContain('Pipeline coverage');
    await expect.poll(() => titlesOn(another)).not.toContain('Pipeline coverage');
    await waitSaved(host);
    await waitSaved(editor);
    await waitSaved(another);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      for (const [name, page] of [
        ['host-1280', host],
        ['editor-1280', editor],
        ['another-1920', another],
      ] as const) {
        await fitView(page);
        await page.screenshot({ path: join(shots, `room-${name}.png`) });
      }
    }
  });

  it('takes back only the window’s own edit on undo, never another’s', async () => {
    await clickNode(editor, 'Weekly pipeline review');
    await typeTitle(editor, 'Weekly pipeline and forecast review');
    await expect.poll(() => titlesOn(host)).toContain('Weekly pipeline and forecast review');
    await clickNode(another, 'Win the mid-market in Asia');
    await typeTitle(another, 'Lead the mid-market in Asia');
    await expect.poll(() => titlesOn(editor)).toContain('Lead the mid-market in Asia');

    await editor.getByTestId('toolbar-undo').click();
    // The editor's rename goes back everywhere; the other window's rename stays everywhere.
    for (const page of [host, editor, another]) {
      await expect.poll(() => titlesOn(page)).toContain('Weekly pipeline review');
      expect(await titlesOn(page)).toContain('Lead the mid-market in Asia');
    }
    expect(await edgeCount(host)).toBe(1);
  });

  it('lets a view-only participant follow the map, and keeps it from changing anything', async () => {
    const viewer = await joinAddress(share.viewUrl);
    try {
      await viewer.getByTestId('read-only-banner').waitFor();
      await expect
        .poll(() => sorted(viewer))
        .toEqual(['Lead the mid-market in Asia', 'Weekly pipeline review']);
      expect(await viewer.getByTestId('add-goal').isDisabled()).toBe(true);
      // Only what an observer may do is offered: the exports, not new maps, imports or the document.
      expect(await viewer.getByTestId('new-map').count()).toBe(0);
      await viewer.getByTestId('file-menu').click();
      await viewer.getByTestId('file-export-json').waitFor();
      for (const item of [
        'file-open',
        'file-save-as',
        'file-restore',
        'file-share',
        'file-import-json',
        'file-import-checkins',
      ])
        expect(await viewer.getByTestId(item).count(), item).toBe(0);
      await viewer.keyboard.press('Escape');
      await addNode(host, 'goal', 'Seen by the observer');
      await expect.poll(() => titlesOn(viewer)).toContain('Seen by the observer');
      await clickNode(viewer, 'Seen by the observer');
      await viewer.keyboard.press('Delete');
      await viewer.waitForTimeout(300);
      expect(await titlesOn(host)).toContain('Seen by the observer');
    } finally {
      await viewer.context().close();
    }
  });

  it('keeps a reloaded window in the room, editing at once', async () => {
    await editor.reload();
    await expect.poll(() => titlesOn(editor)).toContain('Seen by the observer');
    await addNode(editor, 'goal', 'After the reload');
    await expect.poll(() => titlesOn(host)).toContain('After the reload');
  });

  it('runs one copy of Yjs in the page (two would break its type checks and lose edits)', async () => {
    // Yjs says so on the console as its second copy loads: listen from the page's first moment.
    const lines: string[] = [];
    host.on('console', (message) => lines.push(message.text()));
    await host.reload();
    await expect.poll(() => titlesOn(host)).toContain('Seen by the observer');
    expect(lines.filter((line) => /Yjs was already imported/.test(line))).toEqual([]);
  });

  it('ends every participant’s access when sharing stops', async () => {
    await callStop(host);
    await editor.getByTestId('notice').filter({ hasText: 'Sharing stopped' }).first().waitFor();
    await another.getByTestId('notice').filter({ hasText: 'Sharing stopped' }).first().waitFor();
    // A participant's window no longer offers edits that no room could ever store (they were kept
    // as "offline" changes, promised to merge when a connection that never comes back returned).
    await expect.poll(() => editor.getByTestId('add-goal').isDisabled()).toBe(true);
    await expect.poll(() => another.getByTestId('add-goal').isDisabled()).toBe(true);
    // Nor does it show a room it has left: no people button (it said "1", the window alone).
    await expect.poll(() => editor.getByTestId('presence-button').count()).toBe(0);
    // The host goes on editing in its own window.
    await addNode(host, 'goal', 'After sharing stopped');
    await waitSaved(host);
  });
});

async function callStop(host: Page): Promise<void> {
  await host.evaluate(async () => {
    await fetch('/api/stopSharing', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  });
}
