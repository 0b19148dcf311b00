import { describe, expect, it, vi } from 'vitest';
import { startAutosave } from '../../renderer/src/store/autosave';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { MapChanges } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { oneGoalDocument } from './one-goal-document';

const doc = oneGoalDocument;

describe('autosave', () => {
  it('saves an edit within the delay through the contract and records the new revision', async () => {
    vi.useFakeTimers();
    const store = createMapStore();
    store.getState().load(doc);
    const saved: MapChanges[] = [];
    const saver = startAutosave(store, {
      saveChanges: async (c) => {
        saved.push(c as MapChanges);
        return { revision: 1 };
      },
    });
    store.getState().renameNode('g', 'Grow revenue');
    expect(saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.upsertNodes[0]?.title).toBe('Grow revenue');
    expect(store.getState()).toMatchObject({ revision: 1, saveState: 'saved' });
    saver.stop();
    vi.useRealTimers();
  });

  it('keeps the edit and retries when a save fails', async () => {
    vi.useFakeTimers();
    const store = createMapStore();
    store.getState().load(doc);
    let calls = 0;
    const saver = startAutosave(store, {
      saveChanges: async () => {
        calls += 1;
        if (calls === 1) throw new ApiError('storage-failed', 'disk full');
        return { revision: 1 };
      },
    });
    store.getState().renameNode('g', 'Grow revenue');
    await vi.advanceTimersByTimeAsync(300);
    expect(store.getState()).toMatchObject({ saveState: 'failed', saveError: 'disk full' });
    await vi.advanceTimersByTimeAsync(2100);
    expect(calls).toBe(2);
    expect(store.getState().saveState).toBe('saved');
    saver.stop();
    vi.useRealTimers();
  });

  it('keeps saving after a save timer fires when there was nothing left to save', async () => {
    // An edit typed while a save is in flight arms a new timer; when the loop has already saved
    // that edit, the timer finds nothing to do. That must not leave autosave stuck for good
    // (it once did: the map stayed "Unsaved changes" under load in the e2e suite).
    vi.useFakeTimers();
    const store = createMapStore();
    store.getState().load(doc);
    const saved: string[] = [];
    let revision = 0;
    const saver = startAutosave(store, {
      saveChanges: async (c) => {
        const changes = c as MapChanges;
        if (revision === 0) await new Promise((done) => setTimeout(done, 500));
        saved.push(changes.upsertNodes[0]?.title ?? '');
        revision += 1;
        return { revision };
      },
    });
    store.getState().renameNode('g', 'Grow sales');
    await vi.advanceTimersByTimeAsync(400); // the first save is in flight
    store.getState().renameNode('g', 'Grow revenue');
    await vi.advanceTimersByTimeAsync(1000); // both saved; the timer armed meanwhile has fired
    expect(saved).toEqual(['Grow sales', 'Grow revenue']);
    expect(store.getState().saveState).toBe('saved');

    store.getState().renameNode('g', 'Grow revenue 20%');
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toEqual(['Grow sales', 'Grow revenue', 'Grow revenue 20%']);
    expect(store.getState().saveState).toBe('saved');
    saver.stop();
    vi.useRealTimers();
  });
});
