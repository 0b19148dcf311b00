import type { Language } from '../../shared/model/language';
import type { Checkin, MapContent, MetricNode } from '../../shared/model/types';
import { templateContent } from '../../shared/templates';

/**
 * A template map with check-ins, for the export tests: its first metric has three weekly numbers
 * rising then flat (12, 15, 15), owned by someone, with a note that looks like a formula; its second
 * has two falling (40, 31) and a monthly cadence; the others have none. Each metric's `current` is
 * its latest check-in's value, as the rule of checkins.ts keeps it.
 */
export function mapWithCheckins(language: Language): MapContent & { checkins: Checkin[] } {
  const content = templateContent('checkout-conversion', language);
  const metrics = content.nodes.filter((n): n is MetricNode => n.kind === 'metric');
  const [first, second] = metrics as [MetricNode, MetricNode];
  const checkins: Checkin[] = [
    checkin('c1', first.id, '2026-06-10', 12, 'on-track', 'first week'),
    // Entered out of order: the index sorts by date.
    checkin('c3', first.id, '2026-06-24', 15, 'at-risk', '=HYPERLINK("http://x")'),
    checkin('c2', first.id, '2026-06-17', 15, null, ''),
    checkin('c4', second.id, '2026-05-01', 40, null, '周报'),
    checkin('c5', second.id, '2026-06-01', 31, 'off-track', ''),
  ];
  const nodes = content.nodes.map((n) => {
    if (n.id === first.id) return { ...n, current: 15, cadence: 'weekly' as const, owner: '王芳' };
    if (n.id === second.id) return { ...n, current: 31, cadence: 'monthly' as const, owner: 'Sam' };
    return n;
  });
  return { nodes, links: content.links, checkins };
}

function checkin(
  id: string,
  metric: string,
  date: string,
  value: number,
  confidence: Checkin['confidence'],
  note: string,
): Checkin {
  return { id, metric, date, value, confidence, note, by: 'Li Lei' };
}
