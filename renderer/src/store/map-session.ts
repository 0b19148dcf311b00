import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { ThroughlineApi } from '../../../shared/contract/api';
import type { MapState } from './map-store';

const KEEP_EVERY_MS = 2000;

type SessionApi = Pick<ThroughlineApi, 'keepMapSession' | 'openMapSession' | 'releaseMapSession'>;

/**
 * Keeps this window's hold on the open map: says every two seconds that it is still here, turns
 * the view read-only as soon as another window takes the map over, and, while read-only, picks the
 * map up by itself (with the other window's latest edits) once that window has let it go or gone
 * quiet. Closing or reloading the window gives the map back at once.
 */
export function useMapSessionKeeper(
  store: StoreApi<MapState>,
  api: SessionApi,
  mapId: string | null,
  onLost: () => void,
  onRegained: () => void,
): void {
  useEffect(() => {
    if (!mapId) return;
    const timer = setInterval(async () => {
      const { readOnly, sessionId, mapId: open } = store.getState();
      if (open !== mapId) return;
      try {
        if (readOnly) {
          const session = await api.openMapSession({ mapId, sessionId, takeOver: false });
          if (!session.readOnly && store.getState().readOnly && store.getState().mapId === mapId) {
            store.getState().rebase(session.map);
            onRegained();
          }
          return;
        }
        const { held } = await api.keepMapSession({ mapId, sessionId });
        if (!held && !store.getState().readOnly) {
          store.getState().setReadOnly(true);
          onLost();
        }
      } catch {
        // The next tick tries again; a save would report a real problem.
      }
    }, KEEP_EVERY_MS);
    const release = () => {
      const { readOnly, sessionId } = store.getState();
      if (!readOnly) void api.releaseMapSession({ mapId, sessionId }).catch(() => {});
    };
    window.addEventListener('pagehide', release);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', release);
    };
  }, [store, api, mapId, onLost, onRegained]);
}
