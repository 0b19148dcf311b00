import { STATUS_FILL } from '../model/card-status';
import {
  ARROW_LENGTH,
  type Drawing,
  intersects,
  type LinkShape,
  type MapSvgInput,
  prepareDrawing,
  type Rect,
  r,
} from './drawing';
import { escapeXml } from './escape';
import { functionIcon, SEVERITY_GLYPH } from './glyphs';
import type { LaneHeader } from './lane-headers';
import { BOX, type NodeBox } from './node-box';
import { HINT_COLOUR, KIND_STYLE, LINK_COLOUR, PRINT_FONT_STACK, SEVERITY_COLOUR } from './palette';
import { textWidth } from './text-measure';

/** Small notes beside a node of a tile: where its links continue ("→ p. 4"). */
export interface NodeHints {
  /** Beside the right side, where links leave. */
  out: string[];
  /** Beside the left side, where links arrive. */
  in: string[];
}

export interface SvgOptions {
  /** Width and height attributes (CSS lengths); the viewBox size in px when left out. */
  width?: string;
  height?: string;
  /** The accessible name of the picture. */
  title?: string;
  hints?: ReadonlyMap<string, NodeHints>;
  /**
   * 'shapes' draws boxes and links only: for an overview too small to read, whose text and dashes
   * would only make the PDF bigger and slower (the tiles and the outline carry the words).
   */
  detail?: 'full' | 'shapes';
  /** A colour to fill the whole view with; transparent when left out (the page is white anyway). */
  background?: string;
}

/** The whole map as one SVG string, drawn from the stored positions. */
export function mapSvg(input: MapSvgInput, options: SvgOptions = {}): string {
  const drawing = prepareDrawing(input);
  return drawingSvg(drawing, drawing.bounds, options);
}

/**
 * The part of a drawing inside `view`, as an SVG whose viewBox is `view`. Only the nodes and links
 * that reach into it are written, so a tile of a big map stays small.
 */
export function drawingSvg(drawing: Drawing, view: Rect, options: SvgOptions = {}): string {
  const whole = view === drawing.bounds;
  const reach = { x: view.x - 40, y: view.y - 40, width: view.width + 80, height: view.height + 80 };
  const links = whole ? drawing.links : drawing.links.filter((l) => intersects(l.bounds, reach));
  const boxes = whole ? drawing.boxes : drawing.boxes.filter((b) => intersects(b, reach));
  const width = options.width ?? `${r(view.width)}`;
  const height = options.height ?? `${r(view.height)}`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${r(view.x)} ${r(view.y)} ${r(view.width)} ${r(view.height)}"`,
    ` width="${escapeXml(width)}" height="${escapeXml(height)}" font-family='${PRINT_FONT_STACK}'`,
    ` role="img"${options.title ? ` aria-label="${escapeXml(options.title)}"` : ''}>`,
  ];
  if (options.title) parts.push(`<title>${escapeXml(options.title)}</title>`);
  if (options.background) {
    parts.push(
      `<rect x="${r(view.x)}" y="${r(view.y)}" width="${r(view.width)}" height="${r(view.height)}" fill="${escapeXml(options.background)}"/>`,
    );
  }
  if (options.detail !== 'shapes') {
    const lanes = whole ? drawing.lanes : drawing.lanes.filter((h) => intersects(h, reach));
    parts.push(laneHeadersSvg(drawing, lanes));
  }
  if (options.detail === 'shapes') {
    parts.push(linksSvg(links, false));
    for (const box of boxes) parts.push(shapeSvg(box));
  } else {
    parts.push(linksSvg(links, true));
    for (const box of boxes) parts.push(nodeSvg(drawing, box, options.hints?.get(box.node.id)));
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The lane headers: the lane's name over a rule in the colour of its kind, as on the canvas. */
function laneHeadersSvg(drawing: Drawing, headers: readonly LaneHeader[]): string {
  return headers
    .map((h) => {
      const base = h.y + h.height;
      return (
        `<text x="${r(h.x + 12)}" y="${r(base - 12)}" font-size="22" font-weight="700" fill="${HINT_COLOUR}">${escapeXml(drawing.labels.lanes[h.kind])}</text>` +
        `<rect x="${r(h.x)}" y="${r(base - 3)}" width="${r(h.width)}" height="3" fill="${KIND_STYLE[h.kind].stroke}"/>`
      );
    })
    .join('');
}

/**
 * Curves under the nodes, then their arrowheads. Links a finding reports are thicker, red and
 * marked "!" at their middle: solid, because Chromium's PDF writer turns every dash of a long
 * dashed curve into a path of its own (a 200-node map's PDF was five times bigger).
 */
function linksSvg(links: readonly LinkShape[], marks: boolean): string {
  if (links.length === 0) return '';
  const plain: string[] = [];
  const flagged: string[] = [];
  for (const link of links) (link.flagged ? flagged : plain).push(link.d);
  const arrows = (list: readonly LinkShape[]) =>
    list
      .map(({ tip }) => {
        const back = tip.x - tip.direction * ARROW_LENGTH;
        return `M${r(tip.x)} ${r(tip.y)}L${r(back)} ${r(tip.y - 4.5)}L${r(back)} ${r(tip.y + 4.5)}Z`;
      })
      .join('');
  const parts: string[] = [];
  if (plain.length > 0) {
    parts.push(`<path d="${plain.join('')}" fill="none" stroke="${LINK_COLOUR}" stroke-width="1.6"/>`);
    parts.push(`<path d="${arrows(links.filter((l) => !l.flagged))}" fill="${LINK_COLOUR}"/>`);
  }
  if (flagged.length > 0) {
    const colour = SEVERITY_COLOUR.error;
    const list = links.filter((l) => l.flagged);
    parts.push(`<path d="${flagged.join('')}" fill="none" stroke="${colour}" stroke-width="2.4"/>`);
    parts.push(`<path d="${arrows(list)}" fill="${colour}"/>`);
    if (marks) parts.push(list.map((l) => linkMark(l.mid.x, l.mid.y)).join(''));
  }
  return parts.join('');
}

/** The "!" on a link a finding reports: a red disc with a white bar and dot, no text needed. */
export function linkMark(x: number, y: number): string {
  return (
    `<circle cx="${r(x)}" cy="${r(y)}" r="6.5" fill="${SEVERITY_COLOUR.error}" stroke="#ffffff" stroke-width="1.5"/>` +
    `<path d="M${r(x - 1)} ${r(y - 4)}h2v4.6h-2zM${r(x - 1)} ${r(y + 1.8)}h2v2h-2z" fill="#ffffff"/>`
  );
}

/** A node as a plain box in its kind's colours: the shapes-only overview. */
function shapeSvg(box: NodeBox): string {
  const style = KIND_STYLE[box.node.kind];
  return `<rect x="${r(box.x)}" y="${r(box.y)}" width="${box.width}" height="${box.height}" rx="${style.radius}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="3"/>`;
}

/** Function chips differ by border as on the canvas, so they read without colour. */
const FUNCTION_DASH: Readonly<Record<string, string | null>> = {
  operations: null,
  marketing: '4 2',
  sales: '1.2 2',
  product: '6 2 1.2 2',
  other: null,
};

function nodeSvg(drawing: Drawing, box: NodeBox, hints: NodeHints | undefined): string {
  const { node, x, y, width, height } = box;
  const { labels } = drawing;
  const style = KIND_STYLE[node.kind];
  const flag = drawing.flags.get(node.id);
  const parts: string[] = ['<g>'];
  if (flag?.severity === 'error') {
    parts.push(
      `<rect x="${r(x - 4)}" y="${r(y - 4)}" width="${r(width + 8)}" height="${r(height + 8)}" rx="${style.radius + 4}" fill="none" stroke="${SEVERITY_COLOUR.error}" stroke-width="2.5"/>`,
    );
  }
  parts.push(
    `<rect x="${r(x)}" y="${r(y)}" width="${width}" height="${height}" rx="${style.radius}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
  );

  const left = x + BOX.padX;
  const kindBaseline = y + BOX.padTop + BOX.kindFont;
  const kind = labels.kinds[node.kind].toUpperCase();
  parts.push(
    `<text x="${r(left)}" y="${r(kindBaseline)}" font-size="${BOX.kindFont}" letter-spacing="0.6" fill="${style.ink}" fill-opacity="0.85">${escapeXml(kind)}</text>`,
  );
  if (node.kind === 'mechanism') {
    // The function's shape and name, as on the canvas's chip.
    const name = `${functionIcon(node.function)} ${node.function === null ? labels.functionUnset : labels.functions[node.function]}`;
    const chipX = left + textWidth(kind, BOX.kindFont) + kind.length * 0.6 + 8;
    const chipWidth = textWidth(name, 10, true) + 12;
    // Unset: a dotted chip, like no function that is set (see FUNCTION_DASH).
    const dash = node.function === null ? '0.6 2.4' : FUNCTION_DASH[node.function];
    parts.push(
      `<rect x="${r(chipX)}" y="${r(kindBaseline - 11)}" width="${r(chipWidth)}" height="15" rx="7.5" fill="#ffffff" fill-opacity="0.6" stroke="#3b2a06" stroke-opacity="0.6" stroke-width="1.2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      `<text x="${r(chipX + 6)}" y="${r(kindBaseline - 0.5)}" font-size="10" font-weight="600" fill="#2a1a00">${escapeXml(name)}</text>`,
    );
  }

  const titleTop = y + BOX.padTop + BOX.kindLine + BOX.gap;
  const lines = box.titleLines
    .map(
      (line, i) =>
        `<tspan x="${r(left)}" y="${r(titleTop + i * BOX.titleLine + BOX.titleFont * 0.95)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  const empty = node.title.trim() === '';
  parts.push(
    `<text font-size="${BOX.titleFont}" font-weight="700" fill="${style.ink}"${empty ? ' font-style="italic" fill-opacity="0.7"' : ''}>${lines}</text>`,
  );

  if (box.status) parts.push(statusSvg(box, box.status));

  const owner = node.owner.trim() === '' ? labels.noOwner : labels.owner(node.owner);
  const ownerBaseline = y + height - BOX.padBottom - 3;
  parts.push(
    `<text x="${r(left)}" y="${r(ownerBaseline)}" font-size="${BOX.ownerFont}" fill="${style.ink}" fill-opacity="0.85">${escapeXml(fitLine(owner, width - 2 * BOX.padX, BOX.ownerFont))}</text>`,
  );

  if (flag) parts.push(badgeSvg(x + width, y, flag.severity, flag.count));
  if (hints) parts.push(hintsSvg(box, hints));
  parts.push('</g>');
  return parts.join('');
}

/**
 * The status chip above the owner line: glyph, word and figures in white on the status colour,
 * e.g. "✓ On track · 65% / 70%", shortened to the box's width.
 */
function statusSvg(box: NodeBox, status: NonNullable<NodeBox['status']>): string {
  const maxText = box.width - 2 * BOX.padX - 12;
  const text = fitLine(
    `${status.glyph} ${status.word}${status.detail ? ` · ${status.detail}` : ''}`,
    maxText,
    BOX.statusFont,
  );
  const top = box.y + box.height - BOX.padBottom - BOX.ownerLine - BOX.statusLine + 1;
  const width = Math.min(box.width - 2 * BOX.padX, textWidth(text, BOX.statusFont, true) + 14);
  const left = box.x + BOX.padX;
  return (
    `<g data-status="${status.status}"><title>${escapeXml(status.full)}</title>` +
    `<rect x="${r(left)}" y="${r(top)}" width="${r(width)}" height="19" rx="9.5" fill="${STATUS_FILL[status.status]}" stroke="#ffffff" stroke-width="1"/>` +
    `<text x="${r(left + 7)}" y="${r(top + 13.5)}" font-size="${BOX.statusFont}" font-weight="700" fill="#ffffff">${escapeXml(text)}</text></g>`
  );
}

/** The finding badge on a node's top-right corner: severity glyph and count, as on the canvas. */
export function badgeSvg(
  right: number,
  top: number,
  severity: keyof typeof SEVERITY_COLOUR,
  count: number,
): string {
  const label = `${SEVERITY_GLYPH[severity]}${count > 1 ? ` ${count}` : ''}`;
  const width = Math.max(22, textWidth(label, 11, true) + 12);
  const cx = right - 4;
  const cy = top + 2;
  return (
    `<rect x="${r(cx - width / 2)}" y="${r(cy - 11)}" width="${r(width)}" height="22" rx="11" fill="${SEVERITY_COLOUR[severity]}" stroke="#ffffff" stroke-width="2"/>` +
    `<text x="${r(cx)}" y="${r(cy + 4)}" font-size="11" font-weight="800" fill="#ffffff" text-anchor="middle">${escapeXml(label)}</text>`
  );
}

function hintsSvg(box: NodeBox, hints: NodeHints): string {
  const mid = box.y + box.height / 2;
  const parts: string[] = [];
  if (hints.out.length > 0) {
    parts.push(
      `<text x="${r(box.x + box.width + 6)}" y="${r(mid - 6)}" font-size="10.5" font-weight="600" fill="${HINT_COLOUR}">${escapeXml(hints.out.join(', '))}</text>`,
    );
  }
  if (hints.in.length > 0) {
    parts.push(
      `<text x="${r(box.x - 6)}" y="${r(mid - 6)}" font-size="10.5" font-weight="600" fill="${HINT_COLOUR}" text-anchor="end">${escapeXml(hints.in.join(', '))}</text>`,
    );
  }
  return parts.join('');
}

/** One line of at most `maxWidth`, shortened with an ellipsis (owners are short; the outline has it whole). */
function fitLine(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let out = '';
  for (const char of text) {
    if (textWidth(`${out}${char}…`, fontSize) > maxWidth) break;
    out += char;
  }
  return `${out}…`;
}
