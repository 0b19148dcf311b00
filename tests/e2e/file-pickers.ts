import type { Page } from 'playwright-core';

/**
 * Playwright cannot drive the browser's native file pickers (window.showOpenFilePicker,
 * showSaveFilePicker: the File System Access API). These helpers replace them in the page before
 * the app loads: with fakes whose file handles record what is written, or with nothing, as in a
 * browser without the API (Firefox, Safari).
 */

declare global {
  interface Window {
    /** Bytes written to each fake file, by file name. */
    __writtenFiles: Record<string, number[]>;
    /** What the app suggested to the last save picker. */
    __suggestedName: string | undefined;
    /** The file the fake open picker answers: its name and bytes. */
    __fileToOpen: { name: string; bytes: number[] } | undefined;
    /** The name the fake save picker answers. */
    __saveAsName: string;
    /** What the fake handles answer when the app asks to write (Chromium asks the user). */
    __permission: 'granted' | 'denied';
  }
}

/** Fake pickers; reloads the page so the app starts with them. */
export async function fakeFilePickers(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    window.__writtenFiles = {};
    window.__saveAsName = 'Offsite.throughline';
    window.__permission = 'granted';
    const handle = (name: string, bytes: number[]) => ({
      kind: 'file',
      name,
      getFile: async () => new File([new Uint8Array(bytes)], name),
      requestPermission: async () => window.__permission,
      createWritable: async () => {
        const chunks: Uint8Array[] = [];
        return {
          write: async (data: BufferSource | Blob) => {
            if (data instanceof Blob) chunks.push(new Uint8Array(await data.arrayBuffer()));
            else if (ArrayBuffer.isView(data))
              chunks.push(
                new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)),
              );
            else chunks.push(new Uint8Array(data));
          },
          // As the real API: the file changes only when the stream is closed.
          close: async () => {
            window.__writtenFiles[name] = chunks.flatMap((chunk) => Array.from(chunk));
          },
        };
      },
    });
    const pickers = window as unknown as Record<string, unknown>;
    pickers.showSaveFilePicker = async (options: { suggestedName?: string }) => {
      window.__suggestedName = options.suggestedName;
      return handle(window.__saveAsName, []);
    };
    pickers.showOpenFilePicker = async () => {
      const file = window.__fileToOpen;
      if (!file) throw new DOMException('The user aborted a request.', 'AbortError');
      return [handle(file.name, file.bytes)];
    };
  });
  await page.reload();
}

/** No File System Access API, as in Firefox and Safari; reloads the page so the app starts so. */
export async function withoutFilePickers(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const pickers = window as unknown as Record<string, unknown>;
    delete pickers.showOpenFilePicker;
    delete pickers.showSaveFilePicker;
  });
  await page.reload();
}

/** The bytes a fake file handle was last written with, or null. */
export async function writtenFile(page: Page, name: string): Promise<Buffer | null> {
  const bytes = await page.evaluate((n) => window.__writtenFiles[n] ?? null, name);
  return bytes ? Buffer.from(bytes) : null;
}
