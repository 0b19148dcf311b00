import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareInfo } from '../../shared/contract';
import { addNode, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp } from './harness';
import {
  clickNode,
  flakyNetwork,
  hostSharedMap,
  joinAddress,
  titlesOn,
  typeTitle,
} from './room-participants';

const sorted = async (page: Page) => (await titlesOn(page)).sort();

describe('a participant offline for a while', () => {
  let app: ServedApp;
  let host: Page;
  let away: Page;
  let stays: Page;
  const network = flakyNetwork();

  beforeAll(async () => {
    let share: ShareInfo;
    ({ app, host, share } = await hostSharedMap(['Alpha', 'Beta']));
    away = await joinAddress(share.editUrl, { beforeLoad: network.install, name: 'Away' });
    stays = await joinAddress(share.editUrl);
  });

  afterAll(() => closeServed(app, host, away, stays));

  it('keeps editing, says what it keeps, and merges on return: nothing doubled, a deleted node stays gone', async () => {
    await expect.poll(() => sorted(away)).toEqual(['Alpha', 'Beta']);
    await expect.poll(() => sorted(stays)).toEqual(['Alpha', 'Beta']);
    await network.goOffline();
    await expect.poll(() => away.getByTestId('save-state').getAttribute('data-state')).toBe('offline');

    // Away: a rename, an addition and a deletion of a node the other participant is renaming.
    await clickNode(away, 'Alpha');
    await typeTitle(away, 'Alpha, renamed offline');
    await addNode(away, 'mechanism', 'Added offline');
    await clickNode(away, 'Beta');
    await away.keyboard.press('Delete');
    await expect
      .poll(() => away.getByTestId('save-state').textContent())
      .toMatch(/^Offline: \d+ changes kept here$/);
    // Meanwhile in the room.
    await clickNode(stays, 'Beta');
    await typeTitle(stays, 'Beta, renamed in the room');
    await addNode(stays, 'goal', 'Added in the room');
    await waitSaved(stays);
    expect(await titlesOn(away)).not.toContain('Added in the room');

    network.goOnline();
    await waitSaved(away);
    const expected = ['Added in the room', 'Added offline', 'Alpha, renamed offline'];
    for (const page of [host, away, stays]) await expect.poll(() => sorted(page)).toEqual(expected);
    const check = await openPage(app);
    await expect.poll(() => sorted(check)).toEqual(expected);
    await check.context().close();
  });
});
