import { describe, expect, it } from 'vitest';
import { NODE_KINDS, type NodeKind } from '../../shared/model/kinds';
import { LANGUAGES } from '../../shared/model/language';
import {
  checkKinds,
  checkNewLink,
  type LinkMeaning,
  type LinkRefusal,
  linkContext,
} from '../../shared/model/link-rules';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapLink, MapNode } from '../../shared/model/types';
import { describeLinkRefusal } from '../../shared/validation/link-messages';

const node = (kind: NodeKind, id: string): MapNode => MapNodeSchema.parse({ id, kind, title: id });
const link = (id: string, source: string, target: string): MapLink => ({ id, source, target });

/** The five allowed links and their meaning (README, "The JSON interchange format"); everything else is refused. */
const EXPECTED: Record<NodeKind, Record<NodeKind, LinkMeaning | LinkRefusal>> = {
  goal: { goal: 'decomposes-into', mechanism: 'executed-by', metric: 'outcome-metric' },
  mechanism: { goal: 'into-goal', mechanism: 'enables', metric: 'measured-by' },
  metric: { goal: 'out-of-metric', mechanism: 'out-of-metric', metric: 'out-of-metric' },
};

describe('checkKinds', () => {
  for (const source of NODE_KINDS) {
    for (const target of NODE_KINDS) {
      const expected = EXPECTED[source][target];
      it(`${source} → ${target}: ${expected}`, () => {
        const check = checkKinds(source, target);
        if (check.ok) expect(check.meaning).toBe(expected);
        else expect(check.reason).toBe(expected);
      });
    }
  }
});

describe('checkNewLink', () => {
  const nodes = [
    node('goal', 'g1'),
    node('goal', 'g2'),
    node('mechanism', 'm1'),
    node('mechanism', 'm2'),
    node('metric', 'k1'),
  ];

  it('accepts every allowed kind pair on an empty map, with its meaning', () => {
    const context = linkContext(nodes, []);
    expect(checkNewLink(context, 'g1', 'g2')).toEqual({ ok: true, meaning: 'decomposes-into' });
    expect(checkNewLink(context, 'g1', 'm1')).toEqual({ ok: true, meaning: 'executed-by' });
    expect(checkNewLink(context, 'm1', 'm2')).toEqual({ ok: true, meaning: 'enables' });
    expect(checkNewLink(context, 'm1', 'k1')).toEqual({ ok: true, meaning: 'measured-by' });
    expect(checkNewLink(context, 'g1', 'k1')).toEqual({ ok: true, meaning: 'outcome-metric' });
  });

  it('refuses every forbidden kind pair', () => {
    const context = linkContext(nodes, []);
    expect(checkNewLink(context, 'm1', 'g1')).toEqual({ ok: false, reason: 'into-goal' });
    expect(checkNewLink(context, 'k1', 'g1')).toEqual({ ok: false, reason: 'out-of-metric' });
    expect(checkNewLink(context, 'k1', 'm1')).toEqual({ ok: false, reason: 'out-of-metric' });
  });

  it('refuses a self-link for every kind, before looking at kinds', () => {
    const context = linkContext(nodes, []);
    for (const id of ['g1', 'm1', 'k1']) {
      expect(checkNewLink(context, id, id)).toEqual({ ok: false, reason: 'self-link' });
    }
  });

  it('refuses a link to or from a missing node', () => {
    const context = linkContext(nodes, []);
    expect(checkNewLink(context, 'g1', 'nope')).toEqual({ ok: false, reason: 'missing-node' });
    expect(checkNewLink(context, 'nope', 'm1')).toEqual({ ok: false, reason: 'missing-node' });
    expect(checkNewLink(context, 'nope', 'nope')).toEqual({ ok: false, reason: 'missing-node' });
  });

  it('refuses a duplicate but accepts the opposite pair when it makes no cycle', () => {
    const context = linkContext(nodes, [link('a', 'g1', 'm1')]);
    expect(checkNewLink(context, 'g1', 'm1')).toEqual({ ok: false, reason: 'duplicate' });
    expect(checkNewLink(context, 'g2', 'm1')).toEqual({ ok: true, meaning: 'executed-by' });
  });

  it('refuses a link that closes a cycle, directly or through other nodes', () => {
    const direct = linkContext(nodes, [link('a', 'g1', 'g2')]);
    expect(checkNewLink(direct, 'g2', 'g1')).toEqual({ ok: false, reason: 'cycle' });
    const mechanisms = [...nodes, node('mechanism', 'm3')];
    const chain = linkContext(mechanisms, [link('a', 'm1', 'm2'), link('b', 'm2', 'm3')]);
    expect(checkNewLink(chain, 'm3', 'm1')).toEqual({ ok: false, reason: 'cycle' });
    expect(checkNewLink(chain, 'm1', 'm3')).toEqual({ ok: true, meaning: 'enables' });
  });
});

describe('describeLinkRefusal', () => {
  const reasons: LinkRefusal[] = [
    'missing-node',
    'self-link',
    'into-goal',
    'out-of-metric',
    'duplicate',
    'cycle',
  ];

  it('has a short sentence for every reason in every language', () => {
    for (const lang of LANGUAGES) {
      const sentences = reasons.map((reason) => describeLinkRefusal(reason, lang));
      for (const sentence of sentences) {
        expect(sentence.trim().length).toBeGreaterThan(5);
        expect(sentence.length).toBeLessThan(100);
      }
      expect(new Set(sentences).size).toBe(reasons.length);
    }
  });

  it('writes the Chinese sentences in Chinese', () => {
    for (const reason of reasons) expect(describeLinkRefusal(reason, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
  });
});
