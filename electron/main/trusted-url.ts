/**
 * The only hosts the desktop app may hand to the system browser (`shell.openExternal`). Matched
 * exactly: a subdomain, a lookalike or a trailing dot is another host. Add a host here, with a test,
 * when the app gains a link to it.
 */
export const TRUSTED_EXTERNAL_HOSTS: readonly string[] = ['throughline.app'];

/** Longer than any link the app shows; a huge string is refused before it is parsed. */
const MAX_URL_LENGTH = 2048;

/**
 * The URL to open in the system browser, normalised by `new URL`, or null when it is not a vetted
 * link: only https, no user name or password (they can disguise the real host), the default port,
 * and a host on the allow-list. Pure, so it is tested without Electron.
 */
export function trustedExternalUrl(
  candidate: unknown,
  hosts: readonly string[] = TRUSTED_EXTERNAL_HOSTS,
): string | null {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > MAX_URL_LENGTH)
    return null;
  // The URL parser silently drops tabs, newlines and surrounding spaces; a link that needs that is not ours.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  // Any user-info, even an empty "@", is refused: it exists to make a link read as another host.
  if (url.username !== '' || url.password !== '' || authorityOf(candidate).includes('@')) return null;
  if (url.port !== '') return null;
  if (!hosts.includes(url.hostname)) return null;
  return url.href;
}

/** The text between "//" and the path, as typed (new URL drops an empty user-info). */
function authorityOf(candidate: string): string {
  const start = candidate.indexOf('//');
  return start < 0 ? '' : (candidate.slice(start + 2).split(/[/?#]/)[0] ?? '');
}
