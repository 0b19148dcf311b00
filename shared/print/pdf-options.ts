import type { Language } from '../model/language';
import { escapeXml } from '../render/escape';
import { PRINT_FONT_STACK } from '../render/palette';
import type { PdfChoices } from './export-choices';
import { MM_PER_INCH, type Paper, PX_PER_MM, pageSizeMm } from './paper';
import { formatPrintDate } from './print-date';

interface Margins<T> {
  top: T;
  bottom: T;
  left: T;
  right: T;
}

/** Options of Electron's `webContents.printToPDF` (margins in inches). */
export interface ElectronPdfOptions {
  pageSize: Paper;
  landscape: boolean;
  margins: Margins<number>;
  printBackground: true;
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  preferCSSPageSize: true;
  generateTaggedPDF: true;
  generateDocumentOutline: true;
}

/** Options of Playwright's `page.pdf` (margins as CSS lengths). */
export interface PlaywrightPdfOptions {
  format: Paper;
  landscape: boolean;
  margin: Margins<string>;
  printBackground: true;
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  preferCSSPageSize: true;
  tagged: true;
  outline: true;
}

export interface PdfEngineOptions {
  electron: ElectronPdfOptions;
  playwright: PlaywrightPdfOptions;
  /** The `@page` rule for the print view, so the page's CSS and the engine agree on size and margins. */
  pageCss: string;
  /** Margins in millimetres, as used by all three above. */
  marginsMm: Margins<number>;
  /** The area inside the margins, in CSS pixels: what the print view lays the map out in. */
  contentPx: { width: number; height: number };
}

/** Header and footer are drawn inside the top and bottom margins: keep room for a line of 8 pt. */
export const HEADER_FOOTER_MIN_MM = 14;

/**
 * One mapping from the export choices to the options both engines take — Electron's printToPDF
 * and Chromium's page.pdf — so the desktop app, the browser mode, the command line and the tests
 * print the same document. The engines' defaults differ (Playwright: no margins, no backgrounds,
 * Letter), so every value is explicit. The page size is also set in CSS (`pageCss`) with
 * preferCSSPageSize, the only way `landscape` and `@page` cannot disagree.
 */
export function pdfEngineOptions(choices: PdfChoices, documentTitle: string): PdfEngineOptions {
  const vertical = Math.max(choices.marginMm, HEADER_FOOTER_MIN_MM);
  const marginsMm = { top: vertical, bottom: vertical, left: choices.marginMm, right: choices.marginMm };
  const headerTemplate = headerHtml(choices, documentTitle, marginsMm);
  const footerTemplate = footerHtml(choices, marginsMm);
  const landscape = choices.orientation === 'landscape';
  const page = pageSizeMm(choices.paper, choices.orientation);
  const inches = (mm: number) => Math.round((mm / MM_PER_INCH) * 10_000) / 10_000;
  return {
    electron: {
      pageSize: choices.paper,
      landscape,
      margins: {
        top: inches(marginsMm.top),
        bottom: inches(marginsMm.bottom),
        left: inches(marginsMm.left),
        right: inches(marginsMm.right),
      },
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate,
      footerTemplate,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    },
    playwright: {
      format: choices.paper,
      landscape,
      margin: {
        top: `${marginsMm.top}mm`,
        bottom: `${marginsMm.bottom}mm`,
        left: `${marginsMm.left}mm`,
        right: `${marginsMm.right}mm`,
      },
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate,
      footerTemplate,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    },
    pageCss: `@page { size: ${page.width}mm ${page.height}mm; margin: ${marginsMm.top}mm ${marginsMm.right}mm ${marginsMm.bottom}mm ${marginsMm.left}mm; }`,
    marginsMm,
    contentPx: {
      width: (page.width - marginsMm.left - marginsMm.right) * PX_PER_MM,
      height: (page.height - marginsMm.top - marginsMm.bottom) * PX_PER_MM,
    },
  };
}

/**
 * Header and footer templates are separate little documents: no page CSS and no web fonts, and a
 * tiny default size, so everything is inline. Chromium fills the elements with the classes
 * pageNumber and totalPages; user text is escaped so it can never become markup (or such a class).
 */
function band(marginsMm: Margins<number>, left: string, right: string): string {
  const style = [
    `font-family:${PRINT_FONT_STACK.replace(/"/g, "'")}`,
    'font-size:9px',
    'line-height:1.3',
    'color:#4b5563',
    'width:100%',
    `padding:0 ${marginsMm.right}mm 0 ${marginsMm.left}mm`,
    'box-sizing:border-box',
    'display:flex',
    'justify-content:space-between',
    'gap:8mm',
    '-webkit-print-color-adjust:exact',
  ].join(';');
  return `<div style="${style}"><span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${left}</span><span style="white-space:nowrap">${right}</span></div>`;
}

function headerHtml(choices: PdfChoices, documentTitle: string, marginsMm: Margins<number>): string {
  const title = choices.title.trim() || documentTitle;
  const left = [title, choices.subtitle.trim()]
    .filter((s) => s !== '')
    .map(escapeXml)
    .join(' · ');
  return band(marginsMm, left, escapeXml(formatPrintDate(choices.date, choices.language)));
}

function footerHtml(choices: PdfChoices, marginsMm: Margins<number>): string {
  return band(marginsMm, escapeXml(choices.footer.trim()), pageOfTotal(choices.language));
}

/** "Page X of Y" with Chromium's page-number elements, in the document's language. */
function pageOfTotal(language: Language): string {
  const page = '<span class="pageNumber"></span>';
  const total = '<span class="totalPages"></span>';
  // The main process has no i18n; these two phrases are the only words the engines print themselves.
  return language === 'zh-CN' ? `第 ${page} 页，共 ${total} 页` : `Page ${page} of ${total}`;
}
