import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../renderer/src/store/apply-edit';
import { clipboardOf, deletionEdit, pasteEdit, positionsEdit } from '../../renderer/src/store/edit-builders';
import { emptyEdit } from '../../renderer/src/store/plan-edit';
import { toFlowEdge, toFlowNode } from '../../renderer/src/store/plan-flow';
import { createNode } from '../../shared/model';

const g = createNode('goal', 'g', 'Grow', { x: 0, y: 0 });
const m = createNode('mechanism', 'm', 'Coupons', { x: 400, y: 0 });
const k = createNode('metric', 'k', 'Conversion', { x: 800, y: 0 });
const canvas = () => ({
  nodes: [g, m, k].map(toFlowNode),
  edges: [
    { id: 'gm', source: 'g', target: 'm' },
    { id: 'mk', source: 'm', target: 'k' },
  ].map((l) => toFlowEdge(l)),
});

describe('applying an edit to the canvas', () => {
  it('keeps every untouched node and link object', () => {
    const before = canvas();
    const edit = emptyEdit();
    edit.nodes.set('m', { before: m, after: { ...m, title: 'Member coupons' } });
    edit.links.set('mk', { before: { id: 'mk', source: 'm', target: 'k' }, after: null });
    const after = applyEdit(before, edit);
    expect(after.nodes[0]).toBe(before.nodes[0]);
    expect(after.nodes[2]).toBe(before.nodes[2]);
    expect(after.nodes[1]?.data.plan.title).toBe('Member coupons');
    expect(after.edges.map((e) => e.id)).toEqual(['gm']);
    expect(after.edges[0]).toBe(before.edges[0]);
  });

  it('replaces the selection when asked', () => {
    const after = applyEdit(canvas(), emptyEdit(), ['k']);
    expect(after.nodes.map((n) => n.selected)).toEqual([false, false, true]);
  });
});

describe('edits of the editing commands', () => {
  it('deletes a node with every link touching it', () => {
    const { nodes, edges } = canvas();
    const edit = deletionEdit(nodes, edges, new Set(['m']), new Set());
    expect([...edit.nodes.keys()]).toEqual(['m']);
    expect([...edit.links.keys()].sort()).toEqual(['gm', 'mk']);
  });

  it('copies the selection with the links among it, and pastes it with fresh ids, shifted', () => {
    const { nodes, edges } = canvas();
    const selected = nodes.map((n) => ({ ...n, selected: n.id !== 'k' }));
    const copy = clipboardOf(selected, edges);
    expect(copy?.nodes.map((n) => n.id)).toEqual(['g', 'm']);
    expect(copy?.links.map((l) => l.id)).toEqual(['gm']);
    expect(clipboardOf(nodes, edges)).toBeNull();
    let counter = 0;
    const { edit, ids } = pasteEdit(
      copy as NonNullable<typeof copy>,
      40,
      (prefix) => `${prefix}${++counter}`,
    );
    expect(ids).toEqual(['n1', 'n2']);
    expect(edit.nodes.get('n1')?.after?.position).toEqual({ x: 40, y: 40 });
    expect([...edit.links.values()].map((c) => c.after)).toEqual([{ id: 'l3', source: 'n1', target: 'n2' }]);
  });

  it('moves only the nodes whose rounded position changes', () => {
    const { nodes } = canvas();
    const edit = positionsEdit(
      nodes,
      new Map([
        ['g', { x: 0.2, y: -0.3 }],
        ['m', { x: 410.6, y: 20 }],
      ]),
    );
    expect([...edit.nodes.keys()]).toEqual(['m']);
    expect(edit.nodes.get('m')?.after?.position).toEqual({ x: 411, y: 20 });
  });
});
