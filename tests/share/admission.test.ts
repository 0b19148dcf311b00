import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { authorityOf, checkSender, type Listener } from '../../electron/backend/server/admission';
import { SessionStore } from '../../electron/backend/server/session-store';
import { accessOfKey, newShareKeys } from '../../electron/backend/server/share-keys';

const listener = (scheme: 'http' | 'https' = 'http'): Listener => ({
  authorities: ['192.168.1.20:8080'],
  scheme,
  port: 8080,
  sessions: new SessionStore(),
  share: null,
});

const request = (headers: Record<string, string>, raw: string[] = []) =>
  ({ headers, rawHeaders: raw.length ? raw : Object.entries(headers).flat() }) as unknown as IncomingMessage;

describe('the shared listener’s checks', () => {
  it('names an address as a Host header does, IPv6 in brackets', () => {
    expect(authorityOf('192.168.1.20', 8080)).toBe('192.168.1.20:8080');
    expect(authorityOf('fe80::1', 8080)).toBe('[fe80::1]:8080');
    expect(authorityOf('[fe80::1]', 8080)).toBe('[fe80::1]:8080');
    expect(authorityOf('Laptop.local', 443)).toBe('laptop.local:443');
  });

  it('answers its own Host only, once, and its own origin in its own scheme', () => {
    expect(checkSender(listener(), request({ host: '192.168.1.20:8080' })).ok).toBe(true);
    expect(checkSender(listener(), request({ host: '192.168.1.20:8081' })).ok).toBe(false);
    expect(checkSender(listener(), request({ host: '127.0.0.1:8080' })).ok).toBe(false);
    expect(checkSender(listener(), request({})).ok).toBe(false);
    expect(
      checkSender(
        listener(),
        request({ host: '192.168.1.20:8080' }, ['Host', '192.168.1.20:8080', 'Host', 'evil']),
      ).ok,
    ).toBe(false);
    const origin = (o: string, scheme?: 'https') =>
      checkSender(listener(scheme), request({ host: '192.168.1.20:8080', origin: o })).ok;
    expect(origin('http://192.168.1.20:8080')).toBe(true);
    expect(origin('https://192.168.1.20:8080')).toBe(false);
    expect(origin('https://192.168.1.20:8080', 'https')).toBe(true);
    expect(origin('null')).toBe(false);
    expect(origin('http://evil.example')).toBe(false);
  });

  it('makes fresh keys each share, and a key opens only its own access', () => {
    const a = newShareKeys();
    const b = newShareKeys();
    expect(new Set([a.id, a.edit, a.view, b.id, b.edit, b.view]).size).toBe(6);
    expect(accessOfKey(a, a.edit)).toBe('edit');
    expect(accessOfKey(a, a.view)).toBe('view');
    expect(accessOfKey(a, b.edit)).toBeNull();
    expect(accessOfKey(a, a.id)).toBeNull();
    expect(accessOfKey(a, '')).toBeNull();
    expect(accessOfKey(null, a.edit)).toBeNull();
  });

  it('ends the sessions of one share only', () => {
    const store = new SessionStore();
    const host = store.add({ role: 'host' });
    const mine = store.add({ role: 'edit', key: 'k', shareId: 's1' });
    const other = store.add({ role: 'view', key: 'v', shareId: 's2' });
    expect(store.endShare('s1')).toBe(1);
    expect(store.find(mine)).toBeNull();
    expect(store.find(host)).toEqual({ role: 'host' });
    expect(store.find(other)).toMatchObject({ role: 'view' });
    expect(store.find('')).toBeNull();
  });
});
