import { jsonWithoutControls } from '../../shared/exports/control-chars';
import { type Finding, healthSummary, type Language, validateMap } from '../../shared/validation';
import { EXIT } from './cli-error';
import type { LoadedMap } from './read-maps';
import { readMaps } from './read-maps';
import { printable } from './terminal-text';

export interface ValidateOptions {
  file: string;
  json: boolean;
  lang: Language;
}

export interface MapReport {
  id?: string;
  name: string;
  nodes: number;
  links: number;
  summary: ReturnType<typeof healthSummary>;
  findings: Finding[];
}

/** Validates every map of a database or a JSON map; exit 1 when any finding is an error. */
export async function validateCommand(
  options: ValidateOptions,
  out: (text: string) => void,
): Promise<number> {
  const { maps } = await readMaps(options.file);
  const reports = maps.map(reportOf);
  out(
    options.json
      ? `${jsonWithoutControls(JSON.stringify({ file: options.file, maps: reports }, null, 2))}\n`
      : formatReports(options.file, reports, options.lang),
  );
  return reports.some((r) => r.summary.errors > 0) ? EXIT.findings : EXIT.ok;
}

export function reportOf(map: LoadedMap): MapReport {
  const findings = validateMap(map.content);
  return {
    ...(map.id === undefined ? {} : { id: map.id }),
    name: map.name,
    nodes: map.content.nodes.length,
    links: map.content.links.length,
    summary: healthSummary(map.content.nodes, findings),
    findings,
  };
}

const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  error: 'ERROR  ',
  warning: 'warning',
  info: 'info   ',
};

/** The findings as people read them: one block per map, one line per finding, a total at the end. */
export function formatReports(file: string, reports: readonly MapReport[], lang: Language): string {
  if (reports.length === 0) return `${printable(file)}: no maps.\n`;
  const lines: string[] = [];
  for (const report of reports) {
    // Every value from the file goes through printable: names, messages and ids alike.
    const id = report.id ? ` (${printable(report.id)})` : '';
    const s = report.summary;
    lines.push(
      `Map "${printable(report.name)}"${id}: ${plural(report.nodes, 'node')}, ${plural(report.links, 'link')}; ` +
        `${s.goalsWithPath} of ${plural(s.goals, 'goal')} with an execution path`,
    );
    if (report.findings.length === 0) lines.push('  No findings.');
    for (const finding of report.findings) {
      const where = [
        finding.nodeIds.length > 0 ? `nodes: ${finding.nodeIds.map(printable).join(', ')}` : '',
        finding.linkIds.length > 0 ? `links: ${finding.linkIds.map(printable).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      lines.push(
        `  ${SEVERITY_LABEL[finding.severity]}  ${printable(finding.message[lang])}${where ? `  [${where}]` : ''}  (${finding.code})`,
      );
    }
    lines.push(
      `  ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'note')}`,
    );
    lines.push('');
  }
  const errors = reports.reduce((sum, r) => sum + r.summary.errors, 0);
  lines.push(
    errors === 0
      ? `OK: no errors in ${plural(reports.length, 'map')}.`
      : `${plural(errors, 'error')} in ${plural(reports.filter((r) => r.summary.errors > 0).length, 'map')}.`,
  );
  return `${lines.join('\n')}\n`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
