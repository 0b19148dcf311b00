import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlanServer, startPlanServer } from '../../electron/backend/server/http-server';
import { writeLaunchFile } from '../../electron/cli/launch-file';
import { launchBrowser, removeDir } from './harness';

const MARK = 'signed in to the loopback server';

describe('the launch page the browser mode opens', () => {
  let dir: string;
  let server: PlanServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'throughline-launch-e2e-'));
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><title>Throughline</title><p id="mark">${MARK}</p>`,
    );
    server = await startPlanServer({
      registry: { dispatch: async () => ({ ok: true, value: null }) },
      rendererDir: dir,
    });
  });
  afterAll(async () => {
    await server.close();
    removeDir(dir);
  });

  it('takes Chromium from file:// to the app, signed in, and works only once', async () => {
    const launch = writeLaunchFile(server.issueOpenUrl());
    const context = await (await launchBrowser()).newContext();
    try {
      const page = await context.newPage();
      await page.goto(launch.url);
      // The SameSite=Strict cookie set on a navigation a file:// page started still reaches `/`.
      await page.waitForURL(`${server.origin}/`, { timeout: 15_000 });
      await expect
        .poll(() =>
          page
            .locator('#mark')
            .textContent()
            .catch(() => null),
        )
        .toBe(MARK);
      const [cookie] = await context.cookies(server.origin);
      expect(cookie).toMatchObject({
        name: `throughline_session_${server.port}`,
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
      });

      // The same page opened again (someone who read it later) opens nothing.
      const other = await (await launchBrowser()).newContext();
      const late = await other.newPage();
      await late.goto(launch.url);
      await expect.poll(() => late.textContent('body')).toMatch(/used already or has expired/);
      expect(await other.cookies(server.origin)).toEqual([]);
      await other.close();
    } finally {
      launch.dispose();
      await context.close();
    }
  });
});
