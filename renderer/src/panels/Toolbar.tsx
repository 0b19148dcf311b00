import { useReactFlow } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS, type NodeKind } from '../../../shared/model';
import { LANGUAGES, type Language } from '../../../shared/model/language';
import { KIND_ICON } from '../../../shared/render/glyphs';
import { placeInLane } from '../canvas/placement';
import type { CommandName } from '../commands/command-bus';
import { useCommandBus } from '../commands/use-commands';
import { PresenceButton } from '../room/Presence';
import { SyncIndicator } from '../room/SyncIndicator';
import { useMapStore, useMapStoreApi } from '../store/context';
import { nodeSize } from '../store/plan-flow';
import { type ThemeChoice, useViewPrefs } from '../store/view-prefs';

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** A compact toolbar button that runs a command; its name is spoken and shown as a tooltip. */
function IconButton({
  label,
  icon,
  run,
  disabled = false,
  testId,
  pressed,
}: {
  label: string;
  icon: string;
  run: CommandName;
  disabled?: boolean;
  testId?: string;
  /** For a toggle: whether it is on (aria-pressed). */
  pressed?: boolean;
}) {
  const bus = useCommandBus();
  return (
    <button
      type="button"
      className="button button--icon"
      title={label}
      aria-label={label}
      disabled={disabled}
      aria-pressed={pressed}
      onClick={() => bus.run(run)}
      data-testid={testId ?? `toolbar-${run}`}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}

/** A large letter with a plus: larger text (drawn, so it is not read out as the letter "A"). */
function ReadingSizeIcon() {
  return (
    <svg className="toolbar__reading-icon" viewBox="0 0 20 16" width="20" height="16" aria-hidden="true">
      <path d="M1 15 6 1h2l5 14h-2.3l-1.3-3.8H4.6L3.3 15zm4.3-5.8h3.4L7 4.1z" fill="currentColor" />
      <path d="M15 2h1.6v2.4H19V6h-2.4v2.4H15V6h-2.4V4.4H15z" fill="currentColor" />
    </svg>
  );
}

/** Adds each kind of node, fits the view, shows save state and switches language. */
export function Toolbar({
  onLanguage,
  fileMenu,
}: {
  onLanguage(language: Language): void;
  fileMenu: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const store = useMapStoreApi();
  const flow = useReactFlow();
  const name = useMapStore((s) => s.name);
  const canEdit = useMapStore((s) => s.mapId !== null && !s.readOnly);
  const hasMap = useMapStore((s) => s.mapId !== null);
  const undoDepth = useMapStore((s) => s.undoDepth);
  const redoDepth = useMapStore((s) => s.redoDepth);
  const bus = useCommandBus();
  const snap = useViewPrefs((s) => s.snapToGrid);
  const sidePanels = useViewPrefs((s) => s.sidePanels);
  const readingSize = useViewPrefs((s) => s.readingSize);
  const setSnap = useViewPrefs((s) => s.setSnapToGrid);
  const theme = useViewPrefs((s) => s.theme);
  const filtersOpen = useViewPrefs((s) => s.filtersOpen);

  const add = (kind: NodeKind) => {
    const id = store.getState().addNode(kind, placeInLane(kind, store.getState().nodes));
    const added = store.getState().nodes.find((n) => n.id === id);
    if (!added) return;
    const { position } = added;
    const { width, height } = nodeSize(added);
    void flow.setCenter(position.x + width / 2, position.y + height / 2, {
      zoom: Math.max(flow.getZoom(), 0.9),
      duration: 200,
    });
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('app.name')}>
      {fileMenu}
      <h1 className="toolbar__title" title={name}>
        {name || t('app.name')}
      </h1>
      <div className="toolbar__group">
        {NODE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`button button--add button--${kind}`}
            data-testid={`add-${kind}`}
            disabled={!canEdit}
            onClick={() => add(kind)}
            aria-label={t('toolbar.add', { kind: t(`kinds.${kind}`) })}
            title={t('toolbar.add', { kind: t(`kinds.${kind}`) })}
          >
            <span aria-hidden="true">{KIND_ICON[kind]}</span> {t(`kinds.${kind}`)}
          </button>
        ))}
      </div>
      <div className="toolbar__group">
        <IconButton label={t('toolbar.undo')} icon="↶" disabled={!canEdit || undoDepth === 0} run="undo" />
        <IconButton label={t('toolbar.redo')} icon="↷" disabled={!canEdit || redoDepth === 0} run="redo" />
      </div>
      <div className="toolbar__group">
        <button
          type="button"
          className="button"
          disabled={!hasMap}
          onClick={() => bus.run('fit-view')}
          data-testid="fit-view"
          title={t('toolbar.fit')}
          aria-label={t('toolbar.fit')}
        >
          <span aria-hidden="true">⤢</span> <span className="toolbar__fit-label">{t('toolbar.fit')}</span>
        </button>
        <button
          type="button"
          className="button button--icon"
          title={t('layout.autoLayout')}
          aria-label={t('layout.autoLayout')}
          disabled={!canEdit}
          onClick={() => bus.run('auto-layout')}
          data-testid="auto-layout"
        >
          <span aria-hidden="true">☰</span>
        </button>
        <IconButton label={t('toolbar.find')} icon="⌕" disabled={!hasMap} run="find" testId="open-search" />
        <IconButton
          label={t('toolbar.filters')}
          icon="▽"
          disabled={!hasMap}
          run="toggle-filters"
          testId="toggle-filters"
          pressed={filtersOpen}
        />
        <IconButton
          label={t('toolbar.present')}
          icon="▶"
          disabled={!hasMap}
          run="presentation"
          testId="start-presentation"
        />
        <IconButton
          label={t('toolbar.sidePanels')}
          icon="◫"
          run="toggle-side-panels"
          testId="side-panels-toggle"
          pressed={sidePanels}
        />
        <button
          type="button"
          className="button button--icon"
          title={t('offsite.readingSize')}
          aria-label={t('offsite.readingSize')}
          aria-pressed={readingSize}
          onClick={() => bus.run('toggle-reading-size')}
          data-testid="reading-size-toggle"
        >
          <ReadingSizeIcon />
        </button>
        <button
          type="button"
          className="button button--icon"
          aria-pressed={snap}
          title={t('toolbar.snap')}
          aria-label={t('toolbar.snap')}
          onClick={() => setSnap(!snap)}
          data-testid="snap-toggle"
        >
          <span aria-hidden="true">▦</span>
        </button>
        <label className="toolbar__theme">
          <span aria-hidden="true" className="toolbar__theme-icon">
            ◐
          </span>
          <select
            value={theme}
            onChange={(e) => bus.run(`theme-${e.target.value as ThemeChoice}`)}
            aria-label={t('toolbar.theme')}
            data-testid="theme"
          >
            {THEMES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`toolbar.themes.${choice}`)}
              </option>
            ))}
          </select>
        </label>
        <IconButton label={t('toolbar.shortcuts')} icon="?" run="shortcuts" testId="open-shortcuts" />
      </div>
      <PresenceButton />
      <SyncIndicator />
      <label className="toolbar__language">
        <span className="visually-hidden">{t('toolbar.language')}</span>
        <select
          value={i18n.language}
          onChange={(e) => onLanguage(e.target.value as Language)}
          data-testid="language"
          aria-label={t('toolbar.language')}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
