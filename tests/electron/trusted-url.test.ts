import { describe, expect, it } from 'vitest';
import { TRUSTED_EXTERNAL_HOSTS, trustedExternalUrl } from '../../electron/main/trusted-url';

describe('trustedExternalUrl: what shell.openExternal may be given', () => {
  it('accepts an https link to an allow-listed host, normalised by new URL', () => {
    expect(TRUSTED_EXTERNAL_HOSTS).toContain('throughline.app');
    expect(trustedExternalUrl('https://throughline.app/help?x=1#y')).toBe(
      'https://throughline.app/help?x=1#y',
    );
    expect(trustedExternalUrl('https://THROUGHLINE.app')).toBe('https://throughline.app/');
    // The default port spelled out is the default port: new URL drops it.
    expect(trustedExternalUrl('https://throughline.app:443/a')).toBe('https://throughline.app/a');
    expect(trustedExternalUrl('https://docs.example/x', ['docs.example'])).toBe('https://docs.example/x');
  });

  it.each([
    ['http, not https', 'http://throughline.app/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: dressed as the host', 'javascript://throughline.app/%0Aalert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['a user name before the host', 'https://throughline.app@evil.example/'],
    ['a user name and password', 'https://user:pass@throughline.app/'],
    ['an empty user name', 'https://@throughline.app/'],
    ['a subdomain', 'https://www.throughline.app/'],
    ['a suffix lookalike', 'https://throughline.app.evil.example/'],
    ['a prefix lookalike', 'https://evilthroughline.app/'],
    ['a digit lookalike', 'https://thr0ughline.app/'],
    ['a Cyrillic lookalike (punycode)', 'https://thrоughline.app/'],
    ['a trailing dot', 'https://throughline.app./'],
    ['another port', 'https://throughline.app:8443/'],
    ['port 80', 'https://throughline.app:80/'],
    ['the host only in the path', 'https://evil.example/throughline.app'],
    ['backslashes', 'https:\\\\evil.example\\throughline.app'],
    ['a newline the parser would drop', 'https://throughline.app\n.evil.example/'],
    ['a tab', 'https://through\tline.app/'],
    ['leading spaces', '  https://throughline.app/'],
    ['not a URL', 'throughline.app'],
    ['a relative URL', '/help'],
    ['an empty string', ''],
    ['an IP address', 'https://127.0.0.1/'],
  ])('refuses %s', (_why, url) => {
    expect(trustedExternalUrl(url)).toBeNull();
  });

  it('refuses values that are not strings, and huge strings', () => {
    for (const value of [
      undefined,
      null,
      42,
      {},
      ['https://throughline.app/'],
      new URL('https://throughline.app/'),
    ]) {
      expect(trustedExternalUrl(value)).toBeNull();
    }
    expect(trustedExternalUrl(`https://throughline.app/${'a'.repeat(5000)}`)).toBeNull();
  });

  it('trusts nothing when the allow-list is empty', () => {
    expect(trustedExternalUrl('https://throughline.app/', [])).toBeNull();
  });
});
