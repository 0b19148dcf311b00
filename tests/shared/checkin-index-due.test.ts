import { describe, expect, it } from 'vitest';
import { checkinDue } from '../../shared/model/checkin-cadence';
import { CheckinIndex } from '../../shared/model/checkins';
import type { Checkin } from '../../shared/model/types';

const checkin = (id: string, metric: string, date: string): Checkin => ({
  id,
  metric,
  date,
  value: 1,
  confidence: null,
  note: '',
  by: '',
});

describe('CheckinIndex.due', () => {
  it('answers as checkinDue for the cadence and day asked, asked again with others', () => {
    const index = new CheckinIndex([checkin('a', 'k1', '2026-06-01'), checkin('b', 'k1', '2026-06-24')]);
    const latest = { date: '2026-06-24' };
    const asks = [
      ['weekly', '2026-07-02'],
      ['weekly', '2026-07-02'],
      ['weekly', '2026-07-10'],
      ['monthly', '2026-07-10'],
      ['weekly', '2026-07-02'],
    ] as const;
    for (const [cadence, today] of asks) {
      expect(index.due('k1', cadence, today)).toEqual(checkinDue(cadence, latest, today));
    }
    expect(index.due('k1', 'weekly', '2026-07-10').state).toBe('stale');
    expect(index.due('k1', 'monthly', '2026-07-10').state).toBe('fresh');
    expect(index.due('k2', 'weekly', '2026-07-10').state).toBe('never');
  });
});
