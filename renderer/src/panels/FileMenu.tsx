import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentDocument } from '../../../shared/contract/api';
import { mayCall, type SessionRole } from '../../../shared/contract/method-access';
import type { MethodName } from '../../../shared/contract/methods';
import type { OutlineFormat } from '../../../shared/exports/outline-formats';
import type { MapContent } from '../../../shared/model';
import { PICTURE_FORMATS } from '../../../shared/render/map-picture';
import type { VersionSummary } from '../../../shared/versions';
import { useCommand } from '../commands/use-commands';
import { type FileWorkflowOptions, useFileWorkflows } from '../files/use-file-workflows';
import { useLanguage } from '../i18n/use-language';
import { ShareDialog, ShareMenuItem } from '../share/ShareDialog';
import { useVersionView } from '../store/version-view';
import { CheckinImportDialog } from './CheckinImportDialog';
import { ExportDialog } from './ExportDialog';
import { RestoreDialog } from './RestoreDialog';
import { VersionCompare } from './VersionCompare';
import { VersionsDialog, type VersionsDialogProps } from './VersionsDialog';

export type FileMenuProps = Omit<FileWorkflowOptions, 'onStart'> & {
  /** What this window may do: an item is offered only where the server would take its call. */
  role: SessionRole;
  /** Shows a saved version read-only (the map library's openVersion). */
  onOpenVersion: VersionsDialogProps['onOpen'];
};

/**
 * The outline exports in the menu: the same table as CSV and Excel, a Markdown document, and the
 * check-in calendar (an .ics file with each metric's next check-in by its cadence).
 */
const OUTLINE_EXPORTS = [
  { format: 'csv', label: 'outline.exportCsv' },
  { format: 'xlsx', label: 'outline.exportXlsx' },
  { format: 'md', label: 'outline.exportMd' },
  { format: 'ics', label: 'outline.exportIcs' },
] as const satisfies readonly { format: OutlineFormat; label: string }[];

/**
 * The File menu, reachable in both modes: Open, Save As, recent documents, the library, backups,
 * JSON import, and the exports (the PDF dialog, JSON, outline, slides, picture). Its items and the same
 * commands from the desktop menu and the keyboard run the File workflows (useFileWorkflows); it
 * closes as one starts.
 */
export function FileMenu(props: FileMenuProps) {
  const { api, document: doc, mapId, onDocumentChanged, flush, notify, role } = props;
  const may = (method: MethodName) => mayCall(role, method);
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<RecentDocument[]>([]);
  const [restoreOpen, setRestoreOpen] = useState(false);
  const [pdfOpen, setPdfOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [compare, setCompare] = useState<{ version: VersionSummary; content: MapContent } | null>(null);
  const [checkinFile, setCheckinFile] = useState<File | null>(null);
  const checkinPicker = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const files = useFileWorkflows({ ...props, onStart: () => setOpen(false) });
  const { here, writesFiles } = files;

  useEffect(() => {
    if (!open) return;
    if (mayCall(role, 'listRecentDocuments'))
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
  }, [open, api, role]);

  // The same File commands from the desktop menu and the keyboard.
  useCommand('open', files.openDocument);
  useCommand('save-as', files.saveAs);
  useCommand('open-recent', ({ path }) => {
    if (path) files.openRecent(path);
  });
  useCommand('import-json', files.importJson);
  // Import check-ins: the file is chosen first, then the preview dialog reads it.
  const importCheckins = () => {
    setOpen(false);
    if (mapId && mayCall(role, 'readCheckinTable')) checkinPicker.current?.click();
  };
  useCommand('import-checkins', importCheckins);
  // Export (the desktop menu's and the toolbar's) opens the PDF dialog; JSON stays in the menu.
  const openPdfDialog = () => {
    setOpen(false);
    if (mapId) setPdfOpen(true);
  };
  useCommand('export', openPdfDialog);
  useCommand('share', () => setShareOpen(true));
  // A comparison belongs to the map it was made on (a version opened or left is another).
  const viewing = useVersionView((s) => s.viewing);
  // biome-ignore lint/correctness/useExhaustiveDependencies: mapId and the version shown are the triggers, not read
  useEffect(() => setCompare(null), [mapId, viewing]);
  const openVersions = () => {
    setOpen(false);
    if (mapId) setVersionsOpen(true);
  };
  const openRestoreDialog = () => {
    setOpen(false);
    setRestoreOpen(true);
  };

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
          {may('openDocumentDialog') ? (
            <button type="button" role="menuitem" onClick={files.openDocument} data-testid="file-open">
              {t(
                doc?.nativeDialogs
                  ? 'file.open'
                  : writesFiles
                    ? 'browserFiles.open'
                    : 'browserFiles.openCopy',
              )}
            </button>
          ) : null}
          {here?.handle && may('downloadDocument') ? (
            <button
              type="button"
              role="menuitem"
              onClick={() => here.handle && files.saveToFile(here.handle)}
              data-testid="file-save-to"
            >
              {t('browserFiles.saveTo', { name: here.name })}
            </button>
          ) : null}
          {may('downloadDocument') ? (
            <button type="button" role="menuitem" onClick={files.saveAs} data-testid="file-save-as">
              {t(
                doc?.nativeDialogs
                  ? 'file.saveAs'
                  : writesFiles
                    ? 'browserFiles.saveAs'
                    : 'browserFiles.download',
              )}
            </button>
          ) : null}
          {may('openLibrary') ? (
            <button type="button" role="menuitem" onClick={files.openLibrary} disabled={doc?.isLibrary}>
              {t('file.openLibrary')}
            </button>
          ) : null}
          {may('listBackups') ? (
            <button type="button" role="menuitem" onClick={openRestoreDialog} data-testid="file-restore">
              {t('backups.menuItem')}
            </button>
          ) : null}
          <ShareMenuItem api={api} onOpen={() => [setOpen(false), setShareOpen(true)]} />
          {!may('listRecentDocuments') ? null : (
            <div className="file-menu__section" role="presentation">
              {t('file.recent')}
            </div>
          )}
          {!may('listRecentDocuments') ? null : recent.length === 0 ? (
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
                onClick={() => files.openRecent(r.path)}
              >
                {r.fileName}
              </button>
            ))
          )}
          {may('openDocumentDialog') ? <hr /> : null}
          {may('importMapJson') ? (
            <button type="button" role="menuitem" onClick={files.importJson} data-testid="file-import-json">
              {t('file.importJson')}
            </button>
          ) : null}
          {may('readCheckinTable') ? (
            <button
              type="button"
              role="menuitem"
              disabled={!mapId}
              onClick={importCheckins}
              data-testid="file-import-checkins"
            >
              {t('checkinImport.menuItem')}
            </button>
          ) : null}
          {may('saveVersion') ? (
            <button
              type="button"
              role="menuitem"
              onClick={openVersions}
              disabled={!mapId}
              data-testid="file-save-version"
            >
              {t('versions.saveMenuItem')}
            </button>
          ) : null}
          <button
            type="button"
            role="menuitem"
            onClick={openVersions}
            disabled={!mapId}
            data-testid="file-versions"
          >
            {t('versions.menuItem')}
          </button>
          <hr />
          <button
            type="button"
            role="menuitem"
            onClick={openPdfDialog}
            disabled={!mapId}
            data-testid="file-export-pdf"
          >
            {t('export.menuItem')}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={files.exportJson}
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
              onClick={() => files.exportOutline(format)}
              disabled={!mapId}
              data-testid={`file-export-${format}`}
            >
              {t(label)}
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            onClick={files.exportSlides}
            disabled={!mapId}
            data-testid="file-export-pptx"
          >
            {t('slides.exportPptx')}
          </button>
          {PICTURE_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              onClick={() => files.exportPicture(format)}
              disabled={!mapId}
              data-testid={`file-export-${format}`}
            >
              {t(format === 'svg' ? 'picture.exportSvg' : 'picture.exportPng')}
            </button>
          ))}
        </div>
      ) : null}
      <input
        ref={files.picker}
        type="file"
        hidden
        data-testid="file-picker"
        onChange={(e) => files.onPicked(e.target.files?.[0])}
      />
      <input
        ref={checkinPicker}
        type="file"
        hidden
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="checkin-picker"
        onChange={(e) => {
          const picked = e.target.files?.[0];
          e.target.value = '';
          if (picked && mapId) setCheckinFile(picked);
        }}
      />
      {checkinFile && mapId ? (
        <CheckinImportDialog
          api={api}
          file={checkinFile}
          notify={notify}
          onClose={() => setCheckinFile(null)}
        />
      ) : null}
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
      {versionsOpen && mapId ? (
        <VersionsDialog
          api={api}
          mapId={mapId}
          role={role}
          flush={flush}
          notify={notify}
          onCompare={(version, content) => setCompare({ version, content })}
          onOpen={props.onOpenVersion}
          onStarted={(id) => props.onImported(id)}
          onClose={() => setVersionsOpen(false)}
        />
      ) : null}
      {compare && mapId ? (
        <VersionCompare
          version={compare.version}
          content={compare.content}
          onClose={() => setCompare(null)}
        />
      ) : viewing?.compareWith && mapId ? (
        // Two versions compared: the newer one is shown, the changes since the older marked on it.
        <VersionCompare
          key={`${viewing.compareWith.version.id} ${viewing.version.id}`}
          version={viewing.compareWith.version}
          content={viewing.compareWith.content}
          title={t('versions.compareTwoTitle', {
            older: viewing.compareWith.version.label,
            newer: viewing.version.label,
          })}
          onClose={() => useVersionView.getState().show({ ...viewing, compareWith: null })}
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
