import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThroughlineApi } from '../../../shared/contract/api';
import { LANGUAGES, type Language } from '../../../shared/model/language';
import { localToday } from '../../../shared/model/local-today';
import {
  MARGIN_PRESETS_MM,
  PDF_SECTIONS,
  type PdfChoicesInput,
  type PdfSection,
} from '../../../shared/print/export-choices';
import { ORIENTATIONS, type Orientation, PAPERS, type Paper } from '../../../shared/print/paper';
import type { VersionSummary } from '../../../shared/versions';
import { base64ToBytes, downloadFile } from '../files/browser-files';
import { dateLocale, typedDay } from '../i18n/date-locale';
import { DateInput } from './DateInput';
import { ModalDialog } from './ModalDialog';
import { useModalDialog } from './use-modal-dialog';

export interface ExportDialogProps {
  api: Pick<ThroughlineApi, 'exportPdf' | 'listMaps' | 'preparePdfExport' | 'listVersions'>;
  mapId: string;
  /** The UI language: the document's language unless changed here. */
  language: Language;
  /** Saves pending edits first, so the PDF shows what is on screen. */
  flush(): Promise<void>;
  /** Told the outcome in a sentence (saved as…, failed because…). */
  notify(message: string): void;
  onClose(): void;
}

type MarginPreset = keyof typeof MARGIN_PRESETS_MM;
type Status = { step: 'editing' } | { step: 'working' } | { step: 'failed'; message: string };

/**
 * File ▸ Export PDF…: paper, orientation, margins, which parts to include, the title, subtitle,
 * date and footer line, and the document's language. The PDF is made by the main process (a
 * hidden window on the desktop, the system's Chromium in the browser mode) and handed back as a
 * download. Cancel while it works drops the result: nothing is saved.
 */
export function ExportDialog({
  api,
  mapId,
  language: uiLanguage,
  flush,
  notify,
  onClose,
}: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const dialog = useModalDialog();
  const run = useRef(0);
  const [paper, setPaper] = useState<Paper>('A4');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [margin, setMargin] = useState<MarginPreset>('normal');
  const [sections, setSections] = useState<ReadonlySet<PdfSection>>(new Set(PDF_SECTIONS));
  const [title, setTitle] = useState('');
  const [subtitle, setSubtitle] = useState('');
  const [date, setDate] = useState(localToday());
  const [footer, setFooter] = useState('');
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [status, setStatus] = useState<Status>({ step: 'editing' });
  /** The map's saved versions, newest first, for the section "Changes since …". */
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  /** The version of "Changes since …" ('' for no such section): the latest one unless changed. */
  const [since, setSince] = useState<string | null>(null);
  const versionDate = useMemo(
    () => new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' }),
    [i18n.language],
  );
  const working = status.step === 'working';

  // The printer gets ready while the user chooses (in the browser mode Chromium starts and draws
  // this map's print view once, in the chosen language), so Export itself is quick. A problem
  // there is left for the export to report.
  useEffect(() => {
    api.preparePdfExport({ mapId, language }).catch(() => {});
  }, [api, mapId, language]);

  // The title starts as the map's name, which the user can change.
  useEffect(() => {
    let live = true;
    api.listMaps({}).then(
      (maps) => {
        const name = maps.find((m) => m.id === mapId)?.name;
        if (live && name) setTitle((current) => (current === '' ? name : current));
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [api, mapId]);

  // The versions to show changes since; the latest is chosen until the user chooses. Not listed
  // (an older server, a failure): the PDF is offered without the section.
  useEffect(() => {
    let live = true;
    api.listVersions({ mapId }).then(
      (list) => {
        if (!live) return;
        setVersions([...list].reverse());
        setSince((current) => current ?? list.at(-1)?.id ?? '');
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [api, mapId]);

  const toggle = (section: PdfSection) =>
    setSections((current) => {
      const next = new Set(current);
      if (next.has(section)) next.delete(section);
      else next.add(section);
      return next;
    });

  const exportPdf = async () => {
    if (sections.size === 0) {
      setStatus({ step: 'failed', message: t('export.dialog.noSection') });
      return;
    }
    const mine = ++run.current;
    setStatus({ step: 'working' });
    const options: PdfChoicesInput = {
      paper,
      orientation,
      marginMm: MARGIN_PRESETS_MM[margin],
      sections: PDF_SECTIONS.filter((s) => sections.has(s)),
      title: title.trim(),
      subtitle: subtitle.trim(),
      // Typed as people write it (2027/6/1); sent as the day it names, or as typed to be refused.
      date: typedDay(date) ?? date.trim(),
      footer: footer.trim(),
      language,
      changesSince: since ?? '',
    };
    try {
      await flush();
      const file = await api.exportPdf({ mapId, options });
      // Cancelled (or closed) meanwhile: the bytes are dropped, no file is saved.
      if (mine !== run.current) return;
      downloadFile(file.fileName, base64ToBytes(file.base64), 'application/pdf');
      notify(t('export.dialog.done', { fileName: file.fileName }));
      onClose();
    } catch (error) {
      if (mine !== run.current) return;
      setStatus({
        step: 'failed',
        message: t('export.dialog.failed', { message: (error as Error).message }),
      });
    }
  };

  const cancel = () => {
    if (working) {
      run.current += 1;
      notify(t('export.dialog.cancelled'));
    }
    onClose();
  };

  const field = (name: string) => `${id}-${name}`;
  return (
    <ModalDialog
      ref={dialog}
      name="export-dialog"
      className="export-dialog"
      labelledBy={field('title')}
      described={false}
      onCancel={cancel}
    >
      <form
        className="dialog__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!working) void exportPdf();
        }}
      >
        <header className="dialog__header">
          <h2 id={field('title')} className="dialog__title">
            {t('export.dialog.title')}
          </h2>
        </header>
        <div className="dialog__body">
          <fieldset className="export-dialog__grid" disabled={working}>
            <label htmlFor={field('paper')}>{t('export.dialog.paper')}</label>
            <select
              id={field('paper')}
              value={paper}
              onChange={(e) => setPaper(e.target.value as Paper)}
              data-testid="export-paper"
            >
              {PAPERS.map((p) => (
                <option key={p} value={p}>
                  {t(`export.dialog.paperNames.${p}`)}
                </option>
              ))}
            </select>

            <span id={field('orientation')}>{t('export.dialog.orientation')}</span>
            <div className="export-dialog__choices" role="radiogroup" aria-labelledby={field('orientation')}>
              {ORIENTATIONS.map((o) => (
                <label key={o}>
                  <input
                    type="radio"
                    name={field('orientation')}
                    value={o}
                    checked={orientation === o}
                    onChange={() => setOrientation(o)}
                    data-testid={`export-${o}`}
                  />{' '}
                  {t(`export.dialog.${o}`)}
                </label>
              ))}
            </div>

            <label htmlFor={field('margins')}>{t('export.dialog.margins')}</label>
            <select
              id={field('margins')}
              data-testid="export-margins"
              value={margin}
              onChange={(e) => setMargin(e.target.value as MarginPreset)}
            >
              {(Object.keys(MARGIN_PRESETS_MM) as MarginPreset[]).map((m) => (
                <option key={m} value={m}>
                  {t('export.dialog.marginOption', {
                    name: t(`export.dialog.marginNames.${m}`),
                    mm: MARGIN_PRESETS_MM[m],
                  })}
                </option>
              ))}
            </select>

            <span id={field('sections')}>{t('export.dialog.sections')}</span>
            <fieldset className="export-dialog__choices" aria-labelledby={field('sections')}>
              {PDF_SECTIONS.map((s) => (
                <label key={s}>
                  <input
                    type="checkbox"
                    checked={sections.has(s)}
                    onChange={() => toggle(s)}
                    data-testid={`export-section-${s}`}
                  />{' '}
                  {t(`export.dialog.sectionNames.${s}`)}
                </label>
              ))}
            </fieldset>

            {versions.length > 0 ? (
              <>
                <label htmlFor={field('since')}>{t('versions.pdfChangesSince')}</label>
                <select
                  id={field('since')}
                  value={since ?? ''}
                  onChange={(e) => setSince(e.target.value)}
                  data-testid="export-changes-since"
                >
                  <option value="">{t('versions.pdfNoChanges')}</option>
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      {t('versions.pdfVersionOption', {
                        label: v.label,
                        date: versionDate.format(new Date(v.createdAt)),
                      })}
                    </option>
                  ))}
                </select>
              </>
            ) : null}

            <label htmlFor={field('doc-title')}>{t('export.dialog.documentTitle')}</label>
            <input
              id={field('doc-title')}
              value={title}
              maxLength={300}
              onChange={(e) => setTitle(e.target.value)}
              data-testid="export-title"
            />

            <label htmlFor={field('subtitle')}>{t('export.dialog.subtitle')}</label>
            <input
              id={field('subtitle')}
              value={subtitle}
              maxLength={300}
              placeholder={t('export.dialog.subtitlePlaceholder')}
              onChange={(e) => setSubtitle(e.target.value)}
              data-testid="export-subtitle"
            />

            <label htmlFor={field('date')}>{t('export.dialog.date')}</label>
            <DateInput id={field('date')} value={date} onChange={(e) => setDate(e.target.value)} />

            <label htmlFor={field('footer')}>{t('export.dialog.footer')}</label>
            <input
              id={field('footer')}
              value={footer}
              maxLength={200}
              placeholder={t('export.dialog.footerPlaceholder')}
              onChange={(e) => setFooter(e.target.value)}
              data-testid="export-footer"
            />

            <label htmlFor={field('language')}>{t('export.dialog.language')}</label>
            <select
              id={field('language')}
              value={language}
              onChange={(e) => setLanguage(e.target.value as Language)}
              data-testid="export-language"
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l === 'en' ? 'English' : '简体中文'}
                </option>
              ))}
            </select>
          </fieldset>
        </div>

        <p className="export-dialog__status" role="status" aria-live="polite" data-testid="export-status">
          {working ? (
            <>
              <span className="export-dialog__spinner" aria-hidden="true" /> {t('export.dialog.working')}
            </>
          ) : null}
        </p>
        {status.step === 'failed' ? (
          <p className="dialog__error" role="alert" data-testid="export-error">
            {status.message}
          </p>
        ) : null}

        <footer className="dialog__actions">
          <button type="button" className="button" onClick={cancel} data-testid="export-cancel">
            {t('export.dialog.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={working}
            data-testid="export-submit"
          >
            {t('export.dialog.export')}
          </button>
        </footer>
      </form>
    </ModalDialog>
  );
}
