/**
 * User text (titles, owners, units, finding messages that quote titles) written into Markdown so
 * that it stays the text it is: a title like `<img onerror=…>`, `**bold**` or `[link](…)` must not
 * become HTML, emphasis or a link in whatever renders the file.
 *
 * Every ASCII punctuation character that CommonMark or GitHub's dialect gives a meaning inline is
 * backslash-escaped (CommonMark lets any ASCII punctuation be escaped, and renders it as itself).
 * Line breaks and tabs become single spaces, because each title sits on one heading or list line
 * and a newline would let the rest of a title start a block of its own. Characters that only mean
 * something at the start of a line (-, +, 1.) are left alone: user text never starts a line here.
 * Other control characters (ESC, BEL, C1, direction overrides) are written as `\u001b`-style
 * escapes, so the file, or the terminal it is printed on, shows them instead of obeying them.
 */
import { escapeControls } from './control-chars';

const INLINE_SPECIAL = /[\\`*_[\]<>&|~#$]/g;
/** Only breaks: other white space, such as the ideographic space of Chinese text, is kept. */
const LINE_BREAKS = /[\r\n\t\f\v\u2028\u2029]/g;

export function escapeMarkdown(text: string): string {
  return escapeControls(text.replace(LINE_BREAKS, ' ')).replace(INLINE_SPECIAL, '\\$&');
}
