import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionStore } from '../../electron/backend/server/session-store';
import { newShareKeys } from '../../electron/backend/server/share-keys';
import {
  type SavedShare,
  SHARE_MEMORY_MS,
  shareMemoryFile,
} from '../../electron/backend/server/share-memory';
import { Sharing } from '../../electron/backend/server/sharing';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const fileIn = () => {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-share-memory-'));
  dirs.push(dir);
  return join(dir, 'room-share.json');
};

function saved(now: number): SavedShare {
  const keys = newShareKeys();
  const store = new SessionStore();
  store.add({ role: 'host' });
  store.add({ role: 'edit', key: keys.edit, shareId: keys.id });
  return { keys, host: '127.0.0.1', port: 43210, sessions: store.entries(), savedAt: now };
}

describe('the share kept while it lasts', () => {
  it('keeps keys, address and the participants’ sessions (hashes only, never the host’s) in a private file', () => {
    const file = fileIn();
    const memory = shareMemoryFile(file, () => 1000);
    const share = saved(1000);
    memory.save(share);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const loaded = memory.load();
    expect(loaded?.keys).toEqual(share.keys);
    expect(loaded?.sessions.map(([, grant]) => grant.role)).toEqual(['edit']);
    expect(readFileSync(file, 'utf8')).not.toMatch(/"role":"host"/);
    memory.save(null);
    expect(memory.load()).toBeNull();
  });

  it('forgets a share older than a day, and a file that is not one, without failing', () => {
    const file = fileIn();
    shareMemoryFile(file, () => 0).save(saved(0));
    expect(shareMemoryFile(file, () => SHARE_MEMORY_MS + 1).load()).toBeNull();
    for (const junk of ['not json', '{"keys":{}}', JSON.stringify({ ...saved(0), port: 'x' })]) {
      writeFileSync(file, junk);
      expect(shareMemoryFile(file, () => 0).load()).toBeNull();
    }
  });

  it('resumes on the same keys and address with the participants signed in, and a stop forgets it', async () => {
    const file = fileIn();
    const options = {
      onRequest: () => {},
      onUpgrade: () => {},
      onStopped: () => {},
      memory: shareMemoryFile(file),
    };
    const first = new Sharing(options);
    const info = await first.start({ host: '127.0.0.1' });
    // A participant signed in on the shared address before the crash.
    const listener = (first as unknown as { current: { listener: { sessions: SessionStore } } }).current
      .listener;
    const keys = first.keys;
    if (!keys) throw new Error('no keys');
    const secret = listener.sessions.add({ role: 'edit', key: keys.edit, shareId: keys.id });
    // The server goes without ending the share (its listener closed as a dying process's would).
    const server = (first as unknown as { current: { server: import('node:http').Server } }).current.server;
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const second = new Sharing(options);
    const again = await second.resume({ host: '127.0.0.1' });
    expect(again).toEqual(info);
    const resumed = (second as unknown as { current: { listener: { sessions: SessionStore } } }).current
      .listener;
    expect(resumed.sessions.find(secret)).toMatchObject({ role: 'edit' });
    expect(await second.resume({ host: '127.0.0.1' })).toBeNull(); // already sharing: nothing to resume
    await second.stop();
    expect(new Sharing(options).resume()).resolves.toBeNull();
  });
});
