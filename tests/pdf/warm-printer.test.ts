import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WarmPrinter } from '../../electron/backend/services/pdf-export';
import { preparePdfExportHandler } from '../../electron/backend/services/pdf-export-handler';
import type { PdfJob, PdfPrinter } from '../../electron/backend/services/pdf-printer';
import { openPlanBackend } from '../../electron/backend/services/plan-backend';
import { PdfChoicesSchema } from '../../shared/print/export-choices';

const APP = { origin: 'http://127.0.0.1:4000', signIn: async () => {} };
const job: PdfJob = { mapId: 'm1', mapName: 'Plan', choices: PdfChoicesSchema.parse({}) };

/** Just enough of playwright's Browser for WarmPrinter, recording what it is asked to do. */
function fakeBrowser({ failPdf = false } = {}) {
  const log = { launches: 0, contexts: 0, pages: 0, closedPages: 0, gotos: [] as string[], closed: false };
  let connected = true;
  const newPage = async () => {
    log.pages++;
    let closed = false;
    return {
      goto: async (url: string) => void log.gotos.push(url.replace(/\?.*/, '?…')),
      waitForFunction: async () => undefined,
      evaluate: async () => null,
      pdf: async () => {
        if (failPdf) throw new Error('printing failed');
        return Buffer.from('%PDF-1.7 fake');
      },
      isClosed: () => closed,
      close: async () => {
        closed = true;
        log.closedPages++;
      },
    };
  };
  const browser = {
    newContext: async () => {
      log.contexts++;
      return { request: { get: async () => ({ status: () => 303 }) }, newPage };
    },
    isConnected: () => connected,
    close: async () => {
      connected = false;
      log.closed = true;
    },
  } as unknown as Browser;
  const launch = async () => {
    log.launches++;
    return browser;
  };
  return { log, launch };
}

describe('the warm PDF printer', () => {
  it('starts Chromium once and prints every later PDF on the same signed-in page', async () => {
    const { log, launch } = fakeBrowser();
    const printer = new WarmPrinter(APP, launch, 60_000);
    for (let i = 0; i < 3; i++)
      expect(Buffer.from(await printer.print(job)).toString()).toBe('%PDF-1.7 fake');
    expect(log).toMatchObject({ launches: 1, contexts: 1, pages: 1, closedPages: 0 });
    expect(log.gotos).toEqual(Array(3).fill('http://127.0.0.1:4000/print.html?…'));
    await printer.close();
    expect(log.closed).toBe(true);
  });

  it('closes the browser once it has been idle, and starts it again for the next PDF', async () => {
    const { log, launch } = fakeBrowser();
    const printer = new WarmPrinter(APP, launch, 20);
    await printer.print(job);
    await expect.poll(() => log.closed).toBe(true);
    await printer.print(job);
    expect(log.launches).toBe(2);
    await printer.close();
  });

  it('draws the print view once while the dialog is open, on the page the export then uses', async () => {
    const { log, launch } = fakeBrowser();
    const printer = new WarmPrinter(APP, launch, 60_000);
    expect(await printer.prepare(job)).toBe(true);
    expect(log.gotos).toEqual(['http://127.0.0.1:4000/print.html?…']);
    await printer.print(job);
    expect(log.pages).toBe(1);
    await printer.close();
  });

  it('never reuses the page of a print that failed', async () => {
    const { log, launch } = fakeBrowser({ failPdf: true });
    const printer = new WarmPrinter(APP, launch, 60_000);
    await expect(printer.print(job)).rejects.toThrow('printing failed');
    await expect(printer.print(job)).rejects.toThrow('printing failed');
    expect(log).toMatchObject({ launches: 1, pages: 2, closedPages: 2 });
    await printer.close();
  });

  it('stops a cancelled print and writes nothing', async () => {
    const { log, launch } = fakeBrowser();
    const printer = new WarmPrinter(APP, launch, 60_000);
    const controller = new AbortController();
    controller.abort();
    await expect(printer.print(job, controller.signal)).rejects.toThrow();
    expect(log.gotos).toEqual([]);
    await printer.close();
  });
});

describe('preparePdfExport on the contract', () => {
  it('answers whether the printer is ready, and never fails the dialog', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'throughline-prepare-'));
    const backend = openPlanBackend({ libraryPath: join(dir, 'library.throughline'), stateDir: dir });
    try {
      const { id: mapId } = backend.documents.repository.createMap('Board plan', { nodes: [], links: [] });
      const args = { mapId, language: 'zh-CN' as const };
      const { documents } = backend;
      const print = async () => new Uint8Array();
      expect(await preparePdfExportHandler(documents, () => null)(args)).toEqual({ ready: false });
      expect(await preparePdfExportHandler(documents, () => ({ print }))(args)).toEqual({ ready: false });
      const failing: PdfPrinter = { print, prepare: async () => Promise.reject(new Error('no Chromium')) };
      expect(await preparePdfExportHandler(documents, () => failing)(args)).toEqual({ ready: false });
      const prepared: PdfJob[] = [];
      const ready: PdfPrinter = {
        print,
        prepare: async (job) => {
          prepared.push(job);
          return true;
        },
      };
      expect(await preparePdfExportHandler(documents, () => ready)(args)).toEqual({ ready: true });
      expect(prepared).toEqual([
        { mapId, mapName: 'Board plan', choices: PdfChoicesSchema.parse({ language: 'zh-CN' }) },
      ]);
      // A map that is not there is nothing to prepare; the export itself will say so.
      const gone = { mapId: 'gone', language: 'en' as const };
      expect(await preparePdfExportHandler(documents, () => ready)(gone)).toEqual({ ready: false });
      expect(prepared).toHaveLength(1);
    } finally {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
