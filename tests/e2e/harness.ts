import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from '../../electron/backend/services/find-browser';
import type { ServedApp as PrintTarget } from '../../electron/backend/services/pdf-export';

const root = new URL('../..', import.meta.url).pathname;

/** A running `throughline serve` on a temporary library. */
export interface ServedApp {
  /**
   * The app's address, `http://127.0.0.1:<port>/`. The printed address's token works once, so the
   * harness trades it at start for a session cookie, which openPage gives every context.
   */
  url: string;
  /** The session cookie the printed address was traded for. */
  cookie: { name: string; value: string };
  /** The server as the PDF printer reaches it: a context signs in with the session cookie. */
  served: PrintTarget;
  libraryPath: string;
  dir: string;
  /** With `share`: the editors' and observers' join addresses `serve --share` printed. */
  editUrl?: string;
  viewUrl?: string;
  stop(): Promise<void>;
  /** Ends the server as a crash would (SIGKILL): nothing closed, folded or ended. */
  kill(): Promise<void>;
}

export interface ServeChoices {
  /** `serve --share --host 127.0.0.1`: the rooms shared (on loopback: tests reach nothing else). */
  share?: boolean;
}

/** Starts the browser mode exactly as users get it, on a library in a fresh temporary folder. */
export async function serveApp(
  dir = mkdtempSync(join(tmpdir(), 'throughline-e2e-')),
  { share = false }: ServeChoices = {},
): Promise<ServedApp> {
  const libraryPath = join(dir, 'library.throughline');
  const args = ['serve', '--no-open', '--library', libraryPath];
  args.push(...(share ? ['--share', '--host', '127.0.0.1'] : ['--port', '0']));
  const child = spawn(process.execPath, [join(root, 'electron/cli/bin.mjs'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${err}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Throughline is running at (\S+)/.exec(out);
      const shared = !share || /View only \(observers\) at: \S+/.test(out);
      if (match?.[1] && shared) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${out}${err}`));
    });
  });
  const origin = new URL(url).origin;
  const cookie = await tradeToken(url);
  const signIn = (context: BrowserContext) => addSessionCookie(context, origin, cookie);
  const editUrl = /Editors join at: (\S+)/.exec(out)?.[1];
  const viewUrl = /View only \(observers\) at: (\S+)/.exec(out)?.[1];
  return {
    url: `${origin}/`,
    cookie,
    served: { origin, signIn },
    libraryPath,
    dir,
    ...(editUrl ? { editUrl } : {}),
    ...(viewUrl ? { viewUrl } : {}),
    stop: () => stopChild(child),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }
      }),
  };
}

/** Opens the printed one-time address once, as the browser would, and keeps the cookie it sets. */
function tradeToken(openUrl: string): Promise<{ name: string; value: string }> {
  return new Promise((resolve, reject) => {
    const req = request(openUrl, (res) => {
      res.resume();
      const [pair] = (res.headers['set-cookie']?.[0] ?? '').split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (res.statusCode !== 200 || !pair || eq <= 0) {
        reject(new Error(`the printed address was refused (HTTP ${res.statusCode})`));
        return;
      }
      resolve({ name: pair.slice(0, eq), value: pair.slice(eq + 1) });
    });
    req.once('error', reject);
    req.end();
  });
}

/** Gives a browser context the session, as the token's address would have. */
export function addSessionCookie(
  context: BrowserContext,
  origin: string,
  cookie: { name: string; value: string },
): Promise<void> {
  return context.addCookies([{ ...cookie, url: origin, httpOnly: true, sameSite: 'Strict' }]);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

let browserPromise: Promise<Browser> | undefined;

/**
 * Debian's Chromium through playwright-core; logs its version once, because a playwright-core
 * newer than the browser fails with "method not found" protocol errors (package.json pins it).
 */
export function launchBrowser(): Promise<Browser> {
  browserPromise ??= (async () => {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error('No Chromium found: install Debian\'s "chromium" package (see .ci/run).');
    const browser = await chromium.launch({
      executablePath,
      args: ['--disable-gpu', '--disable-quic', '--disable-sync', '--no-sandbox'],
    });
    console.log(`e2e: Chromium ${browser.version()} at ${executablePath}`);
    return browser;
  })();
  return browserPromise;
}

export async function openPage(app: ServedApp, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  await app.served.signIn(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(app.url);
  return page;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The end of an e2e file: the pages' contexts closed, the server stopped and its library folder
 * removed. Safe when the set-up failed half-way (anything may still be undefined).
 */
export async function closeServed(app: ServedApp | undefined, ...pages: (Page | undefined)[]): Promise<void> {
  for (const page of pages) await page?.context().close();
  await app?.stop();
  if (app) removeDir(app.dir);
}
