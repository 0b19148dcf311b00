import { describe, expect, it } from 'vitest';
import { olderFirst } from '../../renderer/src/store/version-view';

describe('two versions compared', () => {
  it('puts the older first, whichever was picked first', () => {
    const a = { id: 'a', createdAt: '2027-01-10T09:00:00.000Z' };
    const b = { id: 'b', createdAt: '2027-04-02T09:00:00.000Z' };
    expect(olderFirst(a, b).map((v) => v.id)).toEqual(['a', 'b']);
    expect(olderFirst(b, a).map((v) => v.id)).toEqual(['a', 'b']);
  });
});
