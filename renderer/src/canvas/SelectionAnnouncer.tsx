import { useTranslation } from 'react-i18next';
import { useMapStore } from '../store/context';
import type { MapState } from '../store/map-store';

/** "Goal: Raise conversion" for the one selected node, as a primitive so it re-renders rarely. */
const selectedLabel = (s: MapState): string => {
  let found: string | null = null;
  for (const n of s.nodes) {
    if (!n.selected) continue;
    if (found !== null) return 'many';
    found = `${n.data.plan.kind}\u0000${n.data.plan.title}\u0000${s.nodeFlags.get(n.id) ?? ''}`;
  }
  return found ?? '';
};

/**
 * Tells screen-reader users which node the keyboard is on (the canvas draws it, nobody reads it):
 * its kind, title and findings, politely, after each move.
 */
export function SelectionAnnouncer() {
  const { t } = useTranslation();
  const label = useMapStore(selectedLabel);
  let text = '';
  if (label === 'many') text = t('canvas.selectedMany');
  else if (label) {
    const [kind = 'goal', title = '', flag = ''] = label.split('\u0000');
    const count = flag ? Number(flag.split(':')[1]) : 0;
    text = t('canvas.selected', {
      kind: t(`kinds.${kind}`),
      title: title || t('node.untitled'),
      findings: count ? t('node.flagged', { count }) : t('canvas.noFindings'),
    });
  }
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="selection-announcer">
      {text}
    </p>
  );
}
