import type PptxGenJS from 'pptxgenjs';
import type { LineShape, TextShape } from '../../../../shared/slides/deck-types';
import { hex, inches } from './slide-fonts';

type Slide = PptxGenJS.Slide;
type Font = { face: string; lang: string };

/**
 * A text shape as a PowerPoint shape with its text in it, editable: one paragraph per paragraph of
 * the plan, the runs in their colours. Text wraps in the shape and is never auto-fitted: the plan
 * sized the shape for its text (shared/slides/slide-text.ts).
 */
export function addTextShape(pptx: PptxGenJS, slide: Slide, shape: TextShape, font: Font): void {
  const runs: PptxGenJS.TextProps[] = [];
  for (const [p, paragraph] of shape.paragraphs.entries()) {
    for (const [r, run] of paragraph.runs.entries()) {
      runs.push({
        text: run.text,
        options: {
          fontSize: paragraph.size,
          bold: run.bold === true,
          color: hex(run.colour),
          fontFace: font.face,
          lang: font.lang,
          ...(paragraph.spaceBefore ? { paraSpaceBefore: paragraph.spaceBefore } : {}),
          ...(r === paragraph.runs.length - 1 && p < shape.paragraphs.length - 1 ? { breakLine: true } : {}),
        },
      });
    }
  }
  const bottom = shape.marginBottom ?? shape.margin;
  const { box } = shape;
  slide.addText(runs, {
    shape: shape.shape === 'roundRect' ? pptx.ShapeType.roundRect : pptx.ShapeType.rect,
    x: inches(box.x),
    y: inches(box.y),
    w: inches(box.w),
    h: inches(box.h),
    // Left, right, bottom, top, in points (pptxgenjs's order for shapes).
    margin: [shape.margin, shape.margin, bottom, shape.margin],
    align: shape.align,
    valign: shape.valign,
    wrap: true,
    fit: 'none',
    fontFace: font.face,
    lang: font.lang,
    ...(shape.shape === 'roundRect' ? { rectRadius: inches(Math.min(8, box.h / 4)) } : {}),
    ...(shape.fill ? { fill: { color: hex(shape.fill) } } : {}),
    ...(shape.border
      ? {
          line: {
            color: hex(shape.border.colour),
            width: shape.border.width,
            dashType: shape.border.dash ? ('dash' as const) : ('solid' as const),
          },
        }
      : {}),
    // Names the deck's glue finds the shapes by (pptx-glue.ts).
    ...(shape.nodeId ? { objectName: `node ${shape.nodeId}` } : {}),
    ...(shape.chipOf ? { objectName: `chip ${shape.chipOf}` } : {}),
  });
}

/** A straight line, its arrowhead at the end: pptxgenjs draws lines in a box, flipped to point the right way. */
export function addLine(pptx: PptxGenJS, slide: Slide, line: LineShape): void {
  const x = Math.min(line.from.x, line.to.x);
  const y = Math.min(line.from.y, line.to.y);
  slide.addShape(pptx.ShapeType.line, {
    x: inches(x),
    y: inches(y),
    w: inches(Math.abs(line.to.x - line.from.x)),
    h: inches(Math.abs(line.to.y - line.from.y)),
    flipH: line.to.x < line.from.x,
    flipV: line.to.y < line.from.y,
    ...(line.link
      ? { objectName: `link ${line.link.source} ${line.link.target} ${line.link.from} ${line.link.to}` }
      : {}),
    line: {
      color: hex(line.colour),
      width: 1,
      dashType: line.dash ? 'dash' : 'solid',
      ...(line.arrow ? { endArrowType: 'triangle' as const } : {}),
    },
  });
}
