/**
 * Titles, owners and sources are typed by users or come from imported files. A spreadsheet reads a
 * cell that starts with = + - @ (or a tab or line break before one, or the full-width ＝ ＋ － ＠
 * that CJK input methods type and some spreadsheets read as the same operators) as a formula, which can
 * run commands or leak data when the file is opened ("CSV injection"). Such a text cell gets a
 * single quote in front, so it shows as the text it is.
 *
 * A cell that already starts with a quote gets one more, so the guard can always be undone:
 * removing one leading quote gives the original text back (unguardText), which keeps exports
 * round-trippable. Numbers are written as numbers and never guarded: -5 is not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r\n'\uff1d\uff0b\uff0d\uff20]/;

export function guardText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text before guardText: one leading quote removed, if there is one. */
export function unguardText(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
