import { MARKDOWN_WORDS } from '../exports/markdown-words';
import { VALUE_LABELS } from '../exports/outline-labels';
import { cardStatuses, PROGRESS_STATUSES, STATUS_FILL, STATUS_GLYPH } from '../model/card-status';
import type { Language } from '../model/language';
import type { ProgressStatus } from '../model/metric-progress';
import type { MapLink, MapNode } from '../model/types';
import { formatPrintDate } from '../print/print-date';
import { stripInvalidXmlChars } from '../render/escape';
import { healthSummary } from '../validation/summary';
import { validateMap } from '../validation/validate';
import type { DeckPlan, Paragraph, SlidePlan, TextShape } from './deck-types';
import { goalSlides } from './goal-slides';
import { overviewSlides } from './overview-slides';
import { FRAME, INK, MUTED } from './slide-heading';
import { fitText, linesHeight, SLIDE, slideLines } from './slide-text';
import { SLIDE_WORDS } from './slide-words';
import { findingSlides, metricSlides } from './table-slides';

export interface DeckMap {
  name: string;
  nodes: readonly MapNode[];
  links: readonly MapLink[];
}

/**
 * The board pack as slides: a title slide (the map's name, the date, its health), the overview of
 * the whole map, a slide per top-level goal with its execution path, the metrics table and the
 * findings. Metrics are judged on `today` (YYYY-MM-DD) as the inspector judges them; findings are
 * the validator's. Pure: the backend writes it as PowerPoint (electron/backend/services/slides).
 */
export function deckPlan(input: DeckMap, language: Language, today: string): DeckPlan {
  const map = slideSafe(input);
  const findings = validateMap({ nodes: map.nodes, links: map.links });
  const statusOf = cardStatuses(map.nodes, map.links, today);
  const slides: SlidePlan[] = [
    titleSlide(map, findings, language, today, statusOf),
    ...overviewSlides({ nodes: map.nodes, links: map.links, findings }, language),
    ...goalSlides({ nodes: map.nodes, links: map.links, findings, language, statusOf }),
    ...metricSlides(map.nodes, map.links, language, statusOf),
    ...findingSlides(map.nodes, findings, language),
  ];
  return { title: map.name, slides };
}

/**
 * The map with its user text as a slide can hold it: characters XML 1.0 forbids (C0 controls, lone
 * surrogates, U+FFFE/FFFF) dropped, as the SVG export drops them, so the deck always opens; tabs and
 * line breaks made spaces, so a title wraps in its shape as it was measured instead of breaking
 * into paragraphs the measure did not count.
 */
function slideSafe(map: DeckMap): DeckMap {
  const clean = (text: string) => stripInvalidXmlChars(text).replace(/\s+/g, ' ');
  return {
    name: clean(map.name),
    links: map.links,
    nodes: map.nodes.map((node) => {
      const cleaned = { ...node, title: clean(node.title), owner: clean(node.owner) };
      return cleaned.kind === 'metric' ? { ...cleaned, unit: clean(cleaned.unit) } : cleaned;
    }),
  };
}

function titleSlide(
  map: DeckMap,
  findings: ReturnType<typeof validateMap>,
  language: Language,
  today: string,
  statusOf: ReturnType<typeof cardStatuses>,
): SlidePlan {
  const words = SLIDE_WORDS[language];
  const width = SLIDE.width - 4 * FRAME.side;
  const name = fitText(map.name, width - 8, 150, 40, 18, true);
  const nameShape: TextShape = {
    type: 'text',
    box: { x: 2 * FRAME.side, y: 130, w: width, h: 160 },
    paragraphs: [
      {
        runs: [{ text: name.whole ? map.name : name.lines.join(' '), colour: INK, bold: true }],
        size: name.size,
      },
    ],
    margin: 4,
    shape: 'rect',
    align: 'left',
    valign: 'bottom',
  };
  const counts = new Map<ProgressStatus, number>();
  let metrics = 0;
  for (const node of map.nodes) {
    if (node.kind !== 'metric') continue;
    metrics++;
    const status = statusOf(node.id)?.status ?? 'unknown';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const date = formatPrintDate(today, language);
  const paragraphs: Paragraph[] = [
    { runs: [{ text: date, colour: MUTED }], size: 16 },
    {
      runs: [
        {
          text: MARKDOWN_WORDS[language].summary(healthSummary(map.nodes, findings)),
          colour: INK,
          bold: true,
        },
      ],
      size: 16,
      spaceBefore: 10,
    },
  ];
  if (metrics > 0) {
    const separator = MARKDOWN_WORDS[language].separator;
    const runs = [{ text: `${words.metricCount(metrics)}${separator}`, colour: INK }];
    const present = PROGRESS_STATUSES.filter((s) => (counts.get(s) ?? 0) > 0);
    for (const [i, status] of present.entries()) {
      runs.push({
        text: `${STATUS_GLYPH[status]} ${VALUE_LABELS[language].progress[status]} ${counts.get(status)}${i < present.length - 1 ? separator : ''}`,
        colour: STATUS_FILL[status],
      });
    }
    paragraphs.push({ runs, size: 14, spaceBefore: 6 });
    paragraphs.push({ runs: [{ text: words.statusesAsOf(date), colour: MUTED }], size: 11, spaceBefore: 6 });
  }
  const height = paragraphs.reduce(
    (sum, p) =>
      sum +
      (p.spaceBefore ?? 0) +
      linesHeight(slideLines(p.runs.map((r) => r.text).join(''), width - 8, p.size, true).length, p.size),
    0,
  );
  const facts: TextShape = {
    type: 'text',
    box: { x: 2 * FRAME.side, y: 306, w: width, h: Math.ceil(height) + 8 },
    paragraphs,
    margin: 4,
    shape: 'rect',
    align: 'left',
    valign: 'top',
  };
  return { kind: 'title', title: map.name, elements: [nameShape, facts] };
}
