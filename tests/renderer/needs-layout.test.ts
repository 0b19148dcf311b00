import { describe, expect, it } from 'vitest';
import { needsLayout } from '../../renderer/src/layout/needs-layout';

const at = (x: number, y: number) => ({ position: { x, y } });

describe('needsLayout', () => {
  it('is true for a map whose nodes all sit at the origin (written without positions)', () => {
    expect(needsLayout([at(0, 0), at(0, 0), at(0, 0)])).toBe(true);
  });

  it('is false for a map someone arranged, and for a single node', () => {
    expect(needsLayout([at(0, 0), at(400, 0), at(800, 0), at(0, 150)])).toBe(false);
    expect(needsLayout([at(0, 0)])).toBe(false);
    expect(needsLayout([])).toBe(false);
  });

  it('tolerates a few overlaps among many arranged nodes', () => {
    const arranged = Array.from({ length: 12 }, (_, i) => at((i % 3) * 400, Math.floor(i / 3) * 150));
    expect(needsLayout([...arranged, at(0, 0)])).toBe(false);
  });
});
