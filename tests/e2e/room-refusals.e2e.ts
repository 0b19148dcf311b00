import * as encoding from 'lib0/encoding';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { MapDocument, ShareInfo } from '../../shared/contract';
import { nodesOf } from '../../shared/room/map-doc';
import { MESSAGE_SYNC, ROOM_CLOSE } from '../../shared/room/protocol';
import { addNode } from './canvas-actions';
import { closeServed, launchBrowser, type ServedApp } from './harness';
import { callFrom, hostSharedMap, joinAddress, titlesOn } from './room-participants';

/** A room message carrying one Yjs update, built outside the app as a hostile client would. */
function updateMessage(change: (doc: Y.Doc) => void): number[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  change(doc);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, Y.mergeUpdates(updates));
  return [...encoding.toUint8Array(encoder)];
}

/** Opens the map's room from the page with `key` and sends `message`; the close code, or 'open' if it stays. */
function sendFromPage(page: Page, mapId: string, key: string | null, message: number[] | null) {
  return page.evaluate(
    ([id, k, bytes]) =>
      new Promise<number | string>((resolve) => {
        const url = `${location.origin.replace(/^http/, 'ws')}/sync/${id}${k ? `?key=${k}` : ''}`;
        const ws = new WebSocket(url);
        ws.binaryType = 'arraybuffer';
        let opened = false;
        ws.onopen = () => {
          opened = true;
          if (bytes) ws.send(new Uint8Array(bytes));
          else setTimeout(() => resolve('open'), 500);
        };
        ws.onclose = (event) => resolve(opened ? event.code : `refused before opening (${event.code})`);
      }),
    [mapId, key, message] as const,
  );
}

describe('the room refuses, in Chromium over the real server', () => {
  let app: ServedApp;
  let host: Page;
  let mapId: string;
  let editKey: string;
  let origin: string;

  beforeAll(async () => {
    let share: ShareInfo;
    ({ app, host, share } = await hostSharedMap(['Win the mid-market']));
    const url = new URL(share.editUrl);
    editKey = url.searchParams.get('join') ?? '';
    origin = url.origin;
    const maps = await callFrom<{ id: string }[]>(host, 'listMaps');
    mapId = maps.value?.[0]?.id ?? '';
  });

  afterAll(() => closeServed(app, host));

  const stored = async () => (await callFrom<MapDocument>(host, 'loadMap', { mapId })).value;

  it('refuses a WebSocket without a key or session before it opens', async () => {
    const browser = await launchBrowser();
    const stranger = await (await browser.newContext()).newPage();
    try {
      await stranger.goto(`${origin}/`);
      expect(await sendFromPage(stranger, mapId, null, null)).toMatch(/^refused before opening/);
      expect(await sendFromPage(stranger, mapId, 'not-the-key', null)).toMatch(/^refused before opening/);
    } finally {
      await stranger.context().close();
    }
  });

  it.each([
    [
      'a node whose title is a number',
      (doc: Y.Doc) => {
        const fields = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ id: 'hx', kind: 'goal', title: 42, position: { x: 0, y: 0 } }))
          fields.set(k, v);
        nodesOf(doc).set('hx', fields);
      },
    ],
    ['a top-level type of its own', (doc: Y.Doc) => doc.getMap('evil').set('payload', 'x'.repeat(1000))],
  ])('refuses %s from an editor, writes nothing, and the others see nothing', async (_name, change) => {
    const before = await stored();
    const editor = await joinAddress(`${origin}/?join=${editKey}`);
    try {
      await expect.poll(() => titlesOn(editor)).toContain('Win the mid-market');
      expect(await sendFromPage(editor, mapId, editKey, updateMessage(change))).toBe(ROOM_CLOSE.refused);
      const after = await stored();
      expect(after?.revision).toBe(before?.revision);
      expect(after?.nodes).toEqual(before?.nodes);
      // The room goes on: the editor's own window still edits, and the host sees only that.
      await addNode(editor, 'mechanism', `Still editing after ${_name}`);
      await expect.poll(() => titlesOn(host)).toContain(`Still editing after ${_name}`);
      expect(await titlesOn(host)).not.toContain('42');
    } finally {
      await editor.context().close();
    }
  });
});
