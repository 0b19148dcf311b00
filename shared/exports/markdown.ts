import { formatAmount } from '../model/amount';
import type { CheckinIndex } from '../model/checkins';
import type { Language } from '../model/language';
import type { MapLink, MapNode, MechanismNode, MetricNode } from '../model/types';
import { healthSummary } from '../validation/summary';
import { validateMap } from '../validation/validate';
import { latestNumbers, TREND_ARROWS } from './checkin-numbers';
import { escapeMarkdown } from './markdown-escape';
import { MARKDOWN_WORDS } from './markdown-words';
import { type OutlineRow, outlineRows } from './outline';
import { functionLabel, VALUE_LABELS } from './outline-labels';

export interface MarkdownMap {
  name: string;
  nodes: readonly MapNode[];
  links: readonly MapLink[];
  /** The map's check-ins: a stale metric is a finding, and each metric's latest number is listed. */
  history?: CheckinIndex;
}

/**
 * The outline of a map as a Markdown document, for people who track the plan in a wiki or a chat:
 * the map's name, its health in one line, each goal as a `##` heading with its mechanisms as
 * bullets and their metrics nested under them (the rows of outline.ts), then every finding of the
 * validator, after a line per metric with its latest check-in (value, date, trend ↑ ↓ →) when the
 * map has any. Every piece of user text goes through escapeMarkdown, so it stays inert text.
 */
export function outlineMarkdown(map: MarkdownMap, language: Language, today: string): string {
  const words = MARKDOWN_WORDS[language];
  const labels = VALUE_LABELS[language];
  const findings = validateMap({ nodes: map.nodes, links: map.links, history: map.history, today });
  const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 6 });

  const text = (value: string) => escapeMarkdown(value.trim());
  const title = (node: MapNode) => text(node.title) || labels.untitled[node.kind];
  const amount = (value: number | null) => (value === null ? '—' : numbers.format(value));
  /** "Label: value" for each value present, joined on one line. */
  const facts = (pairs: readonly (readonly [string, string | null])[]) =>
    pairs
      .filter((pair): pair is readonly [string, string] => pair[1] !== null && pair[1] !== '')
      .map(([label, value]) => `${label}${words.colon}${value}`)
      .join(words.separator);
  const withFacts = (head: string, line: string) => (line === '' ? head : `${head} — ${line}`);

  const mechanismLine = (row: OutlineRow, m: MechanismNode) =>
    withFacts(
      `- **${title(m)}**`,
      facts([
        [words.owner, text(m.owner)],
        [words.function, functionLabel(labels, m.function)],
        [words.start, m.startDate],
        [words.due, m.dueDate],
        [words.status, labels.mechanismStatus[m.status]],
        [words.enabledBy, row.enabledBy.map(title).join('; ')],
      ]),
    );
  const metricFacts = (row: OutlineRow, k: MetricNode) =>
    facts([
      [words.unit, text(k.unit)],
      [
        words.baselineToTarget,
        k.baseline === null && k.target === null ? null : `${amount(k.baseline)} → ${amount(k.target)}`,
      ],
      [words.current, k.current === null ? null : amount(k.current)],
      [words.due, k.dueDate],
      [words.status, row.progress === null ? null : labels.progress[row.progress]],
    ]);

  const lines: string[] = [`# ${text(map.name)}`, '', words.summary(healthSummary(map.nodes, findings)), ''];
  lines.push(words.asOf(today), '');

  const rows = outlineRows(map, today);
  if (rows.length === 0) lines.push(words.noGoals, '');
  for (let i = 0; i < rows.length; ) {
    const goal = (rows[i] as OutlineRow).goal;
    const first = rows[i] as OutlineRow;
    lines.push(`## ${title(goal)}`, '');
    const about = facts([
      [words.owner, text(goal.owner)],
      [words.horizon, text(goal.horizon)],
      [words.priority, goal.priority === null ? null : labels.priority[goal.priority]],
      [words.status, labels.goalStatus[goal.status]],
      [words.partOf, first.parentGoals.map(title).join('; ')],
    ]);
    lines.push(about, '');
    let mechanism: MechanismNode | null = null;
    for (; i < rows.length && (rows[i] as OutlineRow).goal === goal; i++) {
      const row = rows[i] as OutlineRow;
      if (row.mechanism !== null) {
        if (row.mechanism !== mechanism) lines.push(mechanismLine(row, row.mechanism));
        mechanism = row.mechanism;
        lines.push(
          row.metric === null
            ? `  - ${words.noMetric}`
            : withFacts(`  - ${title(row.metric)}`, metricFacts(row, row.metric)),
        );
      } else if (row.metric !== null) {
        lines.push(
          withFacts(
            `- **${words.outcomeMetric}**${words.colon}${title(row.metric)}`,
            metricFacts(row, row.metric),
          ),
        );
      } else {
        lines.push(`- ${words.noMechanism}`);
      }
    }
    lines.push('');
  }

  const metrics = map.nodes.filter((node): node is MetricNode => node.kind === 'metric');
  if (map.history !== undefined && map.history.size > 0 && metrics.length > 0) {
    lines.push(`## ${words.latestHeading}`, '');
    for (const metric of metrics) {
      const { latest, trend } = latestNumbers(map.history, metric.id);
      const line =
        latest === null
          ? words.noCheckins
          : [
              `${words.latest}${words.colon}${text(formatAmount(latest.value, metric.unit, language))}`,
              latest.date,
              trend === null ? null : `${TREND_ARROWS[trend]} ${labels.trend[trend]}`,
            ]
              .filter((part) => part !== null)
              .join(words.separator);
      lines.push(`- **${title(metric)}** — ${line}`);
    }
    lines.push('');
  }

  lines.push(`## ${words.findings}`, '');
  if (findings.length === 0) lines.push(words.noFindings);
  for (const finding of findings) {
    lines.push(`- **${words.severity[finding.severity]}**${words.colon}${text(finding.message[language])}`);
  }
  return `${lines.join('\n')}\n`;
}
