import { existsSync } from 'node:fs';
import { diffMaps, isEmptyDiff } from '../../shared/diff';
import { jsonWithoutControls } from '../../shared/exports/control-chars';
import { diffMarkdown } from '../../shared/exports/diff-markdown';
import { diffReport } from '../../shared/exports/diff-report';
import { DIFF_WORDS } from '../../shared/exports/diff-words';
import type { Language } from '../../shared/model/language';
import { CliError, EXIT } from './cli-error';
import { type LoadedMap, readMapAt } from './read-maps';
import { printable } from './terminal-text';

export interface DiffOptions {
  old: string;
  new: string;
  json: boolean;
  /** The Markdown section "Changes since OLD" (shared/exports/diff-markdown.ts) instead of text. */
  markdown?: boolean;
  lang: Language;
}

/** Where a map is: a file (a JSON map, or a document holding one map), a map in it, a version of it. */
export interface MapReference {
  file: string;
  map?: string;
  version?: string;
}

/**
 * `FILE`, `FILE#MAP` or `FILE#MAP@VERSION`. A path that exists as it is typed is a file, whatever
 * `#` or `@` it holds; otherwise the last `#` starts the map (an id or a name) and the last `@` after
 * it the version (an id or a label). A map whose name holds `@` is named by its id.
 */
export function parseMapReference(text: string): MapReference {
  if (existsSync(text)) return { file: text };
  const hash = text.lastIndexOf('#');
  if (hash < 0) return { file: text };
  const file = text.slice(0, hash);
  const rest = text.slice(hash + 1);
  const at = rest.lastIndexOf('@');
  const map = at < 0 ? rest : rest.slice(0, at);
  const version = at < 0 ? undefined : rest.slice(at + 1);
  if (file === '' || map === '' || version === '') {
    throw new CliError(
      `"${text}" is not a map reference: write FILE, FILE#MAP or FILE#MAP@VERSION (MAP an id or a name, VERSION an id or a label).`,
    );
  }
  return version === undefined ? { file, map } : { file, map, version };
}

/** Compares two maps; exit 0 when they hold the same plan, 1 when they differ, 2 when one cannot be read. */
export async function diffCommand(options: DiffOptions, out: (text: string) => void): Promise<number> {
  const before = await readMapAt(parseMapReference(options.old));
  const after = await readMapAt(parseMapReference(options.new));
  const diff = diffMaps(before.content, after.content);
  const equal = isEmptyDiff(diff);
  if (options.json) out(`${jsonWithoutControls(JSON.stringify(diff, null, 2))}\n`);
  else if (options.markdown) {
    out(diffMarkdown(diff, before.content, after.content, { since: options.old, language: options.lang }));
  } else out(formatDiff(options, before, after, diff, options.lang));
  return equal ? EXIT.ok : EXIT.findings;
}

/** A line per change, grouped under headings, in --lang; every value from a file goes through printable. */
function formatDiff(
  options: DiffOptions,
  before: LoadedMap,
  after: LoadedMap,
  diff: ReturnType<typeof diffMaps>,
  lang: Language,
): string {
  const words = DIFF_WORDS[lang];
  // One line each: a title with a line break would otherwise start a line of its own.
  const userText = (text: string) => printable(text.replace(/[\r\n\u2028\u2029]+/g, ' '));
  const report = diffReport(diff, before.content, after.content, lang, userText);
  const lines = [
    words.fromTo(words.quote(userText(options.old)), words.quote(userText(options.new))),
    report.summary,
  ];
  if (report.empty) lines.push(words.positionsNote);
  for (const section of report.sections) {
    lines.push('', `${section.heading}${words.colon.trimEnd()}`);
    for (const item of section.items) {
      lines.push(`  ${item.text}`);
      for (const detail of item.details) lines.push(`      ${detail}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
