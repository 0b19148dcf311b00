import { describe, expect, it } from 'vitest';
import { oneMapRegistry } from '../../electron/backend/services/one-map-registry';
import { templateContent } from '../../shared/templates';

describe('oneMapRegistry, what a one-shot PDF print view is served from', () => {
  const content = templateContent('okrs', 'zh-CN');

  it('answers loadMap with the map held in memory, in its order, the name as the library stores it', async () => {
    const { registry, mapId } = oneMapRegistry({ name: '  Quarter plan  ', content });
    const answer = await registry.dispatch('loadMap', { mapId });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const map = answer.value as { id: string; name: string; nodes: unknown[]; links: unknown[] };
    expect(map.id).toBe(mapId);
    expect(map.name).toBe('Quarter plan');
    expect(map.nodes).toEqual(content.nodes);
    expect(map.links).toEqual(content.links);
  });

  it('refuses another map id as missing, and every other method as not registered', async () => {
    const { registry } = oneMapRegistry({ name: 'Plan', content });
    const other = await registry.dispatch('loadMap', { mapId: 'another-map' });
    expect(other.ok ? null : other.error.code).toBe('not-found');
    for (const method of ['listMaps', 'createMap', 'deleteMap', 'downloadDocument']) {
      const answer = await registry.dispatch(method, {});
      expect(answer.ok ? null : answer.error.code, method).toBe('unknown-method');
    }
    expect(registry.methods).toEqual(['loadMap']);
  });

  it('answers loadVersion with the one version given (--changes-since), under the served map id', async () => {
    const summary = {
      id: 'v1',
      mapId: 'the-file-map',
      label: 'Offsite Q1',
      createdAt: '2027-01-10T09:00:00.000Z',
      author: 'Mei',
      nodeCount: content.nodes.length,
    };
    const { registry, mapId } = oneMapRegistry({ name: 'Plan', content }, { summary, name: 'Plan', content });
    expect(registry.methods.sort()).toEqual(['loadMap', 'loadVersion']);
    const answer = await registry.dispatch('loadVersion', { mapId, versionId: 'v1' });
    expect(answer.ok ? answer.value : null).toEqual({
      version: { ...summary, mapId },
      name: 'Plan',
      content,
    });
    const other = await registry.dispatch('loadVersion', { mapId, versionId: 'v2' });
    expect(other.ok ? null : other.error.code).toBe('not-found');
    const otherMap = await registry.dispatch('loadVersion', { mapId: 'another-map', versionId: 'v1' });
    expect(otherMap.ok ? null : otherMap.error.code).toBe('not-found');
  });

  it('refuses a map without a name before serving anything', () => {
    expect(() => oneMapRegistry({ name: '   ', content })).toThrow(/a map needs a name/);
  });
});
