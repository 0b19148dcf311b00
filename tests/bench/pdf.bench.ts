import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { findChromium } from '../../electron/backend/services/find-browser';
import { launchChromium, printWithBrowser, WarmPrinter } from '../../electron/backend/services/pdf-export';
import { exportPdfCommand } from '../../electron/cli/export-pdf';
import { serializeInterchange } from '../../shared/interchange/format';
import type { MapContent } from '../../shared/model/types';
import { PdfChoicesSchema } from '../../shared/print/export-choices';
import { removeDir, type ServedApp, serveApp } from '../e2e/harness';
import { libraryWithMap } from './canvas.bench';
import { median, type Print } from './measure';

function chromiumPath(): string {
  const path = findChromium();
  if (!path) throw new Error('No Chromium found: install Debian\'s "chromium" package (see .ci/run).');
  return path;
}

/** The id and name of the one map in the served library, through the contract. */
async function onlyMap(browser: Browser, app: ServedApp): Promise<{ id: string; name: string }> {
  const context = await browser.newContext();
  try {
    await app.served.signIn(context);
    const response = await context.request.post(`${new URL(app.url).origin}/api/listMaps`, { data: {} });
    const body = (await response.json()) as { ok: boolean; value: { id: string; name: string }[] };
    const map = body.value[0];
    if (!body.ok || !map) throw new Error('the bench library has no map');
    return map;
  } finally {
    await context.close();
  }
}

/**
 * A generated map to PDF through Chromium, as the browser mode prints it (A3 landscape, every
 * section):
 * - pdf.200 and pdf.1k: an export with the printer warm (WarmPrinter: the browser running, the
 *   context signed in, the print view's assets cached), as every export after a session's first
 *   is made. The median of three at 200 nodes, one at 1k, after one unmeasured export.
 * - pdf.200.first: an export with nothing prepared, once Chromium runs: a fresh context, the
 *   print view fetched and compiled (starting Chromium itself adds about a second on top), as the
 *   command line makes one.
 * - pdf.200.prepared: the first export of a session from the app, whose export dialog has the
 *   printer prepared (preparePdfExport: Chromium started, the map's print view drawn once) while
 *   the user chooses.
 * - pdf.200.cli: `throughline export map.json --format pdf` end to end, in process: reading the
 *   file, serving the print view, starting Chromium, printing and writing the PDF. The median of
 *   three; each starts from nothing, as every run of the command does.
 */
export async function benchPdf(print: Print): Promise<void> {
  for (const [label, nodes, runs] of [
    ['pdf.200', 200, 3],
    ['pdf.1k', 1000, 1],
  ] as const) {
    const dir = libraryWithMap(nodes, 42);
    const app = await serveApp(dir);
    const browser = await launchChromium(chromiumPath());
    const printer = new WarmPrinter(app.served, async () => browser);
    try {
      const map = await onlyMap(browser, app);
      const job = {
        mapId: map.id,
        mapName: map.name,
        choices: PdfChoicesSchema.parse({ paper: 'A3', orientation: 'landscape' }),
      };
      if (nodes === 200) {
        const cli: number[] = [];
        for (let i = 0; i < 3; i++) {
          const begin = performance.now();
          await exportPdfCommand(
            {
              file: join(dir, 'map.json'),
              out: join(dir, `cli-${i}.pdf`),
              paper: 'A3',
              landscape: true,
              lang: 'en',
            },
            () => {},
          );
          cli.push(performance.now() - begin);
        }
        cli.sort((a, b) => a - b);
        print('pdf.200.cli', cli[1] as number, 'ms');
        let start = performance.now();
        await printWithBrowser(browser, app.served, job);
        print('pdf.200.first', performance.now() - start, 'ms');
        // A printer of its own, with its own Chromium: nothing of the runs above is warm for it.
        const prepared = new WarmPrinter(app.served, () => launchChromium(chromiumPath()));
        try {
          await prepared.prepare(job);
          start = performance.now();
          await prepared.print(job);
          print('pdf.200.prepared', performance.now() - start, 'ms');
        } finally {
          await prepared.close();
        }
      }
      await printer.print(job); // warms the printer, not measured
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const bytes = await printer.print(job);
        times.push(performance.now() - start);
        if (bytes.byteLength < 1000) throw new Error('the PDF is empty');
      }
      times.sort((a, b) => a - b);
      print(label, times[Math.floor(times.length / 2)] as number, 'ms');
    } finally {
      await printer.close(); // closes the browser it was given
      await browser.close().catch(() => {});
      await app.stop();
      removeDir(dir);
    }
  }
}

/**
 * The PDF of each of `maps`, one library holding them all and one warm printer (A3 landscape,
 * every section, the document dated `date`): median ms of `runs` prints each, the maps printed in
 * turn so that all meet the same machine load; one unmeasured print of each first.
 */
export async function pdfOfMaps(maps: readonly MapContent[], runs: number, date: string): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
  const bin = join(new URL('../..', import.meta.url).pathname, 'electron/cli/bin.mjs');
  maps.forEach((content, i) => {
    const file = join(dir, `map-${i}.json`);
    writeFileSync(file, serializeInterchange(`Map ${i}`, content));
    execFileSync(process.execPath, [bin, 'import', file, '--into', join(dir, 'library.throughline')], {
      stdio: 'ignore',
    });
  });
  const app = await serveApp(dir);
  const browser = await launchChromium(chromiumPath());
  const printer = new WarmPrinter(app.served, async () => browser);
  try {
    const context = await browser.newContext();
    await app.served.signIn(context);
    const response = await context.request.post(`${new URL(app.url).origin}/api/listMaps`, { data: {} });
    const listed = ((await response.json()) as { value: { id: string; name: string }[] }).value;
    await context.close();
    const jobs = maps.map((_, i) => {
      const map = listed.find((m) => m.name === `Map ${i}`);
      if (!map) throw new Error(`Map ${i} is not in the bench library`);
      return {
        mapId: map.id,
        mapName: map.name,
        choices: PdfChoicesSchema.parse({ paper: 'A3', orientation: 'landscape', date }),
      };
    });
    for (const job of jobs) await printer.print(job); // warms the printer, not measured
    const times: number[][] = jobs.map(() => []);
    for (let r = 0; r < runs; r++) {
      for (const [i, job] of jobs.entries()) {
        const start = performance.now();
        const bytes = await printer.print(job);
        times[i]?.push(performance.now() - start);
        if (bytes.byteLength < 1000) throw new Error('the PDF is empty');
      }
    }
    return times.map(median);
  } finally {
    await printer.close();
    await browser.close().catch(() => {});
    await app.stop();
    removeDir(dir);
  }
}
