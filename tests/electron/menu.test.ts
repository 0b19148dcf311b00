import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_COMMAND_CHANNEL,
  APP_COMMANDS,
  type AppCommandMessage,
} from '../../shared/contract/app-commands';

// A small fake of the electron module: the Menu and BrowserWindow statics menu.ts uses.
const fake = vi.hoisted(() => {
  const state = {
    built: [] as unknown[],
    applicationMenu: null as unknown,
    focused: null as unknown,
    windows: [] as unknown[],
  };
  return {
    state,
    electron: {
      Menu: {
        buildFromTemplate: (template: unknown) => {
          state.built.push(template);
          return { template };
        },
        setApplicationMenu: (menu: unknown) => {
          state.applicationMenu = menu;
        },
      },
      BrowserWindow: {
        getFocusedWindow: () => state.focused,
        getAllWindows: () => state.windows,
      },
    },
  };
});
vi.mock('electron', () => fake.electron);

const {
  afterHandled,
  buildMenuTemplate,
  deliverCommand,
  installMenu,
  RECENT_CHANGING_METHODS,
  withMnemonic,
} = await import('../../electron/main/menu');
const { MENU_LABELS, menuLanguageFromLocale } = await import('../../electron/main/menu-labels');

type Item = MenuItemConstructorOptions;
type ClickArgs = Parameters<NonNullable<Item['click']>>;

function click(item: Item | undefined): void {
  if (!item?.click) throw new Error(`no clickable item ${item?.id ?? ''}`);
  item.click(...([{}, undefined, {}] as unknown as ClickArgs));
}

function submenu(item: Item | undefined): Item[] {
  if (!Array.isArray(item?.submenu)) throw new Error(`no submenu under ${item?.label ?? '?'}`);
  return item.submenu;
}

function all(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? all(item.submenu) : [])]);
}

function byId(items: Item[], id: string): Item {
  const found = all(items).find((item) => item.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

function build(platform: NodeJS.Platform, overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  const sent: AppCommandMessage[] = [];
  const template = buildMenuTemplate({
    platform,
    language: 'en',
    recent: [],
    send: (message) => sent.push(message),
    ...overrides,
  });
  return { template, sent };
}

const ids = (items: Item[]) => items.filter((item) => item.type !== 'separator').map((i) => i.id ?? i.role);

describe('menu template', () => {
  it('has File, Edit, View and Help with Alt mnemonics on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = build(platform);
      expect(template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    }
  });

  it('adds the application menu (about, hide, quit) and the Window menu on macOS', () => {
    const { template, sent } = build('darwin');
    expect(template.map((menu) => menu.label)).toEqual([
      'Throughline',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    const appMenu = submenu(template[0]);
    expect(ids(appMenu)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    click(byId(appMenu, 'about'));
    expect(sent).toEqual([{ command: 'about' }]);
    // About is in the application menu on macOS, so not again under Help; no Exit under File either.
    expect(ids(submenu(template[5]))).toEqual(['shortcuts']);
    expect(all(submenu(template[1])).some((item) => item.role === 'quit')).toBe(false);
    expect(ids(submenu(template[1])).at(-1)).toBe('close');
  });

  it('lists the items of each menu', () => {
    const { template } = build('linux');
    const [file, edit, view, help] = template.map(submenu);
    expect(ids(file ?? [])).toEqual([
      'new-map',
      'new-from-template',
      'open',
      'open-recent-menu',
      'save-as',
      'import-json',
      'import-checkins',
      'export',
      'share',
      'quit',
    ]);
    expect(ids(edit ?? [])).toEqual([
      'undo',
      'redo',
      'redo-alternative',
      'cut',
      'copy',
      'paste',
      'duplicate',
      'delete',
      'select-all',
      'find',
    ]);
    expect(ids(view ?? [])).toEqual([
      'zoom-in',
      'zoom-out',
      'fit-view',
      'auto-layout',
      'presentation',
      'update-numbers',
      'toggle-side-panels',
      'toggle-reading-size',
      'theme-menu',
      'language-menu',
    ]);
    expect(ids(submenu(byId(view ?? [], 'theme-menu')))).toEqual([
      'theme-system',
      'theme-light',
      'theme-dark',
    ]);
    expect(ids(submenu(byId(view ?? [], 'language-menu')))).toEqual(['language-en', 'language-zh-CN']);
    expect(ids(help ?? [])).toEqual(['shortcuts', 'about']);
  });

  it('sets the accelerators', () => {
    const { template } = build('win32');
    const accelerator = (id: string) => byId(template, id).accelerator;
    expect(accelerator('new-map')).toBe('CmdOrCtrl+N');
    expect(accelerator('open')).toBe('CmdOrCtrl+O');
    expect(accelerator('save-as')).toBe('CmdOrCtrl+Shift+S');
    expect(accelerator('undo')).toBe('CmdOrCtrl+Z');
    expect(accelerator('redo')).toBe('CmdOrCtrl+Shift+Z');
    expect(accelerator('cut')).toBe('CmdOrCtrl+X');
    expect(accelerator('copy')).toBe('CmdOrCtrl+C');
    expect(accelerator('paste')).toBe('CmdOrCtrl+V');
    expect(accelerator('select-all')).toBe('CmdOrCtrl+A');
    expect(accelerator('find')).toBe('CmdOrCtrl+F');
    expect(accelerator('zoom-in')).toBe('CmdOrCtrl+=');
    expect(accelerator('zoom-out')).toBe('CmdOrCtrl+-');
    expect(accelerator('presentation')).toBe('F5');
    expect(accelerator('update-numbers')).toBe('CmdOrCtrl+Shift+M');
    expect(accelerator('shortcuts')).toBe('F1');
  });

  it('adds Ctrl+Y for redo as a hidden item on Windows and Linux only', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template, sent } = build(platform);
      const alternative = byId(template, 'redo-alternative');
      expect(alternative).toMatchObject({ accelerator: 'CmdOrCtrl+Y', visible: false });
      click(alternative);
      expect(sent).toEqual([{ command: 'redo' }]);
    }
    expect(all(build('darwin').template).some((item) => item.id === 'redo-alternative')).toBe(false);
  });

  it('only shows bare-key accelerators (F for fit, Delete), never registers them', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = build(platform);
      expect(byId(template, 'fit-view')).toMatchObject({ accelerator: 'F', registerAccelerator: false });
      expect(byId(template, 'delete')).toMatchObject({ accelerator: 'Delete', registerAccelerator: false });
    }
    const mac = build('darwin').template;
    expect(byId(mac, 'fit-view').accelerator).toBeUndefined();
    expect(byId(mac, 'delete').accelerator).toBeUndefined();
  });

  it('registers no accelerator that would swallow typing', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      for (const item of all(build(platform).template)) {
        if (!item.accelerator || item.registerAccelerator === false) continue;
        expect(item.accelerator, `${platform} ${item.id}`).toMatch(/^(CmdOrCtrl\+|F\d+$)/);
        expect(item.accelerator).not.toContain('?');
      }
    }
  });

  it('sends the command of each item it is clicked on', () => {
    const { template, sent } = build('linux');
    const clickable = all(template).filter((item) => item.click && !item.id?.startsWith('open-recent'));
    for (const item of clickable) click(item);
    expect(sent).toEqual(
      clickable.map((item) => ({ command: item.id === 'redo-alternative' ? 'redo' : item.id })),
    );
    // Every app command is in the menu (open-recent through the recent list).
    const commands = new Set(sent.map((message) => message.command));
    expect(APP_COMMANDS.filter((command) => !commands.has(command))).toEqual(['open-recent']);
  });

  it('lists recent documents under File ▸ Open Recent, each sending open-recent with its path', () => {
    const recent = [
      { path: '/home/ann/plans/q3.throughline', fileName: 'q3.throughline', available: true },
      { path: '/home/ann/R&D.throughline', fileName: 'R&D.throughline' },
      { path: '/mnt/gone/old.throughline', fileName: 'old.throughline', available: false },
    ];
    const { template, sent } = build('linux', { recent });
    const items = submenu(byId(template, 'open-recent-menu'));
    expect(items.map((item) => item.label)).toEqual([
      'q3.throughline',
      'R&&D.throughline',
      'old.throughline',
    ]);
    expect(items.map((item) => item.enabled)).toEqual([true, true, false]);
    click(items[0]);
    click(items[1]);
    expect(sent).toEqual([
      { command: 'open-recent', path: '/home/ann/plans/q3.throughline' },
      { command: 'open-recent', path: '/home/ann/R&D.throughline' },
    ]);
    const mac = submenu(byId(build('darwin', { recent }).template, 'open-recent-menu'));
    expect(mac[1]).toMatchObject({ label: 'R&D.throughline', sublabel: '/home/ann/R&D.throughline' });
  });

  it('shows a disabled placeholder when there are no recent documents', () => {
    const items = submenu(byId(build('win32').template, 'open-recent-menu'));
    expect(items).toEqual([{ id: 'open-recent-none', label: 'No Recent Documents', enabled: false }]);
  });

  it('uses Simplified Chinese labels when the language is zh-CN', () => {
    const { template } = build('win32', { language: 'zh-CN' });
    expect(template.map((menu) => menu.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(byId(template, 'new-map').label).toBe('新建地图');
    expect(byId(template, 'undo').label).toBe('撤销');
    expect(byId(template, 'paste').label).toBe('粘贴');
    expect(byId(template, 'presentation').label).toBe('演示模式');
    expect(byId(template, 'shortcuts').label).toBe('键盘快捷键');
    expect(byId(template, 'open-recent-menu').label).toBe('最近打开');
    // The accelerators do not change with the language.
    expect(byId(template, 'save-as').accelerator).toBe('CmdOrCtrl+Shift+S');
    const mac = build('darwin', { language: 'zh-CN' }).template;
    expect(mac.map((menu) => menu.label)).toEqual(['Throughline', '文件', '编辑', '视图', '窗口', '帮助']);
    expect(byId(mac, 'about').label).toBe('关于 Throughline');
  });

  it('has every label in both languages, none empty', () => {
    const english = Object.keys(MENU_LABELS.en).sort();
    expect(Object.keys(MENU_LABELS['zh-CN']).sort()).toEqual(english);
    for (const labels of Object.values(MENU_LABELS)) {
      for (const value of Object.values(labels)) expect(value.trim()).not.toBe('');
    }
  });

  it('takes the language from the system locale', () => {
    expect(menuLanguageFromLocale('zh-CN')).toBe('zh-CN');
    expect(menuLanguageFromLocale('zh-TW')).toBe('zh-CN');
    expect(menuLanguageFromLocale('zh')).toBe('zh-CN');
    expect(menuLanguageFromLocale('en-US')).toBe('en');
    expect(menuLanguageFromLocale('de')).toBe('en');
    expect(menuLanguageFromLocale('')).toBe('en');
  });

  it('marks mnemonics', () => {
    expect(withMnemonic('File', 'F')).toBe('&File');
    expect(withMnemonic('Help', 'H')).toBe('&Help');
    expect(withMnemonic('文件', 'F')).toBe('文件(&F)');
  });
});

/** A fake of the focused window's web contents; `focus` is what the page's focus probe answers. */
function fakeContents(focus: 'text-field' | 'canvas' | 'probe-fails' = 'canvas') {
  const calls: string[] = [];
  const sent: [string, unknown][] = [];
  let destroyed = false;
  const contents = {
    calls,
    sent,
    destroy: () => {
      destroyed = true;
    },
    isDestroyed: () => destroyed,
    send: (channel: string, message: unknown) => {
      sent.push([channel, message]);
    },
    executeJavaScriptInIsolatedWorld: async (_world: number, scripts: { code: string }[]) => {
      calls.push('probe');
      expect(scripts[0]?.code).toContain('document.activeElement');
      if (focus === 'probe-fails') throw new Error('page gone');
      return focus === 'text-field';
    },
    undo: () => calls.push('undo'),
    redo: () => calls.push('redo'),
    cut: () => calls.push('cut'),
    copy: () => calls.push('copy'),
    paste: () => calls.push('paste'),
    delete: () => calls.push('delete'),
    selectAll: () => calls.push('selectAll'),
  };
  return contents;
}
type FakeContents = ReturnType<typeof fakeContents>;
const asTarget = (contents: FakeContents) => contents as unknown as Parameters<typeof deliverCommand>[0];

describe('delivering a command to the focused window', () => {
  it('sends canvas commands to the renderer on the app-command channel', async () => {
    const contents = fakeContents('canvas');
    await deliverCommand(asTarget(contents), { command: 'copy' });
    await deliverCommand(asTarget(contents), { command: 'open-recent', path: '/p/a.throughline' });
    expect(contents.sent).toEqual([
      [APP_COMMAND_CHANNEL, { command: 'copy' }],
      [APP_COMMAND_CHANNEL, { command: 'open-recent', path: '/p/a.throughline' }],
    ]);
    // Only Edit commands ask where focus is.
    expect(contents.calls).toEqual(['probe']);
  });

  it("runs Chromium's own editing command when a text field has focus, so typing is never broken", async () => {
    const contents = fakeContents('text-field');
    const edits = [
      ['undo', 'undo'],
      ['redo', 'redo'],
      ['cut', 'cut'],
      ['copy', 'copy'],
      ['paste', 'paste'],
      ['delete', 'delete'],
      ['select-all', 'selectAll'],
    ] as const;
    for (const [command] of edits) await deliverCommand(asTarget(contents), { command });
    expect(contents.sent).toEqual([]);
    expect(contents.calls.filter((call) => call !== 'probe')).toEqual(edits.map(([, native]) => native));
  });

  it('drops canvas-only commands in a text field and sends the others as usual', async () => {
    const contents = fakeContents('text-field');
    await deliverCommand(asTarget(contents), { command: 'duplicate' });
    await deliverCommand(asTarget(contents), { command: 'zoom-in' });
    expect(contents.sent).toEqual([[APP_COMMAND_CHANNEL, { command: 'zoom-in' }]]);
  });

  it('falls back to the app command when the probe fails, and does nothing for a closed window', async () => {
    const failing = fakeContents('probe-fails');
    await deliverCommand(asTarget(failing), { command: 'paste' });
    expect(failing.sent).toEqual([[APP_COMMAND_CHANNEL, { command: 'paste' }]]);
    const closed = fakeContents('canvas');
    closed.destroy();
    await deliverCommand(asTarget(closed), { command: 'undo' });
    expect(closed.sent).toEqual([]);
    expect(closed.calls).toEqual([]);
  });
});

describe('installMenu', () => {
  beforeEach(() => {
    fake.state.built = [];
    fake.state.applicationMenu = null;
    fake.state.focused = null;
    fake.state.windows = [];
  });

  it('builds the menu, makes it the application menu and routes clicks to the focused window', async () => {
    const focused = { isDestroyed: () => false, webContents: fakeContents('canvas') };
    const other = { isDestroyed: () => false, webContents: fakeContents('canvas') };
    fake.state.focused = focused;
    fake.state.windows = [other, focused];
    const menu = installMenu({ platform: 'linux', language: 'en', recent: [] });
    expect(fake.state.applicationMenu).toBe(menu);
    const template = fake.state.built[0] as Item[];
    click(byId(template, 'new-map'));
    click(byId(template, 'select-all'));
    await vi.waitFor(() => expect(focused.webContents.sent).toHaveLength(2));
    expect(focused.webContents.sent).toEqual([
      [APP_COMMAND_CHANNEL, { command: 'new-map' }],
      [APP_COMMAND_CHANNEL, { command: 'select-all' }],
    ]);
    expect(other.webContents.sent).toEqual([]);
  });

  it('uses the only window when none has focus, and ignores a click with no window', async () => {
    installMenu({ platform: 'darwin', language: 'en', recent: [] });
    click(byId(fake.state.built[0] as Item[], 'shortcuts'));
    const only = { isDestroyed: () => false, webContents: fakeContents('canvas') };
    fake.state.windows = [only];
    click(byId(fake.state.built[0] as Item[], 'shortcuts'));
    await vi.waitFor(() =>
      expect(only.webContents.sent).toEqual([[APP_COMMAND_CHANNEL, { command: 'shortcuts' }]]),
    );
  });
});

describe('refreshing the menu after document calls', () => {
  type Listener = (event: unknown, ...args: unknown[]) => unknown;
  function fakeIpcMain() {
    const handlers = new Map<string, Listener>();
    return {
      handlers,
      handle: (channel: string, listener: Listener) => void handlers.set(channel, listener),
    };
  }

  it('runs `after` once a watched handler has answered, even when it fails, and wraps nothing else', async () => {
    const ipc = fakeIpcMain();
    const after = vi.fn();
    const wrapped = afterHandled(ipc as never, ['throughline:openRecentDocument'], after);
    const plain: Listener = () => 'listed';
    wrapped.handle('throughline:listMaps', plain);
    const callsBefore: number[] = [];
    wrapped.handle('throughline:openRecentDocument', async (_event, payload) => {
      callsBefore.push(after.mock.calls.length);
      if ((payload as { fail?: boolean }).fail) throw new Error('refused');
      return 'opened';
    });
    expect(ipc.handlers.get('throughline:listMaps')).toBe(plain);
    const open = ipc.handlers.get('throughline:openRecentDocument');
    await expect(open?.({}, { path: '/a.throughline' })).resolves.toBe('opened');
    expect(after).toHaveBeenCalledTimes(1);
    await expect(open?.({}, { fail: true })).rejects.toThrow('refused');
    expect(after).toHaveBeenCalledTimes(2);
    // `after` ran only once each handler had answered.
    expect(callsBefore).toEqual([0, 1]);
  });

  it('watches the methods that open or save documents', () => {
    expect([...RECENT_CHANGING_METHODS].sort()).toEqual([
      'openDocumentDialog',
      'openRecentDocument',
      'saveDocumentAsDialog',
      'uploadDocument',
    ]);
  });
});
