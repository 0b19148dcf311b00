import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';

/** Every leaf of the strings as [key, value]. */
function entries(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}

describe('a part of the UI', () => {
  it('has one name in Chinese: the inspector is called by its heading wherever it is mentioned', () => {
    const zh = createI18n('zh-CN');
    const name = zh.t('inspector.heading');
    const mentions = entries(en).filter(
      ([key, value]) => key !== 'inspector.heading' && /\binspector\b/i.test(value),
    );
    expect(mentions.length).toBeGreaterThan(0);
    for (const [key] of mentions) expect(zh.t(key), key).toContain(name);
    // The other word it was once called by.
    expect(entries(zhCN).filter(([, value]) => value.includes('检查器'))).toEqual([]);
  });
});
