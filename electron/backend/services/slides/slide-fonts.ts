import type { Language } from '../../../../shared/model/language';

/**
 * The font and language tag of the deck's text. English is set in Arial (every PowerPoint, Keynote
 * and LibreOffice has it or a metric twin); Chinese in Microsoft YaHei, which Windows and Office
 * for Mac ship, and which Keynote and LibreOffice replace with their own East Asian sans (PingFang
 * SC, Noto Sans CJK SC), so ideographs never fall back to a Latin font. The language tag marks the
 * runs as Chinese for line breaking and spelling.
 */
export const SLIDE_FONT: Readonly<Record<Language, { face: string; lang: string }>> = {
  en: { face: 'Arial', lang: 'en-US' },
  'zh-CN': { face: 'Microsoft YaHei', lang: 'zh-CN' },
};

/** Points to the inches pptxgenjs places shapes in. */
export const inches = (points: number): number => Math.round((points / 72) * 10_000) / 10_000;

/** "#173a8a" → "173A8A", as pptxgenjs takes colours. */
export const hex = (colour: string): string => colour.replace(/^#/, '').toUpperCase();
