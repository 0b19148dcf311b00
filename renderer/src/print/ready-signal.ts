declare global {
  interface Window {
    /** Set once the print view is complete: what the PDF printers wait for. */
    __throughlinePrintReady?: boolean;
  }
}

/**
 * Tells the printer the page is complete. Called after the data is loaded and drawn: forcing a
 * layout makes the engine request every font the text uses, and `document.fonts.ready` resolves
 * once they are loaded. An explicit signal, never a timer: a slow machine prints late, not wrong.
 */
export async function signalReady(): Promise<void> {
  // Marks for the benchmark's breakdown (performance.getEntriesByType('mark')).
  performance.mark('print:laid-out');
  document.body.getBoundingClientRect();
  await document.fonts.ready;
  performance.mark('print:ready');
  document.documentElement.dataset.printReady = 'true';
  window.__throughlinePrintReady = true;
}

/** Tells the printer the page cannot be made, and why; it stops waiting at once. */
export function signalError(message: string): void {
  document.documentElement.dataset.printError = message || 'The print view failed.';
}
