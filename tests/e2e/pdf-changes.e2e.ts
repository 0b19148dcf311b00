import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { printWithBrowser } from '../../electron/backend/services/pdf-export';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { MapVersions } from '../../electron/backend/storage/map-versions';
import { openDocument } from '../../electron/backend/storage/open-document';
import { DIFF_WORDS } from '../../shared/exports/diff-words';
import { createNode, type MapNode } from '../../shared/model';
import type { Language } from '../../shared/model/language';
import { PdfChoicesSchema } from '../../shared/print/export-choices';
import { applyDocChanges, type DocChanges, newMapDoc, writeContent } from '../../shared/room/map-doc';
import { type PdfFacts, pdfFacts, squash } from '../pdf/pdf-checks';
import { axeViolations } from './axe';
import { closeServed, launchBrowser, openPage, type ServedApp, serveApp } from './harness';

// The PDF's "Changes since …" section, as people get it: a document whose map changed since its
// version "Offsite Q1" printed by the served app (the export dialog's path) and by the command
// line's --changes-since, read back with pdftotext, in English and in Chinese.

const metric = (id: string, title: string, x: number, current: number | null): MapNode =>
  ({
    ...createNode('metric', id, title, { x, y: 200 }),
    current,
  }) as MapNode;

/**
 * A document with the map "Offsite plan" and its version "Offsite Q1", changed since: a node
 * renamed, one added and linked, a metric deleted (its goal loses its execution path), a metric's
 * value moved from 10 to 14. Returns the map's id and the version's.
 */
function prepareDocument(file: string): { mapId: string; versionId: string } {
  const repo = new MapRepository(openDocument(file, { create: true }));
  try {
    const map = repo.createMap('Offsite plan', {
      nodes: [
        createNode('goal', 'g1', 'Win the mid-market', { x: 0, y: 0 }),
        createNode('mechanism', 'm1', 'Partner programme', { x: 400, y: 0 }),
        metric('k1', 'Partner deals', 800, null),
        createNode('goal', 'g2', 'Keep customers', { x: 0, y: 200 }),
        createNode('mechanism', 'm2', 'Onboarding calls', { x: 400, y: 200 }),
        metric('k2', 'Accounts onboarded', 800, 10),
      ],
      links: [
        { id: 'l1', source: 'g1', target: 'm1' },
        { id: 'l2', source: 'm1', target: 'k1' },
        { id: 'l3', source: 'g2', target: 'm2' },
        { id: 'l4', source: 'm2', target: 'k2' },
      ],
    });
    const version = new MapVersions(repo).save(map.id, 'Offsite Q1', 'Mei');
    const now = repo.loadMap(map.id);
    const byId = new Map(now.nodes.map((n) => [n.id, n]));
    // The change as a room makes it: the live document started from the tables, changed, and the
    // change stored with its update.
    const doc = newMapDoc();
    writeContent(doc, now);
    repo.startRoom(map.id, now.revision, Y.encodeStateAsUpdate(doc));
    const changes: DocChanges = {
      upsertNodes: [
        { ...(byId.get('m1') as MapNode), title: 'Reseller programme' },
        { ...(byId.get('k2') as MapNode), current: 14 } as MapNode,
        createNode('mechanism', 'n1', 'Added after the offsite', { x: 400, y: 400 }),
      ],
      upsertLinks: [{ id: 'l5', source: 'g2', target: 'n1' }],
      deleteNodeIds: ['k1'],
      deleteLinkIds: ['l2'],
    };
    const before = Y.encodeStateVector(doc);
    applyDocChanges(doc, changes, null);
    repo.applyRoomChange(map.id, changes, Y.encodeStateAsUpdate(doc, before), now.revision);
    return { mapId: map.id, versionId: version.id };
  } finally {
    repo.close();
  }
}

/** What the section must say, in the words of shared/exports/diff-words.ts. */
function expectChanges(facts: PdfFacts, language: Language) {
  const words = DIFF_WORDS[language];
  const text = facts.squashedText;
  const has = (s: string) => expect(text, s).toContain(squash(s));
  has(words.changesSince(words.quote('Offsite Q1')));
  for (const heading of [
    words.nodesAdded,
    words.nodesRemoved,
    words.nodesChanged,
    words.metricsMoved,
    words.linksAdded,
    words.linksRemoved,
    words.goalsLostPath,
  ])
    has(heading);
  has(
    `${words.fields.title as string}${words.colon}${words.quote('Partner programme')}${words.arrow}${words.quote('Reseller programme')}`,
  );
  has(`${words.quote('Accounts onboarded')} (k2)${words.colon}10${words.arrow}14`);
  has(`${words.quote('Added after the offsite')} (n1)`);
  has(`${words.quote('Partner deals')} (k1)`);
  has(`${words.quote('Win the mid-market')} (g1)`);
}

describe('the PDF section "Changes since …"', () => {
  let dir: string;
  let app: ServedApp;
  let browser: Browser;
  let versionId: string;
  let mapId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'throughline-e2e-pdf-changes-'));
    mkdirSync(join(dir, 'served'));
    ({ mapId, versionId } = prepareDocument(join(dir, 'served', 'library.throughline')));
    app = await serveApp(join(dir, 'served'));
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await closeServed(app);
    rmSync(dir, { recursive: true, force: true });
  });

  const print = async (language: Language, changesSince: string, keepAs?: string) => {
    const bytes = await printWithBrowser(browser, app.served, {
      mapId,
      mapName: 'Offsite plan',
      choices: PdfChoicesSchema.parse({ language, changesSince, date: '2027-04-02' }),
    });
    if (keepAs) {
      // Its pages to look at (pdftoppm, 60 dpi), kept beside the screenshots.
      mkdirSync('.tmp/screenshots', { recursive: true });
      writeFileSync(join(dir, `${keepAs}.pdf`), bytes);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        join(dir, `${keepAs}.pdf`),
        `.tmp/screenshots/${keepAs}`,
      ]);
    }
    return pdfFacts(bytes);
  };

  it('lists what changed since the version chosen in the export, in English; none when none is chosen', async () => {
    const facts = await print('en', versionId, 'pdf-changes-en');
    expect(facts.qpdfCheck).toContain('No syntax or stream encoding errors');
    expectChanges(facts, 'en');
    expect(facts.squashedText).toContain(squash('Nodes: 1 added, 1 removed, 1 changed'));
    const without = await print('en', '');
    expect(without.squashedText).not.toContain(squash('Changes since'));
  });

  it("fails with the print view's message when the version is not the map's, printing nothing", async () => {
    await expect(print('en', 'no_such_version')).rejects.toThrow(/The print view failed: .*version/i);
  });

  it('throughline export --format pdf --changes-since LABEL --lang zh-CN prints the section in Chinese', async () => {
    const file = join(dir, 'cli.throughline');
    prepareDocument(file);
    const out = join(dir, 'changes.pdf');
    const root = new URL('../..', import.meta.url).pathname;
    const bin = join(root, 'electron/cli/bin.mjs');
    execFileSync(
      process.execPath,
      [
        bin,
        'export',
        file,
        '--format',
        'pdf',
        '--out',
        out,
        '--lang',
        'zh-CN',
        '--changes-since',
        'offsite q1',
      ],
      { stdio: 'pipe' },
    );
    const facts = pdfFacts(readFileSync(out));
    expectChanges(facts, 'zh-CN');
    expect(facts.squashedText).toContain(squash('节点：新增 1 个，删除 1 个，修改 1 个'));
    // A page to look at (pdftoppm, 60 dpi), kept beside the screenshots.
    mkdirSync('.tmp/screenshots', { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', out, '.tmp/screenshots/pdf-changes-zh']);
    expect(readdirSync('.tmp/screenshots').some((f) => f.startsWith('pdf-changes-zh'))).toBe(true);

    // A version the map does not have: said in one line with the versions it has, nothing written.
    const missing = join(dir, 'missing.pdf');
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        [bin, 'export', file, '--format', 'pdf', '--out', missing, '--changes-since', 'Offsite Q9'],
        { stdio: 'pipe' },
      );
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(stderr).toContain('has no version "Offsite Q9"; its versions: "Offsite Q1"');
    expect(readdirSync(dir)).not.toContain('missing.pdf');
  });

  it('File ▸ Export PDF offers the latest version by default, in both languages, and the download has the section', async () => {
    const page = await openPage(app, { width: 1280, height: 800 });
    try {
      await page.locator('[data-testid="plan-node"]', { hasText: 'Win the mid-market' }).waitFor();
      const openDialog = async () => {
        await page.getByTestId('file-menu').click();
        await page.getByTestId('file-export-pdf').click();
        await page.getByTestId('export-dialog').waitFor();
      };
      await page.getByTestId('language').selectOption('zh-CN');
      await openDialog();
      const since = page.getByTestId('export-changes-since');
      await expect.poll(() => since.inputValue()).toBe(versionId);
      expect(await page.getByTestId('export-dialog').textContent()).toContain('自某版本以来的变化');
      expect(await since.locator('option:checked').textContent()).toMatch(/^版本“Offsite Q1”（.+）$/);
      await page.keyboard.press('Escape');
      await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
      await page.getByTestId('language').selectOption('en');

      await openDialog();
      await expect.poll(() => since.inputValue()).toBe(versionId);
      expect(await since.locator('option:checked').textContent()).toMatch(/^"Offsite Q1" \(.+\)$/);
      expect(await axeViolations(page, '[data-testid="export-dialog"]')).toEqual([]);
      mkdirSync('.tmp/screenshots', { recursive: true });
      await page.screenshot({ path: '.tmp/screenshots/export-changes-since-1280x800.png' });
      const pending = page.waitForEvent('download', { timeout: 90_000 });
      await page.getByTestId('export-submit').click();
      const facts = pdfFacts(readFileSync(await (await pending).path()));
      expectChanges(facts, 'en');
    } finally {
      await page.context().close();
    }
  });
});
