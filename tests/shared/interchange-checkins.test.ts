import { describe, expect, it } from 'vitest';
import { INTERCHANGE_VERSION, parseInterchange, serializeInterchange } from '../../shared/interchange';
import { type Checkin, createNode, type MapNode } from '../../shared/model';

const metric = { ...createNode('metric', 'k', 'NPS', { x: 0, y: 0 }), current: 5 } as MapNode;
const goal = createNode('goal', 'g', 'Grow', { x: 0, y: 0 });
const checkin = (id: string, date: string, value: number): Checkin => ({
  id,
  metric: 'k',
  date,
  value,
  confidence: 'at-risk',
  note: '季度复盘',
  by: 'Ann',
});

describe('interchange version 2: each metric’s check-ins', () => {
  it('writes them nested under their metric, oldest first, and reads them back as the map’s check-ins', () => {
    const checkins = [checkin('b', '2026-02-01', 30), checkin('a', '2026-01-01', 20)];
    const text = serializeInterchange('Plan', {
      nodes: [goal, { ...metric, current: 30 } as MapNode],
      links: [],
      checkins,
    });
    const file = JSON.parse(text);
    expect(file.version).toBe(2);
    expect(INTERCHANGE_VERSION).toBe(2);
    expect(file.nodes[0].checkins).toBeUndefined();
    expect(file.nodes[1].checkins).toEqual([
      { id: 'a', date: '2026-01-01', value: 20, confidence: 'at-risk', note: '季度复盘', by: 'Ann' },
      { id: 'b', date: '2026-02-01', value: 30, confidence: 'at-risk', note: '季度复盘', by: 'Ann' },
    ]);
    const parsed = parseInterchange(text);
    expect(parsed.ok && parsed.content.checkins?.map((c) => c.id)).toEqual(['a', 'b']);
    expect(parsed.ok && parsed.content.nodes[1]).toEqual({ ...metric, current: 30 });
  });

  it('takes the latest check-in as the current value, whatever the file says', () => {
    const text = JSON.stringify({
      format: 'throughline-map',
      version: 2,
      name: 'Plan',
      nodes: [
        {
          id: 'k',
          kind: 'metric',
          title: 'NPS',
          current: 999,
          checkins: [{ id: 'c', date: '2026-01-01', value: 7 }],
        },
      ],
      links: [],
    });
    const parsed = parseInterchange(text);
    expect(parsed.ok && parsed.content.nodes[0]).toMatchObject({ current: 7 });
    expect(parsed.ok && parsed.content.checkins).toEqual([
      { id: 'c', metric: 'k', date: '2026-01-01', value: 7, confidence: null, note: '', by: '' },
    ]);
  });

  it('still imports a version 1 file (no check-ins), its current value as written', () => {
    const text = JSON.stringify({
      format: 'throughline-map',
      version: 1,
      name: 'Old',
      nodes: [metric],
      links: [],
    });
    const parsed = parseInterchange(text);
    expect(parsed.ok && parsed.content).toEqual({ nodes: [metric], links: [], checkins: [] });
  });

  it.each([
    [
      'two check-ins with one id',
      [
        { id: 'c', date: '2026-01-01', value: 1 },
        { id: 'c', date: '2026-01-02', value: 2 },
      ],
      /two check-ins share the id "c"/,
    ],
    ['a date that is no day', [{ id: 'c', date: '2026-02-30', value: 1 }], /checkins/],
    ['a value that is text', [{ id: 'c', date: '2026-02-03', value: '12' }], /value/],
    ['an unknown confidence', [{ id: 'c', date: '2026-02-03', value: 1, confidence: 'meh' }], /confidence/],
    ['a note too long', [{ id: 'c', date: '2026-02-03', value: 1, note: 'x'.repeat(1001) }], /note/],
  ])('refuses %s with a reason', (_name, checkins, reason) => {
    const text = JSON.stringify({
      format: 'throughline-map',
      version: 2,
      name: 'Plan',
      nodes: [{ id: 'k', kind: 'metric', title: 'NPS', checkins }],
      links: [],
    });
    const parsed = parseInterchange(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(reason);
  });
});
