import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addNode, waitSaved } from './canvas-actions';
import { closeServed, openPage, removeDir, type ServedApp, serveApp } from './harness';
import { joinAddress, titlesOn } from './room-participants';

/**
 * The room's server killed mid-session (SIGKILL: nothing flushed, nothing ended) and started again
 * on the same document: every change it had confirmed is in the file, the participants keep
 * editing while it is away, and they reconnect by themselves to the same shared address, their
 * changes merging once.
 */
describe('a shared room whose server is killed and started again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-e2e-restart-'));
  const pages: Page[] = [];
  let second: ServedApp | undefined;

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await second?.stop();
    removeDir(dir);
  });

  it('loses no confirmed change, and the participants come back by themselves', async () => {
    const first = await serveApp(dir, { share: true });
    const host = await openPage(first, { width: 1280, height: 800 });
    pages.push(host);
    await host.getByTestId('new-map').click();
    await addNode(host, 'goal', 'Before the crash');
    await waitSaved(host);
    const one = await joinAddress(first.editUrl ?? '');
    const two = await joinAddress(first.editUrl ?? '');
    pages.push(one, two);
    await expect.poll(() => titlesOn(two)).toEqual(['Before the crash']);
    await addNode(one, 'mechanism', 'Confirmed before the crash');
    await waitSaved(one);

    await first.kill();
    await expect.poll(() => two.getByTestId('save-state').getAttribute('data-state')).toBe('offline');
    await addNode(two, 'metric', 'Written while the server was down');
    await expect
      .poll(() => two.getByTestId('save-state').textContent())
      .toContain('Offline: 2 changes kept here'); // the node, then its title

    second = await serveApp(dir, { share: true });
    // The same room: the same keys on the same address, so the open pages find it again.
    expect(second.editUrl).toBe(first.editUrl);
    await waitSaved(two);
    await waitSaved(one);
    await expect.poll(() => titlesOn(one)).toContain('Written while the server was down');

    const check = await openPage(second);
    pages.push(check);
    await expect
      .poll(async () => (await titlesOn(check)).sort())
      .toEqual(['Before the crash', 'Confirmed before the crash', 'Written while the server was down']);
    await closeServed(undefined);
  });
});
