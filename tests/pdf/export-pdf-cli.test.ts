import { describe, expect, it } from 'vitest';
import { noChromium } from '../../electron/backend/services/pdf-printer';
import { CliError, EXIT } from '../../electron/cli/cli-error';
import { exportCommand } from '../../electron/cli/export';
import { exportPdfCommand } from '../../electron/cli/export-pdf';

const fixture = new URL('../fixtures/good-map.json', import.meta.url).pathname;
const base = { file: fixture, out: '/nonexistent/plan.pdf', landscape: false, lang: 'en' as const };
const noBrowser = () => null;

async function refusal(promise: Promise<unknown>): Promise<CliError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('throughline export --format pdf', () => {
  it('says in one line that no Chromium was found, exit 2, before reading or writing anything', async () => {
    const error = await refusal(exportPdfCommand(base, () => {}, noBrowser));
    expect(error.message).toBe(noChromium('PDF').message);
    expect(error.message).not.toContain('\n');
    expect(error.exitCode).toBe(EXIT.failure);
  });

  it('needs --out and a known paper size', async () => {
    const noOut = await refusal(exportPdfCommand({ ...base, out: undefined }, () => {}, noBrowser));
    expect(noOut.message).toContain('needs --out');
    const paper = await refusal(exportPdfCommand({ ...base, paper: 'B5' }, () => {}, noBrowser));
    expect(paper.message).toContain('--paper must be one of A4, A3, Letter, Tabloid');
  });

  it('takes --changes-since only with --format pdf, saying so in one line', async () => {
    const csv = await refusal(
      exportCommand(
        { ...base, format: 'csv', changesSince: 'Offsite Q1' },
        () => {},
        () => {},
      ),
    );
    expect(csv.message).toBe(
      '--changes-since is for --format pdf only (its section "Changes since …"), not csv.',
    );
  });
});
