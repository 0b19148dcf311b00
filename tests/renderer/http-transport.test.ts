import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpTransport, KEEPALIVE_BODY_LIMIT } from '../../renderer/src/api/http-transport';

interface SentCall {
  url: string;
  init: RequestInit;
  answer: (response: Response | Error) => void;
}

/** A fetch whose calls wait until the test answers them. */
function heldFetch(): SentCall[] {
  const sent: SentCall[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    return new Promise<Response>((resolve, reject) => {
      sent.push({ url, init, answer: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
    });
  });
  return sent;
}

const okResponse = () => new Response(JSON.stringify({ ok: true, value: { revision: 2 } }));

afterEach(() => vi.unstubAllGlobals());

describe('the browser transport', () => {
  it('sends small calls with keepalive, so they outlive a closing page', async () => {
    const sent = heldFetch();
    const api = httpTransport('http://127.0.0.1:5000');
    const call = api.listMaps({});
    expect(sent[0]?.url).toBe('http://127.0.0.1:5000/api/listMaps');
    expect(sent[0]?.init.keepalive).toBe(true);
    sent[0]?.answer(okResponse());
    await expect(call).resolves.toEqual({ ok: true, value: { revision: 2 } });
  });

  it('sends a large call without keepalive (the browser caps keepalive bodies), and reports a failure typed', async () => {
    const sent = heldFetch();
    const api = httpTransport('http://127.0.0.1:5000');
    // Measured in bytes: 6,000 Chinese characters are 18,000 bytes, over the limit.
    const description = '计'.repeat(6000);
    expect(description.length).toBeLessThan(KEEPALIVE_BODY_LIMIT);
    const call = api.renameMap({ mapId: 'm', name: description });
    expect(sent.map((s) => s.init.keepalive)).toEqual([false]);
    sent[0]?.answer(new Error('connection reset'));
    const failed = await call;
    expect(failed.ok).toBe(false);
  });
});
