import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo, RecentDocument, ThroughlineApi } from '../../../shared/contract/api';
import type { OutlineFormat } from '../../../shared/exports/outline-formats';
import { EmptyPictureError, PICTURE_FORMATS, type PictureFormat } from '../../../shared/render/map-picture';
import { useCommand } from '../commands/use-commands';
import { base64ToBytes, downloadFile, fileToBase64 } from '../files/browser-files';
import {
  canWriteFiles,
  type DocumentFileHandle,
  documentFileName,
  mayWrite,
  pickDocumentToOpen,
  pickDocumentToSave,
  writeDocumentFile,
} from '../files/document-file';
import { readMapJsonFile } from '../files/map-json-file';
import { mapPictureFile } from '../files/map-picture-file';
import { useLanguage } from '../i18n/use-language';
import { ShareDialog, ShareMenuItem } from '../share/ShareDialog';
import { useMapStoreApi } from '../store/context';
import { linkOf, planOf } from '../store/plan-flow';
import { ExportDialog } from './ExportDialog';
import { RestoreDialog } from './RestoreDialog';

export interface FileMenuProps {
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
}

type PickerPurpose = 'open' | 'import';

/**
 * In the browser mode, the file the open document came from or was last saved as: its name as the
 * user knows it and, where the browser allows writing to it, its handle. It belongs to one document.
 */
interface DocumentOrigin {
  path: string;
  name: string;
  handle?: DocumentFileHandle;
}

/** The outline exports in the menu: the same table as CSV and Excel, and a Markdown document. */
const OUTLINE_EXPORTS = [
  { format: 'csv', label: 'outline.exportCsv' },
  { format: 'xlsx', label: 'outline.exportXlsx' },
  { format: 'md', label: 'outline.exportMd' },
] as const satisfies readonly { format: OutlineFormat; label: string }[];

/**
 * The File commands, reachable in both modes: Open, Save As, recent documents, the library, JSON
 * import and export. The desktop app uses the system's dialogs. The browser mode works on
 * Throughline's own copy of a document and says so: where the browser offers the File System Access
 * API, Open keeps the picked file's handle and Save As writes the file the user picks, and "Save to"
 * writes the copy back to that file; elsewhere Open reads a copy and Save As is a download named
 * after the document.
 */
export function FileMenu({
  api,
  document: doc,
  mapId,
  onDocumentChanged,
  onImported,
  flush,
  notify,
}: FileMenuProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const store = useMapStoreApi();
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<RecentDocument[]>([]);
  const [restoreOpen, setRestoreOpen] = useState(false);
  const [pdfOpen, setPdfOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const purpose = useRef<PickerPurpose>('open');
  const menu = useRef<HTMLDivElement>(null);
  const [origin, setOrigin] = useState<DocumentOrigin | null>(null);
  const writesFiles = !doc?.nativeDialogs && canWriteFiles();
  // The origin of another document says nothing about this one.
  const here = origin && doc && origin.path === doc.path ? origin : null;
  const documentName = here?.name ?? (doc?.isLibrary ? t('file.library') : (doc?.fileName ?? ''));
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    void api.listRecentDocuments({}).then(setRecent, () => setRecent([]));
    const close = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(false);
    };
    // Escape closes the menu and gives focus back to its button, as a native menu does.
    const closeOnEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open, api]);

  const run = (action: () => Promise<void>) => {
    setOpen(false);
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

  // The picture is drawn from the canvas's own state, as it is on screen, in the UI's language.
  const exportPicture = (format: PictureFormat) => {
    setOpen(false);
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

  const openRecent = (path: string) =>
    run(async () => {
      await flush();
      switched(await api.openRecentDocument({ path }));
    });

  // The same File commands from the desktop menu and the keyboard.
  useCommand('open', openDocument);
  useCommand('save-as', saveAs);
  useCommand('open-recent', ({ path }) => {
    if (path) openRecent(path);
  });
  useCommand('import-json', () => run(async () => choose('import')));
  // Export (the desktop menu's and the toolbar's) opens the PDF dialog; JSON stays in the menu.
  useCommand('export', () => {
    setOpen(false);
    if (mapId) setPdfOpen(true);
  });

  return (
    <div className="file-menu" ref={menu}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="file-menu"
        title={doc?.path}
      >
        {t('file.menu')} ·{' '}
        <span className="file-menu__doc">
          {doc ? (doc.isLibrary ? t('file.library') : doc.fileName) : ''}
        </span>
      </button>
      {open ? (
        <div className="file-menu__popup" role="menu" aria-label={t('file.menu')}>
          <button type="button" role="menuitem" onClick={openDocument} data-testid="file-open">
            {t(
              doc?.nativeDialogs ? 'file.open' : writesFiles ? 'browserFiles.open' : 'browserFiles.openCopy',
            )}
          </button>
          {here?.handle ? (
            <button
              type="button"
              role="menuitem"
              onClick={() => here.handle && saveToFile(here.handle)}
              data-testid="file-save-to"
            >
              {t('browserFiles.saveTo', { name: here.name })}
            </button>
          ) : null}
          <button type="button" role="menuitem" onClick={saveAs} data-testid="file-save-as">
            {t(
              doc?.nativeDialogs
                ? 'file.saveAs'
                : writesFiles
                  ? 'browserFiles.saveAs'
                  : 'browserFiles.download',
            )}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() =>
              run(async () => {
                await flush();
                switched(await api.openLibrary({}));
              })
            }
            disabled={doc?.isLibrary}
          >
            {t('file.openLibrary')}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              setRestoreOpen(true);
            }}
            data-testid="file-restore"
          >
            {t('backups.menuItem')}
          </button>
          <ShareMenuItem api={api} onOpen={() => [setOpen(false), setShareOpen(true)]} />
          <div className="file-menu__section" role="presentation">
            {t('file.recent')}
          </div>
          {recent.length === 0 ? (
            <div className="file-menu__empty" role="presentation">
              {t('file.noRecent')}
            </div>
          ) : (
            recent.map((r) => (
              <button
                key={r.path}
                type="button"
                role="menuitem"
                disabled={!r.available}
                title={r.path}
                data-testid="file-recent"
                onClick={() => openRecent(r.path)}
              >
                {r.fileName}
              </button>
            ))
          )}
          <hr />
          <button
            type="button"
            role="menuitem"
            onClick={() => run(async () => choose('import'))}
            data-testid="file-import-json"
          >
            {t('file.importJson')}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              setPdfOpen(true);
            }}
            disabled={!mapId}
            data-testid="file-export-pdf"
          >
            {t('export.menuItem')}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={exportJson}
            disabled={!mapId}
            data-testid="file-export-json"
          >
            {t('file.exportJson')}
          </button>
          {OUTLINE_EXPORTS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              onClick={() => exportOutline(format)}
              disabled={!mapId}
              data-testid={`file-export-${format}`}
            >
              {t(label)}
            </button>
          ))}
          {PICTURE_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              onClick={() => exportPicture(format)}
              disabled={!mapId}
              data-testid={`file-export-${format}`}
            >
              {t(format === 'svg' ? 'picture.exportSvg' : 'picture.exportPng')}
            </button>
          ))}
        </div>
      ) : null}
      <input
        ref={picker}
        type="file"
        hidden
        data-testid="file-picker"
        onChange={(e) => onPicked(e.target.files?.[0])}
      />
      {pdfOpen && mapId ? (
        <ExportDialog
          api={api}
          mapId={mapId}
          language={language}
          flush={flush}
          notify={notify}
          onClose={() => setPdfOpen(false)}
        />
      ) : null}
      {shareOpen ? <ShareDialog api={api} onClose={() => setShareOpen(false)} /> : null}
      {restoreOpen ? (
        <RestoreDialog
          api={api}
          flush={flush}
          onRestored={(info, date) => {
            onDocumentChanged(info);
            notify(t('backups.restored', { date }));
          }}
          onClose={() => setRestoreOpen(false)}
        />
      ) : null}
    </div>
  );
}
