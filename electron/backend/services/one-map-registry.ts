import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/contract/errors';
import type { MapContent } from '../../../shared/model';
import { MapNameSchema } from '../../../shared/model/schemas';
import type { VersionSummary } from '../../../shared/versions';
import { MethodRegistry } from './method-registry';

/** A registry that serves one map held in memory, and the id the print view asks it by. */
export interface OneMapRegistry {
  registry: MethodRegistry;
  mapId: string;
}

/**
 * The contract for a one-shot print (`throughline export --format pdf`): the print view only asks
 * `loadMap` (and `loadVersion` for a "Changes since …" section), so that is all this answers, from the map already read from the user's file. No
 * library, document session, backup or recent list is made for it, and the map is not written to
 * SQLite and read back; any other method is refused as not registered, and another map id as
 * missing, exactly as the full registry words them.
 */
export function oneMapRegistry(
  map: { name: string; content: MapContent },
  /** A saved version of the map, for the PDF's "Changes since …" (`--changes-since`): answered by `loadVersion`. */
  version?: { summary: VersionSummary; name: string; content: MapContent },
): OneMapRegistry {
  const mapId = randomUUID();
  const stamp = new Date().toISOString();
  // The name as the library would store it (trimmed, checked), so the title prints the same.
  const name = MapNameSchema.parse(map.name);
  const registry = new MethodRegistry();
  registry.register('loadMap', ({ mapId: asked }) => {
    if (asked !== mapId) throw ApiError.worded('not-found', 'map-missing', { mapId: asked });
    return {
      id: mapId,
      name,
      revision: 0,
      createdAt: stamp,
      updatedAt: stamp,
      nodes: map.content.nodes,
      links: map.content.links,
      checkins: map.content.checkins ?? [],
    };
  });
  if (version) {
    const summary = { ...version.summary, mapId };
    registry.register('loadVersion', ({ mapId: asked, versionId }) => {
      if (asked !== mapId) throw ApiError.worded('not-found', 'map-missing', { mapId: asked });
      if (versionId !== summary.id)
        throw ApiError.worded('not-found', 'version-missing', { version: versionId });
      return { version: summary, name: version.name, content: version.content };
    });
  }
  return { registry, mapId };
}
