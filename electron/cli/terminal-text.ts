// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is escaped
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a map (a name, a title inside a finding) made safe to print on a terminal: control
 * characters and direction overrides are shown as `\u001b`-style escapes. A title carrying an
 * escape sequence could otherwise clear the screen, retitle the window or fake a link. JSON output
 * needs none of this: JSON.stringify escapes control characters itself.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A message of several lines made safe the same way, line by line: every line the command line
 * writes to stderr goes through this, since a message may quote a file's content (a JSON parser's
 * error shows the text it choked on) or a map's name.
 */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
