import { type CardStatus, cardStatusText, STATUS_FILL } from '../model/card-status';
import type { Language } from '../model/language';
import type { MapNode } from '../model/types';
import { DRAWING_LABELS } from '../render/drawing-labels';
import { KIND_STYLE } from '../render/palette';
import type { TextShape } from './deck-types';
import { fitText, linesHeight, slideLines, slideTextWidth } from './slide-text';

/** Sizes of a node card on a goal slide, in points. */
export const CARD = {
  width: 250,
  margin: 6,
  kindSize: 8,
  titleSize: 11,
  titleMin: 7,
  /** A title longer than this many lines at full size is set smaller. */
  titleLines: 5,
  ownerSize: 8,
  chipSize: 8,
  chipMin: 6,
  chipPad: 3,
  /** Between the owner line and the chip band. */
  bandGap: 3,
} as const;

/** A node drawn as a card: its shape and, when it has one, its chip (function or status). */
export interface NodeCard {
  card: TextShape;
  chip: TextShape | null;
}

/** The chip's text and colours, or null: a mechanism's function, a metric's or goal's status. */
function chipOf(
  node: MapNode,
  status: CardStatus | null,
  language: Language,
): { text: string; fill: string; ink: string; border: string } | null {
  const labels = DRAWING_LABELS[language];
  if (node.kind === 'mechanism') {
    const text = node.function === null ? labels.functionUnset : labels.functions[node.function];
    return { text, fill: '#ffffff', ink: KIND_STYLE.mechanism.ink, border: KIND_STYLE.mechanism.stroke };
  }
  if (!status) return null;
  const words = cardStatusText(status, language);
  const text = [`${words.glyph} ${words.word}`, words.detail].filter((s) => s !== '').join(' · ');
  const fill = STATUS_FILL[status.status];
  return { text, fill, ink: '#ffffff', border: fill };
}

/**
 * A node as a card `width` points wide with its top left at (x, y): the kind's word, the title in
 * bold, the owner, in the kind's colours, and at the bottom a chip (a mechanism's function, a
 * metric's value against its target or a goal's roll-up, in status colours). The card is as tall
 * as its text needs at LINE_HEIGHT; a title longer than CARD.titleLines lines is set smaller.
 */
export function nodeCard(
  node: MapNode,
  status: CardStatus | null,
  language: Language,
  x: number,
  y: number,
  width: number = CARD.width,
): NodeCard {
  const labels = DRAWING_LABELS[language];
  const style = KIND_STYLE[node.kind];
  const inner = width - 2 * CARD.margin;
  const titleText = node.title.trim() === '' ? labels.untitled : node.title;
  const title = fitText(
    titleText,
    inner,
    linesHeight(CARD.titleLines, CARD.titleSize),
    CARD.titleSize,
    CARD.titleMin,
    true,
  );
  const owner = node.owner.trim() === '' ? labels.noOwner : labels.owner(node.owner.trim());
  const ownerLines = slideLines(owner, inner, CARD.ownerSize).length;
  const kindLines = slideLines(labels.kinds[node.kind], inner, CARD.kindSize).length;

  const chip = chipOf(node, status, language);
  let chipSize: number = CARD.chipSize;
  let chipLines = 1;
  let chipWidth = 0;
  if (chip) {
    const room = inner - 2 * CARD.chipPad;
    while (chipSize > CARD.chipMin && slideTextWidth(chip.text, chipSize, true) > room) chipSize -= 0.5;
    chipLines = slideLines(chip.text, room, chipSize, true).length;
    chipWidth = Math.min(inner, slideTextWidth(chip.text, chipSize, true) + 2 * CARD.chipPad + 4);
  }
  const chipHeight = chip ? linesHeight(chipLines, chipSize) + 2 * CARD.chipPad : 0;
  const band = chip ? chipHeight + CARD.bandGap : 0;

  const textHeight =
    linesHeight(kindLines, CARD.kindSize) +
    linesHeight(title.lines.length, title.size) +
    linesHeight(ownerLines, CARD.ownerSize);
  const height = Math.ceil(textHeight + 2 * CARD.margin + band);
  const card: TextShape = {
    type: 'text',
    box: { x, y, w: width, h: height },
    paragraphs: [
      { runs: [{ text: labels.kinds[node.kind], colour: style.ink }], size: CARD.kindSize },
      {
        runs: [{ text: title.whole ? titleText : title.lines.join(' '), colour: style.ink, bold: true }],
        size: title.size,
      },
      { runs: [{ text: owner, colour: style.ink }], size: CARD.ownerSize },
    ],
    margin: CARD.margin,
    marginBottom: CARD.margin + band,
    shape: node.kind === 'goal' ? 'roundRect' : node.kind === 'metric' ? 'roundRect' : 'rect',
    fill: style.fill,
    border: { colour: style.stroke, dash: style.dash !== null, width: 1 },
    align: 'left',
    valign: 'top',
    nodeId: node.id,
  };
  const chipShape: TextShape | null = chip
    ? {
        type: 'text',
        box: { x: x + CARD.margin, y: y + height - CARD.margin - chipHeight, w: chipWidth, h: chipHeight },
        paragraphs: [{ runs: [{ text: chip.text, colour: chip.ink, bold: true }], size: chipSize }],
        margin: CARD.chipPad,
        shape: 'roundRect',
        fill: chip.fill,
        border: { colour: chip.border, dash: false, width: 0.75 },
        align: 'left',
        valign: 'middle',
        chipOf: node.id,
      }
    : null;
  return { card, chip: chipShape };
}
