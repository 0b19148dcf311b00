import './zod-jitless';
import '@xyflow/react/dist/style.css';
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createApiClient, defaultTransport } from './api/client';
import { hasCallsLostOnLeave } from './api/http-transport';
import { createI18n, initialLanguage } from './i18n';
import { installPalette } from './palette-style';
import { startAutosave } from './store/autosave';
import { installFlushOnExit } from './store/flush-on-exit';
import { createMapStore } from './store/map-store';
import { applyTheme, useViewPrefs } from './store/view-prefs';

installPalette();
const language = initialLanguage();
document.documentElement.lang = language;
applyTheme(useViewPrefs.getState().theme);
const i18n = createI18n(language);
// Errors the renderer can word itself (a full disk…) come in the language the UI is in now.
const api = createApiClient(defaultTransport(), () => (i18n.language === 'zh-CN' ? 'zh-CN' : 'en'));
// One store and one saver for the window's life, outside React so StrictMode cannot double them.
const store = createMapStore();
const autosave = startAutosave(store, api);
installFlushOnExit({
  store,
  autosave,
  askBeforeLosingEdits: !window.throughline,
  callsLostOnLeave: hasCallsLostOnLeave,
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App api={api} store={store} autosave={autosave} />
    </I18nextProvider>
  </StrictMode>,
);
