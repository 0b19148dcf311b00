import './zod-jitless';
import '@xyflow/react/dist/style.css';
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createApiClient, defaultTransport } from './api/client';
import { createI18n, initialLanguage } from './i18n';
import { installPalette } from './palette-style';
import { installLeaveGuard } from './room/leave-guard';
import { MapRooms } from './room/map-rooms';
import { pageRoomAddress } from './room/page-room-address';
import { createMapStore } from './store/map-store';
import { applyTheme, useViewPrefs } from './store/view-prefs';

installPalette();
const language = initialLanguage();
document.documentElement.lang = language;
applyTheme(useViewPrefs.getState().theme);
const i18n = createI18n(language);
// Errors the renderer can word itself (a full disk…) come in the language the UI is in now.
const api = createApiClient(defaultTransport(), () => (i18n.language === 'zh-CN' ? 'zh-CN' : 'en'));
// One store and one set of rooms for the window's life, outside React so StrictMode cannot double them.
const store = createMapStore();
const rooms = new MapRooms({ store, address: () => pageRoomAddress(window.location) });
installLeaveGuard({
  rooms,
  askBeforeLosingEdits: !window.throughline,
  unconfirmedMessage: (count) => i18n.t('room.unconfirmed', { count }),
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App api={api} store={store} rooms={rooms} />
    </I18nextProvider>
  </StrictMode>,
);
