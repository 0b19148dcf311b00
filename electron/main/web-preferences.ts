/**
 * The one statement of how every window of the app is hardened: the main window (window.ts) and
 * the hidden print window (print-pdf.ts) both set at least these.
 *
 * Why the two windows still write them out: electronegativity (tests/security) reads the source,
 * not the running app, and on TypeScript it cannot resolve a variable or a spread, so
 * `webPreferences: { ...HARDENED_WEB_PREFERENCES }` would be reported as missing contextIsolation,
 * sandbox and the rest. The literal at each `new BrowserWindow({...})` is for the scanner; this
 * constant is for people and for the tests (tests/electron/hardening.test.ts,
 * tests/pdf/print-pdf-electron.test.ts), which check that each window's preferences contain every
 * one of these settings, so neither copy can drift from it.
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  // A middle click would otherwise ask for a new window; the app has no use for auxclick.
  disableBlinkFeatures: 'Auxclick',
  // A file dropped on a window must not replace the app's page with it.
  navigateOnDragDrop: false,
} as const;
