import { IdSchema } from '../model/schemas';
import { PDF_SECTIONS, type PdfChoices, PdfChoicesSchema } from './export-choices';

/** The print view's page, beside the app's index.html in the built renderer. */
export const PRINT_PAGE = 'print.html';

/**
 * The print view's query string for a map and the export choices: plain parameters, so the
 * address says what it prints (map, paper, orientation, margin, sections, title, …).
 */
export function printViewQuery(mapId: string, choices: PdfChoices): string {
  const params = new URLSearchParams({
    map: mapId,
    paper: choices.paper,
    orientation: choices.orientation,
    margin: String(choices.marginMm),
    sections: choices.sections.join(','),
    title: choices.title,
    subtitle: choices.subtitle,
    date: choices.date,
    footer: choices.footer,
    lang: choices.language,
    since: choices.changesSince,
  });
  return params.toString();
}

export type ParsedPrintQuery =
  | { ok: true; mapId: string; choices: PdfChoices }
  | { ok: false; message: string };

/** Reads the print view's address back; anything missing or wrong is reported, never guessed. */
export function parsePrintViewQuery(search: string): ParsedPrintQuery {
  const params = new URLSearchParams(search);
  const mapId = IdSchema.safeParse(params.get('map') ?? '');
  if (!mapId.success) return { ok: false, message: 'The print address names no valid map.' };
  const text = (name: string) => params.get(name) ?? undefined;
  const sections = params.get('sections');
  const margin = params.get('margin');
  const parsed = PdfChoicesSchema.safeParse({
    paper: text('paper'),
    orientation: text('orientation'),
    marginMm: margin === null ? undefined : Number(margin),
    sections:
      sections === null
        ? undefined
        : sections === ''
          ? []
          : sections.split(',').filter((s) => (PDF_SECTIONS as readonly string[]).includes(s)),
    title: text('title'),
    subtitle: text('subtitle'),
    date: text('date'),
    footer: text('footer'),
    language: text('lang'),
    changesSince: text('since'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message: `The print address is not valid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}).`,
    };
  }
  return { ok: true, mapId: mapId.data, choices: parsed.data };
}
