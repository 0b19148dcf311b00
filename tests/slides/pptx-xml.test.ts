import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { slidesPptx } from '../../electron/backend/services/slides/slides-pptx';
import { LANGUAGES } from '../../shared/model/language';
import { xmlProblem } from '../shared/xml-check';
import { boardMap, TODAY } from './board-map';

/**
 * PowerPoint refuses a deck with one malformed part where LibreOffice only drops a shape: every XML
 * part of a deck whose map holds markup, an ampersand, quotes, a bell, a tab and a line break in
 * its text must be well formed, and hold no character XML 1.0 forbids.
 */
describe('the deck’s XML', () => {
  for (const language of LANGUAGES) {
    it(`is well formed in every part, hostile text included (${language})`, async () => {
      const zip = await JSZip.loadAsync(await slidesPptx(boardMap(language), language, TODAY));
      const parts = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
      expect(parts).toContain('ppt/presentation.xml');
      for (const name of parts) {
        const xml = await (zip.file(name) as JSZip.JSZipObject).async('string');
        const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
        expect(xmlProblem(body), name).toBeNull();
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the forbidden characters are what is looked for
        expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml), name).toBe(false);
      }
      const slides = await Promise.all(
        parts
          .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
          .map((n) => (zip.file(n) as JSZip.JSZipObject).async('string')),
      );
      expect(slides.join('')).toContain('&lt;b&gt;R&amp;D&lt;/b&gt;');
    });
  }

  it('glues each arrow between two cards to their sides, and groups each card with its chip', async () => {
    const map = boardMap('en');
    const zip = await JSZip.loadAsync(await slidesPptx(map, 'en', TODAY));
    const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const slides = await Promise.all(names.map((n) => (zip.file(n) as JSZip.JSZipObject).async('string')));
    const goalSlide = slides.find(
      (xml) => xml.includes('name="node long-mech"') && xml.includes('name="chip long-mech"'),
    ) as string;
    const ids = new Map(
      [...goalSlide.matchAll(/<p:cNvPr id="(\d+)" name="([^"]*)"/g)].map((m) => [m[2], m[1]]),
    );
    const glued = [...goalSlide.matchAll(/<p:cxnSp>.*?<\/p:cxnSp>/gs)]
      .map((m) => m[0])
      .find((c) => c.includes('name="link long-mech long-metric right left"'));
    // From the mechanism's right side (site 3) to the metric's left side (site 1).
    expect(glued).toContain(`<a:stCxn id="${ids.get('node long-mech')}" idx="3"/>`);
    expect(glued).toContain(`<a:endCxn id="${ids.get('node long-metric')}" idx="1"/>`);
    expect(glued).toContain('prst="straightConnector1"');
    // The mechanism's card and its function chip are one group.
    const card = [...goalSlide.matchAll(/<p:grpSp>.*?<\/p:grpSp>/gs)]
      .map((m) => m[0])
      .find((g) => g.includes('name="card long-mech"'));
    expect(card).toContain('name="node long-mech"');
    expect(card).toContain('name="chip long-mech"');
  });
});
