import type { MapDocument } from '../../shared/contract/api';
import { createNode } from '../../shared/model';

/** A saved map with one goal, as the store loads it: the starting point of the store's tests. */
export const oneGoalDocument: MapDocument = {
  id: 'm1',
  name: 'Plan',
  revision: 0,
  createdAt: '',
  updatedAt: '',
  nodes: [createNode('goal', 'g', 'Grow', { x: 0, y: 0 })],
  links: [],
};
