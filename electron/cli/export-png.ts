import type { Language } from '../../shared/model/language';
import { pngPicture } from '../../shared/render/map-picture';
import { findChromium } from '../backend/services/find-browser';
import { launchChromium } from '../backend/services/pdf-export';
import { writeFileAtomically } from '../backend/services/write-atomically';
import { chromiumForBinaryExport } from './binary-output';
import { CliError, describeError, EXIT } from './cli-error';
import { couldNotWrite, exportTarget } from './export-target';
import { exportedLine } from './exported-line';
import { pictureOrRefusal } from './picture-or-refusal';
import { readOneMap } from './read-maps';

export interface ExportPngOptions {
  file: string;
  map?: string;
  out?: string;
  force?: boolean;
  lang: Language;
}

/**
 * `throughline export FILE --format png --out PATH`: the same SVG as `--format svg` and the app's
 * picture export, at the app's PNG size, rasterised by the system's Chromium (headless, through
 * playwright-core) at one device pixel per picture pixel. The browser is closed in `finally`, and
 * the file appears whole or not at all.
 */
export async function exportPngCommand(
  options: ExportPngOptions,
  info: (line: string) => void,
  /** Where Chromium is; tests pass a lookup that finds none. */
  find: () => string | null = findChromium,
): Promise<number> {
  const { out, executablePath } = chromiumForBinaryExport('PNG', options.out, find);
  const target = exportTarget(out, options.file, options.force === true);
  const map = await readOneMap(options.file, options.map);
  const { name } = map;
  const picture = pictureOrRefusal(() => pngPicture({ name, ...map.content }, options.lang));
  let bytes: Uint8Array;
  try {
    const browser = await launchChromium(executablePath);
    try {
      const page = await browser.newPage({
        viewport: { width: picture.width, height: picture.height },
        deviceScaleFactor: 1,
      });
      const svg = picture.svg.replace(/^<\?xml[^>]*\?>\s*/, '');
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`,
      );
      // The system's fonts (CJK included) are ready once document.fonts settles.
      await page.evaluate('document.fonts.ready.then(() => true)');
      bytes = await page.screenshot({
        type: 'png',
        clip: { x: 0, y: 0, width: picture.width, height: picture.height },
      });
    } finally {
      await browser.close().catch(() => {});
    }
  } catch (error) {
    throw new CliError(`The PNG could not be made: ${describeError(error)}`);
  }
  try {
    await writeFileAtomically(target, bytes);
  } catch (error) {
    throw couldNotWrite(target, error);
  }
  info(exportedLine(options.lang, name, out, { kind: 'png', width: picture.width, height: picture.height }));
  return EXIT.ok;
}
