import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { checkinCalendarIcs } from '../../electron/backend/services/ics-export';
import { outlineFile } from '../../electron/backend/services/outline-file';
import { CADENCE_RULES } from '../../shared/exports/checkin-calendar';
import { createNode } from '../../shared/model/factory';
import { LANGUAGES } from '../../shared/model/language';
import type { MapContent, MapNode, MetricNode } from '../../shared/model/types';
import { mapWithCheckins } from '../shared/checkin-fixture';

const TODAY = '2026-07-01';

async function calendar(map: MapContent, language: (typeof LANGUAGES)[number]) {
  const file = await outlineFile({ name: '双十一 plan', ...map }, 'ics', language, TODAY);
  return { file, text: file.bytes.toString('utf8') };
}

/** The calendar read back by an independent iCalendar parser (ical.js): every VEVENT. */
function events(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  return root.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      end: event.endDate.toString(),
      rule: (c.getFirstPropertyValue('rrule') as ICAL.Recur).toString(),
    };
  });
}

describe('the check-in calendar (.ics)', () => {
  it('has an all-day event per metric with a cadence on its next day, repeating by the cadence', async () => {
    for (const language of LANGUAGES) {
      const map = mapWithCheckins(language);
      const [first, second] = map.nodes.filter((n): n is MetricNode => n.kind === 'metric') as [
        MetricNode,
        MetricNode,
      ];
      const { file, text } = await calendar(map, language);
      expect(file.fileName).toBe('双十一 plan.ics');
      expect(file.mimeType).toBe('text/calendar;charset=utf-8');
      // Every line ends with CRLF, none alone; a folded line continues with a space or tab.
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const list = events(text);
      const withCadence = map.nodes.filter((n) => n.kind === 'metric' && n.cadence !== null);
      expect(list.map((e) => e.uid)).toEqual(withCadence.map((n) => `${n.id}@checkins.throughline`));
      const byUid = (m: MetricNode) => list.find((e) => e.uid === `${m.id}@checkins.throughline`);
      const weekly = byUid(first) as (typeof list)[0];
      const monthly = byUid(second) as (typeof list)[0];
      expect(weekly).toMatchObject({
        uid: `${first.id}@checkins.throughline`,
        start: '2026-07-01',
        end: '2026-07-02',
        allDay: true,
        rule: 'FREQ=WEEKLY',
        summary: language === 'en' ? `Update: ${first.title}` : `更新：${first.title}`,
      });
      expect(weekly.description).toBe(
        language === 'en'
          ? `Owner: 王芳\nLast value: 15%${''} (2026-06-24)\nCadence: Weekly`
          : '负责人：王芳\n最新值：15%（2026-06-24）\n频率：每周',
      );
      expect(monthly).toMatchObject({ start: '2026-07-01', rule: 'FREQ=MONTHLY' });
      expect(monthly.description).toContain(language === 'en' ? 'Owner: Sam' : '负责人：Sam');
    }
  });

  it('keeps long Chinese titles whole through line folding, and UIDs stable across exports', async () => {
    const map = mapWithCheckins('zh-CN');
    const long = '月度活跃用户的次月留存率（按渠道、城市；含“新客”与老客）'.repeat(4);
    const metric = map.nodes.find((n): n is MetricNode => n.kind === 'metric') as MetricNode;
    const renamed = {
      ...map,
      nodes: map.nodes.map((n) =>
        n.id === metric.id ? { ...n, title: long, cadence: 'quarterly' as const } : n,
      ),
    };
    const { text } = await calendar(renamed, 'zh-CN');
    expect(text).toMatch(/\r\n[ \t]/); // folded
    const [event] = events(text);
    expect(event?.summary).toBe(`更新：${long}`);
    expect(event?.rule).toBe(CADENCE_RULES.quarterly);
    expect(event?.start).toBe('2026-09-24');
    // The same metric in a later export (a new number, a new title) keeps its UID: a calendar
    // app that imports it again updates the event instead of adding a second one.
    const again = events((await calendar(map, 'zh-CN')).text);
    expect(again[0]?.uid).toBe(event?.uid);
  });

  it('puts a metric without numbers on today and writes nothing for metrics without a cadence', async () => {
    const map = mapWithCheckins('en');
    const third = map.nodes.filter((n) => n.kind === 'metric')[2] as MetricNode;
    const withYearly = {
      nodes: map.nodes.map((n) =>
        n.id === third.id ? { ...n, cadence: 'yearly' as const, title: 'Churn\u001b[2J, net; of "x"' } : n,
      ),
      links: map.links,
    };
    const list = events((await calendar(withYearly, 'en')).text);
    const yearly = list.find((e) => e.rule === 'FREQ=YEARLY');
    expect(yearly?.start).toBe(TODAY);
    expect(yearly?.description).toContain('Last value: none yet');
    // A control character is written as a visible escape; commas and semicolons survive escaping.
    expect(yearly?.summary).toBe('Update: Churn\\u001b[2J, net; of "x"');
    const none = {
      nodes: map.nodes.map((n) => (n.kind === 'metric' ? { ...n, cadence: null } : n)),
      links: [],
    };
    const empty = (await calendar(none, 'en')).text;
    expect(events(empty)).toHaveLength(0);
    expect(empty).toContain('BEGIN:VCALENDAR');
  });
});

describe('the calendar of a copied map', () => {
  it('gives its events ids of their own, though the metrics keep theirs', () => {
    const metric = { ...createNode('metric', 'k1', 'NPS', { x: 0, y: 0 }), cadence: 'weekly' } as MapNode;
    const uids = (id: string) =>
      [
        ...checkinCalendarIcs({ id, name: 'Plan', nodes: [metric] }, 'en', '2026-07-01').matchAll(
          /^UID:(.*)\r$/gm,
        ),
      ].map((m) => m[1]);
    expect(uids('mapA')).toEqual(['k1.mapA@checkins.throughline']);
    expect(uids('mapB')).toEqual(['k1.mapB@checkins.throughline']);
  });
});
