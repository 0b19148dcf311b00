import { slidesFile } from '../../electron/backend/services/slides/slides-file';
import { generateLayeredMap } from './generate-map';
import { medianMsAsync, type Print } from './measure';

/**
 * pptx.200: a generated 200-node map (the layered map of the other benchmarks, with its findings)
 * written as a PowerPoint deck, as the app's File ▸ Export slides and `throughline export --format
 * pptx` make it: the slides laid out (shared/slides) and written by pptxgenjs, zipped. The median of
 * five after two unmeasured runs (the first loads pptxgenjs). Target: under 2 s.
 * pptx.200.slides and pptx.200.kb say how big that deck is.
 */
export async function benchPptx(print: Print): Promise<void> {
  const map = { name: 'Generated 200', ...generateLayeredMap(200, 42) };
  let bytes = 0;
  const ms = await medianMsAsync(
    async () => {
      bytes = (await slidesFile(map, 'en', '2026-12-07')).bytes.length;
    },
    { runs: 5, warmup: 2 },
  );
  print('pptx.200', ms, 'ms');
  const { deckPlan } = await import('../../shared/slides/deck-plan');
  print('pptx.200.slides', deckPlan(map, 'en', '2026-12-07').slides.length, 'slides');
  print('pptx.200.kb', bytes / 1024, 'kB');
}
