import { paletteCss } from '../../shared/render/palette-css';

/**
 * Writes the shared palette (shared/render/palette-css.ts) into the page as custom properties,
 * before anything is drawn: the stylesheets (styles/) read their kind, severity and status
 * colours from them. An inline <style> is within the app's CSP (style-src 'unsafe-inline',
 * shared/contract/csp.ts).
 */
export function installPalette(doc: Document = document): void {
  if (doc.getElementById('throughline-palette')) return;
  const style = doc.createElement('style');
  style.id = 'throughline-palette';
  style.textContent = paletteCss();
  doc.head.prepend(style);
}
