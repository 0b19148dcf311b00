import { useState } from 'react';
import type { MapLink, MapNode } from '../../../../shared/model/types';
import { useMapStore } from '../../store/context';
import type { MapState } from '../../store/map-store';
import { linkOf } from '../../store/plan-flow';

/** The map's nodes and links as plain plan objects. */
export interface MapContent {
  nodes: MapNode[];
  links: MapLink[];
}

/**
 * A selector that returns the same MapContent object until the map's content changes. The store
 * re-validates (and so replaces `findings`) on every change of content, and replaces `edges` on
 * every change of links, but does neither while a node is dragged or selected: a panel built on
 * this does not re-render on every frame of a drag.
 */
export function makeContentSelector(): (state: MapState) => MapContent {
  let findings: MapState['findings'] | null = null;
  let edges: MapState['edges'] | null = null;
  let count = -1;
  let content: MapContent = { nodes: [], links: [] };
  return (state) => {
    if (state.findings !== findings || state.edges !== edges || state.nodes.length !== count) {
      findings = state.findings;
      edges = state.edges;
      count = state.nodes.length;
      content = { nodes: state.nodes.map((n) => n.data.plan), links: state.edges.map(linkOf) };
    }
    return content;
  };
}

/** The open map's content, stable between content changes (see makeContentSelector). */
export function useMapContent(): MapContent {
  const [select] = useState(makeContentSelector);
  return useMapStore(select);
}
