import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

/** Name of the app's folder in the OS's application-data directory (as Electron's `userData`). */
export const APP_DIR_NAME = 'Throughline';

export interface UserDataContext {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/**
 * The folder the desktop app keeps its library in, so the command line and the browser mode open
 * the same library as the desktop app: ~/.config/Throughline on Linux (or $XDG_CONFIG_HOME),
 * ~/Library/Application Support/Throughline on macOS, %APPDATA%\Throughline on Windows.
 * THROUGHLINE_USER_DATA overrides it (tests, portable set-ups).
 */
export function userDataDir(context: UserDataContext = {}): string {
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const home = context.home ?? homedir();
  const override = env.THROUGHLINE_USER_DATA;
  if (override) return override;
  if (platform === 'win32') {
    return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  const config = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, APP_DIR_NAME);
}
