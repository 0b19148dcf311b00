import { describe, expect, it } from 'vitest';
import { MECHANISM_FUNCTIONS } from '../../shared/model/kinds';
import type { MapLink, MapNode } from '../../shared/model/types';
import {
  cuts,
  drawingSvg,
  escapeXml,
  FUNCTION_ICON,
  FUNCTION_UNSET_ICON,
  KIND_ICON,
  legendSvg,
  type MapSvgLabels,
  mapSvg,
  mapTiles,
  prepareDrawing,
  textWidth,
  wrapText,
} from '../../shared/render';
import { templateContent } from '../../shared/templates';
import { generateLayeredMap } from '../bench/generate-map';
import { decode, svgTexts, xmlProblem } from './xml-check';

const labels: MapSvgLabels = {
  kinds: { goal: 'Goal', mechanism: 'Mechanism', metric: 'Metric' },
  functions: {
    operations: 'Operations',
    marketing: 'Marketing',
    sales: 'Sales',
    product: 'Product',
    other: 'Other',
  },
  functionUnset: 'Function not set',
  owner: (owner) => `Owner: ${owner}`,
  noOwner: 'No owner',
  untitled: 'Untitled',
  lanes: { goal: 'Strategy', mechanism: 'Operations', metric: 'Metrics' },
};

function goal(id: string, title: string, y = 0, owner = 'CEO'): MapNode {
  return {
    id,
    kind: 'goal',
    title,
    description: '',
    owner,
    position: { x: 0, y },
    horizon: '',
    priority: null,
    status: 'active',
  };
}

function mechanism(id: string, title: string, y = 0): MapNode {
  return {
    id,
    kind: 'mechanism',
    title,
    description: '',
    owner: 'COO',
    position: { x: 420, y },
    function: 'marketing',
    startDate: null,
    dueDate: null,
    status: 'running',
  };
}

const allText = (svg: string) => svgTexts(svg).join('\n');
/** Titles are wrapped over lines: compare without whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('mapSvg', () => {
  it('writes well-formed SVG with every title, the kinds, owners and function chips', () => {
    const content = templateContent('checkout-conversion', 'en');
    const svg = mapSvg({ ...content, labels });
    expect(xmlProblem(svg)).toBeNull();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const text = squash(allText(svg));
    for (const node of content.nodes) expect(text).toContain(squash(node.title));
    expect(text).toContain('GOAL');
    expect(text).toContain('METRIC');
    expect(svg).toContain('Noto Sans CJK SC');
    expect(svg).not.toContain('foreignObject');
    expect(svg).not.toContain('<image');
    // One box per node and a curve per drawable link.
    expect(svg.match(/<path d="M/g)?.length).toBeGreaterThan(0);
  });

  it('draws each function chip with the same shape glyph as the canvas, and "?" when unset', () => {
    for (const fn of MECHANISM_FUNCTIONS) {
      const node = { ...mechanism('m', 'Run the campaign'), function: fn } as MapNode;
      const svg = mapSvg({ nodes: [node], links: [], labels });
      expect(allText(svg)).toContain(`${FUNCTION_ICON[fn]} ${labels.functions[fn]}`);
    }
    const unset = { ...mechanism('m', 'Run the campaign'), function: null } as MapNode;
    expect(allText(mapSvg({ nodes: [unset], links: [], labels }))).toContain(
      `${FUNCTION_UNSET_ICON} Function not set`,
    );
    // The product's glyph is the canvas's hollow diamond, not the goal's filled one.
    expect(FUNCTION_ICON.product).toBe('◇');
    expect(FUNCTION_ICON.product).not.toBe(KIND_ICON.goal);
  });

  it('keeps markup in titles and owners inert', () => {
    const nodes = [
      goal('g1', '<script>alert("x")</script> & Co', 0, `O'Brien <b>`),
      mechanism('m1', 'A & B < C'),
    ];
    const svg = mapSvg({ nodes, links: [{ id: 'l1', source: 'g1', target: 'm1' }], labels });
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
    const text = allText(svg);
    expect(squash(text)).toContain(squash('<script>alert("x")</script> & Co'));
    expect(text).toContain("Owner: O'Brien <b>");
    expect(squash(text)).toContain('A&B<C');
  });

  it('drops characters XML forbids instead of writing a broken file', () => {
    const svg = mapSvg({ nodes: [goal('g1', 'bell\u0007 and \ud800 lone')], links: [], labels });
    expect(xmlProblem(svg)).toBeNull();
    expect(escapeXml('a\u0000b')).toBe('ab');
  });

  it('wraps a Chinese title between ideographs and never cuts it', () => {
    const title = '通过直播、社交平台和达人合作把站外流量引入会场，并在会场内用优惠券完成转化';
    const svg = mapSvg({ nodes: [goal('g1', title)], links: [], labels });
    const titleText = svgTexts(svg).find((t) => t.includes('通过')) ?? '';
    const lines = titleText.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(title);
    // No line starts with closing punctuation.
    for (const line of lines) expect('，。、）').not.toContain(line[0]);
    // The box grew to hold every line.
    const drawing = prepareDrawing({ nodes: [goal('g1', title)], links: [], labels });
    expect(drawing.boxes[0]?.height).toBeGreaterThan(88);
    for (const line of lines) expect(textWidth(line, 16, true)).toBeLessThanOrEqual(212);
  });

  it('wraps Latin at spaces and splits only a word longer than a line', () => {
    const lines = wrapText('Raise the payment page conversion rate', 212, 16, true);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Raise the payment page conversion rate');
    const long = wrapText('x'.repeat(80), 212, 16);
    expect(long.join('')).toBe('x'.repeat(80));
  });

  it('flags nodes with findings with a badge, and marks links a finding reports', () => {
    // A goal with no mechanism has no execution path (an error); the metric → goal link is forbidden.
    const nodes: MapNode[] = [
      goal('g1', 'Lonely goal'),
      {
        id: 'k1',
        kind: 'metric',
        title: 'Metric',
        description: '',
        owner: '',
        position: { x: 840, y: 0 },
        unit: '',
        direction: 'higher',
        baseline: null,
        target: null,
        current: null,
        dueDate: null,
        cadence: null,
        source: '',
      },
    ];
    const links: MapLink[] = [{ id: 'l1', source: 'k1', target: 'g1' }];
    const svg = mapSvg({ nodes, links, labels });
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toContain('stroke="#b42318" stroke-width="2.4"');
    expect(svg).toContain('<circle');
    // The metric keeps its dashed border; links are never dashed (each dash would be a PDF path).
    expect(svg.match(/stroke-dasharray/g)?.length).toBe(1);
    expect(allText(svg)).toMatch(/!/);
  });

  it('draws a legend of kinds, links and badges', () => {
    const svg = legendSvg({
      kinds: labels.kinds,
      link: 'Link',
      flaggedLink: 'Link with a finding',
      severities: { error: 'Error', warning: 'Warning', info: 'Note' },
    });
    expect(xmlProblem(svg)).toBeNull();
    for (const word of ['Goal', 'Mechanism', 'Metric', 'Link with a finding', 'Error', 'Note']) {
      expect(allText(svg)).toContain(word);
    }
  });

  it('moves a box down when a long title would make it overlap the next one', () => {
    const long = 'A very long goal title that takes several lines to say what the organisation commits to';
    const drawing = prepareDrawing({
      nodes: [goal('g1', long, 0), goal('g2', 'Next', 120)],
      links: [],
      labels,
    });
    const [a, b] = drawing.boxes;
    expect(b && a && b.y).toBeGreaterThanOrEqual((a?.y ?? 0) + (a?.height ?? 0));
  });
});

describe('mapTiles', () => {
  const page = { width: 1100, height: 1400 };

  it('covers every node of a 300-node map exactly once, over several tiles', () => {
    const map = generateLayeredMap(300, 7);
    const tiling = mapTiles({ ...map, labels }, page, { firstPage: 2 });
    expect(tiling.tiles.length).toBeGreaterThan(3);
    const seen = tiling.tiles.flatMap((t) => t.nodeIds);
    expect(seen.length).toBe(map.nodes.length);
    expect(new Set(seen)).toEqual(new Set(map.nodes.map((n) => n.id)));
    expect(xmlProblem(tiling.overview)).toBeNull();
    for (const tile of tiling.tiles) {
      expect(xmlProblem(tile.svg)).toBeNull();
      expect(tile.view.width).toBeLessThanOrEqual(page.width + 0.01);
      expect(tile.view.height).toBeLessThanOrEqual(page.height + 0.01);
      // Each tile's own nodes are drawn in it.
      const text = squash(decode(allText(tile.svg)));
      for (const id of tile.nodeIds) {
        const node = map.nodes.find((n) => n.id === id);
        if (node && node.title !== '') expect(text).toContain(squash(node.title));
      }
    }
    // Links that continue on another page say so.
    expect(tiling.tiles.some((t) => /→ p\. \d+/.test(allText(t.svg)))).toBe(true);
  });

  it('cuts between nodes, so no node of a lane map is cut in half', () => {
    const map = generateLayeredMap(300, 11);
    const tiling = mapTiles({ ...map, labels }, page);
    const drawing = prepareDrawing({ ...map, labels });
    for (const tile of tiling.tiles) {
      for (const id of tile.nodeIds) {
        const box = drawing.byId.get(id);
        if (!box) throw new Error(id);
        expect(box.y).toBeGreaterThanOrEqual(tile.view.y);
        expect(box.y + box.height).toBeLessThanOrEqual(tile.view.y + tile.view.height);
        expect(box.x).toBeGreaterThanOrEqual(tile.view.x);
        expect(box.x + box.width).toBeLessThanOrEqual(tile.view.x + tile.view.width);
      }
    }
    expect(tiling.tiles.every((t) => /^[A-Z]+\d+$/.test(t.label))).toBe(true);
  });

  it('draws a shapes-only overview: boxes and links, no words', () => {
    const map = generateLayeredMap(60, 3);
    const drawing = prepareDrawing({ ...map, labels });
    const svg = drawingSvg(drawing, drawing.bounds, { detail: 'shapes' });
    expect(xmlProblem(svg)).toBeNull();
    expect(svgTexts(svg)).toEqual([]);
    expect(svg.match(/<rect/g)?.length).toBe(map.nodes.length);
    expect(svg).not.toContain('stroke-dasharray');
  });

  it('gives a small map one tile and tells neighbours apart in a wide one', () => {
    const small = mapTiles({ ...templateContent('okrs', 'en'), labels }, { width: 2000, height: 4000 });
    expect(small.tiles.length).toBe(1);
    const wide = mapTiles({ ...generateLayeredMap(200, 3), labels }, { width: 600, height: 1200 });
    const withRight = wide.tiles.find((t) => t.neighbours.right !== undefined);
    expect(withRight).toBeDefined();
    const below = wide.tiles.find((t) => t.neighbours.below !== undefined);
    expect(below && wide.tiles[below.neighbours.below as number]?.neighbours.above).toBe(below?.index);
  });

  it('moves a cut back to the gap before a node, unless the page would be less than half full', () => {
    expect(cuts([[90, 130]], 0, 300, 100)).toEqual([0, 90, 190, 290]);
    expect(cuts([[10, 130]], 0, 300, 100)).toEqual([0, 100, 200]);
  });
});
