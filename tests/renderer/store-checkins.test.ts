import { describe, expect, it } from 'vitest';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { MapDocument } from '../../shared/contract/api';
import { type Checkin, createNode, type MapNode } from '../../shared/model';
import { dateOfDay } from '../../shared/model/checkin-cadence';
import { localToday } from '../../shared/model/local-today';
import { dayNumber } from '../../shared/model/metric-progress';

const daysAgo = (n: number) => dateOfDay((dayNumber(localToday()) as number) - n);
const checkin = (id: string, date: string, value: number): Checkin => ({
  id,
  metric: 'k',
  date,
  value,
  confidence: null,
  note: '',
  by: 'Ann',
});

function loaded(checkins: Checkin[] = []) {
  const metric = {
    ...createNode('metric', 'k', 'Conversion', { x: 800, y: 0 }),
    cadence: 'weekly',
  } as MapNode;
  const map: MapDocument = {
    id: 'm1',
    name: 'Plan',
    revision: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    nodes: [createNode('goal', 'g', 'Grow', { x: 0, y: 0 }), metric],
    links: [{ id: 'l', source: 'g', target: 'k' }],
    checkins,
  };
  const store = createMapStore('s1');
  store.getState().load(map);
  return store;
}

const currentOf = (store: ReturnType<typeof loaded>) => {
  const plan = store.getState().nodes.find((n) => n.id === 'k')?.data.plan;
  return plan?.kind === 'metric' ? plan.current : undefined;
};
const staleFindings = (store: ReturnType<typeof loaded>) =>
  store.getState().findings.filter((f) => f.code === 'metric-stale');

describe('check-ins in the map store', () => {
  it('opens with the map’s history indexed and a stale metric found', () => {
    const store = loaded([checkin('a', daysAgo(30), 1), checkin('b', daysAgo(20), 2)]);
    expect(
      store
        .getState()
        .checkins.history('k')
        .map((c) => c.id),
    ).toEqual(['a', 'b']);
    expect(staleFindings(store)).toHaveLength(1);
    expect(staleFindings(store)[0]?.message.en).toMatch(/13 days overdue/);
  });

  it('adds, corrects and deletes check-ins as undo steps; the card’s value and the findings follow', () => {
    const store = loaded([checkin('a', daysAgo(30), 1)]);
    expect(staleFindings(store)).toHaveLength(1);
    expect(store.getState().writeCheckins([checkin('b', daysAgo(1), 5)])).toBe(true);
    expect(currentOf(store)).toBe(5);
    expect(staleFindings(store)).toEqual([]);
    store.getState().writeCheckins([{ ...checkin('b', daysAgo(1), 6), note: 'fixed' }]);
    expect(currentOf(store)).toBe(6);
    expect(store.getState().checkins.latest('k')?.note).toBe('fixed');
    store.getState().writeCheckins([], ['b']);
    expect(currentOf(store)).toBe(1);
    expect(staleFindings(store)).toHaveLength(1);
    store.getState().undo();
    expect(currentOf(store)).toBe(6);
    store.getState().undo();
    expect(currentOf(store)).toBe(5);
    store.getState().undo();
    expect(
      store
        .getState()
        .checkins.history('k')
        .map((c) => c.id),
    ).toEqual(['a']);
    expect(currentOf(store)).toBe(1);
  });

  it('writes nothing for a view-only window', () => {
    const store = loaded();
    store.getState().setReadOnly(true);
    expect(store.getState().writeCheckins([checkin('b', daysAgo(1), 5)])).toBe(false);
    expect(store.getState().checkins.size).toBe(0);
  });
});
