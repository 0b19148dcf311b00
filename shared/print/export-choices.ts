import { z } from 'zod';
import { LANGUAGES } from '../model/language';
import { IdSchema } from '../model/schemas';
import { ORIENTATIONS, PAPERS } from './paper';

/** The parts of the document a user can leave out. */
export const PDF_SECTIONS = ['map', 'outline', 'metrics', 'findings'] as const;
export type PdfSection = (typeof PDF_SECTIONS)[number];

/** Margin presets of the export dialog, in millimetres. */
export const MARGIN_PRESETS_MM = { narrow: 8, normal: 12, wide: 20 } as const;

/**
 * What the export dialog asks: paper, orientation, margins, sections, the words of the header and
 * footer, and the language. One schema for the dialog, the contract, the print view's address and
 * the command line; every field has a default.
 */
export const PdfChoicesSchema = z.object({
  paper: z.enum(PAPERS).default('A4'),
  orientation: z.enum(ORIENTATIONS).default('portrait'),
  marginMm: z.number().min(5).max(40).default(MARGIN_PRESETS_MM.normal),
  sections: z
    .array(z.enum(PDF_SECTIONS))
    .max(PDF_SECTIONS.length)
    .default([...PDF_SECTIONS]),
  /** The document's title; the map's name when empty. */
  title: z.string().max(300).default(''),
  subtitle: z.string().max(300).default(''),
  /** The date printed in the header, YYYY-MM-DD; also the day metric statuses are judged on. */
  date: z.union([z.iso.date(), z.literal('')]).default(''),
  /** A line at the foot of every page, e.g. "Confidential". */
  footer: z.string().max(200).default(''),
  language: z.enum(LANGUAGES).default('en'),
  /**
   * The saved version whose "Changes since …" section the document ends its first part with (what
   * changed from it to the map as it is), by id; none when empty.
   */
  changesSince: z.union([IdSchema, z.literal('')]).default(''),
});
export type PdfChoices = z.output<typeof PdfChoicesSchema>;
export type PdfChoicesInput = z.input<typeof PdfChoicesSchema>;

export function hasSection(choices: Pick<PdfChoices, 'sections'>, section: PdfSection): boolean {
  return choices.sections.includes(section);
}
