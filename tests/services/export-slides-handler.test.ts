import { readdirSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { MapSummary } from '../../shared/contract/api';
import { SLIDES_FILE } from '../../shared/slides/slides-format';
import { temporaryBackend } from './temporary-backend';

const library = temporaryBackend('throughline-export-slides-');
const { call, writes } = library;

interface Exported {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** The text of every slide of a deck, slide by slide, as the XML holds it. */
async function slideXml(base64: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  return Promise.all(names.map((n) => (zip.file(n) as JSZip.JSZipObject).async('string')));
}

describe('exportSlides over the contract', () => {
  it('answers a 16:9 PowerPoint deck of the stored map, named after it, its text editable', async () => {
    const map = await call<MapSummary>('createMapFromTemplate', {
      templateId: 'shopping-festival',
      language: 'en',
    });
    const deck = await call<Exported>('exportSlides', { mapId: map.id, language: 'en' });
    expect(deck.fileName).toBe(`${map.name}.pptx`);
    expect(deck.mimeType).toBe(SLIDES_FILE.mimeType);
    const zip = await JSZip.loadAsync(Buffer.from(deck.base64, 'base64'));
    const presentation = await (zip.file('ppt/presentation.xml') as JSZip.JSZipObject).async('string');
    // 13.333 × 7.5 inches in EMU: PowerPoint's Widescreen.
    expect(presentation).toContain('<p:sldSz cx="12192000" cy="6858000"');
    const slides = await slideXml(deck.base64);
    expect(slides[0]).toContain(`<a:t>${map.name}</a:t>`);
    // Shapes with text in them, not pictures: every title is a text run.
    expect(slides.join('')).toContain('<a:t>Daily brand livestreams in the warm-up</a:t>');
    expect(slides.join('')).not.toContain('<p:pic>');
    // Zipped with compression: the slides' XML alone is several times the file.
    expect(Buffer.from(deck.base64, 'base64').length * 3).toBeLessThan(slides.join('').length);
  });

  it('sets a Chinese deck in an East Asian font, its runs marked as Chinese', async () => {
    const map = await call<MapSummary>('createMapFromTemplate', {
      templateId: 'shopping-festival',
      language: 'zh-CN',
    });
    const deck = await call<Exported>('exportSlides', { mapId: map.id, language: 'zh-CN' });
    const all = (await slideXml(deck.base64)).join('');
    expect(all).toContain('<a:ea typeface="Microsoft YaHei"');
    expect(all).toContain('lang="zh-CN"');
    expect(all).not.toContain('lang="en-US"');
    expect(all).toContain('<a:t>检查结果</a:t>');
  });

  const bad: [string, (mapId: string) => unknown, string][] = [
    ['an unknown language', (mapId) => ({ mapId, language: 'fr' }), 'invalid-payload'],
    ['no language', (mapId) => ({ mapId }), 'invalid-payload'],
    ['a map id with path tricks', () => ({ mapId: '../x', language: 'en' }), 'invalid-payload'],
    ['an unknown map', () => ({ mapId: 'nope', language: 'en' }), 'not-found'],
  ];

  it.each(bad)('refuses %s with a typed error and writes nothing', async (_, payload, code) => {
    const map = await call<MapSummary>('createMapFromTemplate', { templateId: 'okrs', language: 'en' });
    const files = readdirSync(library.dir).sort();
    const before = writes();
    const response = await library.backend.registry.dispatch('exportSlides', payload(map.id));
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.code).toBe(code);
    expect(writes()).toBe(before);
    expect(readdirSync(library.dir).sort()).toEqual(files);
  });
});
