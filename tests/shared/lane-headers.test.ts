import { describe, expect, it } from 'vitest';
import type { MapNode } from '../../shared/model';
import {
  DRAWING_LABELS,
  drawingSvg,
  LANE_HEADER_GAP,
  laneHeaders,
  prepareDrawing,
} from '../../shared/render';
import { generateLayeredMap } from '../bench/generate-map';
import { svgTexts, xmlProblem } from './xml-check';

const at = (kind: MapNode['kind'], x: number, y: number) => ({ kind, x, y, width: 240, height: 100 });

describe('laneHeaders', () => {
  it('gives each lane of a map in lanes a header above its first node', () => {
    const headers = laneHeaders([
      at('metric', 720, 40),
      at('goal', 0, 0),
      at('goal', 12, 130),
      at('mechanism', 360, 0),
    ]);
    expect(headers.map((h) => h.kind)).toEqual(['goal', 'mechanism', 'metric']);
    const [goal, , metric] = headers;
    // The goal lane spans the indented sub-goal too, and sits above the highest goal.
    expect(goal).toMatchObject({ x: 0, width: 252 });
    expect((goal?.y ?? 0) + (goal?.height ?? 0)).toBe(-LANE_HEADER_GAP);
    expect((metric?.y ?? 0) + (metric?.height ?? 0)).toBe(40 - LANE_HEADER_GAP);
  });

  it('makes side-by-side columns of one kind one lane, and gives every band its own headers', () => {
    const twoColumns = laneHeaders([at('goal', 0, 0), at('mechanism', 300, 0), at('mechanism', 560, 0)]);
    expect(twoColumns.map((h) => [h.kind, h.width])).toEqual([
      ['goal', 240],
      ['mechanism', 500],
    ]);
    const bands = laneHeaders([
      at('goal', 0, 0),
      at('metric', 300, 0),
      at('metric', 1000, 0),
      at('goal', 1400, 0),
    ]);
    expect(bands.map((h) => h.kind)).toEqual(['goal', 'metric', 'metric', 'goal']);
  });

  it('gives a freely arranged map, with kinds mixed in a column, no headers', () => {
    expect(laneHeaders([at('goal', 0, 0), at('metric', 100, 300), at('mechanism', 400, 0)])).toEqual([]);
    expect(laneHeaders([])).toEqual([]);
  });
});

describe('lane headers in the drawn map (PDF, pictures)', () => {
  it('draws Strategy, Operations and Metrics above a map in lanes, in the reader’s language', () => {
    const map = generateLayeredMap(30, 2);
    for (const [language, words] of [
      ['en', ['Strategy', 'Operations', 'Metrics']],
      ['zh-CN', ['战略', '运营', '指标']],
    ] as const) {
      const drawing = prepareDrawing({ ...map, labels: DRAWING_LABELS[language] });
      const svg = drawingSvg(drawing, drawing.bounds);
      expect(xmlProblem(svg)).toBeNull();
      const texts = svgTexts(svg);
      for (const word of words) expect(texts).toContain(word);
      // The headers are inside the drawing's bounds, above every node.
      const top = Math.min(...drawing.boxes.map((b) => b.y));
      expect(drawing.bounds.y).toBeLessThan(top - LANE_HEADER_GAP - 30);
    }
  });

  it('draws no headers over a freely arranged map', () => {
    const map = generateLayeredMap(30, 2);
    const mixed = map.nodes.map((n, i) => ({ ...n, position: { x: (i % 3) * 300, y: i * 130 } }));
    const drawing = prepareDrawing({ nodes: mixed, links: map.links, labels: DRAWING_LABELS.en });
    expect(svgTexts(drawingSvg(drawing, drawing.bounds))).not.toContain('Strategy');
  });
});
