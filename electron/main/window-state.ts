// The main window's size, position and maximized state, remembered in a small JSON file in the
// user-data folder. Reading, checking and placing are pure (tested under Node); `trackWindowState`
// is the thin part that listens to the window.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MAX_SIDE = 100_000;

export const WindowStateSchema = z.object({
  x: z.number().int().min(-MAX_SIDE).max(MAX_SIDE),
  y: z.number().int().min(-MAX_SIDE).max(MAX_SIDE),
  width: z.number().int().min(1).max(MAX_SIDE),
  height: z.number().int().min(1).max(MAX_SIDE),
  maximized: z.boolean(),
});
export type WindowState = z.output<typeof WindowStateSchema>;

/** What the window is created with: a position only when a saved one is still visible. */
export interface InitialWindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

export function windowStateFile(userDataDir: string): string {
  return join(userDataDir, 'window-state.json');
}

/** The saved state, or null when the file is missing, unreadable or not a valid state. */
export function readWindowState(file: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = WindowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Writes through a temporary file, so a crash mid-write never leaves a torn file. */
export function writeWindowState(file: string, state: WindowState): void {
  const checked = WindowStateSchema.parse(state);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(checked, null, 2)}\n`);
  renameSync(temp, file);
}

/** How much of the title bar must lie on one display for a saved position to count as visible. */
const GRIP = { width: 100, height: 24 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** True when enough of the window's title bar lies within one work area to grab and move it. */
export function isReachable(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: GRIP.height };
  return workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(GRIP.width, bounds.width) && o.height >= GRIP.height;
  });
}

/** A size no larger than the work area, and no smaller than the window's minimum where it fits. */
function fitSize(size: { width: number; height: number }, area: Rect | undefined) {
  if (!area) return { width: size.width, height: size.height };
  return {
    width: Math.max(Math.min(size.width, area.width), Math.min(MIN_WINDOW_SIZE.width, area.width)),
    height: Math.max(Math.min(size.height, area.height), Math.min(MIN_WINDOW_SIZE.height, area.height)),
  };
}

/**
 * Where the window opens. `workAreas` are the current displays' work areas (`screen.getAllDisplays()`),
 * the primary display's first. A saved position whose title bar is on no display (a monitor was
 * unplugged, the resolution changed) falls back to the default size centred on the primary display;
 * a missing or invalid file does too.
 */
export function initialWindowState(
  saved: WindowState | null,
  workAreas: readonly Rect[],
): InitialWindowState {
  const primary = workAreas[0];
  if (saved && isReachable(saved, workAreas)) {
    const home = workAreas.find((area) => isReachable(saved, [area]));
    return { x: saved.x, y: saved.y, ...fitSize(saved, home), maximized: saved.maximized };
  }
  const size = fitSize(DEFAULT_WINDOW_SIZE, primary);
  const maximized = saved?.maximized ?? false;
  if (!primary) return { ...size, maximized };
  return {
    x: Math.round(primary.x + (primary.width - size.width) / 2),
    y: Math.round(primary.y + (primary.height - size.height) / 2),
    ...size,
    maximized,
  };
}

/** The part of a window the tracker reads. */
type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>;

/**
 * Saves the window's state when it is resized or moved (debounced: those events come many times a
 * second while dragging) and at once when it closes. The normal bounds are saved, so a maximized
 * window restores to its last normal size. Returns a function that saves now and stops tracking.
 */
export function trackWindowState(
  window: TrackedWindow,
  file: string,
  { debounceMs = 500, onError = (_error: unknown) => {} } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (stopped || window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    try {
      writeWindowState(file, {
        x: Math.round(bounds.x),
        y: Math.round(bounds.y),
        width: Math.round(bounds.width),
        height: Math.round(bounds.height),
        maximized: window.isMaximized(),
      });
    } catch (error) {
      // Only a convenience: a read-only user-data folder must not break the app.
      onError(error);
    }
  };
  const later = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
  return () => {
    save();
    stopped = true;
  };
}
