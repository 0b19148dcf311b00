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
const dialogs = readdirSync(panelsDir)
  .filter((name) => name.endsWith('.tsx'))
  .map((name) => ({ name, text: readFileSync(join(panelsDir, name), 'utf8') }))
  .filter(({ text }) => text.includes('<dialog'));

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
  it('puts every modal dialog of the panels on the shared .dialog class', () => {
    expect(dialogs.map((d) => d.name).sort()).toEqual(
      ['ExportDialog.tsx', 'RestoreDialog.tsx', 'ShortcutSheet.tsx', 'TemplatePicker.tsx'].sort(),
    );
    for (const { name, text } of dialogs) {
      const className = /<dialog[^>]*?className="([^"]*)"/s.exec(text)?.[1] ?? '';
      expect(className.split(' '), name).toContain('dialog');
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
