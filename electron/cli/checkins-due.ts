import { jsonWithoutControls } from '../../shared/exports/control-chars';
import { VALUE_LABELS } from '../../shared/exports/outline-labels';
import { formatAmount } from '../../shared/model/amount';
import { type CheckinState, checkinDue } from '../../shared/model/checkin-cadence';
import { CheckinIndex } from '../../shared/model/checkins';
import type { MetricCadence } from '../../shared/model/kinds';
import type { Language } from '../../shared/model/language';
import { localToday } from '../../shared/model/local-today';
import { dayNumber } from '../../shared/model/metric-progress';
import type { MetricNode } from '../../shared/model/types';
import { CliError, EXIT } from './cli-error';
import { type LoadedMap, readOneMap } from './read-maps';
import { printable } from './terminal-text';

export interface CheckinsDueOptions {
  file: string;
  map?: string;
  owner?: string;
  json: boolean;
  lang: Language;
  /** The day to judge by (YYYY-MM-DD); the local date when not given. */
  today?: string;
}

/** The states a reminder is for: no number yet, due, or stale (checkin-cadence.ts). */
export type DueState = Extract<CheckinState, 'never' | 'due' | 'stale'>;

/** One metric that needs its number: the JSON shape of `checkins due --json` (README). */
export interface DueMetric {
  id: string;
  title: string;
  cadence: MetricCadence;
  state: DueState;
  /** The day the next number was due; null when the metric has none yet (due now). */
  next: string | null;
  daysOverdue: number;
  unit: string;
  lastValue: number | null;
  lastDate: string | null;
}

export interface DueReport {
  map: { id?: string; name: string };
  today: string;
  /** How many metrics are listed under all owners. */
  count: number;
  /** By owner, alphabetically, the metrics without an owner last (owner ""). */
  owners: { owner: string; metrics: DueMetric[] }[];
}

const STATE_ORDER: Readonly<Record<DueState, number>> = { stale: 0, due: 1, never: 2 };

/**
 * `throughline checkins due FILE [--map NAME] [--owner NAME] [--json] [--lang] [--today DATE]`:
 * every metric with a cadence whose number is due, stale, or was never entered, by owner: what an
 * owner's reminder says, with no server. Exit 0 whether or not anything is due; 2 when the file,
 * the map, the owner or the date is not there to read.
 */
export async function checkinsDueCommand(
  options: CheckinsDueOptions,
  out: (text: string) => void,
): Promise<number> {
  const today = options.today ?? localToday();
  if (options.today !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(today) || dayNumber(today) === null)) {
    throw new CliError(`--today must be a date as YYYY-MM-DD, not "${options.today}".`);
  }
  const map = await readOneMap(options.file, options.map);
  const report = dueReport(map, today, options.owner);
  out(
    options.json
      ? `${jsonWithoutControls(JSON.stringify(report, null, 2))}\n`
      : formatDue(report, options.lang),
  );
  return EXIT.ok;
}

/** The metrics due on `today`, by owner; a named owner who owns no metric is refused, with the owners. */
export function dueReport(
  map: Pick<LoadedMap, 'id' | 'name' | 'content'>,
  today: string,
  owner?: string,
): DueReport {
  const metrics = map.content.nodes.filter((n): n is MetricNode => n.kind === 'metric');
  const ownerOf = (m: MetricNode) => m.owner.trim();
  let chosen = metrics;
  if (owner !== undefined) {
    const wanted = owner.trim().toLowerCase();
    chosen = metrics.filter((m) => ownerOf(m).toLowerCase() === wanted);
    if (chosen.length === 0) {
      const owners = [...new Set(metrics.map(ownerOf).filter((o) => o !== ''))].sort((a, b) =>
        a.localeCompare(b),
      );
      throw new CliError(
        `No metric of "${map.name}" is owned by "${owner}"; its metrics' owners: ${
          owners.length === 0 ? 'none is named' : owners.map((o) => `"${o}"`).join(', ')
        }.`,
      );
    }
  }
  const history = new CheckinIndex(map.content.checkins ?? []);
  const byOwner = new Map<string, DueMetric[]>();
  for (const metric of chosen) {
    if (metric.cadence === null) continue;
    const latest = history.latest(metric.id);
    const due = checkinDue(metric.cadence, latest, today);
    if (due.state !== 'never' && due.state !== 'due' && due.state !== 'stale') continue;
    const list = byOwner.get(ownerOf(metric)) ?? [];
    byOwner.set(ownerOf(metric), list);
    list.push({
      id: metric.id,
      title: metric.title,
      cadence: metric.cadence,
      state: due.state,
      next: due.next,
      daysOverdue: due.daysOverdue,
      unit: metric.unit,
      lastValue: latest?.value ?? null,
      lastDate: latest?.date ?? null,
    });
  }
  const owners = [...byOwner.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([name, list]) => ({
      owner: name,
      metrics: list.sort(
        (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || b.daysOverdue - a.daysOverdue,
      ),
    }));
  return {
    map: { ...(map.id === undefined ? {} : { id: map.id }), name: map.name },
    today,
    count: owners.reduce((n, o) => n + o.metrics.length, 0),
    owners,
  };
}

interface DueWords {
  heading(map: string, count: number, today: string): string;
  nothing(map: string, today: string): string;
  noOwner: string;
  never(cadence: string): string;
  dueToday: string;
  due(days: number): string;
  stale(days: number): string;
  detail(next: string, value: string, date: string): string;
  dash: string;
}

const WORDS: Readonly<Record<Language, DueWords>> = {
  en: {
    heading: (map, count, today) =>
      `${map}: ${count} ${count === 1 ? 'metric needs its number' : 'metrics need their numbers'} on ${today}`,
    nothing: (map, today) => `${map}: no metric's number is due on ${today}.`,
    noOwner: '(no owner)',
    never: (cadence) => `no number yet (${cadence})`,
    dueToday: 'due today',
    due: (days) => `due, ${days} ${days === 1 ? 'day' : 'days'} overdue`,
    stale: (days) => `stale, ${days} ${days === 1 ? 'day' : 'days'} overdue`,
    detail: (next, value, date) => ` (due ${next}; last ${value} on ${date})`,
    dash: ' — ',
  },
  'zh-CN': {
    heading: (map, count, today) => `${map}：截至 ${today}，有 ${count} 个指标需要更新数值`,
    nothing: (map, today) => `${map}：截至 ${today}，没有需要更新数值的指标。`,
    noOwner: '（无负责人）',
    never: (cadence) => `尚无数值（${cadence}）`,
    dueToday: '今天到期',
    due: (days) => `待更新，逾期 ${days} 天`,
    stale: (days) => `已过期，逾期 ${days} 天`,
    detail: (next, value, date) => `（应于 ${next} 更新；最新值 ${value}，${date}）`,
    dash: ' — ',
  },
};

/** The report as text in --lang: a heading, then each owner and their metrics, indented. */
export function formatDue(report: DueReport, language: Language): string {
  const words = WORDS[language];
  const labels = VALUE_LABELS[language];
  const name = printable(report.map.name);
  if (report.count === 0) return `${words.nothing(name, report.today)}\n`;
  const lines = [words.heading(name, report.count, report.today)];
  for (const { owner, metrics } of report.owners) {
    lines.push('', owner === '' ? words.noOwner : printable(owner));
    for (const m of metrics) {
      const title = printable(m.title.trim()) || labels.untitled.metric;
      const state =
        m.state === 'never'
          ? words.never(labels.cadence[m.cadence])
          : m.state === 'stale'
            ? words.stale(m.daysOverdue)
            : m.daysOverdue === 0
              ? words.dueToday
              : words.due(m.daysOverdue);
      const detail =
        m.lastValue === null || m.lastDate === null || m.next === null
          ? ''
          : words.detail(m.next, printable(formatAmount(m.lastValue, m.unit, language)), m.lastDate);
      lines.push(`  ${title}${words.dash}${state}${detail}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
