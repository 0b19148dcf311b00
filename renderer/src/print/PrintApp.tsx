import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapDocument, ThroughlineApi } from '../../../shared/contract/api';
import type { PdfChoices } from '../../../shared/print/export-choices';
import type { PrintedVersion } from './ChangesSection';
import { PrintDocument } from './PrintDocument';
import { signalError, signalReady } from './ready-signal';

interface PrintAppProps {
  api: ThroughlineApi;
  mapId: string;
  choices: PdfChoices;
}

/** Loads the map through the contract, draws the document, then signals ready (or the error). */
export function PrintApp({ api, mapId, choices }: PrintAppProps) {
  const { t } = useTranslation();
  const [map, setMap] = useState<MapDocument | null>(null);
  const [since, setSince] = useState<PrintedVersion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const versionId = choices.changesSince;

  useEffect(() => {
    let live = true;
    // The map, and the saved version of "Changes since …" when one is chosen: a version that
    // cannot be read fails the document, rather than printing it without the section asked for.
    Promise.all([
      api.loadMap({ mapId }),
      versionId === '' ? null : api.loadVersion({ mapId, versionId }),
    ]).then(
      ([loaded, version]) => {
        performance.mark('print:loaded');
        if (!live) return;
        setSince(version ? { version: version.version, content: version.content } : null);
        setMap(loaded);
      },
      (failure: unknown) => {
        const message = failure instanceof Error ? failure.message : String(failure);
        if (live) setError(message);
        signalError(message);
      },
    );
    return () => {
      live = false;
    };
  }, [api, mapId, versionId]);

  if (error !== null) return <p role="alert">{t('export.print.error', { message: error })}</p>;
  if (map === null) return <p>{t('export.print.loading')}</p>;
  return (
    <PrintDocument
      map={map}
      choices={choices}
      changesSince={since}
      onLaidOut={() => {
        signalReady().catch((failure: unknown) => signalError(String(failure)));
      }}
    />
  );
}
