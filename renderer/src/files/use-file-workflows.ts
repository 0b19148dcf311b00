import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo, ThroughlineApi } from '../../../shared/contract/api';
import type { OutlineFormat } from '../../../shared/exports/outline-formats';
import { EmptyPictureError, type PictureFormat } from '../../../shared/render/map-picture';
import { useLanguage } from '../i18n/use-language';
import { useMapStoreApi } from '../store/context';
import { linkOf, planOf } from '../store/plan-flow';
import { base64ToBytes, downloadFile, fileToBase64 } from './browser-files';
import {
  canWriteFiles,
  type DocumentFileHandle,
  documentFileName,
  mayWrite,
  pickDocumentToOpen,
  pickDocumentToSave,
  writeDocumentFile,
} from './document-file';
import { readMapJsonFile } from './map-json-file';
import { mapPictureFile } from './map-picture-file';

export interface FileWorkflowOptions {
  api: ThroughlineApi;
  document: DocumentInfo | null;
  mapId: string | null;
  /** Called after another document became the open one. */
  onDocumentChanged(info: DocumentInfo): void;
  /** Called after a map was imported into the open document. */
  onImported(mapId: string): void;
  /** Saves pending edits before the document is copied or switched. */
  flush(): Promise<void>;
  notify(message: string): void;
  /** Called as a workflow starts (the File menu closes). */
  onStart(): void;
}

type PickerPurpose = 'open' | 'import';

/**
 * In the browser mode, the file the open document came from or was last saved as: its name as the
 * user knows it and, where the browser allows writing to it, its handle. It belongs to one document.
 */
export interface DocumentOrigin {
  path: string;
  name: string;
  handle?: DocumentFileHandle;
}

/**
 * The File workflows, in both modes: Open, Save As, Save to, recent documents, the library, JSON
 * import, and the JSON, outline and picture exports. The desktop app uses the system's dialogs. The
 * browser mode works on Throughline's own copy of a document and says so: where the browser offers
 * the File System Access API, Open keeps the picked file's handle and Save As writes the file the
 * user picks, and "Save to" writes the copy back to that file; elsewhere Open reads a copy (through
 * the hidden file input `picker`, whose change goes to `onPicked`) and Save As is a download named
 * after the document. Failures become notices.
 */
export function useFileWorkflows({
  api,
  document: doc,
  mapId,
  onDocumentChanged,
  onImported,
  flush,
  notify,
  onStart,
}: FileWorkflowOptions) {
  const { t } = useTranslation();
  const language = useLanguage();
  const store = useMapStoreApi();
  const picker = useRef<HTMLInputElement>(null);
  const purpose = useRef<PickerPurpose>('open');
  const [origin, setOrigin] = useState<DocumentOrigin | null>(null);
  const writesFiles = !doc?.nativeDialogs && canWriteFiles();
  // The origin of another document says nothing about this one.
  const here = origin && doc && origin.path === doc.path ? origin : null;
  const documentName = here?.name ?? (doc?.isLibrary ? t('file.library') : (doc?.fileName ?? ''));

  const run = (action: () => Promise<void>) => {
    onStart();
    void action().catch((error: unknown) =>
      notify(t('errors.generic', { message: (error as Error).message })),
    );
  };

  const switched = (info: DocumentInfo | null) => {
    if (info) onDocumentChanged(info);
  };

  const choose = (what: PickerPurpose) => {
    purpose.current = what;
    if (picker.current) {
      picker.current.accept = what === 'open' ? '.throughline' : '.json,application/json';
      picker.current.value = '';
      picker.current.click();
    }
  };

  /** Opens picked bytes as the document (a copy kept by Throughline), remembering where they came from. */
  const openPicked = async (file: Blob, name: string, handle?: DocumentFileHandle) => {
    const info = await api.uploadDocument({ fileName: name, base64: await fileToBase64(file) });
    setOrigin({ path: info.path, name, handle });
    switched(info);
    notify(t(handle ? 'browserFiles.openedLinked' : 'browserFiles.openedCopy', { name }));
  };

  const openDocument = () =>
    run(async () => {
      await flush();
      if (doc?.nativeDialogs) switched(await api.openDocumentDialog({}));
      else if (writesFiles) {
        const handle = await pickDocumentToOpen();
        if (handle) await openPicked(await handle.getFile(), handle.name, handle);
      } else choose('open');
    });

  /** The open document's bytes: a consistent copy made by the main process. */
  const documentBytes = async () => base64ToBytes((await api.downloadDocument({})).base64);

  const saveToFile = (handle: DocumentFileHandle) =>
    run(async () => {
      if (!(await mayWrite(handle))) {
        notify(t('browserFiles.notAllowed', { name: handle.name }));
        return;
      }
      await flush();
      await writeDocumentFile(handle, await documentBytes());
      notify(t('browserFiles.savedTo', { name: handle.name }));
    });

  const saveAs = () =>
    run(async () => {
      await flush();
      if (doc?.nativeDialogs) {
        switched(await api.saveDocumentAsDialog({}));
        return;
      }
      if (writesFiles) {
        const handle = await pickDocumentToSave(documentName);
        if (!handle || !doc) return;
        await writeDocumentFile(handle, await documentBytes());
        setOrigin({ path: doc.path, name: handle.name, handle });
        notify(t('browserFiles.savedTo', { name: handle.name }));
        return;
      }
      const fileName = documentFileName(documentName);
      downloadFile(fileName, await documentBytes(), 'application/vnd.sqlite3');
      notify(t('browserFiles.downloaded', { name: fileName }));
    });

  const openLibrary = () =>
    run(async () => {
      await flush();
      switched(await api.openLibrary({}));
    });

  const openRecent = (path: string) =>
    run(async () => {
      await flush();
      switched(await api.openRecentDocument({ path }));
    });

  const importJson = () => run(async () => choose('import'));

  const onPicked = (file: File | undefined) => {
    if (!file) return;
    run(async () => {
      if (purpose.current === 'open') {
        await openPicked(file, file.name);
      } else {
        const read = await readMapJsonFile(file, language);
        if (!read.ok) {
          notify(read.message);
          return;
        }
        const imported = await api.importMapJson({ text: read.text });
        onImported(imported.id);
      }
    });
  };

  const exportJson = () =>
    run(async () => {
      if (!mapId) return;
      await flush();
      const { fileName, text } = await api.exportMapJson({ mapId });
      downloadFile(fileName, text, 'application/json');
    });

  // Headers, values and findings in the language the UI is in.
  const exportOutline = (format: OutlineFormat) =>
    run(async () => {
      if (!mapId) return;
      await flush();
      const file = await api.exportMap({ mapId, format, language });
      downloadFile(file.fileName, base64ToBytes(file.base64), file.mimeType);
    });

  // The deck in the language the UI is in, made by the backend from the saved map.
  const exportSlides = () =>
    run(async () => {
      if (!mapId) return;
      await flush();
      const file = await api.exportSlides({ mapId, language });
      downloadFile(file.fileName, base64ToBytes(file.base64), file.mimeType);
    });

  // The picture is drawn from the canvas's own state, as it is on screen, in the UI's language.
  const exportPicture = (format: PictureFormat) => {
    onStart();
    const { name, nodes, edges, findings } = store.getState();
    const map = { name, nodes: nodes.map(planOf), links: edges.map(linkOf), findings };
    void mapPictureFile(map, format, language).then(
      (file) => downloadFile(file.fileName, file.data, file.mimeType),
      (error: unknown) =>
        notify(
          error instanceof EmptyPictureError
            ? t('picture.empty')
            : t('picture.failed', { message: (error as Error).message }),
        ),
    );
  };

  return {
    /** Whether this browser writes files it picked (the File System Access API), not the desktop app. */
    writesFiles,
    /** Where the open document came from in the browser mode, when it is known. */
    here,
    picker,
    onPicked,
    openDocument,
    saveToFile,
    saveAs,
    openLibrary,
    openRecent,
    importJson,
    exportJson,
    exportOutline,
    exportSlides,
    exportPicture,
  };
}
