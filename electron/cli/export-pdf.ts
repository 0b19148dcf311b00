import { dirname } from 'node:path';
import type { Language } from '../../shared/model/language';
import { localToday } from '../../shared/model/local-today';
import { PdfChoicesSchema } from '../../shared/print/export-choices';
import { PAPERS, type Paper } from '../../shared/print/paper';
import { startPlanServer } from '../backend/server/http-server';
import { findChromium } from '../backend/services/find-browser';
import { oneMapRegistry } from '../backend/services/one-map-registry';
import { chromiumForBinaryExport } from './binary-output';
import { CliError, describeError, EXIT } from './cli-error';
import { couldNotWrite, exportTarget } from './export-target';
import { exportedLine } from './exported-line';
import { isRendererBuilt, PACKAGE_ROOT, rendererDirOf } from './package-root';
import { readOneMap, readVersionAt } from './read-maps';

export interface ExportPdfOptions {
  file: string;
  map?: string;
  out?: string;
  paper?: string;
  landscape: boolean;
  force?: boolean;
  lang: Language;
  /** A saved version of the map, by id or label: the PDF gains the section "Changes since …". */
  changesSince?: string | undefined;
}

/**
 * `throughline export FILE --format pdf --out PATH`: the same print view and the same options as
 * the app's Export PDF, without a window. The map read from the file is held in memory and served
 * to the print view by the browser mode's own loopback server (random port and token, answering
 * only `loadMap`, and `loadVersion` for `--changes-since`: one-map-registry.ts), and printed by the system's Chromium through
 * playwright-core; then the server is gone. The user's file is only read (readMaps works on a
 * private copy).
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
  // The version of "Changes since …", from the same map of the same document.
  const since =
    options.changesSince === undefined
      ? undefined
      : readVersionAt(options.file, options.map, options.changesSince);

  const controller = new AbortController();
  const cancel = () => controller.abort(new CliError('Cancelled: no PDF was written.'));
  process.once('SIGINT', cancel);
  try {
    // The map already read is served from memory: no library, no second parse, no SQLite.
    const { registry, mapId } = oneMapRegistry(
      map,
      since && { summary: since.summary, name: since.name, content: since.content },
    );
    const server = await startPlanServer({ registry, rendererDir: rendererDirOf(PACKAGE_ROOT) });
    try {
      const { exportPdfFile, servedApp } = await import('../backend/services/pdf-export');
      const choices = PdfChoicesSchema.parse({
        paper,
        orientation: options.landscape ? 'landscape' : 'portrait',
        date: localToday(),
        language: options.lang,
        changesSince: since?.summary.id ?? '',
      });
      await exportPdfFile({
        executablePath,
        app: servedApp(server),
        job: { mapId, mapName: map.name, choices },
        target,
        signal: controller.signal,
      });
    } finally {
      await server.close();
    }
  } catch (error) {
    if (controller.signal.aborted) throw controller.signal.reason;
    if (error instanceof CliError) throw error;
    // A file system refusal (no such folder, no permission, a full disk) writing beside --out is
    // about --out; any other is not.
    const path = (error as NodeJS.ErrnoException | null)?.path;
    if (path !== undefined && dirname(path) === dirname(target)) throw couldNotWrite(target, error);
    throw new CliError(`The PDF could not be made: ${describeError(error)}`);
  } finally {
    process.off('SIGINT', cancel);
  }
  info(
    exportedLine(options.lang, map.name, out, { kind: 'pdf', paper, landscape: options.landscape === true }),
  );
  return EXIT.ok;
}

function paperOf(value: string | undefined): Paper {
  if (value === undefined) return 'A4';
  const match = PAPERS.find((p) => p.toLowerCase() === value.toLowerCase());
  if (!match) throw new CliError(`--paper must be one of ${PAPERS.join(', ')}, not "${value}".`);
  return match;
}
