/**
 * Characters that act on a terminal or disguise text rather than show as themselves: C0 controls
 * (ESC starts escape sequences that clear the screen, retitle the window or fake a link; BEL, CR
 * that overwrites a line), DEL, C1 controls (U+009B is a one-character CSI) and the bidirectional
 * overrides and isolates (text that reads differently from what it is). The one list every output
 * that may reach a terminal or a viewer is filtered with: terminal messages, CSV, Markdown, JSON.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is matched
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same without tab, line feed and a CR that ends a line (CRLF), which lay out text in a file. */
const CONTROLS_BUT_LAYOUT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is matched
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
/** What JSON.stringify leaves raw in a string: DEL, C1 controls, bidirectional overrides. */
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Each such character shown as a `\u001b`-style escape. With `keepLayout`, tabs, line feeds and
 * CRLF line ends stay (only a lone CR, which would overwrite a line, is escaped): for a file.
 */
export function escapeControls(text: string, options: { keepLayout?: boolean } = {}): string {
  return text.replace(options.keepLayout ? CONTROLS_BUT_LAYOUT : CONTROLS, escaped);
}

/**
 * JSON text with the characters JSON.stringify leaves raw written as `\u` escapes: the same value
 * to every JSON reader, and nothing a terminal acts on. Such characters can only sit inside strings,
 * where a `\u` escape means the character itself.
 */
export function jsonWithoutControls(json: string): string {
  return json.replace(RAW_IN_JSON, escaped);
}
