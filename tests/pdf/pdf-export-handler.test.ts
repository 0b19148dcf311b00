import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../electron/backend/services/pdf-export';
import { noChromium, type PdfJob } from '../../electron/backend/services/pdf-printer';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { writeFileAtomically } from '../../electron/backend/services/write-atomically';
import { PdfChoicesSchema } from '../../shared/print/export-choices';

let dir: string;
let backend: PlanBackend;
const jobs: PdfJob[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-pdf-handler-'));
  jobs.length = 0;
  backend = openPlanBackend({
    libraryPath: join(dir, 'library.throughline'),
    stateDir: dir,
    pdfPrinter: () => ({
      async print(job) {
        jobs.push(job);
        return new TextEncoder().encode('%PDF-1.4 fake');
      },
    }),
  });
});
afterEach(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function templateMap(): Promise<string> {
  const created = await backend.registry.dispatch('createMapFromTemplate', {
    templateId: 'okrs',
    language: 'zh-CN',
  });
  if (!created.ok) throw new Error(created.error.message);
  return (created.value as { id: string }).id;
}

describe('exportPdf on the contract', () => {
  it('prints the map with the validated choices and answers its bytes and a file name', async () => {
    const mapId = await templateMap();
    const response = await backend.registry.dispatch('exportPdf', {
      mapId,
      options: { paper: 'A3', orientation: 'landscape', title: 'Board: pack / Q3', language: 'zh-CN' },
    });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const value = response.value as { fileName: string; base64: string };
    expect(value.fileName).toBe('Board pack Q3.pdf');
    expect(Buffer.from(value.base64, 'base64').toString()).toBe('%PDF-1.4 fake');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.mapId).toBe(mapId);
    expect(jobs[0]?.choices).toEqual(
      PdfChoicesSchema.parse({
        paper: 'A3',
        orientation: 'landscape',
        title: 'Board: pack / Q3',
        language: 'zh-CN',
      }),
    );
  });

  it('names the file after the map when no title is given', async () => {
    const mapId = await templateMap();
    const response = await backend.registry.dispatch('exportPdf', { mapId, options: {} });
    expect(response.ok && (response.value as { fileName: string }).fileName).toMatch(/\.pdf$/);
    expect(jobs[0]?.mapName).not.toBe('');
  });

  it('refuses bad choices and unknown maps with typed errors, printing nothing', async () => {
    const mapId = await templateMap();
    const bad = await backend.registry.dispatch('exportPdf', { mapId, options: { paper: 'A9' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const missing = await backend.registry.dispatch('exportPdf', { mapId: 'nope', options: {} });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(jobs).toHaveLength(0);
  });

  it('says so when this process has no printer', async () => {
    const plain = openPlanBackend({ libraryPath: join(dir, 'other.throughline'), stateDir: dir });
    try {
      const created = await plain.registry.dispatch('createMap', { name: 'Plan' });
      const mapId = created.ok ? (created.value as { id: string }).id : '';
      const response = await plain.registry.dispatch('exportPdf', { mapId, options: {} });
      expect(response).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    } finally {
      plain.close();
    }
  });

  it('says clearly that no Chromium was found, before launching anything', async () => {
    const printer = chromiumPrinter({ origin: 'http://127.0.0.1:1', signIn: async () => {} }, () => null);
    const job: PdfJob = { mapId: 'm1', mapName: 'Plan', choices: PdfChoicesSchema.parse({}) };
    await expect(printer.print(job)).rejects.toMatchObject({
      code: 'unsupported',
      message: noChromium('PDF').message,
    });
  });
});

describe('writeFileAtomically', () => {
  it('writes the whole file and leaves no temporary file', async () => {
    const target = join(dir, 'plan.pdf');
    await writeFileAtomically(target, new TextEncoder().encode('%PDF'));
    expect(readFileSync(target, 'utf8')).toBe('%PDF');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when cancelled, and keeps an existing file as it was', async () => {
    const target = join(dir, 'cancelled.pdf');
    const controller = new AbortController();
    controller.abort();
    await expect(writeFileAtomically(target, new Uint8Array([1]), controller.signal)).rejects.toThrow();
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('cleans up when the target cannot be written', async () => {
    const target = join(dir, 'missing-folder', 'plan.pdf');
    await expect(writeFileAtomically(target, new Uint8Array([1]))).rejects.toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
