import { useTranslation } from 'react-i18next';
import { version as appVersion } from '../../../package.json';
import { ModalDialog } from './ModalDialog';
import { useModalDialog } from './use-modal-dialog';

/**
 * Which keys the sheet lists, grouped; a label is a key under `shortcuts.keys`, or a full key (with
 * a dot) elsewhere, in both languages.
 */
const GROUPS: ReadonlyArray<{ id: string; rows: ReadonlyArray<readonly [keys: string, label: string]> }> = [
  {
    id: 'build',
    rows: [
      ['Tab', 'addChild'],
      ['Shift+Tab', 'addSubGoal'],
      ['Enter', 'addSibling'],
      ['Enter', 'planCheck.keys.addGoal'],
      ['Shift+F', 'planCheck.keys.cycleFunction'],
      ['F2', 'rename'],
      ['Esc', 'escape'],
      ['Delete', 'delete'],
    ],
  },
  {
    id: 'move',
    rows: [
      ['← →', 'moveLinks'],
      ['↑ ↓', 'moveSiblings'],
      ['Mod+A', 'selectAll'],
      ['Shift+Click', 'multiSelect'],
      ['Mod+F', 'find'],
    ],
  },
  {
    id: 'edit',
    rows: [
      ['Mod+Z', 'undo'],
      ['Mod+Shift+Z / Mod+Y', 'redo'],
      ['Mod+C / Mod+X / Mod+V', 'clipboard'],
      ['Mod+D', 'duplicate'],
      ['Mod+N', 'planCheck.keys.newMap'],
    ],
  },
  {
    id: 'view',
    rows: [
      ['F / Mod+0', 'fit'],
      ['Mod+= / Mod+-', 'zoom'],
      ['F5', 'presentation'],
      ['Mod+Shift+M', 'updateNumbers.key'],
      ['Mod+\\', 'sidePanels'],
      ['Mod+Shift+L', 'readingSize'],
      ['? / F1', 'sheet'],
    ],
  },
];

const isMac = () => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

/** The shortcut sheet (`?`): a modal dialog, closed with Escape or its button. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const mod = isMac() ? '⌘' : 'Ctrl';

  return (
    <ModalDialog
      ref={dialog}
      name="shortcut-sheet"
      className="shortcut-sheet"
      described={false}
      onCancel={onClose}
    >
      <header className="dialog__header">
        <h2 id="shortcut-sheet-title" className="dialog__title">
          {t('shortcuts.title')}
        </h2>
        <button type="button" className="button dialog__close" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </header>
      <div className="dialog__body">
        <div className="shortcut-sheet__groups">
          {GROUPS.map((group) => (
            <section key={group.id} aria-labelledby={`shortcuts-${group.id}`}>
              <h3 id={`shortcuts-${group.id}`}>{t(`shortcuts.groups.${group.id}`)}</h3>
              <dl>
                {group.rows.map(([keys, label]) => (
                  <div key={label} className="shortcut-sheet__row">
                    <dt>
                      <kbd>{keys.replaceAll('Mod', mod).replace('Click', t('shortcuts.click'))}</kbd>
                    </dt>
                    <dd>{t(label.includes('.') ? label : `shortcuts.keys.${label}`)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="shortcut-sheet__note">{t('shortcuts.imeNote')}</p>
        <p className="shortcut-sheet__note" data-testid="about">
          {t('app.about', { version: appVersion })}
        </p>
      </div>
    </ModalDialog>
  );
}
