import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { ASKED_KEY, NAME_KEY } from '../../renderer/src/room/presence-store';
import type { ShareInfo } from '../../shared/contract';
import { addNode, fitView, waitSaved } from './canvas-actions';
import { launchBrowser, openPage, type ServedApp, serveApp } from './harness';

/** A contract call from a page, as the app makes it (its cookie, its origin). */
export function callFrom<T>(
  page: Page,
  method: string,
  payload: unknown = {},
): Promise<{ ok: boolean; value?: T }> {
  return page.evaluate(
    async ([m, p]) => {
      const res = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(p),
      });
      return res.json();
    },
    [method, payload] as const,
  );
}

/** Shares the host's rooms on loopback (tests reach 127.0.0.1 only; the app would take the LAN address). */
export async function shareOnLoopback(host: Page): Promise<ShareInfo> {
  const started = await callFrom<ShareInfo>(host, 'startSharing', { host: '127.0.0.1' });
  if (!started.ok || !started.value) throw new Error(`sharing did not start: ${JSON.stringify(started)}`);
  return started.value;
}

export interface JoinChoices {
  viewport?: { width: number; height: number };
  locale?: string;
  /** Set up the participant's context before the page loads (a routed network). */
  beforeLoad?: (context: BrowserContext) => Promise<void>;
  /** The participant's name. */
  name?: string;
  /**
   * Whether the participant answers the room's name prompt, as at an offsite (it comes once a map
   * is open); otherwise the name is already remembered, as on a second visit, and nothing asks.
   */
  answerPrompt?: boolean;
}

/**
 * A participant's browser (its own context: its own cookies) on a join address, under `name`.
 */
export async function joinAddress(
  url: string,
  {
    viewport = { width: 1280, height: 800 },
    locale = 'en-US',
    beforeLoad,
    name = 'Participant',
    answerPrompt = false,
  }: JoinChoices = {},
): Promise<Page> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport, locale });
  await beforeLoad?.(context);
  if (!answerPrompt) {
    await context.addInitScript(
      ([nameKey, askedKey, value]) => {
        localStorage.setItem(nameKey, value);
        localStorage.setItem(askedKey, 'true');
      },
      [NAME_KEY, ASKED_KEY, name] as const,
    );
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('participant page error:', error));
  await page.goto(url);
  await page.getByTestId('file-menu').waitFor();
  if (answerPrompt) {
    await page.getByTestId('name-dialog').waitFor();
    await page.getByTestId('name-input').fill(name);
    await page.getByTestId('name-save').click();
    await page.getByTestId('name-dialog').waitFor({ state: 'detached' });
  }
  return page;
}

export const titlesOn = (page: Page) => page.locator('.plan-node__title').allTextContents();

/** Selects a node by clicking its card, as a participant does (the whole map in view first). */
export async function clickNode(page: Page, title: string): Promise<void> {
  await fitView(page);
  await page.locator('[data-testid="plan-node"]', { hasText: title }).first().click();
}

/** Renames the selected node by typing, as a facilitator does. */
export async function typeTitle(page: Page, title: string): Promise<void> {
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
}

/**
 * A participant's network as the test decides: while `offline`, the room's WebSockets are cut and
 * every reconnect attempt fails at once, as on a Wi-Fi that dropped; back online, they pass.
 */
export function flakyNetwork() {
  const live = new Set<WebSocketRoute>();
  let offline = false;
  return {
    install: (context: BrowserContext) =>
      context.routeWebSocket(/\/sync\//, (ws) => {
        if (offline) {
          void ws.close();
          return;
        }
        ws.connectToServer();
        live.add(ws);
        ws.onClose(() => live.delete(ws));
      }),
    async goOffline() {
      offline = true;
      for (const ws of [...live]) await ws.close();
      live.clear();
    },
    goOnline() {
      offline = false;
    },
  };
}

/**
 * The start of a room test: the app served, the host's window on a new map holding goals with
 * these titles (stored), and the rooms shared on loopback.
 */
export async function hostSharedMap(
  goals: readonly string[],
): Promise<{ app: ServedApp; host: Page; share: ShareInfo }> {
  const app = await serveApp();
  const host = await openPage(app, { width: 1280, height: 800 });
  await host.getByTestId('new-map').click();
  for (const title of goals) await addNode(host, 'goal', title);
  await waitSaved(host);
  return { app, host, share: await shareOnLoopback(host) };
}
