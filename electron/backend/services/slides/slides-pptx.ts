import PptxGenJS from 'pptxgenjs';
import type { Language } from '../../../../shared/model/language';
import { type DeckMap, deckPlan } from '../../../../shared/slides/deck-plan';
import type { DeckPlan } from '../../../../shared/slides/deck-types';
import { glueDeck } from './pptx-glue';
import { addLine, addTextShape } from './pptx-shapes';
import { addTable } from './pptx-table';
import { SLIDE_FONT } from './slide-fonts';

/** Writes a deck plan as a 16:9 PowerPoint file (13.333 × 7.5 in), every text editable. */
export async function planPptx(plan: DeckPlan, language: Language): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = plan.title;
  pptx.author = 'Throughline';
  pptx.company = 'Throughline';
  pptx.theme = {
    headFontFace: SLIDE_FONT[language].face,
    bodyFontFace: SLIDE_FONT[language].face,
  };
  const font = SLIDE_FONT[language];
  for (const planned of plan.slides) {
    const slide = pptx.addSlide();
    for (const element of planned.elements) {
      if (element.type === 'line') addLine(pptx, slide, element);
      else if (element.type === 'table') addTable(slide, element, font);
      else addTextShape(pptx, slide, element, font);
    }
  }
  // Written unzipped (the glue unzips it again), then glued and zipped with compression.
  const data = await pptx.stream({ compression: false });
  return glueDeck(data as Uint8Array);
}

/**
 * A map as an editable PowerPoint deck in one language (shared/slides/deck-plan.ts says what is
 * on each slide), metrics judged on `today`. Main process and command line only: pptxgenjs writes
 * with Node's zip.
 */
export async function slidesPptx(map: DeckMap, language: Language, today: string): Promise<Buffer> {
  return planPptx(deckPlan(map, language, today), language);
}
