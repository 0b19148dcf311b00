import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import { version as appVersion } from '../../package.json';
import type { ThroughlineApi } from '../../shared/contract/api';
import type { Language } from '../../shared/model/language';
import { Canvas } from './canvas/Canvas';
import { UpdateNumbersEntry, UpdateNumbersHost } from './checkins/UpdateNumbers';
import { CommandBus } from './commands/command-bus';
import { type AppCommandHandlers, useAppCommands } from './commands/use-app-commands';
import { CommandBusContext, useKeyboardShortcuts, useShellCommands } from './commands/use-commands';
import { rememberLanguage } from './i18n';
import { useMapLibrary } from './library/use-map-library';
import { FileMenu } from './panels/FileMenu';
import { FilterBar } from './panels/FilterBar';
import { FindingsPanel } from './panels/FindingsPanel';
import { InspectorColumn } from './panels/inspector/InspectorColumn';
import { MapList } from './panels/MapList';
import { Notices, useNotices } from './panels/Notices';
import { ReadOnlyBanner } from './panels/ReadOnlyBanner';
import { SearchBar } from './panels/SearchBar';
import { ShortcutSheet } from './panels/ShortcutSheet';
import { Toolbar } from './panels/Toolbar';
import { VersionBanner } from './panels/VersionBanner';
import { PresentationOverlay } from './presentation/PresentationOverlay';
import { usePresentation } from './presentation/use-presentation';
import type { MapRooms } from './room/map-rooms';
import { FollowStatus, FreezeBanner, NamePrompt } from './room/Presence';
import { installPresence } from './room/presence-binding';
import { MapStoreContext } from './store/context';
import type { MapState } from './store/map-store';
import { useViewPrefs } from './store/view-prefs';

export interface AppProps {
  api: ThroughlineApi;
  store: StoreApi<MapState>;
  rooms: MapRooms;
}

/** Registers the window's commands; a component so it can sit inside the providers. */
function AppCommands(handlers: AppCommandHandlers) {
  useAppCommands(handlers);
  return null;
}

/** The main screen's layout: maps on the left, the canvas in the middle, findings on the right. */
export function App({ api, store, rooms }: AppProps) {
  const { t, i18n } = useTranslation();
  const { notices, notify, dismiss } = useNotices();
  const [bus] = useState(() => new CommandBus());
  const [sheetOpen, setSheetOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const selectedCount = useCallback(
    () => store.getState().nodes.reduce((count, n) => count + (n.selected ? 1 : 0), 0),
    [store],
  );
  const presentation = usePresentation(store);
  const filtersOpen = useViewPrefs((s) => s.filtersOpen);
  const sidePanels = useViewPrefs((s) => s.sidePanels);
  useKeyboardShortcuts(bus, selectedCount);
  // Presence in the room of the map in view (names, selections, following, the freeze).
  useEffect(
    () =>
      installPresence({
        api,
        store,
        rooms,
        fallbackName: (host) => i18n.t(host ? 'presence.facilitatorName' : 'presence.guest'),
      }),
    [api, store, rooms, i18n],
  );
  useShellCommands(bus);

  const { maps, openId, documentInfo, role, fail, open, choose, create, ...library } = useMapLibrary({
    api,
    store,
    rooms,
    notify,
  });

  const closeSearch = useCallback(() => {
    setSearchOpen(false);
    document.querySelector<HTMLElement>('[data-canvas-scope]')?.focus({ preventScroll: true });
  }, []);

  const changeLanguage = useCallback(
    (language: Language) => {
      rememberLanguage(language);
      void i18n.changeLanguage(language);
      document.documentElement.lang = language;
      // The desktop menu follows; losing this call only leaves the menu in the old language.
      api.setUiLanguage({ language }).catch(() => {});
    },
    [api, i18n],
  );

  return (
    <CommandBusContext.Provider value={bus}>
      <MapStoreContext.Provider value={store}>
        <AppCommands
          // Ctrl+N from the keyboard: the facilitator goes on typing on the new map's canvas (the
          // node that had focus is gone with the old map).
          newMap={() =>
            void create().then(() =>
              document.querySelector<HTMLElement>('[data-canvas-scope]')?.focus({ preventScroll: true }),
            )
          }
          changeLanguage={changeLanguage}
          showShortcuts={() => setSheetOpen(true)}
          find={() => {
            if (openId) setSearchOpen(true);
          }}
          about={() => notify(t('app.about', { version: appVersion }))}
          presentation={() => {
            if (openId) presentation.toggle();
          }}
          toggleFilters={() => useViewPrefs.getState().setFiltersOpen(!useViewPrefs.getState().filtersOpen)}
        />
        <ReactFlowProvider>
          <div
            className={presentation.presenting ? 'app app--presenting' : sidePanels ? 'app' : 'app app--wide'}
          >
            <header className="app__header">
              <Toolbar
                onLanguage={changeLanguage}
                fileMenu={
                  <FileMenu
                    api={api}
                    role={role}
                    document={documentInfo}
                    mapId={openId}
                    onDocumentChanged={(info) => void library.documentChanged(info).catch(fail)}
                    onImported={(id) => void open(id, { imported: true })}
                    onOpenVersion={(loaded, compareWith) =>
                      openId
                        ? library.openVersion(openId, loaded, compareWith).catch(fail)
                        : Promise.resolve()
                    }
                    flush={() => rooms.flush().then(() => {})}
                    notify={notify}
                  />
                }
              />
            </header>
            <MapList
              role={role}
              maps={maps}
              loadPage={(offset, limit) => api.listMapPage({ offset, limit })}
              openId={openId}
              onOpen={choose}
              onCreate={() => void create()}
              onRename={(id, name) => void library.rename(id, name)}
              onDuplicate={(id) => void library.duplicate(id)}
              onDelete={library.remove}
              onCreateFromTemplate={library.createFromTemplate}
            />
            <main className="app__canvas">
              <ReadOnlyBanner />
              <VersionBanner onBack={library.backToLive} />
              <FreezeBanner />
              {openId ? <FollowStatus /> : null}
              {searchOpen && openId ? <SearchBar onClose={closeSearch} /> : null}
              {filtersOpen && openId && !presentation.presenting ? <FilterBar /> : null}
              {openId ? (
                <Canvas
                  onNotice={notify}
                  presenting={presentation.presenting}
                  presentedGoal={presentation.goalId}
                />
              ) : (
                <p className="canvas__empty">{t('canvas.noMap')}</p>
              )}
              {presentation.presenting && openId ? (
                <PresentationOverlay
                  goalIds={presentation.goalIds}
                  index={presentation.index}
                  onIndex={presentation.setIndex}
                  onExit={presentation.stop}
                />
              ) : null}
            </main>
            <InspectorColumn
              findings={
                <>
                  <UpdateNumbersEntry />
                  <FindingsPanel />
                </>
              }
            />
            <Notices notices={notices} onDismiss={dismiss} />
            {sheetOpen ? <ShortcutSheet onClose={() => setSheetOpen(false)} /> : null}
            <UpdateNumbersHost notify={notify} />
            <NamePrompt />
          </div>
        </ReactFlowProvider>
      </MapStoreContext.Provider>
    </CommandBusContext.Provider>
  );
}
