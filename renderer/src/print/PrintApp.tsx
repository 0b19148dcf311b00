import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapDocument, ThroughlineApi } from '../../../shared/contract/api';
import type { PdfChoices } from '../../../shared/print/export-choices';
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
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.loadMap({ mapId }).then(
      (loaded) => {
        performance.mark('print:loaded');
        if (live) setMap(loaded);
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
  }, [api, mapId]);

  if (error !== null) return <p role="alert">{t('export.print.error', { message: error })}</p>;
  if (map === null) return <p>{t('export.print.loading')}</p>;
  return (
    <PrintDocument
      map={map}
      choices={choices}
      onLaidOut={() => {
        signalReady().catch((failure: unknown) => signalError(String(failure)));
      }}
    />
  );
}
