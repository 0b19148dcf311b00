import { jsonWithoutControls } from '../../shared/exports/control-chars';
import { MARKDOWN_WORDS } from '../../shared/exports/markdown-words';
import type { Language } from '../../shared/model/language';
import { localToday } from '../../shared/model/local-today';
import { type Finding, healthSummary, validateMap } from '../../shared/validation';
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
  const findings = validateMap({ ...map.content, today: localToday() });
  return {
    ...(map.id === undefined ? {} : { id: map.id }),
    name: map.name,
    nodes: map.content.nodes.length,
    links: map.content.links.length,
    summary: healthSummary(map.content.nodes, findings),
    findings,
  };
}

/** The fixed words of the report, in the language of --lang; user text is never part of them. */
interface ReportWords {
  map(name: string, id: string, report: MapReport): string;
  severity: Record<Finding['severity'], string>;
  nodes: string;
  links: string;
  /** Between the node list and the link list of a finding. */
  separator: string;
  noFindings: string;
  totals(s: MapReport['summary']): string;
  ok(maps: number): string;
  failed(errors: number, maps: number): string;
}

const REPORT_WORDS: Readonly<Record<Language, ReportWords>> = {
  en: {
    map: (name, id, r) =>
      `Map "${name}"${id}: ${plural(r.nodes, 'node')}, ${plural(r.links, 'link')}; ` +
      `${r.summary.goalsWithPath} of ${plural(r.summary.goals, 'goal')} with an execution path`,
    severity: { error: 'ERROR  ', warning: 'warning', info: 'info   ' },
    nodes: 'nodes: ',
    links: 'links: ',
    separator: '; ',
    noFindings: 'No findings.',
    totals: (s) =>
      `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'note')}`,
    ok: (maps) => `OK: no errors in ${plural(maps, 'map')}.`,
    failed: (errors, maps) => `${plural(errors, 'error')} in ${plural(maps, 'map')}.`,
  },
  'zh-CN': {
    map: (name, id, r) =>
      `地图“${name}”${id}：${r.nodes} 个节点，${r.links} 条连线；` +
      `${r.summary.goals} 个目标中有 ${r.summary.goalsWithPath} 个有执行路径`,
    // The words the Markdown and Excel outlines use for a finding's severity.
    severity: MARKDOWN_WORDS['zh-CN'].severity,
    nodes: '节点：',
    links: '连线：',
    separator: '；',
    noFindings: '没有检查结果。',
    totals: (s) => `${s.errors} 个错误、${s.warnings} 个警告、${s.infos} 条提示`,
    ok: (maps) => `通过：${maps} 张地图都没有错误。`,
    failed: (errors, maps) => `${maps} 张地图中共有 ${errors} 个错误。`,
  },
};

/** The findings as people read them: one block per map, one line per finding, a total at the end. */
export function formatReports(file: string, reports: readonly MapReport[], lang: Language): string {
  const shownFile = printable(file);
  if (reports.length === 0)
    return lang === 'zh-CN' ? `${shownFile}：没有地图。\n` : `${shownFile}: no maps.\n`;
  const words = REPORT_WORDS[lang];
  const lines: string[] = [];
  for (const report of reports) {
    // Every value from the file goes through printable: names, messages and ids alike.
    const id = report.id ? ` (${printable(report.id)})` : '';
    lines.push(words.map(printable(report.name), id, report));
    if (report.findings.length === 0) lines.push(`  ${words.noFindings}`);
    for (const finding of report.findings) {
      const where = [
        finding.nodeIds.length > 0 ? `${words.nodes}${finding.nodeIds.map(printable).join(', ')}` : '',
        finding.linkIds.length > 0 ? `${words.links}${finding.linkIds.map(printable).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(words.separator);
      lines.push(
        `  ${words.severity[finding.severity]}  ${printable(finding.message[lang])}${where ? `  [${where}]` : ''}  (${finding.code})`,
      );
    }
    lines.push(`  ${words.totals(report.summary)}`);
    lines.push('');
  }
  const errors = reports.reduce((sum, r) => sum + r.summary.errors, 0);
  lines.push(
    errors === 0
      ? words.ok(reports.length)
      : words.failed(errors, reports.filter((r) => r.summary.errors > 0).length),
  );
  return `${lines.join('\n')}\n`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
