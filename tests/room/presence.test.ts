import { describe, expect, it } from 'vitest';
import {
  cleanName,
  colorOfClient,
  MAX_NAME_LENGTH,
  MAX_SELECTION,
  PRESENCE_PALETTE,
  parsePresence,
  parseSelectors,
  participantsOf,
  roomPresenceOf,
  sanitizePeerState,
  selectorsByNode,
} from '../../shared/room/presence';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

describe('presence colours', () => {
  it('picks a stable colour from the palette by client id', () => {
    expect(colorOfClient(12345)).toBe(colorOfClient(12345));
    expect(PRESENCE_PALETTE).toContain(colorOfClient(987654321));
    expect(new Set([0, 1, 2, 3, 4, 5, 6, 7].map(colorOfClient)).size).toBe(PRESENCE_PALETTE.length);
    expect(PRESENCE_PALETTE).toContain(colorOfClient(-3));
  });

  it('reads behind white text and as an outline on the light and dark canvas', () => {
    for (const color of PRESENCE_PALETTE) {
      expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      // The dark theme's canvas (#15181d) and the light one (#f4f5f7): 3:1 for an outline (WCAG 1.4.11).
      expect(contrast(color, '#15181d')).toBeGreaterThanOrEqual(3);
      expect(contrast(color, '#f4f5f7')).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('parsing other participants’ presence', () => {
  it('keeps a well-formed state, colour from the client id', () => {
    expect(
      parsePresence(3, {
        user: { name: '  Ada   Lovelace ', color: 'javascript:alert(1)' },
        selection: ['g1', 'g1', 'm2'],
        viewport: { x: 10, y: -20, zoom: 1.5 },
        facilitator: true,
      }),
    ).toEqual({
      user: { name: 'Ada Lovelace', color: colorOfClient(3) },
      selection: ['g1', 'm2'],
      viewport: { x: 10, y: -20, zoom: 1.5 },
      facilitator: true,
    });
  });

  it('drops states without a person and malformed fields', () => {
    expect(parsePresence(1, { room: { generation: 'abc' } })).toBeNull();
    expect(parsePresence(1, null)).toBeNull();
    expect(parsePresence(1, 'Ada')).toBeNull();
    expect(parsePresence(1, { user: { name: 42 } })).toBeNull();
    expect(parsePresence(1, { user: { name: '\u0000\u200b  ' } })).toBeNull();
    const odd = parsePresence(1, {
      user: { name: 'Bo' },
      selection: 'g1',
      viewport: { x: Number.NaN, y: 0, zoom: 1 },
      facilitator: 'yes',
      frozen: 1,
    });
    expect(odd).toEqual({ user: { name: 'Bo', color: colorOfClient(1) }, selection: [] });
    expect(
      parsePresence(1, { user: { name: 'Bo' }, viewport: { x: 0, y: 0, zoom: 0 } })?.viewport,
    ).toBeUndefined();
  });

  it('caps names and selections, and removes control characters', () => {
    expect([...cleanName('名'.repeat(100))]).toHaveLength(MAX_NAME_LENGTH);
    expect(cleanName('a\tb\nc\u202ed')).toBe('abcd');
    expect(cleanName('😀'.repeat(50))).toBe('😀'.repeat(MAX_NAME_LENGTH));
    const many = Array.from({ length: 1000 }, (_, i) => `n${i}`);
    expect(
      parsePresence(1, { user: { name: 'A' }, selection: [...many, 'x'.repeat(65), 7] })?.selection,
    ).toHaveLength(MAX_SELECTION);
    expect(parsePresence(1, { user: { name: 'A' }, selection: ['x'.repeat(65), 7, ''] })?.selection).toEqual(
      [],
    );
  });

  it('lists participants (self first) and who selected each node as one string per node', () => {
    const states = new Map<number, unknown>([
      [9, { room: { generation: 'g', frozen: true } }],
      [2, { user: { name: 'Zoe' }, selection: ['a'] }],
      [1, { user: { name: 'Me' }, selection: ['a'] }],
      [3, { user: { name: 'Al' }, selection: ['a', 'b'] }],
    ]);
    const list = participantsOf(states, 1);
    expect(list.map((p) => [p.user.name, p.self])).toEqual([
      ['Me', true],
      ['Al', false],
      ['Zoe', false],
    ]);
    const byNode = selectorsByNode(list);
    expect(parseSelectors(byNode.get('a') ?? '')).toEqual([
      { name: 'Al', color: colorOfClient(3) },
      { name: 'Zoe', color: colorOfClient(2) },
    ]);
    expect(byNode.get('b')).toBe(`${colorOfClient(3)}\tAl`);
    expect(parseSelectors('')).toEqual([]);
    expect(roomPresenceOf(states)).toEqual({ generation: 'g', frozen: true });
    expect(roomPresenceOf(new Map([[1, { user: { name: 'A' } }]]))).toBeNull();
  });

  it('strips the room’s field and the host-only fields from a participant’s state', () => {
    const state = {
      user: { name: 'M' },
      room: { frozen: true },
      facilitator: true,
      frozen: true,
      selection: [],
    };
    expect(sanitizePeerState(state, false)).toEqual({ user: { name: 'M' }, selection: [] });
    expect(sanitizePeerState(state, true)).toEqual({
      user: { name: 'M' },
      facilitator: true,
      frozen: true,
      selection: [],
    });
    expect(sanitizePeerState({ user: { name: 'V' }, viewOnly: false }, false, true)).toEqual({
      user: { name: 'V' },
      viewOnly: true,
    });
    expect(sanitizePeerState({ user: { name: 'E' }, viewOnly: true }, false, false)).toEqual({
      user: { name: 'E' },
    });
    expect(sanitizePeerState([1, 2], false)).toBeNull();
    expect(sanitizePeerState(null, true)).toBeNull();
  });
});
