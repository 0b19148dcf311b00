import { VALUE_LABELS } from '../exports/outline-labels';
import type { Language } from '../model/language';
import type { MapSvgLabels } from './drawing';

/**
 * The words a drawn map shows, in each language: the print view, the picture exports and the
 * command line all draw with these, and the canvas's translations take its kind names from here.
 */
export const DRAWING_LABELS: Readonly<Record<Language, MapSvgLabels>> = {
  en: {
    kinds: { goal: 'Goal', mechanism: 'Mechanism', metric: 'Metric' },
    functions: VALUE_LABELS.en.function,
    functionUnset: VALUE_LABELS.en.functionUnset,
    owner: (owner) => `Owner: ${owner}`,
    noOwner: 'No owner',
    untitled: 'Untitled',
    lanes: { goal: 'Strategy', mechanism: 'Operations', metric: 'Metrics' },
  },
  'zh-CN': {
    kinds: { goal: '目标', mechanism: '机制', metric: '指标' },
    functions: VALUE_LABELS['zh-CN'].function,
    functionUnset: VALUE_LABELS['zh-CN'].functionUnset,
    owner: (owner) => `负责人：${owner}`,
    noOwner: '无负责人',
    untitled: '未命名',
    lanes: { goal: '战略', mechanism: '运营', metric: '指标' },
  },
};
