import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPlanBackend } from '../../electron/backend/services/plan-backend';
import type { MapDocument, MapSummary } from '../../shared/contract/api';
import { serializeInterchange } from '../../shared/interchange';
import { createNode } from '../../shared/model';
import { templateContent } from '../../shared/templates';
import { writeChange } from '../storage/write-change';
import { temporaryBackend } from './temporary-backend';

const library = temporaryBackend('throughline-handlers-');
const { call, writes } = library;

async function seeded(): Promise<{ map: MapSummary; doc: MapDocument }> {
  const map = await call<MapSummary>('createMap', { name: 'Growth plan' });
  writeChange(library.backend.documents.repository, {
    mapId: map.id,
    baseRevision: 0,
    upsertNodes: [
      createNode('goal', 'g', 'Grow', { x: 0, y: 0 }),
      createNode('mechanism', 'm', 'Coupons', { x: 360, y: 0 }),
      createNode('metric', 'k', 'Conversion', { x: 720, y: 0 }),
    ],
    upsertLinks: [{ id: 'l1', source: 'g', target: 'm' }],
    deleteNodeIds: [],
    deleteLinkIds: [],
  });
  return { map, doc: await call<MapDocument>('loadMap', { mapId: map.id }) };
}

describe('contract handlers over a real SQLite file', () => {
  it('answers good payloads', async () => {
    const { map, doc } = await seeded();
    expect(doc.nodes.map((n) => n.id)).toEqual(['g', 'm', 'k']);
    expect(doc.revision).toBe(1);
    const renamed = await call<MapSummary>('renameMap', { mapId: map.id, name: '增长计划' });
    expect(renamed.name).toBe('增长计划');
    const copy = await call<MapSummary>('duplicateMap', { mapId: map.id, name: 'Copy' });
    expect((await call<MapDocument>('loadMap', { mapId: copy.id })).nodes).toHaveLength(3);
    const exported = await call<{ text: string; fileName: string }>('exportMapJson', { mapId: map.id });
    expect(exported.fileName).toBe('增长计划.json');
    const imported = await call<MapSummary>('importMapJson', { text: exported.text });
    expect(imported.nodeCount).toBe(3);
    expect((await call<MapSummary[]>('listMaps', {})).length).toBe(3);
    await call('deleteMap', { mapId: copy.id });
    expect((await call<MapSummary[]>('listMaps', {})).length).toBe(2);
  });

  const badPayloads: [string, string, (ids: { mapId: string }) => unknown, string][] = [
    ['createMap', 'no name', () => ({}), 'invalid-payload'],
    ['createMap', 'blank name', () => ({ name: '   ' }), 'invalid-payload'],
    ['createMap', 'oversized name', () => ({ name: 'x'.repeat(5000) }), 'invalid-payload'],
    ['createMap', 'a string instead of an object', () => 'Growth', 'invalid-payload'],
    ['renameMap', 'unknown map', () => ({ mapId: 'nope', name: 'x' }), 'not-found'],
    ['renameMap', 'id with path tricks', () => ({ mapId: '../../etc/passwd', name: 'x' }), 'invalid-payload'],
    ['loadMap', 'number id', () => ({ mapId: 42 }), 'invalid-payload'],
    ['deleteMap', 'unknown map', () => ({ mapId: 'nope' }), 'not-found'],
    ['openRecentDocument', 'a path not in the recent list', () => ({ path: '/etc/passwd' }), 'not-found'],
    [
      'uploadDocument',
      'bytes that are not a document',
      () => ({ fileName: 'x.throughline', base64: 'aGVsbG8=' }),
      'invalid-file',
    ],
    ['openDocumentDialog', 'no dialogs in this mode', () => ({}), 'unsupported'],
    ['importMapJson', 'malformed JSON', () => ({ text: '{"format":"throughline-map",' }), 'invalid-file'],
    ['importMapJson', 'not a map', () => ({ text: '{"hello":1}' }), 'invalid-file'],
    [
      'createMapFromTemplate',
      'an unknown template',
      () => ({ templateId: 'no-such-template', language: 'en' }),
      'invalid-payload',
    ],
    [
      'createMapFromTemplate',
      'an unsupported language',
      () => ({ templateId: 'okrs', language: 'fr' }),
      'invalid-payload',
    ],
    [
      'createMapFromTemplate',
      'a blank name',
      () => ({ templateId: 'okrs', language: 'en', name: '  ' }),
      'invalid-payload',
    ],
    ['createMapFromTemplate', 'no template', () => ({ language: 'en' }), 'invalid-payload'],
    ['nonexistentMethod', 'unknown method', () => ({}), 'unknown-method'],
    ['__proto__', 'prototype key as method', () => ({}), 'unknown-method'],
  ];

  for (const [method, what, payload, code] of badPayloads) {
    it(`refuses ${method} with ${what} (${code}) and writes nothing`, async () => {
      const { map } = await seeded();
      const before = {
        changes: writes(),
        maps: await call('listMaps', {}),
        doc: await call('loadMap', { mapId: map.id }),
      };
      const response = await library.backend.registry.dispatch(method, payload({ mapId: map.id }));
      expect(response.ok).toBe(false);
      if (response.ok) return;
      expect(response.error.code).toBe(code);
      expect(response.error.message.length).toBeGreaterThan(10);
      expect(writes()).toBe(before.changes);
      expect(await call('listMaps', {})).toEqual(before.maps);
      expect(await call('loadMap', { mapId: map.id })).toEqual(before.doc);
    });
  }

  it('creates a map from a template, in the language asked for, named after it unless named', async () => {
    const map = await call<MapSummary>('createMapFromTemplate', {
      templateId: 'checkout-conversion',
      language: 'zh-CN',
    });
    expect(map.name).toBe('结算页转化修复');
    const expected = templateContent('checkout-conversion', 'zh-CN');
    expect(map.nodeCount).toBe(expected.nodes.length);
    const doc = await call<MapDocument>('loadMap', { mapId: map.id });
    expect(doc.revision).toBe(0);
    expect(doc.nodes).toEqual(expected.nodes);
    expect(doc.links).toEqual(expected.links);

    const named = await call<MapSummary>('createMapFromTemplate', {
      templateId: 'okrs',
      language: 'en',
      name: 'Q1 OKRs',
    });
    expect(named.name).toBe('Q1 OKRs');
    const okrs = await call<MapDocument>('loadMap', { mapId: named.id });
    expect(okrs.nodes.map((n) => n.title)).toEqual(templateContent('okrs', 'en').nodes.map((n) => n.title));
    expect((await call<MapSummary[]>('listMaps', {})).length).toBe(2);
  });

  it('imports a map with forbidden and dangling links as findings, not refusals', async () => {
    const text = serializeInterchange('Imported', {
      nodes: [
        createNode('goal', 'g', 'Grow', { x: 0, y: 0 }),
        createNode('metric', 'k', 'NPS', { x: 0, y: 0 }),
      ],
      links: [
        { id: 'l1', source: 'k', target: 'g' },
        { id: 'l2', source: 'g', target: 'ghost' },
      ],
    });
    const map = await call<MapSummary>('importMapJson', { text });
    const doc = await call<MapDocument>('loadMap', { mapId: map.id });
    expect(doc.links.map((l) => l.id)).toEqual(['l1', 'l2']);
  });
});

describe('setUiLanguage', () => {
  it('tells the desktop shell the chosen language, and refuses one it does not know', async () => {
    const heard: string[] = [];
    const shell = openPlanBackend({
      libraryPath: join(library.dir, 'shell.throughline'),
      stateDir: library.dir,
      onUiLanguage: (language) => heard.push(language),
    });
    try {
      expect(await shell.registry.dispatch('setUiLanguage', { language: 'zh-CN' })).toEqual({
        ok: true,
        value: { language: 'zh-CN' },
      });
      const refused = await shell.registry.dispatch('setUiLanguage', { language: 'fr' });
      expect(refused.ok).toBe(false);
      expect(heard).toEqual(['zh-CN']);
    } finally {
      shell.close();
    }
    // Without a shell (the browser mode) it is accepted and does nothing.
    expect(await call('setUiLanguage', { language: 'en' })).toEqual({ language: 'en' });
  });
});
