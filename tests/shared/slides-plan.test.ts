import { describe, expect, it } from 'vitest';
import { MARKDOWN_WORDS } from '../../shared/exports/markdown-words';
import { cardStatuses } from '../../shared/model/card-status';
import type { MapNode } from '../../shared/model/types';
import { formatPrintDate } from '../../shared/print/print-date';
import { prepareDrawing } from '../../shared/render/drawing';
import { DRAWING_LABELS } from '../../shared/render/drawing-labels';
import { deckPlan } from '../../shared/slides/deck-plan';
import type { SlidePlan, TableShape, TextShape } from '../../shared/slides/deck-types';
import { COLUMNS_BOTTOM, COLUMNS_TOP, goalSlideContents } from '../../shared/slides/goal-slides';
import { nodeCard } from '../../shared/slides/node-card';
import { MIN_SCALE, OVERVIEW_AREA } from '../../shared/slides/overview-slides';
import { FRAME } from '../../shared/slides/slide-heading';
import { fitText, linesHeight, SLIDE, slideLines } from '../../shared/slides/slide-text';
import { SLIDE_WORDS } from '../../shared/slides/slide-words';
import { paginate } from '../../shared/slides/table-slides';
import { goalFocus } from '../../shared/validation/goal-focus';
import { healthSummary } from '../../shared/validation/summary';
import { validateMap } from '../../shared/validation/validate';
import { generateLayeredMap } from '../bench/generate-map';
import { boardMap, TODAY } from '../slides/board-map';

const big = { name: 'Generated', ...generateLayeredMap(200, 42) };
const texts = (slide: SlidePlan) => slide.elements.filter((e): e is TextShape => e.type === 'text');
const textOf = (shape: TextShape) =>
  shape.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');

describe('the deck plan', () => {
  it('runs title, overview, goals, metrics, findings, in that order', () => {
    const plan = deckPlan(boardMap('en'), 'en', TODAY);
    const order = ['title', 'overview', 'goal', 'metrics', 'findings'];
    const kinds = plan.slides.map((s) => order.indexOf(s.kind));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    expect(new Set(plan.slides.map((s) => s.kind))).toEqual(new Set(order));
  });

  it('opens with the map name, the date and the health summary of the validator', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const map = boardMap(language);
      const title = deckPlan(map, language, TODAY).slides[0] as SlidePlan;
      const all = texts(title).map(textOf).join('\n');
      expect(all).toContain(map.name);
      expect(all).toContain(formatPrintDate(TODAY, language));
      const summary = healthSummary(map.nodes, validateMap(map));
      expect(all).toContain(MARKDOWN_WORDS[language].summary(summary));
    }
  });

  it('keeps every shape on the slide, a 200-node map included', () => {
    for (const map of [boardMap('en'), boardMap('zh-CN'), big]) {
      for (const slide of deckPlan(map, 'en', TODAY).slides) {
        for (const element of slide.elements) {
          const box =
            element.type === 'line'
              ? {
                  x: Math.min(element.from.x, element.to.x),
                  y: Math.min(element.from.y, element.to.y),
                  w: Math.abs(element.to.x - element.from.x),
                  h: Math.abs(element.to.y - element.from.y),
                }
              : element.box;
          expect(box.x, slide.title).toBeGreaterThanOrEqual(0);
          expect(box.y, slide.title).toBeGreaterThanOrEqual(0);
          expect(box.x + box.w, slide.title).toBeLessThanOrEqual(SLIDE.width);
          expect(box.y + box.h, slide.title).toBeLessThanOrEqual(SLIDE.height);
        }
      }
    }
  });

  it('sizes every text shape for its lines, as wrapped by the slide text measure', () => {
    for (const [map, language] of [
      [boardMap('en'), 'en'],
      [boardMap('zh-CN'), 'zh-CN'],
      [big, 'en'],
    ] as const) {
      for (const slide of deckPlan(map, language, TODAY).slides) {
        for (const shape of texts(slide)) {
          const inner = shape.box.w - 2 * shape.margin;
          const needed = shape.paragraphs.reduce(
            (sum, p) =>
              sum +
              (p.spaceBefore ?? 0) +
              linesHeight(
                slideLines(
                  p.runs.map((r) => r.text).join(''),
                  inner,
                  p.size,
                  p.runs.some((r) => r.bold),
                ).length,
                p.size,
              ),
            0,
          );
          const room = shape.box.h - shape.margin - (shape.marginBottom ?? shape.margin);
          expect(needed, `${slide.title}: ${textOf(shape).slice(0, 60)}`).toBeLessThanOrEqual(room + 0.5);
        }
      }
    }
  });

  it('puts the slides in the language asked for', () => {
    const zh = deckPlan(boardMap('zh-CN'), 'zh-CN', TODAY).slides.map((s) => s.title);
    expect(zh).toContain(SLIDE_WORDS['zh-CN'].metrics);
    expect(zh).toContain(SLIDE_WORDS['zh-CN'].findings);
    expect(zh.some((t) => t.startsWith(SLIDE_WORDS['zh-CN'].overview))).toBe(true);
    const words = texts(
      deckPlan(boardMap('zh-CN'), 'zh-CN', TODAY).slides.find((s) => s.kind === 'goal') as SlidePlan,
    )
      .map(textOf)
      .join('\n');
    expect(words).toContain(DRAWING_LABELS['zh-CN'].kinds.mechanism);
    expect(words).not.toContain('Owner:');
  });
});

describe('the goal slides', () => {
  it('show every node of each top goal’s execution path, columns never below the slide', () => {
    const statusOf = cardStatuses(big.nodes, big.links, TODAY);
    const byId = new Map(big.nodes.map((n) => [n.id, n]));
    const heightOf = (id: string) => nodeCard(byId.get(id) as MapNode, statusOf(id), 'en', 0, 0).card.box.h;
    let split = 0;
    for (const goal of big.nodes.filter((n) => n.kind === 'goal')) {
      const parts = goalSlideContents(goal.id, big.nodes, big.links, heightOf);
      const focus = goalFocus(goal.id, big.nodes, big.links);
      const shown = new Set(parts.flatMap((p) => p.columns.flat()));
      for (const id of focus?.nodeIds ?? []) expect(shown.has(id), `${goal.id}: ${id}`).toBe(true);
      for (const part of parts) {
        expect(part.columns[0][0]).toBe(goal.id);
        for (const column of part.columns) {
          const height = column.reduce((sum, id) => sum + heightOf(id) + 10, -10);
          expect(height).toBeLessThanOrEqual(COLUMNS_BOTTOM - COLUMNS_TOP);
        }
      }
      if (parts.length > 1) split++;
    }
    // The generated map has goals with long paths: some are continued on a second slide.
    expect(split).toBeGreaterThan(0);
  });

  it('give each top goal a slide, and say a goal has no execution path in the validator’s words', () => {
    const map = boardMap('en');
    const goals = deckPlan(map, 'en', TODAY).slides.filter((s) => s.kind === 'goal');
    const lonely = goals.find((s) => s.title.includes('Open a flagship store in Chengdu')) as SlidePlan;
    const finding = validateMap(map).find(
      (f) => f.code === 'goal-without-execution-path' && f.nodeIds[0] === 'lonely-goal',
    );
    expect(texts(lonely).map(textOf)).toContain(finding?.message.en);
    expect(goals.some((s) => s.title.startsWith('2. Become the most trusted'))).toBe(true);
  });

  it('write metric values against targets in status chips, and functions in chips', () => {
    const map = boardMap('en');
    const all = deckPlan(map, 'en', TODAY)
      .slides.filter((s) => s.kind === 'goal')
      .flatMap(texts);
    const chip = all.find((s) => textOf(s).startsWith('✓ On track · 70% / 90%'));
    expect(chip?.fill).toBe('#0f7a62');
    expect(all.some((s) => textOf(s) === DRAWING_LABELS.en.functions.operations)).toBe(true);
  });
});

describe('the overview', () => {
  it('draws a small map on one slide and tiles a big one, each node on exactly one slide', () => {
    const small = deckPlan(boardMap('en'), 'en', TODAY).slides.filter((s) => s.kind === 'overview');
    expect(small.length).toBeLessThanOrEqual(2);
    const overviews = deckPlan(big, 'en', TODAY).slides.filter((s) => s.kind === 'overview');
    const bounds = prepareDrawing({ ...big, labels: DRAWING_LABELS.en }).bounds;
    expect(Math.min(OVERVIEW_AREA.w / bounds.width, OVERVIEW_AREA.h / bounds.height)).toBeLessThan(MIN_SCALE);
    expect(overviews.length).toBeGreaterThan(1);
    const seen = overviews.flatMap((s) => texts(s).flatMap((t) => (t.nodeId ? [t.nodeId] : [])));
    expect([...seen].sort()).toEqual(big.nodes.map((n) => n.id).sort());
    // Legible: no title smaller than 5.5 points.
    for (const slide of overviews)
      for (const shape of texts(slide))
        for (const p of shape.paragraphs) expect(p.size).toBeGreaterThanOrEqual(5.5);
  });
});

describe('the metrics table and the findings', () => {
  it('split the metrics over slides, each metric once, every table above the bottom margin', () => {
    const tables = deckPlan(big, 'en', TODAY)
      .slides.filter((s) => s.kind === 'metrics')
      .map((s) => s.elements.find((e): e is TableShape => e.type === 'table') as TableShape);
    expect(tables.length).toBeGreaterThan(1);
    const titles = tables.flatMap((t) => t.rows.slice(1).map((row) => row[0]?.text));
    const metrics = big.nodes.filter((n) => n.kind === 'metric').map((n) => n.title.trim() || 'Untitled');
    expect(titles).toEqual(metrics);
    for (const table of tables) {
      expect(table.rows[0]?.[0]?.text).toBe(SLIDE_WORDS.en.table.metric);
      expect(table.box.y + table.box.h).toBeLessThanOrEqual(FRAME.bottom);
    }
  });

  it('list the findings strategy first, every one of them', () => {
    const findings = validateMap(big);
    const slides = deckPlan(big, 'en', TODAY).slides.filter((s) => s.kind === 'findings');
    const text = slides.flatMap(texts).map(textOf).join('\n');
    expect(text.indexOf(SLIDE_WORDS.en.groups.strategy)).toBeLessThan(
      text.indexOf(SLIDE_WORDS.en.groups.links),
    );
    for (const finding of findings) expect(text).toContain(finding.message.en);
  });

  it('paginate: each page fits its height, a page takes one item at least', () => {
    expect(paginate([5, 5, 5, 20, 1], (n) => n, 10)).toEqual([[5, 5], [5], [20], [1]]);
    expect(paginate([], (n: number) => n, 10)).toEqual([[]]);
  });
});

describe('fitText', () => {
  it('shrinks a text to fit, and cuts it with an ellipsis only below the smallest size', () => {
    const long = 'Raise the repeat purchase rate of members '.repeat(6).trim();
    const fitted = fitText(long, 200, 90, 14, 8);
    expect(fitted.whole).toBe(true);
    expect(fitted.size).toBeLessThan(14);
    expect(linesHeight(fitted.lines.length, fitted.size)).toBeLessThanOrEqual(90);
    const cut = fitText(long, 100, 20, 14, 8);
    expect(cut.whole).toBe(false);
    expect(cut.lines.join(' ').endsWith('…')).toBe(true);
    expect(linesHeight(cut.lines.length, cut.size)).toBeLessThanOrEqual(20);
  });
});

describe('the headings', () => {
  it('show a goal title of the longest length whole, in its band', () => {
    const map = boardMap('en');
    const long = map.nodes.find((n) => n.id === 'long-goal') as MapNode;
    const title = 'Raise the share of repeat buyers in every region '.repeat(7).slice(0, 300);
    const plan = deckPlan(
      { ...map, nodes: map.nodes.map((n) => (n === long ? { ...n, title } : n)) },
      'en',
      TODAY,
    );
    const slide = plan.slides.find((s) => s.kind === 'goal' && s.title.includes(title)) as SlidePlan;
    const heading = texts(slide)[0] as TextShape;
    expect(textOf(heading)).toBe(`2. ${title}`);
    expect(heading.box.y + heading.box.h).toBeLessThanOrEqual(FRAME.contentTop);
  });
});
