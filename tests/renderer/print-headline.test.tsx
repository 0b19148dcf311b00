import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n';
import { healthHeadline } from '../../renderer/src/panels/health-headline';
import { PrintDocument } from '../../renderer/src/print/PrintDocument';
import type { Language } from '../../shared/model/language';
import { PdfChoicesSchema } from '../../shared/print/export-choices';
import { templateContent } from '../../shared/templates';
import { healthSummary } from '../../shared/validation/summary';
import { validateMap } from '../../shared/validation/validate';

/** The PDF's first-page headline, as drawn for a map in a language. */
function printedHeadline(language: Language): string {
  const content = templateContent('product-launch-gap', language);
  const map = { id: 'm', name: 'Launch', revision: 1, createdAt: '', updatedAt: '', ...content };
  const choices = PdfChoicesSchema.parse({ language, sections: ['findings'] });
  const i18n = createI18n(language);
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <PrintDocument map={map} choices={choices} onLaidOut={() => {}} />
    </I18nextProvider>,
  );
  const match = /class="print-health">.*?<strong[^>]*>([^<]*)<\/strong>/.exec(html);
  if (!match) throw new Error('no headline in the print document');
  return match[1] ?? '';
}

describe('the PDF headline', () => {
  it('is the findings panel’s headline, closed-loop count included, in both languages', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const content = templateContent('product-launch-gap', language);
      const summary = healthSummary(content.nodes, validateMap(content));
      expect(summary.goalsWithoutClosedLoop).toBeGreaterThan(0);
      const panel = healthHeadline(summary, createI18n(language).t);
      expect(printedHeadline(language)).toBe(panel);
    }
    expect(printedHeadline('en')).toBe('2 of 3 goals have an execution path · 2 have no closed loop');
    expect(printedHeadline('zh-CN')).toContain('2 个没有闭环');
  });
});
