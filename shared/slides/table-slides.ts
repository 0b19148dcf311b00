import { MARKDOWN_WORDS } from '../exports/markdown-words';
import { VALUE_LABELS } from '../exports/outline-labels';
import { type CardStatus, formatMetricAmount, STATUS_FILL, STATUS_GLYPH } from '../model/card-status';
import type { Language } from '../model/language';
import type { MapLink, MapNode, MetricNode } from '../model/types';
import { DRAWING_LABELS } from '../render/drawing-labels';
import { SEVERITY_COLOUR } from '../render/palette';
import { groupFindings } from '../validation/finding-groups';
import type { Finding } from '../validation/findings';
import type { Paragraph, SlidePlan, TableCell, TableShape } from './deck-types';
import { FRAME, INK, MUTED, slideHeading, textBlock } from './slide-heading';
import { linesHeight, SLIDE, slideLines } from './slide-text';
import { SLIDE_WORDS } from './slide-words';

/** Widths of the metrics table's columns, in points (888 in all: the slide less its sides). */
export const METRIC_COLUMNS = [196, 170, 100, 70, 70, 70, 76, 136] as const;
const TABLE_SIZE = 9;
const CELL_MARGIN = 4;
const HEADER_FILL = '#e5e7eb';

/** Height of a table row whose cells wrap in their columns, in points. */
export function rowHeight(cells: readonly TableCell[], size: number = TABLE_SIZE): number {
  let lines = 1;
  for (const [c, cell] of cells.entries()) {
    const width = (METRIC_COLUMNS[c] ?? 60) - 2 * CELL_MARGIN;
    lines = Math.max(lines, slideLines(cell.text, width, size, cell.bold === true).length);
  }
  return Math.ceil(linesHeight(lines, size) + 2 * CELL_MARGIN);
}

/**
 * Rows into pages: each page takes rows while their heights (with the header's, repeated on
 * every page) fit `height`; a page always takes at least one row.
 */
export function paginate<T>(items: readonly T[], heightOf: (item: T) => number, height: number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const h = heightOf(item);
    if (page.length > 0 && used + h > height) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += h;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/**
 * The metrics table: each metric with what it measures, its owner, baseline, current value and
 * target (formatted with the unit, as the cards write them), due date and status in the status's
 * colour. Split over as many slides as its rows need, the header on each.
 */
export function metricSlides(
  nodes: readonly MapNode[],
  links: readonly MapLink[],
  language: Language,
  statusOf: (id: string) => CardStatus | null,
): SlidePlan[] {
  const words = SLIDE_WORDS[language];
  const labels = DRAWING_LABELS[language];
  const dash = '–';
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const measures = new Map<string, string[]>();
  for (const link of links) {
    const source = byId.get(link.source);
    if (source?.kind !== 'mechanism' || byId.get(link.target)?.kind !== 'metric') continue;
    const title = source.title.trim() === '' ? labels.untitled : source.title;
    const list = measures.get(link.target) ?? [];
    if (!list.includes(title)) list.push(title);
    measures.set(link.target, list);
  }
  const metrics = nodes.filter((n): n is MetricNode => n.kind === 'metric');
  if (metrics.length === 0) {
    return [
      {
        kind: 'metrics',
        title: words.metrics,
        elements: [
          slideHeading(words.metrics),
          textBlock(
            [{ runs: [{ text: words.noMetrics, colour: MUTED }], size: 14 }],
            FRAME.side,
            FRAME.contentTop,
            SLIDE.width - 2 * FRAME.side,
            () => 1,
          ),
        ],
      },
    ];
  }
  const amount = (value: number | null, unit: string) =>
    value === null ? dash : formatMetricAmount(value, unit, language);
  const t = words.table;
  const header: TableCell[] = [
    t.metric,
    t.measures,
    t.owner,
    t.baseline,
    t.current,
    t.target,
    t.due,
    t.status,
  ].map((text, c) => ({
    text,
    colour: INK,
    bold: true,
    fill: HEADER_FILL,
    align: c >= 3 && c <= 5 ? 'right' : 'left',
  }));
  const rows: TableCell[][] = metrics.map((metric) => {
    const status = statusOf(metric.id);
    const progress = status?.status ?? 'unknown';
    const cell = (text: string, align: 'left' | 'right' = 'left'): TableCell => ({
      text,
      colour: INK,
      align,
    });
    return [
      { text: metric.title.trim() === '' ? labels.untitled : metric.title, colour: INK, bold: true },
      cell((measures.get(metric.id) ?? []).join('; ') || dash),
      cell(metric.owner.trim() || dash),
      cell(amount(metric.baseline, metric.unit), 'right'),
      cell(amount(metric.current, metric.unit), 'right'),
      cell(amount(metric.target, metric.unit), 'right'),
      cell(metric.dueDate ?? dash),
      {
        text: `${STATUS_GLYPH[progress]} ${VALUE_LABELS[language].progress[progress]}`,
        colour: '#ffffff',
        fill: STATUS_FILL[progress],
        bold: true,
      },
    ];
  });
  const headerHeight = rowHeight(header);
  const room = FRAME.bottom - FRAME.contentTop - headerHeight;
  const pages = paginate(rows, (row) => rowHeight(row), room);
  return pages.map((page, index) => {
    const title = words.part(words.metrics, index + 1, pages.length);
    const heights = [headerHeight, ...page.map((row) => rowHeight(row))];
    const table: TableShape = {
      type: 'table',
      box: {
        x: FRAME.side,
        y: FRAME.contentTop,
        w: METRIC_COLUMNS.reduce((a, b) => a + b, 0),
        h: heights.reduce((a, b) => a + b, 0),
      },
      columns: [...METRIC_COLUMNS],
      rows: [header, ...page],
      rowHeights: heights,
      size: TABLE_SIZE,
      margin: CELL_MARGIN,
    };
    return { kind: 'metrics', title, elements: [slideHeading(title), table] };
  });
}

const FINDING_SIZE = 10.5;
const GROUP_SIZE = 13;

/**
 * The findings, strategy first (FINDING_GROUPS: a goal without an execution path or a closed loop
 * before broken links, missing data and notes), each as "Error: sentence", the severity in its
 * colour, with the nodes it names. As many slides as the sentences need.
 */
export function findingSlides(
  nodes: readonly MapNode[],
  findings: readonly Finding[],
  language: Language,
): SlidePlan[] {
  const words = SLIDE_WORDS[language];
  const md = MARKDOWN_WORDS[language];
  const width = SLIDE.width - 2 * FRAME.side;
  const titleOf = new Map(
    nodes.map((n) => [n.id, n.title.trim() === '' ? DRAWING_LABELS[language].untitled : n.title]),
  );
  const paragraphs: Paragraph[] = [];
  for (const { group, findings: list } of groupFindings(findings)) {
    paragraphs.push({
      runs: [{ text: words.groups[group], colour: INK, bold: true }],
      size: GROUP_SIZE,
      spaceBefore: 6,
    });
    for (const finding of list) {
      const named = finding.nodeIds
        .map((id) => titleOf.get(id))
        .filter((t): t is string => t !== undefined)
        .join('; ');
      const sentence =
        finding.message[language] +
        (named !== '' && !finding.message[language].includes(named) ? ` (${named})` : '');
      paragraphs.push({
        runs: [
          {
            text: `${md.severity[finding.severity]}${md.colon}`,
            colour: SEVERITY_COLOUR[finding.severity],
            bold: true,
          },
          { text: sentence, colour: INK },
        ],
        size: FINDING_SIZE,
        spaceBefore: 2,
      });
    }
  }
  if (paragraphs.length === 0) {
    paragraphs.push({ runs: [{ text: md.noFindings, colour: INK }], size: 14 });
  }
  const lineCount = (p: Paragraph) =>
    slideLines(
      p.runs.map((r) => r.text).join(''),
      width - 8,
      p.size,
      p.runs.some((r) => r.bold),
    ).length;
  const heightOf = (p: Paragraph) => (p.spaceBefore ?? 0) + linesHeight(lineCount(p), p.size);
  const pages = paginate(paragraphs, heightOf, FRAME.bottom - FRAME.contentTop - 8);
  return pages.map((page, index) => {
    const title = words.part(words.findings, index + 1, pages.length);
    return {
      kind: 'findings',
      title,
      elements: [slideHeading(title), textBlock(page, FRAME.side, FRAME.contentTop, width, lineCount)],
    };
  });
}
