import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAutosave } from '../../renderer/src/store/autosave';
import { installFlushOnExit } from '../../renderer/src/store/flush-on-exit';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { MapChanges } from '../../shared/contract/api';
import { CLOSE_FLUSH_GLOBAL, type CloseFlushResult } from '../../shared/contract/close-flush';
import { ApiError } from '../../shared/contract/errors';
import { oneGoalDocument } from './one-goal-document';

const doc = oneGoalDocument;

/** Just enough of a window and its document (the tests run under Node, not in a browser). */
function fakeWindow() {
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const window = Object.assign(new EventTarget(), { document });
  return { window, document, asWindow: window as unknown as Window };
}

/** Node's Event has a read-only returnValue; a browser's BeforeUnloadEvent lets it be set. */
class FakeBeforeUnloadEvent extends Event {
  override returnValue: boolean = true;
}

function beforeUnload(target: EventTarget): Event {
  const event = new FakeBeforeUnloadEvent('beforeunload', { cancelable: true });
  target.dispatchEvent(event);
  return event;
}

interface SetupOptions {
  fail?: boolean;
  askBeforeLosingEdits?: boolean;
  /** Saves stay in flight until `release()` answers them. */
  held?: boolean;
  callsLostOnLeave?: () => boolean;
}

function setup({
  fail = false,
  askBeforeLosingEdits = false,
  held = false,
  callsLostOnLeave,
}: SetupOptions = {}) {
  const store = createMapStore();
  store.getState().load(doc);
  const saved: MapChanges[] = [];
  const waiting: (() => void)[] = [];
  let failing = fail;
  const autosave = startAutosave(store, {
    saveChanges: async (changes) => {
      if (held) await new Promise<void>((answer) => waiting.push(answer));
      if (failing) throw new ApiError('storage-failed', 'The disk is full.');
      saved.push(changes as MapChanges);
      return { revision: store.getState().revision + 1 };
    },
  });
  const fake = fakeWindow();
  const uninstall = installFlushOnExit({
    store,
    autosave,
    target: fake.asWindow,
    askBeforeLosingEdits,
    ...(callsLostOnLeave ? { callsLostOnLeave } : {}),
  });
  const flushBeforeClose = () =>
    (fake.window as unknown as Record<string, () => Promise<CloseFlushResult>>)[CLOSE_FLUSH_GLOBAL]?.();
  return {
    store,
    saved,
    fake,
    uninstall,
    flushBeforeClose,
    heal: () => (failing = false),
    /** Answers the saves in flight. */
    release: () => {
      for (const answer of waiting.splice(0)) answer();
    },
    stop: () => autosave.stop(),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('flush on exit', () => {
  it('saves at once, without waiting for the debounce, when the page is hidden, hidden away or unloaded', async () => {
    const t = setup();
    t.store.getState().renameNode('g', 'Hidden');
    t.fake.document.dispatchEvent(new Event('visibilitychange')); // still visible: nothing
    await vi.advanceTimersByTimeAsync(0);
    expect(t.saved).toHaveLength(0);
    t.fake.document.visibilityState = 'hidden';
    t.fake.document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.saved.map((c) => c.upsertNodes[0]?.title)).toEqual(['Hidden']);

    t.store.getState().renameNode('g', 'Closing');
    expect(beforeUnload(t.fake.window).defaultPrevented).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    t.store.getState().renameNode('g', 'Gone');
    t.fake.window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.saved.map((c) => c.upsertNodes[0]?.title)).toEqual(['Hidden', 'Closing', 'Gone']);
    t.stop();
  });

  it('answers the desktop close handler once everything is saved, or with the reason it is not', async () => {
    const ok = setup();
    ok.store.getState().renameNode('g', 'Last words');
    await expect(ok.flushBeforeClose()).resolves.toEqual({ saved: true, error: null });
    expect(ok.saved).toHaveLength(1);
    ok.stop();

    const full = setup({ fail: true });
    full.store.getState().renameNode('g', 'No room');
    await expect(full.flushBeforeClose()).resolves.toEqual({ saved: false, error: 'The disk is full.' });
    full.heal();
    await expect(full.flushBeforeClose()).resolves.toEqual({ saved: true, error: null });
    expect(full.saved[0]?.upsertNodes[0]?.title).toBe('No room');
    full.stop();
  });

  it("asks the browser's leave question for edits the disk refused, never in a read-only window", async () => {
    const t = setup({ fail: true, askBeforeLosingEdits: true });
    expect(beforeUnload(t.fake.window).defaultPrevented).toBe(false); // nothing to lose
    t.store.getState().renameNode('g', 'Refused');
    await vi.advanceTimersByTimeAsync(300);
    expect(t.store.getState().saveState).toBe('failed');
    expect(beforeUnload(t.fake.window).defaultPrevented).toBe(true);
    t.store.getState().setReadOnly(true);
    expect(beforeUnload(t.fake.window).defaultPrevented).toBe(false);
    t.stop();

    const desktop = setup({ fail: true });
    desktop.store.getState().renameNode('g', 'Refused');
    await vi.advanceTimersByTimeAsync(300);
    expect(beforeUnload(desktop.fake.window).defaultPrevented).toBe(false);
    desktop.stop();
  });

  it('asks when edits wait behind a save in flight, which answers only a page that stayed', async () => {
    const t = setup({ askBeforeLosingEdits: true, held: true });
    t.store.getState().renameNode('g', 'First');
    await vi.advanceTimersByTimeAsync(300);
    expect(t.store.getState().saveState).toBe('saving');
    // That save went out with keepalive and arrives without the page: nothing to ask.
    expect(beforeUnload(t.fake.window).defaultPrevented).toBe(false);
    t.store.getState().renameNode('g', 'Second');
    expect(beforeUnload(t.fake.window).defaultPrevented).toBe(true);
    // The user stays: the first save answers and the second goes out.
    t.release();
    await vi.advanceTimersByTimeAsync(0);
    t.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.saved.map((c) => c.upsertNodes[0]?.title)).toEqual(['First', 'Second']);
    expect(t.store.getState().saveState).toBe('saved');
    expect(beforeUnload(t.fake.window).defaultPrevented).toBe(false);
    t.stop();

    const desktop = setup({ held: true });
    desktop.store.getState().renameNode('g', 'First');
    await vi.advanceTimersByTimeAsync(300);
    desktop.store.getState().renameNode('g', 'Second');
    expect(beforeUnload(desktop.fake.window).defaultPrevented).toBe(false);
    desktop.release();
    desktop.stop();
  });

  it('asks when the save the flush sent would die with the page (too large for keepalive)', async () => {
    let lost = false;
    const t = setup({ askBeforeLosingEdits: true, held: true, callsLostOnLeave: () => lost });
    t.store.getState().renameNode('g', 'Small');
    expect(beforeUnload(t.fake.window).defaultPrevented).toBe(false);
    t.release();
    await vi.advanceTimersByTimeAsync(0);
    lost = true;
    t.store.getState().renameNode('g', 'Large');
    expect(beforeUnload(t.fake.window).defaultPrevented).toBe(true);
    expect(t.store.getState().saveState).toBe('saving');
    t.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.saved.map((c) => c.upsertNodes[0]?.title)).toEqual(['Small', 'Large']);
    t.stop();
  });

  it('removes its listeners and the close hook', async () => {
    const t = setup();
    t.uninstall();
    expect(CLOSE_FLUSH_GLOBAL in t.fake.window).toBe(false);
    t.store.getState().renameNode('g', 'Later');
    t.fake.window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.saved).toHaveLength(0);
    t.stop();
  });
});
