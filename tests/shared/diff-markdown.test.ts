import { describe, expect, it } from 'vitest';
import { diffMaps } from '../../shared/diff';
import { diffMarkdown } from '../../shared/exports/diff-markdown';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapContent, MapNodeInput } from '../../shared/model/types';

const node = (input: MapNodeInput) => MapNodeSchema.parse(input);

const before: MapContent = {
  nodes: [
    node({ id: 'g1', kind: 'goal', title: 'Raise conversion', priority: 'high' }),
    node({ id: 'm1', kind: 'mechanism', title: 'Coupon hints', function: 'marketing' }),
    node({ id: 'k1', kind: 'metric', title: 'Payment conversion', unit: '%', current: 61 }),
    node({ id: 'k2', kind: 'metric', title: 'Old metric' }),
  ],
  links: [
    { id: 'l1', source: 'g1', target: 'm1' },
    { id: 'l2', source: 'm1', target: 'k1' },
  ],
};

const after: MapContent = {
  nodes: [
    node({ id: 'g1', kind: 'goal', title: 'Raise **order** conversion', priority: 'low' }),
    node({ id: 'm1', kind: 'mechanism', title: 'Coupon hints', function: null }),
    node({ id: 'k1', kind: 'metric', title: 'Payment conversion', unit: '%', current: 64.5 }),
    node({ id: 'g2', kind: 'goal', title: '<img src=x onerror=alert(1)>' }),
  ],
  links: [{ id: 'l1', source: 'g1', target: 'm1' }],
};

describe('the Markdown "Changes since …" section', () => {
  it('lists every change in English, escaping the map’s text', () => {
    const md = diffMarkdown(diffMaps(before, after), before, after, {
      since: 'Offsite *Q1*',
      language: 'en',
    });
    expect(md).toBe(
      [
        '## Changes since "Offsite \\*Q1\\*"',
        '',
        'Nodes: 1 added, 1 removed, 2 changed · 1 metric value moved · links: 0 added, 1 removed · 1 goal lost an execution path, 0 gained one',
        '',
        '### Nodes added',
        '',
        '- Goal "\\<img src=x onerror=alert(1)\\>" (g2)',
        '',
        '### Nodes removed',
        '',
        '- Metric "Old metric" (k2)',
        '',
        '### Nodes changed',
        '',
        '- Goal "Raise \\*\\*order\\*\\* conversion" (g1)',
        '  - Title: "Raise conversion" → "Raise \\*\\*order\\*\\* conversion"',
        '  - Priority: High → Low',
        '- Mechanism "Coupon hints" (m1)',
        '  - Function: Marketing → Function not set',
        '',
        '### Metric values that moved',
        '',
        '- Metric "Payment conversion" (k1): 61 % → 64.5 %',
        '',
        '### Links removed',
        '',
        '- "Coupon hints" → "Payment conversion" (l2)',
        '',
        '### Goals that lost their execution path',
        '',
        '- Goal "Raise \\*\\*order\\*\\* conversion" (g1)',
        '',
      ].join('\n'),
    );
  });

  it('says the same in Chinese, with no English word of its own', () => {
    const md = diffMarkdown(diffMaps(before, after), before, after, {
      since: '季度会',
      language: 'zh-CN',
      level: 1,
    });
    expect(md.startsWith('# 自“季度会”以来的变化\n')).toBe(true);
    expect(md).toContain('## 新增的节点');
    expect(md).toContain('  - 优先级：高 → 低');
    expect(md).toContain('  - 职能：市场 → 职能未设置');
    expect(md).toContain('- 指标 “Payment conversion” (k1)：61 % → 64.5 %');
    expect(md).toContain('## 失去执行路径的目标');
    const ours = md.replace(/“[^”]*”/g, '').replace(/\([A-Za-z0-9_\\-]+\)/g, '');
    expect(ours).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('says there is no change, and that positions are not compared', () => {
    const moved: MapContent = {
      ...before,
      nodes: before.nodes.map((n) => ({ ...n, position: { x: 1, y: 2 } })),
    };
    expect(diffMarkdown(diffMaps(before, moved), before, moved, { since: 'Q1', language: 'en' })).toBe(
      '## Changes since "Q1"\n\nNo changes: the two maps hold the same plan.\n\nWhere cards sit on the canvas is not compared.\n',
    );
  });
});
