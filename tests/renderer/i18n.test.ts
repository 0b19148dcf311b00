import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n';
import { shownDay } from '../../renderer/src/i18n/date-locale';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(leaves);
}

describe('UI strings', () => {
  it('have the same keys in English and Simplified Chinese', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('are translated: Chinese strings contain Chinese, except names and language labels', () => {
    const untranslated = leaves(zhCN).filter(
      (s) => !/[\u4e00-\u9fff]/.test(s) && !['Throughline', 'English', '简体中文'].includes(s),
    );
    expect(untranslated).toEqual([]);
  });
});

describe('the health summary', () => {
  it('agrees with the number of goals in English, and reads the same in Chinese', () => {
    const english = createI18n('en');
    expect(english.t('findings.summary', { withPath: 1, count: 1 })).toBe(
      '1 of 1 goal has an execution path',
    );
    expect(english.t('findings.summary', { withPath: 2, count: 3 })).toBe(
      '2 of 3 goals have an execution path',
    );
    expect(english.t('findings.summary', { withPath: 0, count: 0 })).toBe(
      '0 of 0 goals have an execution path',
    );
    const chinese = createI18n('zh-CN');
    expect(chinese.t('findings.summary', { withPath: 1, count: 1 })).toBe('1 个目标中有 1 个有执行路径');
    expect(chinese.t('findings.summary', { withPath: 2, count: 3 })).toBe('3 个目标中有 2 个有执行路径');
  });
});

describe('a day in a message', () => {
  it('is written with the month in words in the UI language, never as the stored ISO day', () => {
    expect(shownDay('2027-06-01', 'en')).toBe('Jun 1, 2027');
    expect(shownDay('2027-06-01', 'zh-CN')).toBe('2027年6月1日');
    expect(shownDay('not a day', 'en')).toBe('not a day');
  });
});
