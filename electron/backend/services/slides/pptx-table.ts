import type PptxGenJS from 'pptxgenjs';
import type { TableShape } from '../../../../shared/slides/deck-types';
import { hex, inches } from './slide-fonts';

/**
 * A table of the plan as a PowerPoint table: the rows and column widths the plan measured, cells
 * in their colours, no automatic paging (the plan splits long tables over slides itself).
 */
export function addTable(
  slide: PptxGenJS.Slide,
  table: TableShape,
  font: { face: string; lang: string },
): void {
  const margin = inches(table.margin);
  const rows: PptxGenJS.TableRow[] = table.rows.map((cells) =>
    cells.map((cell) => ({
      text: cell.text,
      options: {
        color: hex(cell.colour),
        bold: cell.bold === true,
        align: cell.align ?? 'left',
        valign: 'top',
        fontSize: table.size,
        fontFace: font.face,
        lang: font.lang,
        margin: [margin, margin, margin, margin],
        ...(cell.fill ? { fill: { color: hex(cell.fill) } } : {}),
      },
    })),
  );
  slide.addTable(rows, {
    x: inches(table.box.x),
    y: inches(table.box.y),
    w: inches(table.box.w),
    colW: table.columns.map(inches),
    rowH: table.rowHeights.map(inches),
    fontFace: font.face,
    fontSize: table.size,
    border: { type: 'solid', pt: 0.5, color: 'D1D5DB' },
    autoPage: false,
  });
}
