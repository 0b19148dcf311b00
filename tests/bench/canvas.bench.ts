import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serializeInterchange } from '../../shared/interchange/format';
import { goToNode } from '../e2e/canvas-actions';
import { launchBrowser, removeDir, serveApp } from '../e2e/harness';
import { generateLayeredMap } from './generate-map';
import { median, type Print } from './measure';

const root = new URL('../..', import.meta.url).pathname;

/** A library holding one generated map, made with the command line as a user would import it. */
export function libraryWithMap(nodeCount: number, seed: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
  const map = generateLayeredMap(nodeCount, seed);
  const file = join(dir, 'map.json');
  writeFileSync(file, serializeInterchange(`Generated ${nodeCount}`, map));
  execFileSync(
    process.execPath,
    [join(root, 'electron/cli/bin.mjs'), 'import', file, '--into', join(dir, 'library.throughline')],
    { stdio: 'ignore' },
  );
  return dir;
}

/**
 * Waits until the map is on screen and usable: the nodes in view drawn and measured (React Flow
 * draws only what is on screen), at least `minimum` of them, and the toolbar ready.
 */
export function waitForCanvas(page: Page, minimum = 1) {
  return page.waitForFunction(
    (n) =>
      document.querySelectorAll('.react-flow__node').length >= n &&
      document.querySelector('.react-flow__node[style*="visibility: hidden"]') === null &&
      document.querySelector('[data-testid="save-state"]') !== null,
    minimum,
    { timeout: 60_000, polling: 'raf' },
  );
}

/** How many node components rendered since the counters were last reset, by id. */
export async function rerenderedNodes(page: Page, act: () => Promise<void>): Promise<string[]> {
  await page.evaluate(() => {
    const counts = (globalThis as { __throughlineRenderCounts?: Map<string, number> })
      .__throughlineRenderCounts;
    counts?.clear();
  });
  await act();
  return page.evaluate(() => {
    const counts = (globalThis as { __throughlineRenderCounts?: Map<string, number> })
      .__throughlineRenderCounts;
    return [...(counts?.keys() ?? [])];
  });
}

/** Renames the selected node with the keyboard (F2, type, Enter); the node components rendered. */
export async function renameSelected(page: Page, nodeId: string, title: string) {
  return rerenderedNodes(page, async () => {
    await page.keyboard.press('F2');
    await page.locator('.plan-node__title-input').waitFor();
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
    await page
      .locator(`.react-flow__node[data-id="${nodeId}"] .plan-node__title`, { hasText: title })
      .waitFor();
  });
}

/**
 * The canvas at 1,000 nodes and 1,300 links, in Debian's Chromium over the browser transport, as
 * users get it (production build):
 * - canvas.open.1k: navigation start to the map on screen, drawn and measured (median of 3 loads);
 * - canvas.rerender.edit1: node components rendered by renaming one node (1 is the target);
 * - canvas.drag.1k.median: per mouse move of a 60-frame drag, the time from the move event to the
 *   dragged node's new position in the DOM (React Flow's handler, the store, React's commit).
 */
export async function benchCanvas(print: Print): Promise<void> {
  if (!existsSync(join(root, 'out/renderer/index.html'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  }
  const dir = libraryWithMap(1_000, 11);
  const app = await serveApp(dir);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await app.served.signIn(context);
  const page = await context.newPage();
  try {
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(app.url);
      await waitForCanvas(page, 10);
      opens.push(await page.evaluate(() => performance.now()));
    }
    print('canvas.open.1k', median(opens), 'ms');

    await goToNode(page, 'Mechanism 11');
    const edited = await renameSelected(page, 'm10', 'Renamed mechanism');
    print('canvas.rerender.edit1', edited.length, 'nodes');

    await goToNode(page, 'Goal 4');
    print('canvas.drag.1k.median', await dragMedian(page, 'g3'), 'ms');
  } finally {
    await context.close();
    await browser.close();
    await app.stop();
    removeDir(dir);
  }
}

/** Median time per move of a 60-frame drag of one node (see benchCanvas). */
async function dragMedian(page: Page, nodeId: string): Promise<number> {
  const selector = `.react-flow__node[data-id="${nodeId}"]`;
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`node ${nodeId} is not on screen`);
  await page.evaluate((s) => {
    const node = document.querySelector(s) as HTMLElement;
    const times: number[] = [];
    let start = 0;
    window.addEventListener('mousemove', () => (start = performance.now()), { capture: true });
    new MutationObserver(() => {
      if (start > 0) times.push(performance.now() - start);
      start = 0;
    }).observe(node, { attributes: true, attributeFilter: ['style'] });
    (globalThis as { __dragTimes?: number[] }).__dragTimes = times;
  }, selector);
  const x = box.x + box.width / 2;
  const y = box.y + 20;
  await page.mouse.move(x, y);
  await page.mouse.down();
  // Back and forth by a grid step and more per frame, so every frame moves the node even with
  // snap to grid on (the default), and the node stays on screen.
  const swing = (frame: number) => (frame <= 15 ? frame : frame <= 45 ? 30 - frame : frame - 60);
  for (let frame = 1; frame <= 60; frame++) await page.mouse.move(x + swing(frame) * 24, y);
  await page.mouse.up();
  const times = await page.evaluate(() => (globalThis as { __dragTimes?: number[] }).__dragTimes ?? []);
  if (times.length < 50) throw new Error(`only ${times.length} of 60 drag frames reached the DOM`);
  return median(times);
}
