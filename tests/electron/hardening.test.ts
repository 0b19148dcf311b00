import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, Session, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SECURITY_HEADERS } from '../../electron/backend/server/responses';
import { MethodRegistry } from '../../electron/backend/services/method-registry';
import { registerIpc, rendererSenderCheck } from '../../electron/main/ipc';
import {
  hardenApp,
  hardenSession,
  isAllowedRequest,
  navigationVerdict,
  withContentSecurityPolicy,
} from '../../electron/main/security';
import { HARDENED_WEB_PREFERENCES } from '../../electron/main/web-preferences';
import {
  CONTENT_SECURITY_POLICY,
  cspMetaContent,
  DESKTOP_CONTENT_SECURITY_POLICY,
} from '../../shared/contract/csp';
import type { ApiResponse } from '../../shared/contract/errors';
import { channelOf, METHOD_NAMES } from '../../shared/contract/methods';
import { until } from '../room/room-harness';
import { upgradeStatus } from '../share/share-harness';

type Listener = (...args: unknown[]) => unknown;

// A small fake of the electron module, enough for the main process to start: it records what the
// app asks of Electron (window options, handlers, listeners) so the tests can play Electron's part.
const fake = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => unknown;
  const listeners = () => {
    const map = new Map<string, Handler[]>();
    return {
      map,
      on(name: string, listener: Handler) {
        map.set(name, [...(map.get(name) ?? []), listener]);
      },
      emit(name: string, ...args: unknown[]) {
        for (const listener of map.get(name) ?? []) listener(...args);
      },
    };
  };
  const state = {
    lock: true,
    calls: [] as string[],
    userData: '',
    ready: Promise.resolve(),
    app: listeners(),
    windows: [] as FakeWindow[],
    ipc: new Map<string, Handler>(),
    opened: [] as string[],
    session: {
      permissionRequest: undefined as Handler | undefined,
      permissionCheck: undefined as Handler | undefined,
      devicePermission: undefined as Handler | undefined,
      beforeRequest: undefined as Handler | undefined,
      headersReceived: undefined as Handler | undefined,
    },
  };
  class FakeWindow {
    readonly events = listeners();
    readonly loaded: string[] = [];
    focused = 0;
    readonly webContents = { send: () => {}, isLoading: () => false, once: () => {} };
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      state.windows.push(this);
    }
    static getFocusedWindow() {
      return state.windows[0] ?? null;
    }
    static getAllWindows() {
      return state.windows;
    }
    on(name: string, listener: Handler) {
      this.events.on(name, listener);
      return this;
    }
    once(name: string, listener: Handler) {
      this.events.on(name, listener);
      return this;
    }
    loadFile(path: string) {
      this.loaded.push(path);
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    restore() {}
    maximize() {}
    show() {}
    focus() {
      this.focused++;
    }
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
  }
  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  const electron = {
    app: {
      requestSingleInstanceLock() {
        state.calls.push('requestSingleInstanceLock');
        return state.lock;
      },
      quit() {
        state.calls.push('quit');
      },
      on(name: string, listener: Handler) {
        state.calls.push(`on:${name}`);
        state.app.on(name, listener);
      },
      whenReady() {
        state.calls.push('whenReady');
        return state.ready;
      },
      getPath: () => state.userData,
      getLocale: () => 'en-US',
    },
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: () => {} },
    ipcMain: {
      handle(channel: string, handler: Handler) {
        if (state.ipc.has(channel)) throw new Error(`second handler for ${channel}`);
        state.ipc.set(channel, handler);
      },
    },
    screen: { getPrimaryDisplay: () => ({ id: 1, workArea }), getAllDisplays: () => [{ id: 1, workArea }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => {
          state.session.permissionRequest = h;
        },
        setPermissionCheckHandler: (h: Handler) => {
          state.session.permissionCheck = h;
        },
        setDevicePermissionHandler: (h: Handler) => {
          state.session.devicePermission = h;
        },
        webRequest: {
          onBeforeRequest: (h: Handler) => {
            state.session.beforeRequest = h;
          },
          onHeadersReceived: (h: Handler) => {
            state.session.headersReceived = h;
          },
        },
      },
    },
    shell: {
      openExternal: (url: string) => {
        state.opened.push(url);
        return Promise.resolve();
      },
    },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: () => {} },
  };
  return { state, electron };
});
vi.mock('electron', () => fake.electron);

const APP_PAGE = 'file:///opt/Throughline/resources/app.asar/out/renderer/index.html';
const isAppUrl = rendererSenderCheck(APP_PAGE);

/** A navigation event as Electron hands it over: preventDefault, and `url` on the newer events. */
function navigationEvent(url = '') {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

/** The web contents hardenApp is given, with the handlers it installs. */
function fakeContents() {
  const handlers = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      handlers.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  return {
    contents,
    navigate(name: 'will-navigate' | 'will-redirect', url: string) {
      const event = navigationEvent();
      handlers.get(name)?.(event, url);
      return event.prevented;
    },
    frameNavigate(url: string) {
      const event = navigationEvent(url);
      handlers.get('will-frame-navigate')?.(event);
      return event.prevented;
    },
    attachWebview() {
      const event = navigationEvent();
      handlers.get('will-attach-webview')?.(event, {}, {});
      return event.prevented;
    },
    open(url: string) {
      return openHandler?.({ url });
    },
    handles: (name: string) => handlers.has(name),
  };
}

function hardenedContents(openExternal = (url: string) => Promise.resolve(void fake.state.opened.push(url))) {
  let created: ((event: unknown, contents: unknown) => void) | undefined;
  const app = {
    on(name: string, listener: (event: unknown, contents: unknown) => void) {
      if (name === 'web-contents-created') created = listener;
    },
  };
  hardenApp(app as unknown as Pick<App, 'on'>, isAppUrl, openExternal);
  const page = fakeContents();
  created?.({}, page.contents as unknown as WebContents);
  return page;
}

beforeEach(() => {
  fake.state.opened.length = 0;
});

describe('the main window', () => {
  it('is created with contextIsolation, sandbox, webSecurity on and Node integration off', async () => {
    const { createMainWindow } = await import('../../electron/main/window');
    fake.state.windows.length = 0;
    createMainWindow('/app/out/preload/index.cjs');
    const preferences = fake.state.windows[0]?.options.webPreferences;
    expect(preferences).toMatchObject({ ...HARDENED_WEB_PREFERENCES, preload: '/app/out/preload/index.cjs' });
    for (const risky of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'experimentalFeatures']) {
      expect(preferences?.[risky], risky).not.toBe(true);
    }
  });
});

describe('navigation, new windows and webviews', () => {
  it('lets the app page load and blocks every other navigation', () => {
    const page = hardenedContents();
    expect(page.navigate('will-navigate', APP_PAGE)).toBe(false);
    expect(page.navigate('will-navigate', `${APP_PAGE}#/map`)).toBe(false);
    for (const url of [
      'https://evil.example/',
      'http://throughline.app/',
      'file:///etc/passwd',
      'file:///opt/Throughline/resources/app.asar/out/renderer/other.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]) {
      expect(page.navigate('will-navigate', url), url).toBe(true);
      expect(page.navigate('will-redirect', url), url).toBe(true);
      expect(page.frameNavigate(url), url).toBe(true);
    }
    expect(page.frameNavigate(APP_PAGE)).toBe(false);
    expect(fake.state.opened).toEqual([]);
  });

  it('opens a vetted https link in the system browser instead of the window, never on a redirect', () => {
    const page = hardenedContents();
    expect(page.navigate('will-navigate', 'https://throughline.app/help')).toBe(true);
    expect(fake.state.opened).toEqual(['https://throughline.app/help']);
    expect(page.navigate('will-redirect', 'https://throughline.app/help')).toBe(true);
    expect(fake.state.opened).toHaveLength(1);
  });

  it('refuses webviews', () => {
    const page = hardenedContents();
    expect(page.handles('will-attach-webview')).toBe(true);
    expect(page.attachWebview()).toBe(true);
  });

  it('denies window.open, handing only vetted https links to shell.openExternal', () => {
    const page = hardenedContents();
    for (const url of [
      'https://throughline.app/help',
      'https://evil.example/',
      'https://throughline.app@evil.example/',
      'http://throughline.app/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      APP_PAGE,
    ]) {
      expect(page.open(url), url).toEqual({ action: 'deny' });
    }
    expect(fake.state.opened).toEqual(['https://throughline.app/help']);
  });

  it('keeps a failing openExternal from becoming an unhandled rejection', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = hardenedContents(() => Promise.reject(new Error('no browser')));
    expect(page.open('https://throughline.app/')).toEqual({ action: 'deny' });
    await new Promise((done) => setImmediate(done));
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it('decides with one pure function', () => {
    expect(navigationVerdict(APP_PAGE, isAppUrl)).toEqual({ action: 'allow' });
    expect(navigationVerdict('https://throughline.app', isAppUrl)).toEqual({
      action: 'open-externally',
      url: 'https://throughline.app/',
    });
    expect(navigationVerdict('https://example.com', isAppUrl)).toEqual({ action: 'deny' });
  });
});

/** hardenSession over the fake's default session; returns what it installed. */
function hardenedSession() {
  hardenSession(fake.electron.session.defaultSession as unknown as Session);
  return fake.state.session;
}

describe('the session', () => {
  it('denies every permission request, check and device permission', () => {
    const session = hardenedSession();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      const answers: boolean[] = [];
      session.permissionRequest?.({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(session.permissionCheck?.({}, permission, APP_PAGE, {}), permission).toBe(false);
    }
    expect(session.devicePermission?.({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });

  it('puts the CSP on every response, replacing any policy the response had', () => {
    const session = hardenedSession();
    const answers: unknown[] = [];
    session.headersReceived?.(
      { url: APP_PAGE, responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      (response: unknown) => answers.push(response),
    );
    session.headersReceived?.({ url: APP_PAGE }, (response: unknown) => answers.push(response));
    expect(answers).toEqual([
      { responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [DESKTOP_CONTENT_SECURITY_POLICY] } },
      { responseHeaders: { 'Content-Security-Policy': [DESKTOP_CONTENT_SECURITY_POLICY] } },
    ]);
    expect(withContentSecurityPolicy({ 'Content-Security-Policy': 'x' })).toEqual({
      'Content-Security-Policy': [DESKTOP_CONTENT_SECURITY_POLICY],
    });
    // The browser mode's policy with the desktop's rooms on loopback, and nothing else.
    expect(DESKTOP_CONTENT_SECURITY_POLICY).toBe(
      CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:*"),
    );
  });

  it('cancels any request a page makes for something that is not local', () => {
    const session = hardenedSession();
    const cancelled = (url: string, fromPage = true) => {
      let answer: { cancel: boolean } | undefined;
      const details = fromPage ? { url, webContentsId: 1 } : { url };
      session.beforeRequest?.(details, (response: { cancel: boolean }) => {
        answer = response;
      });
      return answer?.cancel;
    };
    for (const url of [
      'https://cdn.example/x.js',
      'http://127.0.0.1:9/',
      'wss://evil.example/',
      'ftp://x/',
    ]) {
      expect(cancelled(url), url).toBe(true);
    }
    for (const url of [
      APP_PAGE,
      'data:image/png;base64,AAAA',
      'blob:file:///6a1b',
      'devtools://devtools/x',
    ]) {
      expect(cancelled(url), url).toBe(false);
    }
    // Chromium's own downloads (spell-check dictionaries) carry no web contents and are not the page's.
    expect(cancelled('https://redirector.gvt1.com/dict.bdic', false)).toBe(false);
    expect(isAllowedRequest('not a url', true)).toBe(false);
  });

  it("lets a page reach its rooms on the plan server's loopback address, and nothing else there", () => {
    let roomsUrl: string | null = null;
    hardenSession(fake.electron.session.defaultSession as unknown as Session, () => roomsUrl);
    const session = fake.state.session;
    const cancelled = (url: string) => {
      let answer: { cancel: boolean } | undefined;
      session.beforeRequest?.({ url, webContentsId: 1 }, (response: { cancel: boolean }) => {
        answer = response;
      });
      return answer?.cancel;
    };
    // Before the server listens, no room address is allowed.
    expect(cancelled('ws://127.0.0.1:5123/sync/map-1?key=k')).toBe(true);
    roomsUrl = 'ws://127.0.0.1:5123/sync';
    expect(cancelled('ws://127.0.0.1:5123/sync/map-1?key=k')).toBe(false);
    for (const url of [
      'ws://127.0.0.1:5124/sync/map-1',
      'ws://localhost:5123/sync/map-1',
      'wss://127.0.0.1:5123/sync/map-1',
      'http://127.0.0.1:5123/api/listMaps',
      'ws://127.0.0.1:5123/syncx/map-1',
      'ws://user:pw@127.0.0.1:5123/sync/map-1',
      'ws://192.168.1.20:5123/sync/map-1',
    ]) {
      expect(cancelled(url), url).toBe(true);
    }
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('is strict: self only, no plugins, no base, not framed, no eval', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes/);
    // Inline code never runs: 'unsafe-inline' only for styles (React Flow positions nodes with them).
    for (const [name, values] of directives) {
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    }
  });

  it('names no remote source anywhere', () => {
    const allowed = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:']);
    for (const [name, values] of directives) {
      for (const value of values) expect(allowed.has(value), `${name} ${value}`).toBe(true);
    }
  });

  it('is the policy the browser mode sends on every response too', () => {
    // tests/server/http-server.test.ts checks the header on pages, API answers and refusals.
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('the sender of every IPC message', () => {
  type IpcHandler = (
    event: { senderFrame?: { url?: string } | null },
    payload: unknown,
  ) => Promise<ApiResponse<unknown>>;

  function wired() {
    const handlers = new Map<string, IpcHandler>();
    const registry = new MethodRegistry();
    const reached: unknown[] = [];
    registry.register('listMaps', (args) => {
      reached.push(args);
      return [];
    });
    registerIpc(
      { handle: (channel: string, handler: IpcHandler) => handlers.set(channel, handler) } as never,
      registry,
      isAppUrl,
    );
    return { handlers, reached };
  }

  it('is checked on every channel before the registry sees the payload', async () => {
    const { handlers, reached } = wired();
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
    const senders: { senderFrame?: { url?: string } | null }[] = [
      { senderFrame: { url: 'https://evil.example/index.html' } },
      { senderFrame: { url: 'file:///etc/passwd' } },
      { senderFrame: { url: 'file:///opt/Throughline/resources/app.asar/out/renderer/other.html' } },
      { senderFrame: { url: 'file:///tmp/index.html' } },
      { senderFrame: { url: 'devtools://devtools/bundled/index.html' } },
      { senderFrame: { url: '' } },
      { senderFrame: {} },
      { senderFrame: null },
      {},
    ];
    for (const method of METHOD_NAMES) {
      const handler = handlers.get(channelOf(method));
      for (const sender of senders) {
        const response = await handler?.(sender, {});
        expect(response, `${method} from ${JSON.stringify(sender)}`).toMatchObject({
          ok: false,
          error: { code: 'forbidden-sender' },
        });
      }
    }
    expect(reached).toEqual([]);
    const fromApp = await handlers.get(channelOf('listMaps'))?.({ senderFrame: { url: APP_PAGE } }, {});
    expect(fromApp).toEqual({ ok: true, value: [] });
    expect(reached).toHaveLength(1);
  });
});

describe('the app lifecycle (electron/main/index.ts)', () => {
  let dir: string;

  beforeEach(() => {
    vi.resetModules();
    dir = mkdtempSync(join(tmpdir(), 'throughline-hardening-'));
    Object.assign(fake.state, {
      lock: true,
      calls: [],
      userData: dir,
      windows: [],
      ready: Promise.resolve(),
    });
    fake.state.app.map.clear();
    fake.state.ipc.clear();
  });
  afterEach(async () => {
    // The quit closes the plan server, then the document, and asks to quit again (close-on-quit.ts).
    fake.state.app.emit('will-quit', { preventDefault: () => {} });
    if (fake.state.lock) await until(() => fake.state.calls.includes('quit'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('quits at once when another instance holds the lock, before doing anything else', async () => {
    fake.state.lock = false;
    fake.state.ready = new Promise(() => {});
    await import('../../electron/main/index');
    expect(fake.state.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(fake.state.ipc.size).toBe(0);
    expect(fake.state.windows).toEqual([]);
  });

  it('as the first instance: hardens before ready, then wires a sandboxed window and checked IPC', async () => {
    await import('../../electron/main/index');
    // The window opens once the plan server listens.
    await until(() => fake.state.windows.length > 0);
    const calls = fake.state.calls;
    expect(calls[0]).toBe('requestSingleInstanceLock');
    expect(calls).not.toContain('quit');
    expect(calls.indexOf('on:web-contents-created')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls).toContain('on:second-instance');

    const window = fake.state.windows[0];
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    const rendererIndex = resolve('electron/renderer/index.html');
    expect(window?.loaded).toEqual([rendererIndex]);
    // The session is hardened: permissions denied, the CSP on responses.
    const answers: boolean[] = [];
    fake.state.session.permissionRequest?.({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(fake.state.session.headersReceived).toBeTypeOf('function');

    const listMaps = fake.state.ipc.get(channelOf('listMaps')) as IpcHandlerLike;
    expect(await listMaps({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    const own = await listMaps({ senderFrame: { url: pathToFileURL(rendererIndex).href } }, {});
    expect(own).toMatchObject({ ok: true });

    // A second launch brings this window forward instead of starting another app.
    fake.state.app.emit('second-instance', {}, ['throughline'], dir);
    expect(window?.focused).toBe(1);
  });

  it("starts the plan server for the window's rooms, tells the page where and with what key, and closes it on quit", async () => {
    await import('../../electron/main/index');
    await until(() => fake.state.windows.length > 0);
    const roomAccess = fake.state.ipc.get(channelOf('roomAccess')) as IpcHandlerLike;
    const page = { senderFrame: { url: pathToFileURL(resolve('electron/renderer/index.html')).href } };
    const answer = (await roomAccess(page, {})) as {
      ok: true;
      value: { access: string; key: string; host: boolean; url: string };
    };
    expect(answer.value).toMatchObject({ access: 'edit', host: true });
    expect(answer.value.key).toMatch(/^[0-9a-f]{64}$/);
    const url = new URL(answer.value.url);
    expect(`${url.protocol}//${url.hostname}${url.pathname}`).toBe('ws://127.0.0.1/sync');
    // The page may reach exactly that address (the session's request filter reads it).
    let cancelled: boolean | undefined;
    fake.state.session.beforeRequest?.(
      { url: `${answer.value.url}/some-map?key=${answer.value.key}`, webContentsId: 1 },
      (response: { cancel: boolean }) => {
        cancelled = response.cancel;
      },
    );
    expect(cancelled).toBe(false);
    const listening = await upgradeStatus(`${answer.value.url}/no-such-map?key=${answer.value.key}`, {
      origin: 'file://',
    });
    expect(listening).not.toBe(-1);

    fake.state.app.emit('will-quit', { preventDefault: () => {} });
    await until(() => fake.state.calls.includes('quit'));
    expect(await upgradeStatus(`${answer.value.url}/no-such-map?key=${answer.value.key}`)).toBe(-1);
  });
});

type IpcHandlerLike = (
  event: { senderFrame?: { url?: string } | null },
  payload: unknown,
) => Promise<unknown>;

describe('the policy in the pages themselves', () => {
  it('is the header policy without frame-ancestors, which a meta tag cannot carry', () => {
    const header = CONTENT_SECURITY_POLICY.split('; ');
    const meta = cspMetaContent().split('; ');
    const connect = (d: string) => d.startsWith('connect-src ');
    expect(meta.filter((d) => !connect(d))).toEqual(
      header.filter((d) => !d.startsWith('frame-ancestors') && !connect(d)),
    );
    expect(meta).toContain("script-src 'self'");
    expect(meta.length).toBe(header.length - 1);
  });

  it("lets the desktop's file:// page reach its rooms on loopback; the header keeps the browser mode to 'self'", () => {
    expect(cspMetaContent().split('; ')).toContain("connect-src 'self' ws://127.0.0.1:*");
    expect(CONTENT_SECURITY_POLICY.split('; ')).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('ws:');
  });
});
