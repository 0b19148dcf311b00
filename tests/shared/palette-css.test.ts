import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATUS_FILL } from '../../shared/model/card-status';
import { KIND_STYLE, SEVERITY_COLOUR } from '../../shared/render/palette';
import { paletteCss, paletteProperties } from '../../shared/render/palette-css';

// The screen's stylesheets (one per job under renderer/src/styles/) are read as one, as the
// bundle serves them; the print view's sheet on its own.
const screenDir = 'renderer/src/styles';
const screenSheets = readdirSync(screenDir).filter((name) => name.endsWith('.css'));
const sheets = [
  {
    path: `${screenDir}/*.css`,
    text: screenSheets.map((name) => readFileSync(`${screenDir}/${name}`, 'utf8')).join('\n'),
  },
  { path: 'renderer/src/print/print.css', text: readFileSync('renderer/src/print/print.css', 'utf8') },
];

describe('the palette has one home: palette.ts, read by the stylesheets as --palette-*', () => {
  it('writes every colour of palette.ts and of the status chips as a custom property', () => {
    const values = new Set(Object.values(paletteProperties()));
    const wanted = [
      ...Object.values(KIND_STYLE).flatMap((style) => [style.fill, style.stroke, style.ink]),
      ...Object.values(SEVERITY_COLOUR),
      ...Object.values(STATUS_FILL),
    ];
    for (const colour of wanted) expect(values, colour).toContain(colour);
    expect(paletteCss()).toContain(`--palette-goal: ${KIND_STYLE.goal.fill};`);
  });

  it('defines every --palette-* property the stylesheets use', () => {
    const defined = new Set(Object.keys(paletteProperties()));
    for (const { path, text } of sheets) {
      const used = [...text.matchAll(/var\((--palette-[a-z-]+)\)/g)].map((m) => m[1] as string);
      expect(used.length, path).toBeGreaterThan(0);
      for (const name of used) expect(defined, `${path}: ${name}`).toContain(name);
    }
  });

  it('leaves no copy of a palette colour written into the stylesheets by hand', () => {
    // #ffffff is plain white, and the UI's accent and soft ink are colours of their own that the
    // status chips (achieved, unknown) happen to share.
    const ownColours = new Set(['#ffffff', '#1f4fd1', '#4b5563']);
    const palette = new Set(Object.values(paletteProperties()).filter((c) => !ownColours.has(c)));
    for (const { path, text } of sheets) {
      const copies = [...text.matchAll(/#[0-9a-fA-F]{6}\b/g)]
        .map((m) => m[0].toLowerCase())
        .filter((hex) => palette.has(hex));
      expect(copies, path).toEqual([]);
    }
  });
});
