/**
 * A file name made from a map name that is safe on Windows, macOS and Linux: no path separators,
 * no reserved characters or names, no leading dots, bounded length. CJK letters are kept.
 */
export function safeFileName(name: string, extension: string): string {
  const cleaned = name
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 100)
    .trim();
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned);
  const base = cleaned === '' || reserved ? 'Throughline map' : cleaned;
  return `${base}.${extension}`;
}
