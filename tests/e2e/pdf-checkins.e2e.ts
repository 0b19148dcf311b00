import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPdfCommand } from '../../electron/cli/export-pdf';
import { serializeInterchange } from '../../shared/interchange';
import { LANGUAGES } from '../../shared/model/language';
import type { MetricNode } from '../../shared/model/types';
import { pdfFacts, squash } from '../pdf/pdf-checks';
import { mapWithCheckins } from '../shared/checkin-fixture';
import { removeDir } from './harness';

// The PDF's metrics table with check-ins, as `throughline export --format pdf` prints it with the
// built print view and Debian's Chromium, read back with pdftotext: the current value's date and
// the trend's arrow in both languages, and the sparklines drawn as vectors (no image more than the
// same map printed without check-ins).

const dir = mkdtempSync(join(tmpdir(), 'throughline-pdf-checkins-'));
afterAll(() => removeDir(dir));

async function printed(
  name: string,
  content: Parameters<typeof serializeInterchange>[1],
  lang: 'en' | 'zh-CN',
) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, serializeInterchange(name, content));
  const out = join(dir, `${name}.pdf`);
  await exportPdfCommand({ file, out, landscape: true, paper: 'A4', lang }, () => {});
  return pdfFacts(readFileSync(out));
}

describe('the PDF metrics table with check-ins', () => {
  for (const language of LANGUAGES) {
    it(`prints each metric's last value, its date and its trend (${language})`, async () => {
      const map = mapWithCheckins(language);
      const facts = await printed(`with-${language}`, map, language);
      expect(facts.qpdfCheck).toContain('No syntax or stream encoding errors');
      const text = facts.squashedText;
      expect(text).toContain(squash(language === 'en' ? 'As of' : '数值日期'));
      expect(text).toContain(squash(language === 'en' ? 'Trend' : '趋势'));
      expect(text).toContain('2026-06-24');
      expect(text).toContain('2026-06-01');
      expect(text).toContain('↓');
      expect(text).toContain('→');
      const first = map.nodes.find((n): n is MetricNode => n.kind === 'metric') as MetricNode;
      expect(text).toContain(squash(first.title));

      const without = await printed(`without-${language}`, { nodes: map.nodes, links: map.links }, language);
      expect(without.squashedText).not.toContain(squash(language === 'en' ? 'As of' : '数值日期'));
      expect(facts.images).toBe(without.images);
    });
  }
});
