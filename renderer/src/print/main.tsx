import '../zod-jitless';
import './print.css';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { parsePrintViewQuery } from '../../../shared/print/print-query';
import { createApiClient, defaultTransport } from '../api/client';
import { createI18n } from '../i18n';
import { installPalette } from '../palette-style';
import { PrintApp } from './PrintApp';
import { signalError } from './ready-signal';

// The print view: one map drawn for paper, without interaction, from the address's map id and
// export choices. The PDF printers (Electron's printToPDF, Chromium's page.pdf) wait for its
// explicit ready signal.
performance.mark('print:start');
installPalette();
const query = parsePrintViewQuery(window.location.search);
const language = query.ok ? query.choices.language : 'en';
document.documentElement.lang = language;
window.addEventListener('error', (event) => signalError(event.message));
window.addEventListener('unhandledrejection', (event) => signalError(String(event.reason)));

const root = document.getElementById('print-root');
if (!root) {
  signalError('print.html has no #print-root');
} else if (!query.ok) {
  signalError(query.message);
  root.textContent = query.message;
} else {
  const api = createApiClient(defaultTransport(), () => language);
  createRoot(root).render(
    <I18nextProvider i18n={createI18n(language)}>
      <PrintApp api={api} mapId={query.mapId} choices={query.choices} />
    </I18nextProvider>,
  );
}
