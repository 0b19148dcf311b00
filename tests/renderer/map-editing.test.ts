import { describe, expect, it } from 'vitest';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { MapDocument } from '../../shared/contract/api';
import { createNode } from '../../shared/model';
import { docContent, watchDoc } from './doc-watch';

const doc = (): MapDocument => ({
  id: 'm1',
  name: 'Plan',
  revision: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  nodes: [
    createNode('goal', 'g', 'Grow', { x: 0, y: 0 }),
    createNode('mechanism', 'm1', 'Coupons', { x: 400, y: 0 }),
    createNode('mechanism', 'm2', 'Guides', { x: 400, y: 150 }),
    createNode('metric', 'k', 'Conversion', { x: 800, y: 0 }),
  ],
  links: [
    { id: 'l1', source: 'g', target: 'm1' },
    { id: 'l2', source: 'g', target: 'm2' },
    { id: 'l3', source: 'm1', target: 'k' },
  ],
});

function loaded() {
  const store = createMapStore('s1');
  store.getState().load(doc());
  return store;
}

const titles = (store: ReturnType<typeof loaded>) =>
  store
    .getState()
    .nodes.map((n) => n.data.plan.title)
    .sort();

describe('keyboard editing in the store', () => {
  it('Tab adds a linked child of the next kind, selected and in rename; none after a metric', () => {
    const store = loaded();
    store.getState().selectOnly('g');
    const id = store.getState().addChild();
    const child = store.getState().nodes.find((n) => n.id === id);
    expect(child?.data.plan.kind).toBe('mechanism');
    expect(child?.selected).toBe(true);
    expect(store.getState().editingId).toBe(id);
    expect(store.getState().edges.some((e) => e.source === 'g' && e.target === id)).toBe(true);
    // Placed in the next column and on no other node.
    expect(child?.position.x).toBe(400);
    expect(child?.position.y).toBeGreaterThanOrEqual(300);

    store.getState().selectOnly('k');
    expect(store.getState().addChild()).toBeNull();
    store.getState().selectOnly('g');
    const sub = store.getState().addChild({ subGoal: true });
    expect(store.getState().nodes.find((n) => n.id === sub)?.data.plan.kind).toBe('goal');
  });

  it('Enter adds a sibling of the same kind under the same parent', () => {
    const store = loaded();
    store.getState().selectOnly('m2');
    const id = store.getState().addSibling();
    const sibling = store.getState().nodes.find((n) => n.id === id);
    expect(sibling?.data.plan.kind).toBe('mechanism');
    expect(store.getState().edges.some((e) => e.source === 'g' && e.target === id)).toBe(true);
  });

  it('arrow keys move the selection along links and between siblings', () => {
    const store = loaded();
    store.getState().selectOnly('g');
    expect(store.getState().moveSelection('right')).toBe(true);
    expect(store.getState().selectedId()).toBe('m1');
    store.getState().moveSelection('down');
    expect(store.getState().selectedId()).toBe('m2');
    store.getState().moveSelection('up');
    store.getState().moveSelection('right');
    expect(store.getState().selectedId()).toBe('k');
    expect(store.getState().moveSelection('right')).toBe(false);
    store.getState().moveSelection('left');
    store.getState().moveSelection('left');
    expect(store.getState().selectedId()).toBe('g');
  });
});

describe('undo and redo', () => {
  it('undoes and redoes one user action at a time', () => {
    const store = loaded();
    store.getState().renameNode('g', 'Grow faster');
    store.getState().updateNode('g', { owner: 'CEO' });
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().nodes.find((n) => n.id === 'g')?.data.plan).toMatchObject({
      title: 'Grow faster',
      owner: '',
    });
    store.getState().undo();
    expect(store.getState().nodes.find((n) => n.id === 'g')?.data.plan.title).toBe('Grow');
    expect(store.getState().undo()).toBe(false);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().nodes.find((n) => n.id === 'g')?.data.plan).toMatchObject({
      title: 'Grow faster',
      owner: 'CEO',
    });
  });

  it('records a drag as one step, however many frames it took', () => {
    const store = loaded();
    for (let x = 1; x <= 60; x++)
      store
        .getState()
        .onNodesChange([{ type: 'position', id: 'k', position: { x: 800 + x, y: x }, dragging: true }]);
    store
      .getState()
      .onNodesChange([{ type: 'position', id: 'k', position: { x: 860, y: 60 }, dragging: false }]);
    expect(store.getState().undoDepth).toBe(1);
    expect(store.getState().nodes.find((n) => n.id === 'k')?.data.plan.position).toEqual({ x: 860, y: 60 });
    store.getState().undo();
    expect(store.getState().nodes.find((n) => n.id === 'k')?.position).toEqual({ x: 800, y: 0 });
  });

  it('keeps the redo stack when only the selection changes, and drops it on a new edit', () => {
    const store = loaded();
    store.getState().renameNode('k', 'Order conversion');
    store.getState().undo();
    store.getState().selectOnly('m1');
    store.getState().onNodesChange([{ type: 'select', id: 'm2', selected: true }]);
    expect(store.getState().redoDepth).toBe(1);
    store.getState().renameNode('m1', 'Coupon display');
    expect(store.getState().redoDepth).toBe(0);
  });

  it('undo writes the undone state into the document as a new change, for the room to share', () => {
    const store = loaded();
    store.getState().selectOnly('m1');
    store.getState().deleteSelection();
    expect(docContent(store).nodes.map((n) => n.id)).not.toContain('m1');
    const seen = watchDoc(store);
    store.getState().undo();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.nodes).toEqual(['m1']);
    expect(seen[0]?.links).toEqual(['l1', 'l3']);
    const content = docContent(store);
    expect(content.nodes.map((n) => n.id)).toContain('m1');
    expect(content.links.map((l) => l.id).sort()).toEqual(['l1', 'l2', 'l3']);
    expect(store.getState().edges).toHaveLength(3);
  });

  it('deletes the selection with its links as one step and brings both back with one undo', () => {
    const store = loaded();
    store.getState().selectNodes(['m1', 'k']);
    expect(store.getState().deleteSelection()).toBe(2);
    expect(store.getState().edges.map((e) => e.id)).toEqual(['l2']);
    expect(store.getState().findings.some((f) => f.code === 'goal-without-execution-path')).toBe(true);
    store.getState().undo();
    expect(store.getState().edges).toHaveLength(3);
    expect(store.getState().findings.some((f) => f.code === 'goal-without-execution-path')).toBe(false);
  });
});

describe('copy, paste, duplicate, cut', () => {
  it('pastes copies with new ids and the links between them, offset, as one undo step', () => {
    const store = loaded();
    store.getState().selectNodes(['m1', 'k']);
    expect(store.getState().copySelection()).toBe(2);
    expect(store.getState().paste()).toBe(2);
    const pasted = store.getState().nodes.filter((n) => n.selected);
    expect(pasted.map((n) => n.data.plan.title).sort()).toEqual(['Conversion', 'Coupons']);
    expect(pasted.every((n) => !['m1', 'k'].includes(n.id))).toBe(true);
    expect(pasted.find((n) => n.data.plan.title === 'Coupons')?.position).toEqual({ x: 440, y: 40 });
    const ids = new Set(pasted.map((n) => n.id));
    expect(store.getState().edges.filter((e) => ids.has(e.source) && ids.has(e.target))).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().nodes).toHaveLength(4);
  });

  it('duplicates the selection and cuts it (a cut pastes back in place)', () => {
    const store = loaded();
    store.getState().selectOnly('g');
    store.getState().duplicateSelection();
    expect(titles(store).filter((t) => t === 'Grow')).toHaveLength(2);
    store.getState().selectOnly('k');
    expect(store.getState().cutSelection()).toBe(1);
    expect(store.getState().nodes.some((n) => n.id === 'k')).toBe(false);
    store.getState().paste();
    const back = store.getState().nodes.find((n) => n.data.plan.title === 'Conversion');
    expect(back?.position).toEqual({ x: 800, y: 0 });
  });

  it('select all selects every node', () => {
    const store = loaded();
    store.getState().selectAll();
    expect(store.getState().nodes.every((n) => n.selected)).toBe(true);
  });
});

describe('read-only', () => {
  it('refuses every edit, undo included', () => {
    const store = loaded();
    store.getState().renameNode('g', 'Changed');
    store.getState().setReadOnly(true);
    store.getState().selectOnly('g');
    expect(store.getState().addChild()).toBeNull();
    expect(store.getState().deleteSelection()).toBe(0);
    expect(store.getState().undo()).toBe(false);
    store.getState().selectOnly('g');
    store.getState().copySelection();
    expect(store.getState().paste()).toBe(0);
    expect(store.getState().nodes).toHaveLength(4);
  });
});

describe('automatic layout', () => {
  it('moves every node in one undo step', () => {
    const store = loaded();
    store.getState().applyPositions(
      new Map([
        ['g', { x: 10, y: 10 }],
        ['k', { x: 900.4, y: 20 }],
      ]),
    );
    expect(store.getState().nodes.find((n) => n.id === 'k')?.position).toEqual({ x: 900, y: 20 });
    expect(store.getState().undoDepth).toBe(1);
    store.getState().undo();
    expect(store.getState().nodes.find((n) => n.id === 'g')?.position).toEqual({ x: 0, y: 0 });
  });

  it('Escape on a node just added and never named takes it back, link and all, with no undo step', () => {
    const store = loaded();
    store.getState().selectOnly('g');
    const child = store.getState().addChild() as string;
    const before = store.getState();
    expect(before.nodes).toHaveLength(5);
    expect(before.undoDepth).toBe(1);
    expect(store.getState().cancelNewNode(child)).toBe(true);
    const after = store.getState();
    expect(after.nodes.map((n) => n.id)).not.toContain(child);
    expect(after.edges).toHaveLength(3);
    expect(after.undoDepth).toBe(0);
    expect(after.redoDepth).toBe(0);
    expect(after.editingId).toBeNull();
    expect(after.selectedId()).toBe('g'); // the facilitator goes on from where they were
    // The add went to the room already: its removal is a change of the document too.
    expect(docContent(store).nodes.map((n) => n.id)).not.toContain(child);

    store.getState().selectOnly('m2');
    const sibling = store.getState().addSibling() as string;
    expect(store.getState().cancelNewNode(sibling)).toBe(true);
    expect(store.getState().selectedId()).toBe('m2');

    const fromToolbar = store.getState().addNode('metric', { x: 900, y: 400 });
    expect(store.getState().cancelNewNode(fromToolbar)).toBe(true);
    expect(store.getState().nodes).toHaveLength(4);
  });

  it('keeps every node that was named, or was there before, or is no longer the last action', () => {
    const store = loaded();
    store.getState().selectOnly('g');
    const named = store.getState().addChild() as string;
    store.getState().renameNode(named, 'Coupons for members');
    expect(store.getState().cancelNewNode(named)).toBe(false);

    store.getState().selectOnly('g');
    const later = store.getState().addChild() as string;
    store.getState().renameNode('k', 'Conversion rate'); // another action since
    expect(store.getState().cancelNewNode(later)).toBe(false);

    // Left unnamed with Enter (the editor closed): later it is a node like any other.
    store.getState().selectOnly('g');
    const kept = store.getState().addChild() as string;
    store.getState().renameNode(kept, '');
    store.getState().setEditing(null);
    store.getState().setEditing(kept, 'x');
    expect(store.getState().cancelNewNode(kept)).toBe(false);
    expect(store.getState().nodes.map((n) => n.id)).toContain(kept);

    const untitled = createMapStore('s2');
    untitled.getState().load({ ...doc(), nodes: [createNode('goal', 'u', '', { x: 0, y: 0 })], links: [] });
    expect(untitled.getState().cancelNewNode('u')).toBe(false);
    expect(untitled.getState().nodes).toHaveLength(1);
    expect(store.getState().nodes.map((n) => n.id)).toEqual(expect.arrayContaining([named, later]));
  });
});
