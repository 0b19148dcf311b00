import { describe, expect, it } from 'vitest';
import { amountOrDash } from '../../renderer/src/print/format';
import { formatAmount } from '../../shared/model/amount';

describe('formatAmount, the one rule for a metric value and its unit', () => {
  it('puts a currency sign before the number in both languages, percent signs after', () => {
    expect(formatAmount(3.5, '¥', 'zh-CN')).toBe('¥3.5');
    expect(formatAmount(3.5, '￥', 'zh-CN')).toBe('￥3.5');
    expect(formatAmount(1250, '$', 'en')).toBe('$1,250');
    expect(formatAmount(61, '%', 'en')).toBe('61%');
    expect(formatAmount(61, '％', 'zh-CN')).toBe('61％');
    expect(formatAmount(4, '‰', 'en')).toBe('4‰');
    expect(formatAmount(1250.5, 'orders', 'en')).toBe('1,250.5 orders');
    expect(formatAmount(12, ' 单 ', 'zh-CN')).toBe('12 单');
    expect(formatAmount(0.125, '', 'en')).toBe('0.125');
  });

  it('is what print writes too, with the dash for a value not set', () => {
    for (const [value, unit, language] of [
      [3.5, '¥', 'zh-CN'],
      [0.125, '%', 'en'],
      [1250.5, 'orders', 'en'],
      [7, '', 'zh-CN'],
    ] as const) {
      expect(amountOrDash(value, unit, language, '—')).toBe(formatAmount(value, unit, language));
    }
    expect(amountOrDash(null, '¥', 'zh-CN', '—')).toBe('—');
  });
});
