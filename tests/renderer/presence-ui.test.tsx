import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { PresencePanel, RemoteSelectors } from '../../renderer/src/room/Presence';
import { presenceStore, usePresence } from '../../renderer/src/room/presence-store';
import { SyncIndicator } from '../../renderer/src/room/SyncIndicator';
import { MapStoreContext } from '../../renderer/src/store/context';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { Language } from '../../shared/model/language';
import { colorOfClient, participantsOf, selectorsByNode } from '../../shared/room/presence';

// Rendered on the "server" (renderToStaticMarkup), a zustand hook reads the store's initial
// state: these tests render the state as it is now.
const initial = usePresence.getState();
const presenceInitial = presenceStore.getInitialState;
presenceStore.getInitialState = presenceStore.getState;
afterEach(() => usePresence.setState(initial, true));
afterAll(() => {
  presenceStore.getInitialState = presenceInitial;
});

function indicator(language: Language): string {
  const store = createMapStore();
  store.getState().setSync({ status: 'offline', waiting: 2, problem: null });
  store.getInitialState = store.getState;
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <MapStoreContext.Provider value={store}>
        <SyncIndicator />
      </MapStoreContext.Provider>
    </I18nextProvider>,
  );
}

describe('the sync indicator of a view-only window', () => {
  it('says the window only views, not that its changes are saved', () => {
    for (const [language, words] of [
      ['en', 'View only'],
      ['zh-CN', '仅查看'],
    ] as const) {
      const store = createMapStore();
      store.getState().setReadOnly(true);
      store.getState().setSync({ status: 'synced', waiting: 0, problem: null });
      store.getInitialState = store.getState;
      const html = renderToStaticMarkup(
        <I18nextProvider i18n={createI18n(language)}>
          <MapStoreContext.Provider value={store}>
            <SyncIndicator />
          </MapStoreContext.Provider>
        </I18nextProvider>,
      );
      expect(html).toContain('data-state="view"');
      expect(html).toContain(words);
      expect(html).not.toContain(language === 'en' ? 'All changes saved' : '所有更改已保存');
    }
  });
});

describe('presence in the window', () => {
  it('says changes wait for the facilitator while paused, not that the window is offline', () => {
    expect(indicator('en')).toContain('data-state="offline"');
    // The tooltip joins the state and the hint as sentences of the UI's language.
    expect(indicator('en')).toContain('title="Offline: 2 changes kept here. Keep working:');
    expect(indicator('zh-CN')).toContain('title="离线：2 项更改保留在此处。可以继续工作：');
    usePresence.setState({ frozen: true, host: false });
    const en = indicator('en');
    expect(en).toContain('data-state="paused"');
    expect(en).toContain('Paused: 2 changes wait for the facilitator');
    expect(indicator('zh-CN')).toContain('已暂停');
    // The facilitator's own changes are never held.
    usePresence.setState({ frozen: true, host: true });
    expect(indicator('en')).toContain('data-state="offline"');
  });

  it('outlines a node with the names of those who selected it, as text', () => {
    const participants = participantsOf(
      new Map<number, unknown>([
        [1, { user: { name: 'Me' }, selection: ['a'] }],
        [2, { user: { name: '<img src=x onerror=alert(1)>' }, selection: ['a'] }],
      ]),
      1,
    );
    usePresence.setState({ selectors: selectorsByNode(participants) });
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={createI18n('en')}>
        <RemoteSelectors id="a" />
        <RemoteSelectors id="b" />
      </I18nextProvider>,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(`--presence-color:${colorOfClient(2)}`);
    expect(html.match(/data-testid="remote-selection"/g)).toHaveLength(1);
  });

  it("names the window in the panel's own row as the list does when no name was given", () => {
    // The host never answered the prompt: the room calls it by its fallback, "Facilitator".
    const participants = participantsOf(
      new Map<number, unknown>([
        [1, { user: { name: 'Facilitator' } }],
        [2, { user: { name: 'Ana' } }],
      ]),
      1,
    );
    usePresence.setState({ participants, host: true, name: '' });
    const html = (language: Language) =>
      renderToStaticMarkup(
        <I18nextProvider i18n={createI18n(language)}>
          <PresencePanel headingId="h" onLog={() => {}} />
        </I18nextProvider>,
      );
    expect(html('en')).toContain('Your name: <strong>Facilitator</strong>');
    expect(html('en')).not.toContain('—');
    // A name given wins over the fallback.
    usePresence.setState({ name: 'Mei' });
    // Chinese takes its own full-width colon.
    expect(html('zh-CN')).toContain('你的名字：<strong>Mei</strong>');
  });

  it('calls a view-only participant by one name in the share dialog and in the room', () => {
    // The host shares a "view only" address; the people panel and the banner say the same words.
    for (const strings of [en, zhCN]) {
      expect(strings.share.viewers.toLowerCase()).toBe(strings.presence.viewOnly.toLowerCase());
      expect(strings.room.viewOnly.startsWith(strings.share.viewers)).toBe(true);
    }
  });
});
