import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderSVG } from 'uqr';
import type { ShareInfo, ThroughlineApi } from '../../../shared/contract/api';
import { ModalDialog } from '../panels/ModalDialog';
import { useModalDialog } from '../panels/use-modal-dialog';

type SharingApi = Pick<ThroughlineApi, 'startSharing' | 'stopSharing' | 'sharingStatus'>;

export interface ShareDialogProps {
  api: SharingApi;
  onClose(): void;
}

type Step = 'loading' | 'idle' | 'starting' | 'shared' | 'stopping';

/** A QR code as an image the page's policy allows (a data: URL), black on white whatever the theme. */
export function qrImage(url: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(url, { border: 2, pixelSize: 6 }))}`;
}

/**
 * File ▸ Share with the room…: starts and stops sharing the live room on the LAN, and while it is
 * shared shows the editors' and the view-only address as text with a copy button and as a QR code,
 * with what a plain-http room exposes said plainly. The server decides who may do what; this only
 * shows the addresses it made.
 */
export function ShareDialog({ api, onClose }: ShareDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const [step, setStep] = useState<Step>('loading');
  const [share, setShare] = useState<ShareInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.sharingStatus({}).then(
      (status) => {
        if (!live) return;
        setShare(status);
        setStep(status ? 'shared' : 'idle');
      },
      (reason: unknown) => {
        if (!live) return;
        setError(t('share.failed', { message: (reason as Error).message }));
        setStep('idle');
      },
    );
    return () => {
      live = false;
    };
  }, [api, t]);

  const start = async () => {
    setStep('starting');
    setError(null);
    try {
      setShare(await api.startSharing({}));
      setStep('shared');
    } catch (reason) {
      setError(t('share.failed', { message: (reason as Error).message }));
      setStep('idle');
    }
  };
  const stop = async () => {
    setStep('stopping');
    setError(null);
    try {
      await api.stopSharing({});
      setShare(null);
      setStep('idle');
    } catch (reason) {
      setError(t('share.stopFailed', { message: (reason as Error).message }));
      setStep('shared');
    }
  };

  const busy = step === 'loading' || step === 'starting' || step === 'stopping';
  return (
    <ModalDialog
      ref={dialog}
      name="share-dialog"
      className="share-dialog"
      onCancel={() => {
        if (!busy) onClose();
      }}
    >
      <header className="dialog__header">
        <h2 id="share-dialog-title" className="dialog__title">
          {t('share.title')}
        </h2>
        <p id="share-dialog-intro" className="dialog__intro">
          {t('share.intro')}
        </p>
      </header>
      <div className="share-dialog__body">
        {share && (step === 'shared' || step === 'stopping') ? (
          <>
            <div className="share-dialog__addresses">
              <ShareAddress who="editors" url={share.editUrl} />
              <ShareAddress who="viewers" url={share.viewUrl} />
            </div>
            <p
              className={`share-dialog__note${share.secure ? '' : ' share-dialog__note--warning'}`}
              role="note"
              data-testid="share-warning"
            >
              {share.secure ? t('share.secureNote') : t('share.plainWarning')}
            </p>
            <p className="share-dialog__note">{t('share.stopNote')}</p>
          </>
        ) : (
          <p className="share-dialog__note" role="status">
            {step === 'starting' ? t('share.starting') : step === 'loading' ? '…' : t('share.notShared')}
          </p>
        )}
      </div>
      {error ? (
        <p className="dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <footer className="dialog__actions">
        <button type="button" className="button" onClick={onClose} disabled={busy} data-testid="share-close">
          {t('share.close')}
        </button>
        {step === 'shared' || step === 'stopping' ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => void stop()}
            disabled={busy}
            data-testid="share-stop"
          >
            {step === 'stopping' ? t('share.stopping') : t('share.stop')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void start()}
            disabled={busy}
            data-testid="share-start"
          >
            {step === 'starting' ? t('share.starting') : t('share.start')}
          </button>
        )}
      </footer>
    </ModalDialog>
  );
}

/** One address: its QR code, what it lets a participant do, the address itself and a copy button. */
function ShareAddress({ who, url }: { who: 'editors' | 'viewers'; url: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard here (an insecure page): the address is selected for the user to copy.
      const text = document.getElementById(`share-url-${who}`);
      const selection = window.getSelection();
      if (text && selection) selection.selectAllChildren(text);
    }
  };
  return (
    <section className="share-address" data-testid={`share-${who}`}>
      <img className="share-address__qr" src={qrImage(url)} alt={t('share.qr', { who: t(`share.${who}`) })} />
      <div className="share-address__text">
        <h3 className="share-address__who">{t(`share.${who}`)}</h3>
        <p className="share-address__hint">{t(`share.${who}Hint`)}</p>
        <div className="share-address__row">
          <code id={`share-url-${who}`} className="share-address__url" data-testid={`share-url-${who}`}>
            {url}
          </code>
          <button type="button" className="button" onClick={() => void copy()}>
            {copied ? t('share.copied') : t('share.copy')}
          </button>
        </div>
      </div>
    </section>
  );
}

/**
 * The File menu's item: shown to the host only (a participant's session may not share), asked
 * once through roomAccess.
 */
export function ShareMenuItem({ api, onOpen }: { api: Pick<ThroughlineApi, 'roomAccess'>; onOpen(): void }) {
  const { t } = useTranslation();
  const [host, setHost] = useState(false);
  useEffect(() => {
    let live = true;
    api.roomAccess({}).then(
      (access) => live && setHost(access.host),
      () => live && setHost(false),
    );
    return () => {
      live = false;
    };
  }, [api]);
  if (!host) return null;
  return (
    <button type="button" role="menuitem" onClick={onOpen} data-testid="file-share">
      {t('share.menuItem')}
    </button>
  );
}
