import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  initialWindowState,
  isReachable,
  type Rect,
  readWindowState,
  trackWindowState,
  type WindowState,
  windowStateFile,
  writeWindowState,
} from '../../electron/main/window-state';

const LAPTOP: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT_MONITOR: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-window-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('window state file', () => {
  it('round-trips size, position and maximized state', () => {
    const file = windowStateFile(dir);
    const state: WindowState = { x: 120, y: 80, width: 1280, height: 800, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(initialWindowState(readWindowState(file), [LAPTOP])).toEqual(state);
  });

  it('treats a missing, corrupt or invalid file as no saved state', () => {
    const file = windowStateFile(dir);
    expect(readWindowState(file)).toBeNull();
    for (const content of [
      '{"x": 1, "y": 2, "wid',
      '',
      'null',
      '[]',
      '{"x": 1, "y": 2, "width": 800}',
      '{"x": "1", "y": 2, "width": 800, "height": 600, "maximized": false}',
      '{"x": 1, "y": 2, "width": -800, "height": 600, "maximized": false}',
      '{"x": 1.5, "y": 2, "width": 800, "height": 600, "maximized": false}',
      '{"x": 1e300, "y": 2, "width": 800, "height": 600, "maximized": false}',
    ]) {
      writeFileSync(file, content);
      expect(readWindowState(file), content).toBeNull();
      // …and the window opens at the default size, centred.
      expect(initialWindowState(readWindowState(file), [LAPTOP])).toEqual({
        x: 240,
        y: 70,
        ...DEFAULT_WINDOW_SIZE,
        maximized: false,
      });
    }
  });

  it('refuses to write a state that is not valid', () => {
    const file = windowStateFile(dir);
    expect(() => writeWindowState(file, { x: 0, y: 0, width: 0, height: 10, maximized: false })).toThrow();
    expect(existsSync(file)).toBe(false);
  });
});

describe('where the window opens', () => {
  it('keeps a position on any current display, the primary or another', () => {
    const onRight: WindowState = { x: 2200, y: 100, width: 1600, height: 1000, maximized: false };
    expect(initialWindowState(onRight, [LAPTOP, RIGHT_MONITOR])).toEqual(onRight);
  });

  it('centres the default size on the primary display when the saved position is off every display', () => {
    // Saved on the right monitor, which has since been unplugged.
    const lost: WindowState = { x: 2200, y: 100, width: 1600, height: 1000, maximized: true };
    expect(initialWindowState(lost, [LAPTOP])).toEqual({
      x: 240,
      y: 70,
      ...DEFAULT_WINDOW_SIZE,
      maximized: true,
    });
    for (const far of [
      { x: -5000, y: 0 },
      { x: 0, y: 5000 },
      { x: 0, y: -500 },
    ]) {
      expect(initialWindowState({ ...lost, ...far }, [LAPTOP]).x).toBe(240);
    }
  });

  it('centres on the primary display even when it is not at the origin', () => {
    const primary: Rect = { x: -1280, y: 0, width: 1280, height: 760 };
    expect(initialWindowState(null, [primary, LAPTOP])).toEqual({
      x: -1280,
      y: 0,
      width: 1280,
      height: 760,
      maximized: false,
    });
  });

  it('needs enough of the title bar on a display to grab it', () => {
    expect(isReachable({ x: 1850, y: 10, width: 800, height: 600 }, [LAPTOP])).toBe(false); // 70 px visible
    expect(isReachable({ x: 1800, y: 10, width: 800, height: 600 }, [LAPTOP])).toBe(true); // 120 px visible
    expect(isReachable({ x: 100, y: 1030, width: 800, height: 600 }, [LAPTOP])).toBe(false); // below the taskbar line
    expect(isReachable({ x: 100, y: -10, width: 800, height: 600 }, [LAPTOP])).toBe(false); // title bar above the top
    expect(isReachable({ x: 100, y: 100, width: 800, height: 600 }, [])).toBe(false);
  });

  it('shrinks a saved size that no longer fits the display it is on', () => {
    const big: WindowState = { x: 0, y: 0, width: 2560, height: 1400, maximized: false };
    expect(initialWindowState(big, [LAPTOP])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
      maximized: false,
    });
  });

  it('uses the default size with no display information at all', () => {
    expect(initialWindowState(null, [])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });
});

/** A fake BrowserWindow: an event emitter with the bounds and maximized state the tracker reads. */
class FakeWindow extends EventEmitter {
  bounds: Rect = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  destroyed = false;
  getNormalBounds = () => ({ ...this.bounds });
  isMaximized = () => this.maximized;
  isDestroyed = () => this.destroyed;
}
const tracked = (window: FakeWindow) => window as unknown as Parameters<typeof trackWindowState>[0];

describe('tracking the window', () => {
  it('saves once after a burst of moves and resizes (debounced)', () => {
    vi.useFakeTimers();
    const file = windowStateFile(dir);
    const window = new FakeWindow();
    trackWindowState(tracked(window), file, { debounceMs: 500 });
    for (let i = 0; i < 20; i++) {
      window.bounds = { x: 10 + i, y: 20, width: 1000 + i, height: 700 };
      window.emit(i % 2 ? 'move' : 'resize');
      vi.advanceTimersByTime(50);
    }
    expect(existsSync(file)).toBe(false);
    vi.advanceTimersByTime(500);
    expect(readWindowState(file)).toEqual({ x: 29, y: 20, width: 1019, height: 700, maximized: false });
  });

  it('saves at once on close, with the maximized flag and the normal bounds', () => {
    vi.useFakeTimers();
    const file = windowStateFile(dir);
    const window = new FakeWindow();
    trackWindowState(tracked(window), file);
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    window.destroyed = true;
    vi.runAllTimers(); // the pending debounced save finds the window gone and writes nothing else
    expect(JSON.parse(readFileSync(file, 'utf8')).maximized).toBe(true);
  });

  it('reports a failed write instead of throwing, and stops when asked', () => {
    vi.useFakeTimers();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const errors: unknown[] = [];
    const window = new FakeWindow();
    const stop = trackWindowState(tracked(window), join(blocker, 'window-state.json'), {
      onError: (error) => errors.push(error),
    });
    window.emit('close');
    expect(errors).toHaveLength(1);

    const file = windowStateFile(dir);
    const second = new FakeWindow();
    const stopSecond = trackWindowState(tracked(second), file);
    stopSecond();
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    second.bounds = { x: 500, y: 500, width: 1000, height: 700 };
    second.emit('move');
    vi.runAllTimers();
    expect(readWindowState(file)?.x).toBe(10);
    stop();
  });
});
