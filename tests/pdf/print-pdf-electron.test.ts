import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HARDENED_WEB_PREFERENCES } from '../../electron/main/web-preferences';
import { PdfChoicesSchema } from '../../shared/print/export-choices';
import { pdfEngineOptions } from '../../shared/print/pdf-options';

// A small fake of the electron module: a BrowserWindow whose page reports its ready state as
// scripted, and records what the adapter asked of it.
const fake = vi.hoisted(() => {
  const state = {
    windows: [] as FakeWindow[],
    /** What the print view answers to each poll, in order; the last one repeats. */
    probes: ['waiting', 'ready'] as string[],
    printError: null as Error | null,
  };
  class FakeWindow {
    options: unknown;
    url = '';
    destroyed = false;
    printed: unknown = null;
    polls = 0;
    webContents = {
      executeJavaScript: async (_code: string) => {
        const answer = state.probes[Math.min(this.polls, state.probes.length - 1)];
        this.polls += 1;
        return answer;
      },
      printToPDF: async (options: unknown) => {
        this.printed = options;
        if (state.printError) throw state.printError;
        return Buffer.from('%PDF-1.7 fake');
      },
    };
    constructor(options: unknown) {
      this.options = options;
      state.windows.push(this);
    }
    async loadURL(url: string) {
      this.url = url;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { state, electron: { BrowserWindow: FakeWindow } };
});
type FakeWindow = InstanceType<typeof fake.electron.BrowserWindow>;
vi.mock('electron', () => fake.electron);

const { exportPdfWithElectron, printPageBeside, printWithHiddenWindow } = await import(
  '../../electron/main/print-pdf'
);

const paths = { preload: '/app/out/preload/index.cjs', printPage: '/app/out/renderer/print.html' };
const choices = PdfChoicesSchema.parse({ paper: 'A3', orientation: 'landscape', footer: 'Confidential' });
const job = { mapId: 'map_1', mapName: 'Plan', choices };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-print-electron-'));
  fake.state.windows.length = 0;
  fake.state.probes = ['waiting', 'waiting', 'ready'];
  fake.state.printError = null;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('printing in the desktop app', () => {
  it('uses a hidden, sandboxed window with the app preload and no Node', async () => {
    await printWithHiddenWindow(paths, job);
    const [window] = fake.state.windows;
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: { ...HARDENED_WEB_PREFERENCES, preload: paths.preload, backgroundThrottling: false },
    });
  });

  it('loads the print view for the map, waits for its ready flag, prints with the shared options', async () => {
    const bytes = await printWithHiddenWindow(paths, job);
    const [window] = fake.state.windows;
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7 fake');
    expect(window?.url.startsWith('file:///app/out/renderer/print.html?map=map_1&')).toBe(true);
    expect(window?.url).toContain('paper=A3');
    expect(window?.polls).toBe(3);
    expect(window?.printed).toEqual(pdfEngineOptions(choices, 'Plan').electron);
    expect(window?.destroyed).toBe(true);
  });

  it('stops at the print view error, and still destroys the window', async () => {
    fake.state.probes = ['waiting', 'error:The map could not be found.'];
    await expect(printWithHiddenWindow(paths, job)).rejects.toThrow('The map could not be found.');
    expect(fake.state.windows[0]?.printed).toBeNull();
    expect(fake.state.windows[0]?.destroyed).toBe(true);
  });

  it('writes the file atomically, and nothing when printing fails', async () => {
    const target = join(dir, 'plan.pdf');
    await exportPdfWithElectron(paths, job, target);
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');

    fake.state.printError = new Error('printing failed');
    const other = join(dir, 'failed.pdf');
    await expect(exportPdfWithElectron(paths, job, other)).rejects.toThrow('printing failed');
    expect(existsSync(other)).toBe(false);
    expect(readdirSync(dir)).toEqual(['plan.pdf']);
    expect(fake.state.windows.every((w: FakeWindow) => w.destroyed)).toBe(true);
  });

  it('cancelled before it starts opens no window', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(printWithHiddenWindow(paths, job, controller.signal)).rejects.toThrow();
    expect(fake.state.windows).toHaveLength(0);
  });

  it('finds print.html beside the built index.html', () => {
    expect(printPageBeside('/app/out/renderer/index.html')).toBe('/app/out/renderer/print.html');
  });
});
