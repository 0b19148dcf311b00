import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apiMethodOf,
  contentTypeFor,
  isAllowedHost,
  isAllowedOrigin,
  isJsonContentType,
  isSameOriginFetch,
  parseCookies,
  resolveStaticPath,
  sessionCookie,
  sessionCookieName,
  splitTarget,
  tokensEqual,
} from '../../electron/backend/server/request-guards';

describe('isAllowedHost', () => {
  it('accepts only the loopback names with the server port', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('LOCALHOST:4000', 4000)).toBe(true);
    for (const host of [
      undefined,
      '',
      '127.0.0.1',
      'localhost',
      '127.0.0.1:4001',
      'evil.example:4000',
      'evil.example',
      '127.0.0.1.evil.example:4000',
      '[::1]:4000',
      '0.0.0.0:4000',
      '127.0.0.1:4000@evil.example',
      ' 127.0.0.1:4000',
    ]) {
      expect(isAllowedHost(host, 4000), String(host)).toBe(false);
    }
  });
});

describe('isAllowedOrigin', () => {
  it('accepts no Origin or exactly the origin of the Host used', () => {
    expect(isAllowedOrigin(undefined, '127.0.0.1:4000')).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', '127.0.0.1:4000')).toBe(true);
    expect(isAllowedOrigin('http://localhost:4000', 'localhost:4000')).toBe(true);
  });
  it('refuses any other origin', () => {
    for (const origin of [
      'null',
      '',
      'http://evil.example',
      'http://localhost:4000',
      'https://127.0.0.1:4000',
      'http://127.0.0.1:4001',
      'http://127.0.0.1:4000/',
    ]) {
      expect(isAllowedOrigin(origin, '127.0.0.1:4000'), origin).toBe(false);
    }
  });
});

describe('isSameOriginFetch', () => {
  it('allows absent or same-origin only', () => {
    expect(isSameOriginFetch(undefined)).toBe(true);
    expect(isSameOriginFetch('same-origin')).toBe(true);
    expect(isSameOriginFetch('same-site')).toBe(false);
    expect(isSameOriginFetch('cross-site')).toBe(false);
    expect(isSameOriginFetch('none')).toBe(false);
  });
});

describe('cookies and tokens', () => {
  it('parses a Cookie header, first duplicate wins', () => {
    const cookies = parseCookies('a=1; throughline_session_5=abc ; b = 2;broken; a=3; =x');
    expect(cookies.get('a')).toBe('1');
    expect(cookies.get('throughline_session_5')).toBe('abc');
    expect(cookies.get('b')).toBe('2');
    expect(cookies.has('broken')).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
  });
  it('builds the session cookie with HttpOnly, SameSite=Strict and Path=/', () => {
    expect(sessionCookieName(4000)).toBe('throughline_session_4000');
    expect(sessionCookie(4000, 'tok')).toBe(
      'throughline_session_4000=tok; HttpOnly; SameSite=Strict; Path=/',
    );
  });
  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abd', 'abc')).toBe(false);
    expect(tokensEqual('abcd', 'abc')).toBe(false);
    expect(tokensEqual('', 'abc')).toBe(false);
    expect(tokensEqual(undefined, 'abc')).toBe(false);
    expect(tokensEqual(null, 'abc')).toBe(false);
  });
});

describe('request shape', () => {
  it('accepts JSON content types only', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType('application/json-patch+json')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });
  it('splits origin-form targets only', () => {
    expect(splitTarget('/a/b?token=x')).toEqual({ path: '/a/b', query: 'token=x' });
    expect(splitTarget('/a#frag')).toEqual({ path: '/a', query: '' });
    expect(splitTarget('http://evil.example/')).toBeNull();
    expect(splitTarget('//evil.example/')).toBeNull();
    expect(splitTarget('*')).toBeNull();
    expect(splitTarget(undefined)).toBeNull();
  });
  it('names the API method of a path', () => {
    expect(apiMethodOf('/api/listMaps')).toBe('listMaps');
    expect(apiMethodOf('/api/')).toBeNull();
    expect(apiMethodOf('/api/list/Maps')).toBeNull();
    expect(apiMethodOf('/api/__proto__')).toBeNull();
    expect(apiMethodOf('/apix/listMaps')).toBeNull();
  });
});

describe('resolveStaticPath', () => {
  const root = resolve('/srv/renderer');
  it('maps plain paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toMatchObject({ ok: true, file: root, hasExtension: false });
    expect(resolveStaticPath(root, '/assets/app.js')).toMatchObject({
      ok: true,
      file: join(root, 'assets', 'app.js'),
      hasExtension: true,
    });
    expect(resolveStaticPath(root, '/assets/%E5%9B%BE.png')).toMatchObject({
      ok: true,
      file: join(root, 'assets', '图.png'),
    });
    expect(resolveStaticPath(root, '/maps/abc')).toMatchObject({ ok: true, hasExtension: false });
  });
  it('refuses traversal, encoded traversal, absolute paths, backslashes, NUL and hidden files', () => {
    for (const path of [
      '/../package.json',
      '/a/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/..%2f..%2fpackage.json',
      '/.%2e/package.json',
      '/..%5cpackage.json',
      '/%2fetc/passwd',
      '/C:/Windows/win.ini',
      '/c%3a%5cwindows',
      '/./index.html',
      '/.env',
      '/assets/.git/config',
    ]) {
      const result = resolveStaticPath(root, path);
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.status, path).toBe(403);
    }
    for (const path of ['/index.html%00.js', '/%E0%A4%A', 'index.html', '//evil.example/x', '']) {
      const result = resolveStaticPath(root, path);
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.status, path).toBe(400);
    }
  });
  it('leaves double-encoded dots as a literal (harmless) name inside the root', () => {
    const result = resolveStaticPath(root, '/%252e%252e/package.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.file.startsWith(root)).toBe(true);
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer bundle types', () => {
    expect(contentTypeFor('a.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('a.png')).toBe('image/png');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
