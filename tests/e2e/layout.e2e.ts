import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeInterchange } from '../../shared/interchange/format';
import { generateLayeredMap } from '../bench/generate-map';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

interface Box {
  kind: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every node's kind and box on screen. */
function boxes(page: Page): Promise<Box[]> {
  return page.locator('.react-flow__node').evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      const kind = n.querySelector('[data-kind]')?.getAttribute('data-kind') ?? '';
      return { kind, x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/** Goals left of mechanisms left of metrics, and no two nodes on top of each other. */
function inLanes(list: Box[]): boolean {
  const right = (kind: string) => Math.max(...list.filter((b) => b.kind === kind).map((b) => b.x + b.width));
  const left = (kind: string) => Math.min(...list.filter((b) => b.kind === kind).map((b) => b.x));
  if (!(right('goal') <= left('mechanism') && right('mechanism') <= left('metric'))) return false;
  return list.every((a, i) =>
    list.every(
      (b, j) =>
        i === j ||
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y,
    ),
  );
}

describe('Layout into lanes', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
  });

  afterAll(() => closeServed(app, page));

  it('lays out an imported map that has no positions before its first frame, with lane headers', async () => {
    const file = join(app.dir, 'no-positions.json');
    const node = (id: string, kind: string) => ({ id, kind, title: `${kind} ${id}`, owner: 'Ana' });
    const ids = ['g1', 'g2', 'm1', 'm2', 'm3', 'k1', 'k2'];
    writeFileSync(
      file,
      JSON.stringify({
        format: 'throughline-map',
        version: 1,
        name: 'Unarranged',
        nodes: ids.map((id) => node(id, { g: 'goal', m: 'mechanism', k: 'metric' }[id[0] as 'g'])),
        links: [
          { id: 'a', source: 'g1', target: 'm1' },
          { id: 'b', source: 'g1', target: 'm2' },
          { id: 'c', source: 'g2', target: 'm3' },
          { id: 'd', source: 'm1', target: 'k1' },
          { id: 'e', source: 'm3', target: 'k2' },
        ],
      }),
    );
    // Records the boxes of the first frame that shows this map's nodes (before it is painted).
    await page.evaluate((wanted) => {
      const record = () => {
        const shown = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter(
          (n) => wanted.includes(n.dataset.id ?? '') && getComputedStyle(n).visibility !== 'hidden',
        );
        if (shown.length < wanted.length) {
          requestAnimationFrame(record);
          return;
        }
        (globalThis as { __firstFrame?: unknown }).__firstFrame = shown.map((n) => {
          const r = n.getBoundingClientRect();
          const kind = n.querySelector('[data-kind]')?.getAttribute('data-kind') ?? '';
          return { kind, x: r.x, y: r.y, width: r.width, height: r.height };
        });
      };
      requestAnimationFrame(record);
    }, ids);
    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-import-json').click();
    await (await chooser).setFiles(file);
    const firstFrame = await page.waitForFunction(
      () => (globalThis as { __firstFrame?: unknown }).__firstFrame,
    );
    expect(inLanes((await firstFrame.jsonValue()) as Box[])).toBe(true);
    await expect.poll(async () => inLanes(await boxes(page))).toBe(true);
    // Each lane has its header above it, in the UI's language.
    const headers = page.getByTestId('lane-header');
    await expect.poll(() => headers.allTextContents()).toEqual(['Strategy', 'Operations', 'Metrics']);
    const goalHeader = await headers.first().boundingBox();
    const goal = await page.locator('.react-flow__node[data-id="g1"]').boundingBox();
    if (!goalHeader || !goal) throw new Error('no header or goal on screen');
    expect(goalHeader.y + goalHeader.height).toBeLessThanOrEqual(goal.y);
    expect(Math.abs(goalHeader.x - goal.x)).toBeLessThan(4);
  });

  it("tidies a map on demand in one undo step, and keeps the user's positions otherwise", async () => {
    const mechanism = page.locator('.react-flow__node', { hasText: 'mechanism m2' });
    await page.waitForTimeout(400); // the fit after the layout animates for 250 ms
    const before = await mechanism.boundingBox();
    if (!before) throw new Error('no node');
    // Drag a mechanism into the metrics lane: the lanes are broken.
    await page.mouse.move(before.x + 40, before.y + 20);
    await page.mouse.down();
    await page.mouse.move(before.x + 340, before.y + 200, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => inLanes(await boxes(page))).toBe(false);

    await page.getByTestId('auto-layout').click();
    await expect.poll(async () => inLanes(await boxes(page)), { timeout: 15_000 }).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => inLanes(await boxes(page))).toBe(false);
  });
});

describe('Fit to screen', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app, { width: 1280, height: 800 });
  });

  afterAll(() => closeServed(app, page));

  /** Imports a map of one goal over `rows` mechanism → metric rows, 140 px apart, and fits it. */
  async function fitTallMap(name: string, rows: number): Promise<void> {
    const node = (id: string, kind: string, x: number, y: number) => ({
      id,
      kind,
      title: `${kind} ${id}`,
      owner: 'Ana',
      position: { x, y },
    });
    const indices = Array.from({ length: rows }, (_, i) => i);
    const file = join(app.dir, `${name}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        format: 'throughline-map',
        version: 1,
        name,
        nodes: [
          node('g1', 'goal', 0, 0),
          ...indices.map((i) => node(`m${i}`, 'mechanism', 360, i * 140)),
          ...indices.map((i) => node(`k${i}`, 'metric', 720, i * 140)),
        ],
        links: indices.flatMap((i) => [
          { id: `a${i}`, source: 'g1', target: `m${i}` },
          { id: `b${i}`, source: `m${i}`, target: `k${i}` },
        ]),
      }),
    );
    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-import-json').click();
    await (await chooser).setFiles(file);
    // The map is open once its row counts its nodes (most are not drawn until the fit).
    await page
      .getByTestId('map-row')
      .filter({ hasText: name })
      .filter({ hasText: `${2 * rows + 1} nodes` })
      .waitFor();
    await expect.poll(() => page.locator('.toolbar__title').textContent()).toContain(name);
    await page.getByTestId('fit-view').click();
    await page.waitForTimeout(400); // the fit animates for 200 ms
  }

  /** Nodes that are outside the canvas or under the overview map or the zoom buttons. */
  const covered = () =>
    page.evaluate(() => {
      const rect = (el: Element | null) => el?.getBoundingClientRect();
      const panels = [
        rect(document.querySelector('.overview-map')),
        rect(document.querySelector('.react-flow__controls')),
      ];
      const pane = rect(document.querySelector('.react-flow')) as DOMRect;
      const hits: string[] = [];
      for (const n of document.querySelectorAll('.react-flow__node')) {
        const r = n.getBoundingClientRect();
        if (r.top < pane.top || r.bottom > pane.bottom || r.left < pane.left || r.right > pane.right)
          hits.push(`${n.getAttribute('data-id')} outside the canvas`);
        for (const p of panels) {
          if (p && r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom)
            hits.push(`${n.getAttribute('data-id')} under a panel`);
        }
      }
      return hits;
    });

  it('frames every node clear of the overview map and the zoom buttons', async () => {
    await fitTallMap('Tall', 10);
    expect(await page.locator('.react-flow__node').count()).toBe(21);
    expect(await covered()).toEqual([]);
  });

  it('frames a very tall map whole, zooming out as far as it takes', async () => {
    await fitTallMap('Very tall', 120);
    await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 10_000 }).toBe(241);
    expect(await covered()).toEqual([]);
  });
});

describe('A 1,000-node map without positions on a 1920 × 1080 screen', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app, { width: 1920, height: 1080 });
  });

  afterAll(() => closeServed(app, page));

  it('is laid out in bands on import, and Fit to screen shows it whole at 15% or more', async () => {
    const map = generateLayeredMap(1_000, 13);
    const file = join(app.dir, 'thousand.json');
    const text = serializeInterchange('Thousand', map);
    const parsed = JSON.parse(text) as { nodes: { position?: unknown }[] };
    for (const n of parsed.nodes) delete n.position;
    writeFileSync(file, JSON.stringify(parsed));
    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-import-json').click();
    await (await chooser).setFiles(file);
    await page
      .getByTestId('map-row')
      .filter({ hasText: 'Thousand' })
      .filter({ hasText: '1000 nodes' })
      .waitFor();
    await page.getByTestId('fit-view').click();
    await page.waitForTimeout(400); // the fit animates for 200 ms
    const zoom = await page
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
    expect(zoom).toBeGreaterThanOrEqual(0.15);
    // Whole: every node of the map is drawn inside the canvas.
    await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 20_000 }).toBe(1_000);
    const outside = await page.evaluate(() => {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect() as DOMRect;
      return [...document.querySelectorAll('.react-flow__node')].filter((n) => {
        const r = n.getBoundingClientRect();
        return r.left < pane.left || r.right > pane.right || r.top < pane.top || r.bottom > pane.bottom;
      }).length;
    });
    expect(outside).toBe(0);
    // Links a finding reports are solid (thicker, red): long dashed curves made every pan frame
    // take three frames to paint on this map.
    const dashed = await page.evaluate(
      () =>
        [...document.querySelectorAll('.react-flow__edge.link--flagged .react-flow__edge-path')].filter(
          (path) => getComputedStyle(path).strokeDasharray !== 'none',
        ).length,
    );
    expect(await page.locator('.react-flow__edge.link--flagged').count()).toBeGreaterThan(0);
    expect(dashed).toBe(0);
  });
});
