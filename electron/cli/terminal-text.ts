import { escapeControls } from '../../shared/exports/control-chars';

/**
 * Text from a map (a name, an id, a title inside a finding) made safe to print on a terminal:
 * control characters and direction overrides are shown as `\u001b`-style escapes
 * (shared/exports/control-chars.ts). A title carrying an escape sequence could otherwise clear the
 * screen, retitle the window or fake a link.
 */
export function printable(text: string): string {
  return escapeControls(text);
}

/**
 * A message of several lines made safe the same way, line by line: every line the command line
 * writes to stderr goes through this, since a message may quote a file's content (a JSON parser's
 * error shows the text it choked on) or a map's name.
 */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
