// The native application menu. `buildMenuTemplate` is a pure function of the platform, the language,
// the recent documents and a `send` callback, so it is tested under plain Node; `installMenu` is the
// thin adapter that hands it to Electron and routes each command to the focused window.
import {
  BrowserWindow,
  type IpcMain,
  type IpcMainInvokeEvent,
  Menu,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import {
  APP_COMMAND_CHANNEL,
  type AppCommand,
  type AppCommandMessage,
} from '../../shared/contract/app-commands';
import type { MethodName } from '../../shared/contract/methods';
import { MENU_LABELS, type MenuLabels, type MenuLanguage } from './menu-labels';

export interface MenuRecentDocument {
  path: string;
  fileName: string;
  /** False when the file has gone missing: the item is shown greyed out. */
  available?: boolean;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  language: MenuLanguage;
  recent: readonly MenuRecentDocument[];
  /** Delivers a command to the renderer of the focused window. */
  send(message: AppCommandMessage): void;
}

/*
 * Accelerators, and why some are only shown:
 * - The renderer's keymap (renderer/src/commands/keymap.ts) sees every key first and handles the
 *   canvas's shortcuts itself (then the menu never fires). A menu accelerator only fires for keys
 *   the page left unhandled: on macOS, Cmd+C/V/X/Z/A in a text field reach the menu this way
 *   (on Windows and Linux the field's editor consumes Ctrl+C… itself). See deliverCommand below.
 * - Bare keys (F for fit, Delete) are never registered: a menu key equivalent without a modifier
 *   would swallow that letter while the user types a title. On Windows and Linux they are shown
 *   (`registerAccelerator: false`) as a hint; macOS cannot show an unregistered accelerator, so
 *   there the item has none. `?` for the shortcut sheet is a canvas key for the same reason; the
 *   menu uses F1.
 * - Redo is Ctrl+Shift+Z everywhere plus Ctrl+Y on Windows and Linux (a hidden item): Ctrl+Shift
 *   combinations switch keyboard layouts on many Linux and Windows set-ups.
 */
const REDO_ALTERNATIVE = 'CmdOrCtrl+Y';

/** Top-level menus get an Alt-key mnemonic on Windows and Linux (macOS has none). */
const MNEMONICS = { file: 'F', edit: 'E', view: 'V', help: 'H' } as const;

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, send } = options;
  const mac = platform === 'darwin';
  const l: MenuLabels = MENU_LABELS[options.language];

  const top = (key: keyof typeof MNEMONICS): string => (mac ? l[key] : withMnemonic(l[key], MNEMONICS[key]));
  const item = (
    label: string,
    command: AppCommand,
    extra: MenuItemConstructorOptions = {},
  ): MenuItemConstructorOptions => ({ id: command, label, click: () => send({ command }), ...extra });
  /** An accelerator shown as a hint only (Windows, Linux); none on macOS. See above. */
  const hint = (accelerator: string): MenuItemConstructorOptions =>
    mac ? {} : { accelerator, registerAccelerator: false };
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      label: l.appName,
      submenu: [
        item(l.about, 'about'),
        separator,
        { role: 'services', label: l.services },
        separator,
        { role: 'hide', label: l.hide },
        { role: 'hideOthers', label: l.hideOthers },
        { role: 'unhide', label: l.showAll },
        separator,
        { role: 'quit', label: l.quit },
      ],
    });
  }

  template.push({
    label: top('file'),
    submenu: [
      item(l.newMap, 'new-map', { accelerator: 'CmdOrCtrl+N' }),
      item(l.newFromTemplate, 'new-from-template'),
      separator,
      item(l.open, 'open', { accelerator: 'CmdOrCtrl+O' }),
      { id: 'open-recent-menu', label: l.openRecent, submenu: recentItems(options, l) },
      separator,
      item(l.saveAs, 'save-as', { accelerator: 'CmdOrCtrl+Shift+S' }),
      separator,
      item(l.importJson, 'import-json'),
      item(l.importCheckins, 'import-checkins'),
      // 'export' opens the Export PDF dialog; JSON export stays in the app's File menu.
      item(l.exportPdf, 'export'),
      separator,
      item(l.share, 'share'),
      separator,
      // On macOS Quit is in the application menu, and File ends with Close Window (Cmd+W).
      mac ? { role: 'close', label: l.closeWindow } : { role: 'quit', label: l.exit },
    ],
  });

  template.push({
    label: top('edit'),
    submenu: [
      item(l.undo, 'undo', { accelerator: 'CmdOrCtrl+Z' }),
      item(l.redo, 'redo', { accelerator: 'CmdOrCtrl+Shift+Z' }),
      ...(mac
        ? []
        : [
            item(l.redo, 'redo', {
              id: 'redo-alternative',
              accelerator: REDO_ALTERNATIVE,
              visible: false,
            }),
          ]),
      separator,
      item(l.cut, 'cut', { accelerator: 'CmdOrCtrl+X' }),
      item(l.copy, 'copy', { accelerator: 'CmdOrCtrl+C' }),
      item(l.paste, 'paste', { accelerator: 'CmdOrCtrl+V' }),
      item(l.duplicate, 'duplicate', { accelerator: 'CmdOrCtrl+D' }),
      item(l.delete, 'delete', hint('Delete')),
      separator,
      item(l.selectAll, 'select-all', { accelerator: 'CmdOrCtrl+A' }),
      separator,
      item(l.find, 'find', { accelerator: 'CmdOrCtrl+F' }),
    ],
  });

  template.push({
    label: top('view'),
    submenu: [
      item(l.zoomIn, 'zoom-in', { accelerator: 'CmdOrCtrl+=' }),
      item(l.zoomOut, 'zoom-out', { accelerator: 'CmdOrCtrl+-' }),
      item(l.fitView, 'fit-view', hint('F')),
      item(l.autoLayout, 'auto-layout'),
      separator,
      item(l.presentation, 'presentation', { accelerator: 'F5' }),
      item(l.updateNumbers, 'update-numbers', { accelerator: 'CmdOrCtrl+Shift+M' }),
      item(l.sidePanels, 'toggle-side-panels', { accelerator: 'CmdOrCtrl+\\' }),
      item(l.readingSize, 'toggle-reading-size', { accelerator: 'CmdOrCtrl+Shift+L' }),
      separator,
      {
        id: 'theme-menu',
        label: l.theme,
        submenu: [
          item(l.themeSystem, 'theme-system'),
          item(l.themeLight, 'theme-light'),
          item(l.themeDark, 'theme-dark'),
        ],
      },
      {
        id: 'language-menu',
        label: l.language,
        submenu: [item(l.languageEn, 'language-en'), item(l.languageZhCN, 'language-zh-CN')],
      },
    ],
  });

  if (mac) template.push({ role: 'windowMenu', label: l.window });

  template.push({
    label: top('help'),
    ...(mac ? { role: 'help' as const } : {}),
    submenu: [
      item(l.shortcuts, 'shortcuts', { accelerator: 'F1' }),
      // On macOS "About" lives in the application menu.
      ...(mac ? [] : [separator, item(l.aboutItem, 'about')]),
    ],
  });

  return template;
}

function recentItems(options: MenuOptions, l: MenuLabels): MenuItemConstructorOptions[] {
  if (options.recent.length === 0) return [{ id: 'open-recent-none', label: l.noRecent, enabled: false }];
  const mac = options.platform === 'darwin';
  return options.recent.map((doc) => ({
    id: `open-recent:${doc.path}`,
    // `&` marks a mnemonic on Windows and Linux: a file name's own `&` is doubled to stay literal.
    label: mac ? doc.fileName : doc.fileName.replaceAll('&', '&&'),
    ...(mac ? { sublabel: doc.path } : {}),
    enabled: doc.available !== false,
    click: () => options.send({ command: 'open-recent', path: doc.path }),
  }));
}

/** `File` → `&File`; a label without that letter (Chinese) gets it appended: `文件(&F)`. */
export function withMnemonic(label: string, letter: string): string {
  const at = label.toLowerCase().indexOf(letter.toLowerCase());
  return at >= 0 ? `${label.slice(0, at)}&${label.slice(at)}` : `${label}(&${letter})`;
}

/** What routing a command needs of the focused window's web contents. */
export type CommandTarget = Pick<
  WebContents,
  | 'send'
  | 'isDestroyed'
  | 'executeJavaScriptInIsolatedWorld'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'delete'
  | 'selectAll'
>;

type NativeEdit = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'delete' | 'selectAll';

/**
 * The Edit commands while a text field has focus. Roles (`role: 'copy'`…) would always act on
 * text, so the canvas could never be copied from the menu; a plain command would always act on the
 * canvas, so Cmd+V in a title field on macOS (where those keys reach the menu) would paste nodes,
 * and the renderer cannot paste text itself (script paste needs a clipboard permission the app
 * denies). So main asks the page where focus is, then either runs Chromium's own editing command
 * on the field (exactly what the role would do) or sends the app command for the canvas.
 * `null`: the command has no meaning in a text field and is dropped there.
 */
const IN_TEXT_FIELD: Partial<Record<AppCommand, NativeEdit | null>> = {
  undo: 'undo',
  redo: 'redo',
  cut: 'cut',
  copy: 'copy',
  paste: 'paste',
  delete: 'delete',
  'select-all': 'selectAll',
  duplicate: null,
};

/** A world of its own for the focus probe: it reads the DOM and leaves the page's globals alone. */
const PROBE_WORLD_ID = 1_017;
const FOCUS_PROBE = `(() => {
  const e = document.activeElement;
  if (!e) return false;
  if (e.isContentEditable) return true;
  return e.tagName === 'INPUT' || e.tagName === 'TEXTAREA' || e.tagName === 'SELECT';
})()`;

async function textFieldHasFocus(target: CommandTarget): Promise<boolean> {
  try {
    const result: unknown = await target.executeJavaScriptInIsolatedWorld(PROBE_WORLD_ID, [
      { code: FOCUS_PROBE },
    ]);
    return result === true;
  } catch {
    return false;
  }
}

/** Delivers one menu command to a window: a text edit in the focused field, or the app command. */
export async function deliverCommand(target: CommandTarget, message: AppCommandMessage): Promise<void> {
  if (target.isDestroyed()) return;
  if (Object.hasOwn(IN_TEXT_FIELD, message.command) && (await textFieldHasFocus(target))) {
    if (target.isDestroyed()) return;
    const edit = IN_TEXT_FIELD[message.command];
    if (edit) target[edit]();
    return;
  }
  target.send(APP_COMMAND_CHANNEL, message);
}

/** The web contents of the focused window, or of the only window when none has focus (macOS). */
export function focusedContents(): CommandTarget | null {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return window && !window.isDestroyed() ? window.webContents : null;
}

/** Builds the menu and makes it the application menu; call again when the recent list or language changes. */
export function installMenu(
  options: Omit<MenuOptions, 'send'>,
  target: () => CommandTarget | null = focusedContents,
): Menu {
  const menu = Menu.buildFromTemplate(
    buildMenuTemplate({
      ...options,
      send: (message) => {
        const contents = target();
        if (contents) void deliverCommand(contents, message);
      },
    }),
  );
  Menu.setApplicationMenu(menu);
  return menu;
}

/** The contract methods after which the recent documents may have changed. */
export const RECENT_CHANGING_METHODS = [
  'openRecentDocument',
  'openDocumentDialog',
  'saveDocumentAsDialog',
  'uploadDocument',
] as const satisfies readonly MethodName[];

/**
 * Wraps ipcMain so that `after()` runs once a handler of one of `channels` has answered: the menu's
 * Open Recent list is rebuilt after the renderer opened or saved a document.
 */
export function afterHandled(
  ipc: Pick<IpcMain, 'handle'>,
  channels: readonly string[],
  after: () => void,
): Pick<IpcMain, 'handle'> {
  const watched = new Set(channels);
  return {
    handle(channel, listener) {
      if (!watched.has(channel)) return ipc.handle(channel, listener);
      ipc.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
        try {
          return await listener(event, ...args);
        } finally {
          after();
        }
      });
    },
  };
}
