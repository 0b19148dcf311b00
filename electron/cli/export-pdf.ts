import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PdfChoicesSchema } from '../../shared/print/export-choices';
import { PAPERS, type Paper } from '../../shared/print/paper';
import { localToday } from '../../shared/print/print-date';
import type { Language } from '../../shared/validation/findings';
import { startPlanServer } from '../main/server/http-server';

import { openPlanBackend } from '../main/services/plan-backend';
import { chromiumForBinaryExport } from './binary-output';
import { CliError, describeError, EXIT } from './cli-error';
import { couldNotWrite, exportTarget } from './export-target';
import { findChromium } from './find-browser';
import { isRendererBuilt, PACKAGE_ROOT, rendererDirOf } from './package-root';
import { readOneMap } from './read-maps';

export interface ExportPdfOptions {
  file: string;
  map?: string;
  out?: string;
  paper?: string;
  landscape: boolean;
  force?: boolean;
  lang: Language;
}

/**
 * `throughline export FILE --format pdf --out PATH`: the same print view and the same options as
 * the app's Export PDF, without a window. The map is copied into a throw-away library in a
 * temporary folder, served by the browser mode's own loopback server (random port and token), and
 * printed by the system's Chromium through playwright-core; then the server, the library and the
 * folder are gone. The user's file is only read (readMaps works on a private copy).
 */
export async function exportPdfCommand(
  options: ExportPdfOptions,
  info: (line: string) => void,
  /** Where Chromium is; tests pass a lookup that finds none. */
  find: () => string | null = findChromium,
): Promise<number> {
  // Usage first (the paper), then what the machine lacks (Chromium).
  const paper = paperOf(options.paper);
  const { out, executablePath } = chromiumForBinaryExport('PDF', options.out, find);
  if (!isRendererBuilt()) {
    throw new CliError(`The app is not built yet (${rendererDirOf()} is missing): run npm run build first.`);
  }
  const target = exportTarget(out, options.file, options.force === true);
  const map = await readOneMap(options.file, options.map);

  const dir = mkdtempSync(join(tmpdir(), 'throughline-pdf-'));
  const controller = new AbortController();
  const cancel = () => controller.abort(new CliError('Cancelled: no PDF was written.'));
  process.once('SIGINT', cancel);
  try {
    const backend = openPlanBackend({ libraryPath: join(dir, 'library.throughline'), stateDir: dir });
    try {
      const { id } = backend.documents.repository.createMap(map.name, map.content);
      const server = await startPlanServer({
        registry: backend.registry,
        rendererDir: rendererDirOf(PACKAGE_ROOT),
      });
      try {
        const { exportPdfFile, servedApp } = await import('../main/services/pdf-export');
        const choices = PdfChoicesSchema.parse({
          paper,
          orientation: options.landscape ? 'landscape' : 'portrait',
          date: localToday(),
          language: options.lang,
        });
        await exportPdfFile({
          executablePath,
          app: servedApp(server),
          job: { mapId: id, mapName: map.name, choices },
          target,
          signal: controller.signal,
        });
      } finally {
        await server.close();
      }
    } finally {
      backend.close();
    }
  } catch (error) {
    if (controller.signal.aborted) throw controller.signal.reason;
    if (error instanceof CliError) throw error;
    // A file system refusal (no such folder, no permission, a full disk) writing beside --out is
    // about --out; one in the temporary folder is not.
    const path = (error as NodeJS.ErrnoException | null)?.path;
    if (path !== undefined && dirname(path) === dirname(target)) throw couldNotWrite(target, error);
    throw new CliError(`The PDF could not be made: ${describeError(error)}`);
  } finally {
    process.off('SIGINT', cancel);
    rmSync(dir, { recursive: true, force: true });
  }
  info(`Exported "${map.name}" to ${out} (${paper}, ${options.landscape ? 'landscape' : 'portrait'}).`);
  return EXIT.ok;
}

function paperOf(value: string | undefined): Paper {
  if (value === undefined) return 'A4';
  const match = PAPERS.find((p) => p.toLowerCase() === value.toLowerCase());
  if (!match) throw new CliError(`--paper must be one of ${PAPERS.join(', ')}, not "${value}".`);
  return match;
}
