import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ClosingWindow, flushBeforeClose } from '../../electron/main/flush-before-close';
import { installLeaveGuard } from '../../renderer/src/room/leave-guard';
import { CLOSE_FLUSH_GLOBAL } from '../../shared/contract/close-flush';

/** A BrowserWindow as far as closing goes: `close` emits the event and, unless prevented, closes. */
class FakeWindow implements ClosingWindow {
  closed = false;
  closeCalls = 0;
  scripts: string[] = [];
  private listeners: ((event: { preventDefault(): void }) => void)[] = [];
  constructor(readonly page: () => Promise<unknown>) {}

  readonly webContents = {
    executeJavaScript: (code: string) => {
      this.scripts.push(code);
      return this.page();
    },
  };

  on(_event: 'close', listener: (event: { preventDefault(): void }) => void) {
    this.listeners.push(listener);
    return this;
  }

  close() {
    this.closeCalls += 1;
    let prevented = false;
    for (const listener of this.listeners) listener({ preventDefault: () => (prevented = true) });
    if (!prevented) this.closed = true;
  }

  isDestroyed() {
    return this.closed;
  }
}

function fakeDialog(response: number) {
  const asked: MessageBoxOptions[] = [];
  return {
    asked,
    showMessageBox: async (_window: FakeWindow, options: MessageBoxOptions) => {
      asked.push(options);
      return { response, checkboxChecked: false } as MessageBoxReturnValue;
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('flushBeforeClose', () => {
  it("holds the window until the page's last save is done, then closes it", async () => {
    let finishSave: (value: unknown) => void = () => {};
    const window = new FakeWindow(() => new Promise((resolve) => (finishSave = resolve)));
    const dialog = fakeDialog(0);
    flushBeforeClose(window, dialog, () => 'en');

    window.close();
    window.close(); // a second click while saving asks nothing new
    expect(window.closed).toBe(false);
    expect(window.scripts).toEqual([`globalThis.${CLOSE_FLUSH_GLOBAL}?.() ?? null`]);

    finishSave({ saved: true, error: null });
    await vi.advanceTimersByTimeAsync(0);
    expect(window.closed).toBe(true);
    expect(dialog.asked).toHaveLength(0);
  });

  it('closes anyway when the page does not answer in time, has no hook, or has crashed', async () => {
    for (const page of [
      () => new Promise(() => {}),
      async () => null,
      async () => 'something else',
      () => Promise.reject(new Error('Render frame was disposed')),
    ]) {
      const window = new FakeWindow(page);
      flushBeforeClose(window, fakeDialog(0), () => 'en', 1_000);
      window.close();
      await vi.advanceTimersByTimeAsync(999);
      if (!window.closed) {
        await vi.advanceTimersByTimeAsync(1);
        expect(window.closed).toBe(true);
      }
    }
  });

  it('when the edits could not be saved, keeps the window open unless the user chooses to lose them', async () => {
    const window = new FakeWindow(async () => ({ saved: false, error: 'The disk is full.' }));
    const keep = fakeDialog(0);
    flushBeforeClose(window, keep, () => 'zh-CN');
    window.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(window.closed).toBe(false);
    expect(keep.asked[0]).toMatchObject({ type: 'warning', buttons: ['保持窗口打开', '关闭并放弃修改'] });
    expect(keep.asked[0]?.detail).toContain('The disk is full.');

    // Asked again on the next attempt; this time the user lets them go.
    const window2 = new FakeWindow(async () => ({ saved: false, error: 'The disk is full.' }));
    const lose = fakeDialog(1);
    flushBeforeClose(window2, lose, () => 'en');
    window2.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(lose.asked[0]?.buttons).toEqual(['Keep the window open', 'Close and lose them']);
    expect(window2.closed).toBe(true);

    window.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(keep.asked).toHaveLength(2);
    expect(window.closed).toBe(false);
  });

  it("waits for the room through the page's leave guard: closes once confirmed, asks when not within 3 s", async () => {
    /** The page's window: the leave guard defines the global on it, as renderer/src/main.tsx does. */
    const page = () => {
      const target = new EventTarget() as unknown as Window;
      let confirm: (all: boolean) => void = () => {};
      const rooms = {
        waiting: 2,
        flush: (timeoutMs = 0) =>
          new Promise<boolean>((resolve) => {
            confirm = resolve;
            setTimeout(() => resolve(false), timeoutMs);
          }),
      };
      installLeaveGuard({ rooms, target, unconfirmedMessage: (n) => `${n} changes not confirmed` });
      const run = () => (target as unknown as Record<string, () => Promise<unknown>>)[CLOSE_FLUSH_GLOBAL]?.();
      return { run, confirm: (all: boolean) => confirm(all) };
    };

    const confirmed = page();
    const window = new FakeWindow(async () => confirmed.run());
    flushBeforeClose(window, fakeDialog(0), () => 'en');
    window.close();
    await vi.advanceTimersByTimeAsync(1000);
    expect(window.closed).toBe(false);
    confirmed.confirm(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(window.closed).toBe(true);

    const away = page();
    const stuck = new FakeWindow(async () => away.run());
    const dialog = fakeDialog(0);
    flushBeforeClose(stuck, dialog, () => 'en');
    stuck.close();
    await vi.advanceTimersByTimeAsync(3000);
    expect(stuck.closed).toBe(false);
    expect(dialog.asked[0]?.detail).toContain('2 changes not confirmed');
  });
});
