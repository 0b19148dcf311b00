import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { ThroughlineApi } from '../../../shared/contract/api';
import type { MapState } from './map-store';

const KEEP_EVERY_MS = 2000;

/**
 * Tells the main process every two seconds that this window still has the map open, and turns the
 * view read-only as soon as another window has taken the map over.
 */
export function useMapSessionKeeper(
  store: StoreApi<MapState>,
  api: Pick<ThroughlineApi, 'keepMapSession'>,
  mapId: string | null,
  onLost: () => void,
): void {
  useEffect(() => {
    if (!mapId) return;
    const timer = setInterval(async () => {
      const { readOnly, sessionId, mapId: open } = store.getState();
      if (readOnly || open !== mapId) return;
      try {
        const { held } = await api.keepMapSession({ mapId, sessionId });
        if (!held && !store.getState().readOnly) {
          store.getState().setReadOnly(true);
          onLost();
        }
      } catch {
        // The next tick tries again; a save would report a real problem.
      }
    }, KEEP_EVERY_MS);
    return () => clearInterval(timer);
  }, [store, api, mapId, onLost]);
}
