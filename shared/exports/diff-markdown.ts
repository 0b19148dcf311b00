import type { MapDiff } from '../diff/map-diff';
import type { Language } from '../model/language';
import type { MapContent } from '../model/types';
import { diffReport } from './diff-report';
import { DIFF_WORDS } from './diff-words';
import { escapeMarkdown } from './markdown-escape';

export interface DiffMarkdownOptions {
  /** What the changes are since: a version's label or a file's name (user text, escaped here). */
  since: string;
  language: Language;
  /** The heading's level: 2 for a section of a larger document (the default), 1 for a file of its own. */
  level?: 1 | 2;
}

/**
 * A diff as the Markdown section "Changes since …": its summary, then a sub-heading per kind of
 * change with one list item per node, link or goal, and a changed node's fields as nested items
 * (before → after). Every title, id, label and text value is escaped (markdown-escape.ts), so a
 * title such as `**x**` or `<img …>` stays text; the fixed words are in `language`.
 */
export function diffMarkdown(
  diff: MapDiff,
  before: MapContent,
  after: MapContent,
  { since, language, level = 2 }: DiffMarkdownOptions,
): string {
  const words = DIFF_WORDS[language];
  const report = diffReport(diff, before, after, language, escapeMarkdown);
  const heading = '#'.repeat(level);
  const lines = [`${heading} ${words.changesSince(words.quote(escapeMarkdown(since)))}`, '', report.summary];
  if (report.empty) lines.push('', words.positionsNote);
  for (const section of report.sections) {
    lines.push('', `${heading}# ${section.heading}`, '');
    for (const item of section.items) {
      lines.push(`- ${item.text}`);
      for (const detail of item.details) lines.push(`  - ${detail}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
