import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

// A valid map whose ids are names of Object.prototype members. Any dictionary of the UI that is a
// plain object answers `constructor` with a function: the canvas drew nothing, on every start.
const IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;
const MAP = {
  format: 'throughline-map',
  version: 1,
  name: 'constructor',
  nodes: [
    { id: '__proto__', kind: 'goal', title: 'Proto goal', owner: 'toString', position: { x: 0, y: 0 } },
    {
      id: 'constructor',
      kind: 'mechanism',
      title: 'Constructor mechanism',
      function: 'operations',
      owner: '__proto__',
      position: { x: 420, y: 0 },
    },
    {
      id: 'toString',
      kind: 'metric',
      title: 'ToString metric',
      owner: 'constructor',
      position: { x: 840, y: 0 },
    },
    // No execution path: a finding about it, and flags on its node.
    { id: 'hasOwnProperty', kind: 'goal', title: 'Lonely goal', position: { x: 0, y: 200 } },
  ],
  links: [
    { id: '__proto__', source: '__proto__', target: 'constructor' },
    { id: 'constructor', source: 'constructor', target: 'toString' },
    // Dangling: points at a node that does not exist, named like a prototype member too.
    { id: 'toString', source: 'hasOwnProperty', target: 'valueOf' },
  ],
};

const nodeIds = (page: Page) =>
  page
    .locator('[data-testid="plan-node"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));

describe('a map whose ids are named like Object.prototype members', () => {
  let app: ServedApp;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.getByTestId('file-menu').waitFor();
    const file = join(app.dir, 'prototype-ids.json');
    writeFileSync(file, JSON.stringify(MAP));
    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-import-json').click();
    await (await chooser).setFiles(file);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="plan-node"]').length === 4,
      null,
      {
        timeout: 15_000,
      },
    );
    await waitSaved(page);
  });

  afterAll(() => closeServed(app, page));

  it('draws every node, flags only the ones with findings, and lists the findings', async () => {
    expect((await nodeIds(page)).sort()).toEqual([...IDS].sort());
    expect(await page.locator('.react-flow__edge').count()).toBe(2);
    const flags = await page
      .locator('[data-testid="plan-node"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')));
    for (const flag of flags) expect(['none', 'error', 'warning', 'info']).toContain(flag);
    expect(
      await page
        .locator('[data-testid="plan-node"][data-node-id="hasOwnProperty"]')
        .getAttribute('data-flag'),
    ).toBe('error');
    const findings = page.getByTestId('finding');
    await expect.poll(() => findings.count()).toBeGreaterThan(0);
    const codes = await findings.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(codes).toContain('goal-without-execution-path');
    expect(codes).toContain('link-dangling');
    expect(await page.locator('[data-testid="map-row"] .map-row__name').allTextContents()).toContain(
      'constructor',
    );
    expect(pageErrors).toEqual([]);
  });

  it('takes a finding to its node and edits it in the inspector', async () => {
    await page.locator('[data-testid="finding"][data-code="goal-without-execution-path"]').first().click();
    const inspector = page.getByTestId('inspector');
    await expect.poll(() => inspector.locator('[data-field="title"]').inputValue()).toBe('Lonely goal');
    // Select each prototype-named node by a click and read it back in the inspector.
    for (const [id, title] of [
      ['__proto__', 'Proto goal'],
      ['constructor', 'Constructor mechanism'],
      ['toString', 'ToString metric'],
    ] as const) {
      await page.locator(`[data-testid="plan-node"][data-node-id="${id}"]`).click();
      await expect.poll(() => inspector.locator('[data-field="title"]').inputValue()).toBe(title);
    }
    const title = inspector.locator('[data-field="title"]');
    await title.fill('ToString metric, renamed');
    await title.press('Enter');
    await expect
      .poll(() =>
        page.locator('[data-testid="plan-node"][data-node-id="toString"] .plan-node__title').textContent(),
      )
      .toBe('ToString metric, renamed');
    await waitSaved(page);
    expect(pageErrors).toEqual([]);
  });

  it('opens again on the next start with the canvas drawn, not blank', async () => {
    await page.reload();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="plan-node"]').length === 4,
      null,
      {
        timeout: 15_000,
      },
    );
    expect((await nodeIds(page)).sort()).toEqual([...IDS].sort());
    expect(
      await page
        .locator('[data-testid="plan-node"][data-node-id="toString"] .plan-node__title')
        .textContent(),
    ).toBe('ToString metric, renamed');
    expect(pageErrors).toEqual([]);
  });
});
