import { z } from 'zod';

/**
 * The application's commands: what the native menu (desktop), the in-app toolbar and the keyboard
 * all trigger. The desktop menu sends one of these to the renderer, which runs it exactly as if
 * the toolbar or a shortcut had; so every menu command is reachable in the browser mode too.
 */
export const APP_COMMANDS = [
  'new-map',
  'new-from-template',
  'open',
  'save-as',
  'open-recent',
  'import-json',
  'import-checkins',
  'export',
  'share',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'duplicate',
  'delete',
  'select-all',
  'find',
  'zoom-in',
  'zoom-out',
  'fit-view',
  'auto-layout',
  'presentation',
  'update-numbers',
  'toggle-side-panels',
  'toggle-reading-size',
  'theme-light',
  'theme-dark',
  'theme-system',
  'language-en',
  'language-zh-CN',
  'shortcuts',
  'about',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** What the main process sends on APP_COMMAND_CHANNEL; `path` only with `open-recent`. */
export const AppCommandMessageSchema = z.object({
  command: z.enum(APP_COMMANDS),
  path: z.string().min(1).max(4096).optional(),
});
export type AppCommandMessage = z.output<typeof AppCommandMessageSchema>;

/** The one IPC channel from main to renderer: menu commands. */
export const APP_COMMAND_CHANNEL = 'throughline:app-command';

/** What the preload exposes as `window.throughlineShell` in the desktop app (absent in a browser). */
export interface ShellApi {
  /** Calls the listener for every menu command; returns a function that stops listening. */
  onAppCommand(listener: (message: unknown) => void): () => void;
}
