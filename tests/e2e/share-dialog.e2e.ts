import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareInfo } from '../../shared/contract';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';
import { callFrom, joinAddress } from './room-participants';

/** Screenshots for a person to look at, when SHARE_SCREENSHOTS names a folder. */
const shots = process.env.SHARE_SCREENSHOTS;

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await serveApp();
  page = await openPage(app, { width: 1280, height: 800 });
  await page.getByTestId('file-menu').waitFor();
});
afterAll(async () => closeServed(app, page));

async function openDialog(): Promise<void> {
  await page.getByTestId('file-menu').click();
  await page.getByTestId('file-share').click();
  await page.getByTestId('share-dialog').waitFor();
}

describe('File ▸ Share with the room…', () => {
  it('shows both join addresses with their QR codes and the plain-http warning, and stops sharing', async () => {
    // Shared on loopback (tests reach 127.0.0.1 only); the dialog's Start would take the LAN address.
    const started = await callFrom<ShareInfo>(page, 'startSharing', { host: '127.0.0.1' });
    expect(started.ok).toBe(true);
    const share = started.value as ShareInfo;

    await openDialog();
    await expect(page.getByTestId('share-url-editors').textContent()).resolves.toBe(share.editUrl);
    await expect(page.getByTestId('share-url-viewers').textContent()).resolves.toBe(share.viewUrl);
    const qrs = page.locator('[data-testid="share-dialog"] img.share-address__qr');
    expect(await qrs.count()).toBe(2);
    expect(await qrs.first().getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await qrs.first().evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
    await expect(page.getByTestId('share-warning').textContent()).resolves.toMatch(/anyone on the network/);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'share-dialog-en-1280x800.png') });
    }

    // A participant who joins sees the app, and no Share item: sharing is the host's.
    const participant = await joinAddress(share.editUrl);
    expect(await callFrom(participant, 'roomAccess')).toMatchObject({
      ok: true,
      value: { access: 'edit', host: false },
    });
    await participant.getByTestId('file-menu').click();
    await participant.getByTestId('file-import-json').waitFor();
    expect(await participant.getByTestId('file-share').count()).toBe(0);
    await participant.context().close();

    await page.getByTestId('share-stop').click();
    await page.getByTestId('share-start').waitFor();
    expect(await page.getByTestId('share-warning').count()).toBe(0);
    expect(await callFrom(page, 'sharingStatus')).toEqual({ ok: true, value: null });
    await page.getByTestId('share-close').click();
    await page.getByTestId('share-dialog').waitFor({ state: 'detached' });
  });

  it('says it in Chinese', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    await callFrom(page, 'startSharing', { host: '127.0.0.1' });
    await openDialog();
    await expect(page.locator('#share-dialog-title').textContent()).resolves.toBe('与会场共享');
    await expect(page.getByTestId('share-warning').textContent()).resolves.toMatch(/未加密的 http/);
    if (shots) await page.screenshot({ path: join(shots, 'share-dialog-zh-CN-1280x800.png') });
    await page.getByTestId('share-stop').click();
    await page.getByTestId('share-start').waitFor();
  });
});
