import { ApiError, type Handlers, type MapChanges } from '../../../shared/contract';
import { parseInterchange, safeFileName, serializeInterchange } from '../../../shared/interchange';
import { checkNewLink, type LinkContext, type MapLink, type MapNode } from '../../../shared/model';
import { describeLinkRefusal } from '../../../shared/validation/link-messages';
import type { MapRepository } from '../storage/map-repository';

export interface PlanHandlerDeps {
  repository: MapRepository;
  /** The open document, for `documentInfo`. */
  document: { path: string; isLibrary: boolean };
}

/**
 * The contract's methods over one open plan document. Transport-free: Electron IPC and the
 * loopback HTTP server both reach these through the MethodRegistry.
 */
export function createPlanHandlers({ repository, document }: PlanHandlerDeps): Handlers {
  return {
    listMaps: () => repository.listMaps(),
    createMap: ({ name }) => repository.createMap(name),
    renameMap: ({ mapId, name }) => repository.renameMap(mapId, name),
    duplicateMap: ({ mapId, name }) => repository.duplicateMap(mapId, name),
    deleteMap: ({ mapId }) => {
      repository.deleteMap(mapId);
      return { deleted: true as const };
    },
    loadMap: ({ mapId }) => repository.loadMap(mapId),
    saveChanges: (changes) => {
      refuseForbiddenNewLinks(repository, changes);
      return repository.applyChanges(changes);
    },
    importMapJson: ({ text, name }) => {
      const parsed = parseInterchange(text);
      if (!parsed.ok) throw new ApiError('invalid-file', `This file cannot be imported: ${parsed.message}.`);
      return repository.createMap(name ?? parsed.name, parsed.content);
    },
    exportMapJson: ({ mapId }) => {
      const map = repository.loadMap(mapId);
      return { fileName: safeFileName(map.name, 'json'), text: serializeInterchange(map.name, map) };
    },
    documentInfo: () => ({ ...document }),
  };
}

/**
 * The canvas refuses a forbidden link while it is drawn; this is the same rule again at the
 * boundary, so a payload that skips the canvas cannot store one. Links already stored (for example
 * from an import) are not re-judged here: they are the validator's findings.
 */
function refuseForbiddenNewLinks(repository: MapRepository, changes: MapChanges): void {
  if (changes.upsertLinks.length === 0) return;
  const map = repository.loadMap(changes.mapId);
  const known = new Set(map.links.map((l) => l.id));
  const fresh = changes.upsertLinks.filter((l) => !known.has(l.id));
  if (fresh.length === 0) return;

  const deletedNodes = new Set(changes.deleteNodeIds);
  const nodes = new Map<string, MapNode>();
  for (const n of map.nodes) if (!deletedNodes.has(n.id)) nodes.set(n.id, n);
  for (const n of changes.upsertNodes) nodes.set(n.id, n);
  const deletedLinks = new Set(changes.deleteLinkIds);
  const links: MapLink[] = map.links.filter(
    (l) => !deletedLinks.has(l.id) && !deletedNodes.has(l.source) && !deletedNodes.has(l.target),
  );
  const context: LinkContext = { nodes, links };
  for (const link of fresh) {
    const verdict = checkNewLink(context, link.source, link.target);
    if (!verdict.ok) {
      throw new ApiError(
        'link-refused',
        `The link was refused: ${describeLinkRefusal(verdict.reason, 'en')}`,
      );
    }
    links.push(link);
  }
}
