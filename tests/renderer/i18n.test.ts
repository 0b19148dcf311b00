import { describe, expect, it } from 'vitest';
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
