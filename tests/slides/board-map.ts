import type { Language } from '../../shared/model/language';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapContent, MapNode } from '../../shared/model/types';
import { templateContent } from '../../shared/templates';

/** The date the decks of the tests are judged on. */
export const TODAY = '2026-12-07';

const LONG = {
  en: 'Become the most trusted neighbourhood grocery brand in every second-tier city we operate in by the end of the next fiscal year, without discounting below cost, while keeping the cold chain intact and our suppliers paid on time, every single week of the year, as the board asked',
  'zh-CN':
    '在下一个财年结束前成为我们运营的每一个二线城市中最受信赖的社区生鲜品牌，不做低于成本的折扣，同时保证冷链完整、每周按时向供应商付款，并让每一家门店的员工都清楚自己的指标和负责人，这是董事会在年度战略会上明确提出的要求',
} as const;

/**
 * The shopping-festival template (the scenario the board pack is made of) with metric values that
 * give every status colour, and one more goal whose title, mechanism and metric are as long as a
 * facilitator might type, so the decks show how long text wraps, and a goal with no execution
 * path (its owner hostile text), so they have findings.
 */
export function boardMap(language: Language): { name: string } & MapContent {
  const content = templateContent('shopping-festival', language);
  const metrics = content.nodes.filter((n) => n.kind === 'metric');
  const values: [number, string | null][] = [
    [1, '2026-11-11'],
    [0.2, '2027-11-11'],
    [0.5, '2027-06-01'],
    [0.9, '2027-11-11'],
  ];
  const nodes: MapNode[] = content.nodes.map((node) => {
    if (node.kind !== 'metric') return node;
    const i = metrics.indexOf(node);
    const [share, due] = values[i % values.length] as [number, string | null];
    const baseline = node.baseline ?? 0;
    const target = node.target ?? 100;
    return { ...node, baseline, target, current: baseline + (target - baseline) * share, dueDate: due };
  });
  const long = LONG[language];
  const owner = language === 'en' ? 'Chief Operating Officer, Northern Region' : '北区首席运营官';
  const extra: MapNode[] = [
    { id: 'long-goal', kind: 'goal', title: long, owner, status: 'active', position: { x: 0, y: 2400 } },
    {
      id: 'long-mech',
      kind: 'mechanism',
      title: long.slice(0, 140),
      owner,
      function: 'operations',
      startDate: '2026-09-01',
      position: { x: 400, y: 2400 },
    },
    {
      id: 'long-metric',
      kind: 'metric',
      title: long.slice(0, 120),
      owner,
      unit: '%',
      baseline: 60,
      target: 90,
      current: 70,
      dueDate: '2027-06-30',
      position: { x: 800, y: 2400 },
    },
    // A goal nobody owns and nothing executes: the findings slide's strategy group leads with it.
    {
      id: 'lonely-goal',
      kind: 'goal',
      title: language === 'en' ? 'Open a flagship store in Chengdu' : '在成都开设旗舰店',
      // Typed or pasted by anyone: markup, an ampersand, a bell, a tab and a line break.
      description: '',
      owner: '<b>R&D</b> "lead"\u0007\tand\nteam',
      position: { x: 0, y: 2800 },
    },
  ].map((node) => MapNodeSchema.parse(node));
  return {
    name: language === 'en' ? 'Singles’ Day board pack' : '双十一董事会汇报',
    nodes: [...nodes, ...extra],
    links: [
      ...content.links,
      { id: 'long-1', source: 'long-goal', target: 'long-mech' },
      { id: 'long-2', source: 'long-mech', target: 'long-metric' },
    ],
  };
}
