/**
 * The one statement of how every window of the app is hardened: the main window (window.ts) and
 * the hidden print window (print-pdf.ts) spread these into their webPreferences.
 *
 * electronegativity (tests/security) reads the source, not the running app, and on TypeScript it
 * cannot resolve a variable or a spread: with the spread alone it reports contextIsolation,
 * sandbox and the auxclick block as missing (CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK,
 * AUXCLICK_JS_CHECK). So each window restates exactly those three after the spread, with the same
 * values; the tests (tests/electron/hardening.test.ts, tests/pdf/print-pdf-electron.test.ts) check
 * that each window's preferences contain every setting here, so the restatement cannot drift.
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
