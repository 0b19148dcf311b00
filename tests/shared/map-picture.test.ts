import { describe, expect, it } from 'vitest';
import {
  EmptyPictureError,
  mapPicture,
  PNG_MAX_PIXELS,
  PNG_MAX_SIDE,
  PNG_PREFERRED_SCALE,
  pngPicture,
  pngScale,
} from '../../shared/render';
import { templateContent } from '../../shared/templates';
import { validateMap } from '../../shared/validation/validate';
import { generateLayeredMap } from '../bench/generate-map';
import { svgTexts, xmlProblem } from './xml-check';

const launch = { name: 'Product launch', ...templateContent('product-launch-gap', 'en') };

describe('the map as a picture', () => {
  it('is a standalone, well-formed SVG on white with every title and the map name', () => {
    const { svg, width, height } = mapPicture(launch, 'en');
    expect(
      svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true);
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toContain(`width="${width}" height="${height}"`);
    expect(svg).toContain('<title>Product launch</title>');
    expect(svg).toMatch(/<rect [^>]*fill="#ffffff"\/>/);
    const text = svgTexts(svg).join('\n');
    for (const node of launch.nodes) expect(text).toContain(node.title.slice(0, 12));
  });

  it('speaks the language asked for', () => {
    const map = { name: '双十一', ...templateContent('shopping-festival', 'zh-CN') };
    const text = svgTexts(mapPicture(map, 'zh-CN').svg).join('\n');
    expect(text).toContain('负责人：');
    expect(text).not.toContain('Owner:');
    expect(svgTexts(mapPicture(map, 'en').svg).join('\n')).toContain('Owner:');
  });

  it('marks the goal without an execution path, from the findings given or its own', () => {
    const own = mapPicture(launch, 'en').svg;
    const given = mapPicture({ ...launch, findings: validateMap(launch) }, 'en').svg;
    expect(given).toBe(own);
    expect(mapPicture({ ...launch, findings: [] }, 'en').svg).not.toBe(own);
  });

  it('refuses a map with no nodes, with a message a user understands', () => {
    expect(() => mapPicture({ name: 'Empty', nodes: [], links: [] }, 'en')).toThrow(EmptyPictureError);
    expect(() => pngPicture({ name: 'Empty', nodes: [], links: [] }, 'en')).toThrow(/nothing to draw/);
  });
});

describe('the PNG picture', () => {
  it('is drawn at twice the size where it fits', () => {
    const natural = mapPicture(launch, 'en');
    const png = pngPicture(launch, 'en');
    expect(pngScale(natural.width, natural.height)).toBe(PNG_PREFERRED_SCALE);
    expect(png.width).toBe(Math.ceil((natural.width * PNG_PREFERRED_SCALE) / 1));
    expect(Math.abs(png.height - natural.height * 2)).toBeLessThanOrEqual(2);
    // The drawing itself is not redrawn bigger: only its width and height attributes change.
    expect(png.svg.replace(/ width="\d+" height="\d+"/, '')).toBe(
      natural.svg.replace(/ width="\d+" height="\d+"/, ''),
    );
  });

  it('stays inside the side and area limits for a very large map, and still draws it whole', () => {
    const big = { name: 'Big', ...generateLayeredMap(3000, 7) };
    const natural = mapPicture(big, 'en');
    const png = pngPicture(big, 'en');
    expect(png.width).toBeLessThanOrEqual(PNG_MAX_SIDE + 1);
    expect(png.height).toBeLessThanOrEqual(PNG_MAX_SIDE + 1);
    expect(png.width * png.height).toBeLessThanOrEqual(PNG_MAX_PIXELS * 1.01);
    expect(Math.abs(png.height / png.width / (natural.height / natural.width) - 1)).toBeLessThan(0.02);
  });

  it('never scales above the preferred size, and handles degenerate sizes', () => {
    expect(pngScale(10, 10)).toBe(PNG_PREFERRED_SCALE);
    expect(pngScale(0, 0)).toBe(PNG_PREFERRED_SCALE);
    expect(pngScale(PNG_MAX_SIDE * 4, 100)).toBeCloseTo(0.25);
    expect(pngScale(20_000, 20_000)).toBeCloseTo(Math.sqrt(PNG_MAX_PIXELS) / 20_000);
  });
});
