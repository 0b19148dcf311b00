import type { Browser } from 'playwright-core';
import { printWithBrowser } from '../../electron/main/services/pdf-export';
import { PdfChoicesSchema } from '../../shared/print/export-choices';
import { launchBrowser, removeDir, type ServedApp, serveApp } from '../e2e/harness';
import { libraryWithMap } from './canvas.bench';

type Print = (name: string, value: number, unit: string) => void;

/** The id and name of the one map in the served library, through the contract. */
async function onlyMap(browser: Browser, app: ServedApp): Promise<{ id: string; name: string }> {
  const context = await browser.newContext();
  try {
    await context.request.get(app.url, { maxRedirects: 0 });
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
 * A generated map to PDF through Chromium, as the browser mode and the command line print it:
 * a fresh context, the print view loading the map through the contract, its ready signal, and
 * page.pdf (A3 landscape, every section). The browser is already running (a print on a warm
 * browser; launching one adds about a second). The median of three prints at 200 nodes, one at 1k.
 */
export async function benchPdf(print: Print): Promise<void> {
  const browser = await launchBrowser();
  for (const [label, nodes, runs] of [
    ['pdf.200', 200, 3],
    ['pdf.1k', 1000, 1],
  ] as const) {
    const dir = libraryWithMap(nodes, 42);
    const app = await serveApp(dir);
    try {
      const map = await onlyMap(browser, app);
      const job = {
        mapId: map.id,
        mapName: map.name,
        choices: PdfChoicesSchema.parse({ paper: 'A3', orientation: 'landscape' }),
      };
      // One print to warm the server's and the browser's caches, not measured.
      await printWithBrowser(browser, { openUrl: app.url }, job);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const bytes = await printWithBrowser(browser, { openUrl: app.url }, job);
        times.push(performance.now() - start);
        if (bytes.byteLength < 1000) throw new Error('the PDF is empty');
      }
      times.sort((a, b) => a - b);
      print(label, times[Math.floor(times.length / 2)] as number, 'ms');
    } finally {
      await app.stop();
      removeDir(dir);
    }
  }
  await browser.close();
}
