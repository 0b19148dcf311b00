import type { Language } from '../model/language';
import type { MapLink, MapNode } from '../model/types';
import { type Drawing, prepareDrawing } from '../render/drawing';
import { DRAWING_LABELS } from '../render/drawing-labels';
import { tileDrawing } from '../render/map-tiles';
import { BOX } from '../render/node-box';
import { KIND_STYLE, LINK_COLOUR, SEVERITY_COLOUR } from '../render/palette';
import type { Finding } from '../validation/findings';
import type { Box, LineShape, SlidePlan, TextShape } from './deck-types';
import { arrow } from './goal-slides';
import { FRAME, MUTED, slideHeading, textBlock } from './slide-heading';
import { fitText, SLIDE } from './slide-text';
import { SLIDE_WORDS } from './slide-words';

/** The area the map is drawn in, below the heading and above the legend, in points. */
export const OVERVIEW_AREA: Box = {
  x: FRAME.side,
  y: FRAME.contentTop,
  w: SLIDE.width - 2 * FRAME.side,
  h: 410,
};
/**
 * The smallest scale of the map on a slide (points per map unit): a title is then set at about
 * 6 to 7 points. A map that would need less is cut into tiles as the PDF cuts it (map-tiles.ts), one
 * slide each. The largest keeps a small map from being blown up.
 */
export const MIN_SCALE = 0.36;
const MAX_SCALE = 0.8;

/**
 * The whole map on one slide, drawn as the canvas lays it out (the stored positions), with its
 * links; or, when that would make it too small to read, one slide per tile of the PDF's tiling.
 * Each node is a shape in its kind's colours holding its title; a legend names the kinds.
 */
export function overviewSlides(
  map: { nodes: readonly MapNode[]; links: readonly MapLink[]; findings: readonly Finding[] },
  language: Language,
): SlidePlan[] {
  const words = SLIDE_WORDS[language];
  const labels = DRAWING_LABELS[language];
  if (map.nodes.length === 0) {
    return [
      {
        kind: 'overview',
        title: words.overview,
        elements: [
          slideHeading(words.overview),
          textBlock(
            [{ runs: [{ text: words.emptyMap, colour: MUTED }], size: 14 }],
            OVERVIEW_AREA.x,
            OVERVIEW_AREA.y,
            OVERVIEW_AREA.w,
            () => 1,
          ),
        ],
      },
    ];
  }
  const drawing = prepareDrawing({ nodes: map.nodes, links: map.links, labels, findings: map.findings });
  const { bounds } = drawing;
  const fits = Math.min(OVERVIEW_AREA.w / bounds.width, OVERVIEW_AREA.h / bounds.height);
  const views =
    fits >= MIN_SCALE
      ? [{ view: bounds, nodeIds: null as string[] | null, label: '' }]
      : tileDrawing(drawing, {
          width: OVERVIEW_AREA.w / MIN_SCALE,
          height: OVERVIEW_AREA.h / MIN_SCALE,
        }).tiles.map((tile) => ({ view: tile.view, nodeIds: tile.nodeIds, label: tile.label }));
  return views.map(({ view, nodeIds, label }, index) => {
    const title = words.part(
      label === '' ? words.overview : `${words.overview} · ${label}`,
      index + 1,
      views.length,
    );
    return {
      kind: 'overview',
      title,
      elements: [slideHeading(title), ...drawView(drawing, view, nodeIds), ...legend(language)],
    };
  });
}

function drawView(
  drawing: Drawing,
  view: { x: number; y: number; width: number; height: number },
  nodeIds: readonly string[] | null,
): (TextShape | LineShape)[] {
  const scale = Math.min(MAX_SCALE, OVERVIEW_AREA.w / view.width, OVERVIEW_AREA.h / view.height);
  const offsetX = OVERVIEW_AREA.x + (OVERVIEW_AREA.w - view.width * scale) / 2;
  const at = (x: number, y: number) => ({
    x: offsetX + (x - view.x) * scale,
    y: OVERVIEW_AREA.y + (y - view.y) * scale,
  });
  const shown = nodeIds === null ? null : new Set(nodeIds);
  const boxes = new Map<string, Box>();
  const shapes: TextShape[] = [];
  const margin = Math.max(2, BOX.padX * scale * 0.6);
  for (const box of drawing.boxes) {
    if (shown !== null && !shown.has(box.node.id)) continue;
    if (boxes.has(box.node.id)) continue;
    const { x, y } = at(box.x, box.y);
    const rect = { x, y, w: box.width * scale, h: box.height * scale };
    boxes.set(box.node.id, rect);
    const style = KIND_STYLE[box.node.kind];
    const title = box.node.title.trim() === '' ? drawing.labels.untitled : box.node.title;
    const size = Math.min(11, Math.max(7, BOX.titleFont * scale));
    const fitted = fitText(title, rect.w - 2 * margin, rect.h - 2 * margin, size, 5.5, true);
    shapes.push({
      type: 'text',
      box: rect,
      paragraphs: [
        {
          runs: [{ text: fitted.whole ? title : fitted.lines.join(' '), colour: style.ink, bold: true }],
          size: fitted.size,
        },
      ],
      margin,
      shape: box.node.kind === 'mechanism' ? 'rect' : 'roundRect',
      fill: style.fill,
      border: { colour: style.stroke, dash: style.dash !== null, width: 0.75 },
      align: 'left',
      valign: 'middle',
      nodeId: box.node.id,
    });
  }
  const lines: LineShape[] = [];
  for (const shape of drawing.links) {
    const from = boxes.get(shape.link.source);
    const to = boxes.get(shape.link.target);
    if (!from || !to || shape.link.source === shape.link.target) continue;
    const { source, target } = shape.link;
    const drawn: LineShape[] =
      shape.route === 'backward'
        ? arrow(to, from, false).map((l) => ({
            ...l,
            from: l.to,
            to: l.from,
            link: { source, target, from: 'left', to: 'right' },
          }))
        : arrow(from, to, shape.route === 'same-column', shape.link);
    for (const line of drawn) {
      lines.push(
        shape.flagged
          ? { ...line, colour: SEVERITY_COLOUR.error, dash: true }
          : { ...line, colour: LINK_COLOUR },
      );
    }
  }
  return [...lines, ...shapes];
}

/** The kinds' swatches with their words, along the bottom of the slide. */
function legend(language: Language): TextShape[] {
  const labels = DRAWING_LABELS[language];
  return (['goal', 'mechanism', 'metric'] as const).map((kind, i) => {
    const style = KIND_STYLE[kind];
    return {
      type: 'text',
      box: { x: FRAME.side + i * 130, y: OVERVIEW_AREA.y + OVERVIEW_AREA.h + 8, w: 120, h: 20 },
      paragraphs: [{ runs: [{ text: labels.kinds[kind], colour: style.ink, bold: true }], size: 9 }],
      margin: 3,
      shape: kind === 'mechanism' ? 'rect' : 'roundRect',
      fill: style.fill,
      border: { colour: style.stroke, dash: style.dash !== null, width: 0.75 },
      align: 'center',
      valign: 'middle',
    };
  });
}
