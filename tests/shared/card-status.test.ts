import { describe, expect, it } from 'vitest';
import { VALUE_LABELS } from '../../shared/exports/outline-labels';
import {
  cardStatuses,
  cardStatusText,
  chipFigures,
  STATUS_FILL,
  STATUS_GLYPH,
} from '../../shared/model/card-status';
import { goalHealth, metricProgress, metricStartDate } from '../../shared/model/metric-progress';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapLink, MapNode, MapNodeInput } from '../../shared/model/types';
import { DRAWING_LABELS, legendEntries, mapPicture, mapSvg, prepareDrawing } from '../../shared/render';
import { templateContent } from '../../shared/templates';
import { svgTexts, xmlProblem } from './xml-check';

const TODAY = '2026-07-01';

type Extra = Partial<Omit<MapNodeInput, 'id' | 'kind'>> & Record<string, unknown>;
const node = (kind: MapNode['kind'], id: string, extra: Extra = {}): MapNode =>
  MapNodeSchema.parse({ id, kind, title: id, owner: 'Lead', ...extra });
const links = (...specs: string[]): MapLink[] =>
  specs.map((spec) => {
    const [source = '', target = ''] = spec.split('>');
    return { id: `${source}-${target}`, source, target };
  });

const nodes = [
  node('goal', 'g'),
  node('goal', 'lonely', { position: { x: 0, y: 300 } }),
  node('mechanism', 'm', { startDate: '2026-01-01', position: { x: 420, y: 0 } }),
  node('metric', 'ok', {
    baseline: 60,
    target: 70,
    current: 68,
    unit: '%',
    dueDate: '2026-12-31',
    position: { x: 840, y: 0 },
  }),
  node('metric', 'open', {
    baseline: 0,
    target: 100,
    current: 10,
    unit: 'orders',
    position: { x: 840, y: 150 },
  }),
  node('metric', 'unset', { target: 4, unit: '%', position: { x: 840, y: 300 } }),
];
const map = links('g>m', 'm>ok', 'm>open', 'm>unset');

describe('cardStatuses', () => {
  const statusOf = cardStatuses(nodes, map, TODAY);

  it('judges a metric as the inspector does, with its value, target and unit', () => {
    const expected = metricProgress(nodes[3] as never, TODAY, metricStartDate('ok', nodes, map)).status;
    expect(statusOf('ok')).toEqual({ kind: 'metric', status: expected, current: 68, target: 70, unit: '%' });
    expect(statusOf('open')?.status).toBe('no-due-date');
    expect(statusOf('unset')?.status).toBe('unknown');
  });

  it('rolls a goal up as goalHealth does; none for mechanisms or a goal that reaches no metric', () => {
    expect(statusOf('g')).toEqual({
      kind: 'goal',
      status: 'on-track',
      health: goalHealth('g', nodes, map, TODAY),
    });
    expect(statusOf('m')).toBeNull();
    expect(statusOf('lonely')).toBeNull();
    expect(statusOf('missing')).toBeNull();
  });
});

describe('cardStatusText', () => {
  const statusOf = cardStatuses(nodes, map, TODAY);

  it('says the value against the target, in both languages', () => {
    const ok = statusOf('ok');
    if (!ok) throw new Error('no status');
    expect(cardStatusText(ok, 'en')).toEqual({
      glyph: STATUS_GLYPH['on-track'],
      word: 'On track',
      detail: '68% / 70%',
      full: 'On track, now 68%, target 70%',
    });
    expect(cardStatusText(ok, 'zh-CN')).toMatchObject({ word: '正常推进', detail: '68% / 70%' });
    const open = statusOf('open');
    if (!open) throw new Error('no status');
    expect(cardStatusText(open, 'en')).toMatchObject({
      word: 'No due date',
      detail: '10 / 100 orders',
    });
    expect(cardStatusText(open, 'en').full).toBe('No due date, now 10 orders, target 100 orders');
    expect(cardStatusText(open, 'zh-CN').word).toBe('无截止日期');
    const unset = statusOf('unset');
    if (!unset) throw new Error('no status');
    expect(cardStatusText(unset, 'en')).toMatchObject({ detail: '– / 4%', full: 'Unknown, no value yet' });
  });

  it('says a unit written as a word once, so the figures fit a card; signs stay on each number', () => {
    expect(chipFigures(215, 220, 'CNY', 'en')).toBe('215 / 220 CNY');
    expect(chipFigures(215000.75, 2200000.5, '元', 'zh-CN')).toBe('215,000.75 / 2,200,000.5 元');
    expect(chipFigures(2.4, 3.5, '%', 'en')).toBe('2.4% / 3.5%');
    expect(chipFigures(3, 5, '¥', 'zh-CN')).toBe('¥3 / ¥5');
    expect(chipFigures(9, 24, ' ', 'en')).toBe('9 / 24');
  });

  it('says how many metrics a goal rolls up', () => {
    const goal = statusOf('g');
    if (!goal) throw new Error('no status');
    expect(cardStatusText(goal, 'en')).toMatchObject({ word: 'On track', detail: '3 metrics' });
    expect(cardStatusText(goal, 'zh-CN')).toMatchObject({ word: '正常推进', detail: '3 个指标' });
  });
});

describe('status on the drawn map (PDF map pages, SVG and PNG pictures)', () => {
  it('draws each metric’s value against its target and each goal’s roll-up in the status colour', () => {
    const svg = mapSvg({
      nodes,
      links: map,
      labels: DRAWING_LABELS.en,
      status: { today: TODAY, language: 'en' },
    });
    expect(xmlProblem(svg)).toBeNull();
    const texts = svgTexts(svg).join('\n');
    expect(texts).toContain('✓ On track · 68% / 70%');
    // The unit said once, so the figures fit the box; the whole sentence is in the chip's tooltip.
    expect(texts).toContain('◷ No due date · 10 / 100 orders');
    expect(svg).toContain('<title>No due date, now 10 orders, target 100 orders</title>');
    expect(texts).toContain('✓ On track · 3 metrics');
    expect(svg).toContain(`fill="${STATUS_FILL['on-track']}"`);
    expect(svg).toContain('data-status="no-due-date"');
    // Mechanisms and a goal that reaches no metric carry no chip.
    expect(svg.match(/data-status="/g)?.length).toBe(4);
  });

  it('in Chinese too, and the boxes grow to hold the chip; without a date, nothing changes', () => {
    const zh = mapSvg({
      nodes,
      links: map,
      labels: DRAWING_LABELS['zh-CN'],
      status: { today: TODAY, language: 'zh-CN' },
    });
    expect(svgTexts(zh).join('\n')).toContain('✓ 正常推进 · 3 个指标');
    const plain = prepareDrawing({ nodes, links: map, labels: DRAWING_LABELS.en });
    const withStatus = prepareDrawing({
      nodes,
      links: map,
      labels: DRAWING_LABELS.en,
      status: { today: TODAY, language: 'en' },
    });
    expect(plain.boxes.every((b) => b.status === null)).toBe(true);
    const height = (drawing: typeof plain, id: string) => drawing.byId.get(id)?.height ?? 0;
    expect(height(withStatus, 'ok')).toBeGreaterThan(height(plain, 'ok'));
    expect(height(withStatus, 'm')).toBe(height(plain, 'm'));
    expect(mapSvg({ nodes, links: map, labels: DRAWING_LABELS.en })).not.toContain('data-status=');
  });

  it('pictures of a template show the status of its metrics', () => {
    const content = templateContent('data-driven-growth', 'en');
    const picture = mapPicture({ name: 'Growth', ...content, today: TODAY }, 'en');
    const metrics = content.nodes.filter((n) => n.kind === 'metric').length;
    const goals = content.nodes.filter((n) => n.kind === 'goal').length;
    expect(picture.svg.match(/data-status="/g)?.length).toBe(metrics + goals);
    expect(svgTexts(picture.svg).join('\n')).toMatch(/\d+% \/ \d+%/);
  });

  it('the PDF legend explains the status colours when asked to, in the reader’s language', () => {
    const base = {
      kinds: DRAWING_LABELS.en.kinds,
      link: 'Link',
      flaggedLink: 'Flagged link',
      severities: { error: 'Error', warning: 'Warning', info: 'Note' },
    };
    expect(legendEntries(base).map((e) => e.label)).not.toContain('No due date');
    const withStatuses = legendEntries({ ...base, statuses: VALUE_LABELS['zh-CN'].progress });
    const labels = withStatuses.map((e) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['偏离目标', '无截止日期', '正常推进']));
    const offTrack = withStatuses.find((e) => e.label === '偏离目标');
    expect(offTrack?.swatch).toContain(STATUS_FILL['off-track']);
    expect(offTrack?.swatch).toContain(STATUS_GLYPH['off-track']);
  });
});
