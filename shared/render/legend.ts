import { PROGRESS_STATUSES, STATUS_FILL, STATUS_GLYPH } from '../model/card-status';
import type { NodeKind } from '../model/kinds';
import type { ProgressStatus } from '../model/metric-progress';
import type { Severity } from '../validation/findings';
import { r } from './drawing';
import { escapeXml } from './escape';
import { badgeSvg, linkMark } from './map-svg';
import { KIND_STYLE, LINK_COLOUR, PRINT_FONT_STACK, SEVERITY_COLOUR } from './palette';
import { textWidth } from './text-measure';

export interface LegendLabels {
  kinds: Readonly<Record<NodeKind, string>>;
  link: string;
  flaggedLink: string;
  severities: Readonly<Record<Severity, string>>;
  /** Given, the status chips of metrics and goals are explained too (a map drawn with statuses). */
  statuses?: Readonly<Record<ProgressStatus, string>>;
}

/** One mark of the legend: its picture (SVG markup, 36 × 24 units) and what it means. */
export interface LegendEntry {
  swatch: string;
  label: string;
}

const SWATCH_WIDTH = 36;
const SWATCH_HEIGHT = 24;

/**
 * The marks of the map, drawn with the map's own styles: the three kinds (fill, lightness and
 * border), a link, a link a finding reports, and the badges. Separate entries so a page can wrap
 * them; legendSvg puts them in one row.
 */
export function legendEntries(labels: LegendLabels): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const kind of ['goal', 'mechanism', 'metric'] as const) {
    const style = KIND_STYLE[kind];
    entries.push({
      swatch: `<rect x="2" y="4" width="32" height="16" rx="${Math.min(style.radius, 8)}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1.5"${style.dash ? ' stroke-dasharray="4 2.5"' : ''}/>`,
      label: labels.kinds[kind],
    });
  }
  for (const flagged of [false, true]) {
    const colour = flagged ? SEVERITY_COLOUR.error : LINK_COLOUR;
    entries.push({
      swatch:
        `<path d="M2 12H26" stroke="${colour}" stroke-width="${flagged ? 2.4 : 1.6}"/>` +
        `<path d="M34 12L25 7.5L25 16.5Z" fill="${colour}"/>` +
        (flagged ? linkMark(14, 12) : ''),
      label: flagged ? labels.flaggedLink : labels.link,
    });
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    entries.push({ swatch: badgeSvg(22, 10, severity, 1), label: labels.severities[severity] });
  }
  if (labels.statuses) {
    for (const status of PROGRESS_STATUSES) {
      entries.push({
        swatch:
          `<rect x="2" y="4" width="32" height="16" rx="8" fill="${STATUS_FILL[status]}" stroke="#ffffff" stroke-width="1"/>` +
          `<text x="18" y="16.5" font-size="11" font-weight="700" fill="#ffffff" text-anchor="middle">${escapeXml(STATUS_GLYPH[status])}</text>`,
        label: labels.statuses[status],
      });
    }
  }
  return entries;
}

/** A swatch as a standalone SVG element, for HTML. */
export function swatchSvg(entry: LegendEntry): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SWATCH_WIDTH} ${SWATCH_HEIGHT}" width="${SWATCH_WIDTH}" height="${SWATCH_HEIGHT}" aria-hidden="true">${entry.swatch}</svg>`;
}

const FONT = 12;

/** The whole legend as one SVG row. */
export function legendSvg(labels: LegendLabels): string {
  const parts: string[] = [];
  let x = 0;
  for (const entry of legendEntries(labels)) {
    parts.push(`<g transform="translate(${r(x)} 3)">${entry.swatch}</g>`);
    x += SWATCH_WIDTH + 6;
    parts.push(
      `<text x="${r(x)}" y="${r(15 + FONT * 0.36)}" font-size="${FONT}" fill="#1b1f24">${escapeXml(entry.label)}</text>`,
    );
    x += textWidth(entry.label, FONT) + 20;
  }
  const width = Math.ceil(x);
  const height = SWATCH_HEIGHT + 6;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family='${PRINT_FONT_STACK}'>${parts.join('')}</svg>`;
}
