import type { DiffLink, DiffNode, MapDiff } from '../diff/map-diff';
import type { NodeKind } from '../model/kinds';
import type { Language } from '../model/language';
import type { MapContent, MapNode } from '../model/types';
import { DRAWING_LABELS } from '../render/drawing-labels';
import { DIFF_WORDS, type DiffCounts } from './diff-words';
import { functionLabel, VALUE_LABELS } from './outline-labels';

/**
 * A diff in words, one language: a summary line and its sections, each a heading and items of one
 * line with detail lines (a changed node's fields). The terminal and Markdown print the same report,
 * each escaping user text its own way (`quoteUser` is applied to every title, id and text value, and
 * to nothing else).
 */
export interface DiffReportItem {
  text: string;
  details: string[];
  /** The node the item is about (a link's: its source), for a screen to show it. */
  nodeId: string;
}

/** Which list a section is, whatever the language of its heading. */
export type DiffSectionKind =
  | 'nodesAdded'
  | 'nodesRemoved'
  | 'nodesChanged'
  | 'metricsMoved'
  | 'linksAdded'
  | 'linksRemoved'
  | 'goalsLostPath'
  | 'goalsGainedPath';

export interface DiffReportSection {
  kind: DiffSectionKind;
  heading: string;
  items: DiffReportItem[];
}

export interface DiffReport {
  empty: boolean;
  summary: string;
  sections: DiffReportSection[];
}

/** The fields whose values are words from a fixed list, read through the labels of each language. */
function valueWord(
  field: string,
  value: unknown,
  kind: NodeKind | undefined,
  lang: Language,
): string | undefined {
  const labels = VALUE_LABELS[lang];
  const pick = (table: Readonly<Record<string, string>>) =>
    typeof value === 'string' && Object.hasOwn(table, value) ? table[value] : undefined;
  switch (field) {
    case 'kind':
      return pick(DRAWING_LABELS[lang].kinds);
    case 'priority':
      return pick(labels.priority);
    case 'status':
      return kind === 'mechanism' ? pick(labels.mechanismStatus) : pick(labels.goalStatus);
    case 'function':
      return value === null ? functionLabel(labels, null) : pick(labels.function);
    case 'direction':
      return pick(labels.direction);
    case 'cadence':
      return pick(labels.cadence);
    default:
      return undefined;
  }
}

export function diffReport(
  diff: MapDiff,
  before: MapContent,
  after: MapContent,
  lang: Language,
  quoteUser: (userText: string) => string,
): DiffReport {
  const words = DIFF_WORDS[lang];
  const kinds = DRAWING_LABELS[lang].kinds;
  const untitled = VALUE_LABELS[lang].untitled;
  const oldNodes = new Map<string, MapNode>();
  for (const node of before.nodes) if (!oldNodes.has(node.id)) oldNodes.set(node.id, node);
  const newNodes = new Map<string, MapNode>();
  for (const node of after.nodes) if (!newNodes.has(node.id)) newNodes.set(node.id, node);

  const titled = (title: string, kind: NodeKind) =>
    title === '' ? untitled[kind] : words.quote(quoteUser(title));
  const nodeText = (node: DiffNode) =>
    `${kinds[node.kind]} ${titled(node.title, node.kind)} (${quoteUser(node.id)})`;
  const endText = (id: string, nodes: ReadonlyMap<string, MapNode>) => {
    const node = nodes.get(id);
    return node ? titled(node.title, node.kind) : `(${quoteUser(id)})`;
  };
  const linkText = (link: DiffLink, nodes: ReadonlyMap<string, MapNode>) =>
    `${endText(link.source, nodes)}${words.arrow}${endText(link.target, nodes)} (${quoteUser(link.id)})`;
  const value = (field: string, v: unknown, kind: NodeKind | undefined) => {
    // A word first: a mechanism's unset function (null) has its own words.
    const word = valueWord(field, v, kind, lang);
    if (word !== undefined) return word;
    if (v === null || v === undefined || v === '') return words.none;
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string') return words.quote(quoteUser(v));
    return quoteUser(JSON.stringify(v));
  };
  const withUnit = (v: unknown, unit: string) =>
    typeof v === 'number' ? `${v}${unit === '' ? '' : ` ${quoteUser(unit)}`}` : words.none;

  const sections: DiffReportSection[] = [];
  const section = (kind: DiffSectionKind, items: DiffReportItem[]) => {
    if (items.length > 0) sections.push({ kind, heading: words[kind], items });
  };
  section(
    'nodesAdded',
    diff.nodes.added.map((node) => ({ text: nodeText(node), details: [], nodeId: node.id })),
  );
  section(
    'nodesRemoved',
    diff.nodes.removed.map((node) => ({ text: nodeText(node), details: [], nodeId: node.id })),
  );
  // A metric's current value moving is its own item; its other fields stay a changed node.
  const changedItems: DiffReportItem[] = [];
  const movedItems: DiffReportItem[] = [];
  for (const change of diff.nodes.changed) {
    const now = newNodes.get(change.id) as MapNode;
    const was = oldNodes.get(change.id) as MapNode;
    const text = nodeText({ id: now.id, kind: now.kind, title: now.title });
    const details: string[] = [];
    for (const [field, { before: b, after: a }] of Object.entries(change.fields)) {
      if (field === 'current' && now.kind === 'metric' && was.kind === 'metric') {
        movedItems.push({
          text: `${text}${words.colon}${withUnit(b, was.unit)}${words.arrow}${withUnit(a, now.unit)}`,
          details: [],
          nodeId: change.id,
        });
        continue;
      }
      const label = Object.hasOwn(words.fields, field) ? (words.fields[field] as string) : quoteUser(field);
      details.push(
        `${label}${words.colon}${value(field, b, was.kind)}${words.arrow}${value(field, a, now.kind)}`,
      );
    }
    if (details.length > 0) changedItems.push({ text, details, nodeId: change.id });
  }
  section('nodesChanged', changedItems);
  section('metricsMoved', movedItems);
  section(
    'linksAdded',
    diff.links.added.map((link) => ({ text: linkText(link, newNodes), details: [], nodeId: link.source })),
  );
  section(
    'linksRemoved',
    diff.links.removed.map((link) => ({ text: linkText(link, oldNodes), details: [], nodeId: link.source })),
  );
  section(
    'goalsLostPath',
    diff.goals.lostPath.map((goal) => ({ text: nodeText(goal), details: [], nodeId: goal.id })),
  );
  section(
    'goalsGainedPath',
    diff.goals.gainedPath.map((goal) => ({ text: nodeText(goal), details: [], nodeId: goal.id })),
  );
  const empty = sections.length === 0;
  const counts: DiffCounts = {
    nodesAdded: diff.nodes.added.length,
    nodesRemoved: diff.nodes.removed.length,
    nodesChanged: changedItems.length,
    metricsMoved: movedItems.length,
    linksAdded: diff.links.added.length,
    linksRemoved: diff.links.removed.length,
    goalsLostPath: diff.goals.lostPath.length,
    goalsGainedPath: diff.goals.gainedPath.length,
  };
  return { empty, summary: empty ? words.noChanges : words.summary(counts), sections };
}
