import { safeFileName } from '../../../shared/interchange/file-name';

/**
 * The browser's File System Access API (Chromium: window.showOpenFilePicker, showSaveFilePicker),
 * typed here because TypeScript's DOM library does not declare the pickers. Where it is missing
 * (Firefox, Safari), Open reads a copy through a file input and Save As is a download.
 */
interface PickerOptions {
  suggestedName?: string;
  types?: { description: string; accept: Record<string, string[]> }[];
  excludeAcceptAllOption?: boolean;
}

/** The part of a file handle the app uses: its name, its bytes, and writing it whole. */
export interface DocumentFileHandle {
  readonly name: string;
  getFile(): Promise<Blob>;
  createWritable(): Promise<{ write(data: BufferSource | Blob): Promise<void>; close(): Promise<void> }>;
  /** Chromium asks the user once per handle before a page may write to a file it opened. */
  requestPermission?(descriptor: { mode: 'read' | 'readwrite' }): Promise<'granted' | 'denied' | 'prompt'>;
}

interface FilePickers {
  showOpenFilePicker?: (options?: PickerOptions) => Promise<DocumentFileHandle[]>;
  showSaveFilePicker?: (options?: PickerOptions) => Promise<DocumentFileHandle>;
}

const DOCUMENT_TYPES: PickerOptions['types'] = [
  { description: 'Throughline', accept: { 'application/vnd.sqlite3': ['.throughline'] } },
];

function pickers(): FilePickers {
  return globalThis as unknown as FilePickers;
}

/** Whether this browser lets the page write back to a file the user picked. */
export function canWriteFiles(): boolean {
  const { showOpenFilePicker, showSaveFilePicker } = pickers();
  return typeof showOpenFilePicker === 'function' && typeof showSaveFilePicker === 'function';
}

/** The user closing a picker without choosing: not an error, nothing to say. */
export function isPickerCancel(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Asks for a document to open; null when the user cancels. */
export async function pickDocumentToOpen(): Promise<DocumentFileHandle | null> {
  const open = pickers().showOpenFilePicker;
  if (!open) return null;
  try {
    const [handle] = await open({ types: DOCUMENT_TYPES, excludeAcceptAllOption: false });
    return handle ?? null;
  } catch (error) {
    if (isPickerCancel(error)) return null;
    throw error;
  }
}

/** Asks where to save the document, suggesting `<name>.throughline`; null when the user cancels. */
export async function pickDocumentToSave(name: string): Promise<DocumentFileHandle | null> {
  const save = pickers().showSaveFilePicker;
  if (!save) return null;
  try {
    return await save({ suggestedName: documentFileName(name), types: DOCUMENT_TYPES });
  } catch (error) {
    if (isPickerCancel(error)) return null;
    throw error;
  }
}

/**
 * Whether the page may write to the file: asked before anything else in the click that writes it,
 * while the browser still counts the click as the user's (it will not ask later).
 */
export async function mayWrite(handle: DocumentFileHandle): Promise<boolean> {
  if (!handle.requestPermission) return true;
  return (await handle.requestPermission({ mode: 'readwrite' })) === 'granted';
}

/** Writes the document's bytes to the file, replacing what it held. */
export async function writeDocumentFile(
  handle: DocumentFileHandle,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<void> {
  const writable = await handle.createWritable();
  await writable.write(bytes);
  await writable.close();
}

/** A document's file name from its name: `<name>.throughline`, safe on every system. */
export function documentFileName(name: string): string {
  const stem = name.replace(/\.throughline$/i, '');
  return safeFileName(stem, 'throughline');
}
