import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serializeInterchange } from '../../shared/interchange/format';
import { goToNode } from '../e2e/canvas-actions';
import { launchBrowser, removeDir, serveApp } from '../e2e/harness';
import { serveBareFlow } from './bare-flow/serve-bare';
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
 *   dragged node's new position in the DOM (React Flow's handler, the store, React's commit);
 * - canvas.select.1k: a click on a mechanism, from the pointer going down to the first frame that
 *   shows it selected (median of 5 clicks on different nodes); canvas.select.goal.1k the same for a
 *   goal, whose execution paths are then emphasised and the rest dimmed;
 * - canvas.pan.1k.median: ms per frame while the empty canvas is dragged back and forth (median of
 *   the intervals between animation frames), and canvas.pan.1k.bare the same for React Flow alone
 *   (tests/bench/bare-flow) with default nodes of the same sizes at the same places and zoom.
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

    // Mechanisms in the middle of the view, goals and metrics beside them, at about half size.
    for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomout').click();
    await goToNode(page, 'Mechanism 30');
    await clearSelection(page);
    print('canvas.select.1k', await selectMedian(page, 'm'), 'ms');
    await goToNode(page, 'Goal 30');
    await clearSelection(page);
    print('canvas.select.goal.1k', await selectMedian(page, 'g'), 'ms');
    await page.keyboard.press('Escape');

    await clearSelection(page);
    const baseline = await bareMapOf(page);
    print('canvas.pan.1k.median', await panMedian(page), 'ms');
    const bare = await serveBareFlow(join(dir, 'bare'));
    try {
      const barePage = await context.newPage();
      await barePage.goto(bare.url);
      await barePage.evaluate(
        (map) => (globalThis as { showBareMap?: (m: unknown) => void }).showBareMap?.(map),
        baseline,
      );
      await barePage.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 10);
      print('canvas.pan.1k.bare', await panMedian(barePage), 'ms');
    } finally {
      await bare.stop();
    }
  } finally {
    await context.close();
    await browser.close();
    await app.stop();
    removeDir(dir);
  }
}

/** Nothing selected, nothing in focus: each measure starts from the plain map. */
export async function clearSelection(page: Page): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
}

/** Median ms from pointer down to the first frame showing the node selected, over 5 nodes of a kind. */
export async function selectMedian(page: Page, prefix: 'g' | 'm'): Promise<number> {
  const ids = await page.evaluate((p) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect() as DOMRect;
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return (
          (n.dataset.id ?? '').startsWith(p) &&
          r.top > pane.top + 20 &&
          r.bottom < pane.bottom - 160 &&
          r.left > pane.left + 20 &&
          r.right < pane.right - 20
        );
      })
      .map((n) => n.dataset.id as string)
      .slice(0, 5);
  }, prefix);
  if (ids.length < 4) throw new Error(`only ${ids.length} nodes of kind ${prefix} on screen`);
  const times: number[] = [];
  for (const id of ids) {
    // A click as React Flow sees it (its node click handler selects), timed in the page: from the
    // click to the first animation frame that shows the node selected.
    // (No named functions inside page code: tsx would wrap them in a helper the page lacks.)
    const time = await page.evaluate(async (selector) => {
      const target = document.querySelector(`${selector} .plan-node__kind`);
      if (!target) throw new Error(`${selector} is not on screen`);
      const start = performance.now();
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
      while (!document.querySelector(selector)?.classList.contains('selected')) {
        if (performance.now() - start > 20_000) throw new Error(`${selector} was not selected`);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return performance.now() - start;
    }, `.react-flow__node[data-id="${id}"]`);
    times.push(time);
    await page.waitForTimeout(100);
  }
  // The first click warms the code up; the median of the rest.
  return median(times.slice(1));
}

/** What the bare page needs to show the same map: nodes at their places and sizes, links, view. */
async function bareMapOf(page: Page) {
  const map = generateLayeredMap(1_000, 11);
  const measured = await page.evaluate(() => {
    const heights = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map(
      (n) => n.offsetHeight,
    );
    heights.sort((a, b) => a - b);
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport') as HTMLElement;
    const matrix = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect() as DOMRect;
    return {
      height: heights[Math.floor(heights.length / 2)] ?? 100,
      viewport: { x: matrix.e, y: matrix.f, zoom: matrix.a },
      pane: { width: Math.round(pane.width), height: Math.round(pane.height) },
    };
  });
  const ids = new Set(map.nodes.map((n) => n.id));
  return {
    nodes: map.nodes.map((n) => ({
      id: n.id,
      x: n.position.x,
      y: n.position.y,
      width: 240,
      height: measured.height,
      label: n.title,
    })),
    edges: map.links.filter((l) => ids.has(l.source) && ids.has(l.target) && l.source !== l.target),
    viewport: measured.viewport,
    pane: measured.pane,
  };
}

/**
 * Median ms per frame while the empty canvas is dragged back and forth for about 120 moves: the
 * intervals between animation frames, which is what the eye sees as smooth or not.
 */
export async function panMedian(page: Page): Promise<number> {
  const start = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect() as DOMRect;
    // An empty spot of the canvas: dragging it pans (on a node it would move the node).
    for (let y = pane.top + 30; y < pane.bottom - 200; y += 20) {
      for (let x = pane.right - 40; x > pane.left + 40; x -= 20) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!start) throw new Error('no empty spot on the canvas to pan from');
  await page.evaluate(() => {
    const state = globalThis as { __frames?: number[]; __panning?: boolean };
    state.__frames = [];
    state.__panning = true;
    void (async () => {
      while (state.__panning) {
        state.__frames?.push(await new Promise<number>((resolve) => requestAnimationFrame(resolve)));
      }
    })();
  });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Down the map and back, 15 px a move: new nodes come into view, as when a user pans.
  const swing = (move: number) => (move <= 60 ? move : 120 - move);
  for (let move = 1; move <= 120; move++)
    await page.mouse.move(start.x - swing(move) * 6, start.y - swing(move) * 15);
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const state = globalThis as { __frames?: number[]; __panning?: boolean };
    state.__panning = false;
    return state.__frames ?? [];
  });
  const intervals = frames.slice(1).map((time, i) => time - (frames[i] as number));
  if (intervals.length < 10) throw new Error(`only ${intervals.length} frames while panning`);
  return median(intervals);
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
