/** Device names Windows reserves, whatever extension follows ("nul.tar.gz" is the device NUL). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name made from a map name that is safe on Windows, macOS and Linux: no path separators,
 * no reserved characters or names, no leading dots, no invisible direction marks, bounded length.
 * CJK letters are kept.
 */
export function safeFileName(name: string, extension: string): string {
  const cleaned = Array.from(
    name
      .normalize('NFC')
      // Control characters, characters Windows reserves, lone surrogates (not valid in a file name
      // on macOS), and the direction marks that make "\u202Egnp.exe" read as "exe.png".
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.]+|[\s.]+$/g, ''),
  )
    // By code point, so a character outside the BMP (an emoji) is never cut in half.
    .slice(0, 100)
    .join('')
    .trim();
  const stem = cleaned.split('.')[0]?.trimEnd() ?? '';
  const base = cleaned === '' || RESERVED.test(stem) ? 'Throughline map' : cleaned;
  return `${base}.${extension}`;
}
