import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The modal dialogs' frame (backdrop, box, header, body, actions) has one home: the .dialog
// classes of dialogs.css. A dialog's own stylesheet keeps only its contents and its width.
const stylesDir = 'renderer/src/styles';
const panelsDir = 'renderer/src/panels';
const sheets = readdirSync(stylesDir)
  .filter((name) => name.endsWith('.css'))
  .map((name) => ({
    name,
    text: readFileSync(join(stylesDir, name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''),
  }));
/** Every source file of the renderer, by path. */
function sources(dir: string): { name: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.tsx') ? [{ name: path, text: readFileSync(path, 'utf8') }] : [];
  });
}
const files = sources('renderer/src');
const dialogs = files.filter(({ text }) => text.includes('<ModalDialog'));

/** The properties the screen's sheets set on the element of class `className` itself (not its contents). */
function declarationsOf(className: string): string[] {
  const found: string[] = [];
  for (const { text } of sheets) {
    for (const match of text.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
      const selectors = (match[1] as string).split(',').map((s) => s.trim());
      if (!selectors.some((s) => new RegExp(`^\\.${className}(\\[[^\\]]*\\]|::?[\\w-]+)*$`).test(s)))
        continue;
      found.push(
        ...(match[2] as string)
          .split(';')
          .map((d) => d.trim().split(':')[0]?.trim() ?? '')
          .filter(Boolean),
      );
    }
  }
  return found;
}

describe('one dialog frame', () => {
  it('builds every modal dialog on the one ModalDialog frame, with the shared header and title', () => {
    // The <dialog> element is written once, in ModalDialog.tsx, with the `dialog` class.
    expect(files.filter(({ text }) => text.includes('<dialog')).map((f) => f.name)).toEqual([
      join(panelsDir, 'ModalDialog.tsx'),
    ]);
    expect(dialogs.length).toBeGreaterThanOrEqual(7);
    for (const { name, text } of dialogs) {
      expect(text, name).toContain('className="dialog__header"');
      expect(text, name).toContain('className="dialog__title"');
    }
  });

  it('draws the backdrop and the box in dialogs.css only', () => {
    const backdrops = sheets.filter(({ text }) => text.includes('::backdrop')).map((s) => s.name);
    expect(backdrops).toEqual(['dialogs.css']);
    for (const own of ['export-dialog', 'shortcut-sheet']) {
      const declared = declarationsOf(own);
      expect(declared, own).toContain('width');
      for (const frame of ['border', 'border-radius', 'background', 'box-shadow', 'padding', 'max-height']) {
        expect(declared, `${own}: ${frame}`).not.toContain(frame);
      }
    }
  });

  it('imports dialogs.css before the sheets that set a dialog’s width on it, so that width wins', () => {
    const order = [
      ...readFileSync(join(stylesDir, 'index.css'), 'utf8').matchAll(/@import "\.\/([\w.-]+)"/g),
    ].map((m) => m[1] as string);
    for (const own of ['export-dialog', 'shortcut-sheet']) {
      const home = sheets.find(({ text }) => new RegExp(`(^|[},])\\s*\\.${own}\\s*\\{`).test(text));
      expect(home, own).toBeDefined();
      expect(order.indexOf('dialogs.css'), own).toBeLessThan(order.indexOf(home?.name ?? ''));
    }
  });
});
