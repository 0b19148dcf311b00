import { safeFileName } from '../../../../shared/interchange/file-name';
import type { Language } from '../../../../shared/model/language';
import { localToday } from '../../../../shared/model/local-today';
import type { DeckMap } from '../../../../shared/slides/deck-plan';
import { SLIDES_FILE } from '../../../../shared/slides/slides-format';
import type { OutlineFile } from '../outline-file';

/**
 * A map as a PowerPoint deck in one language: what the contract's exportSlides and the command
 * line's `--format pptx` both hand out. Metric statuses are judged by today's local date, as the
 * inspector judges them. The writer (pptxgenjs) is loaded only when a deck is asked for.
 */
export async function slidesFile(
  map: DeckMap,
  language: Language,
  today: string = localToday(),
): Promise<OutlineFile> {
  const { slidesPptx } = await import('./slides-pptx');
  return {
    fileName: safeFileName(map.name, SLIDES_FILE.extension),
    mimeType: SLIDES_FILE.mimeType,
    bytes: await slidesPptx(map, language, today),
  };
}
