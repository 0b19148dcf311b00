import { useOnViewportChange, useReactFlow, useStore, type Viewport } from '@xyflow/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PresenceViewport, parseSelectors } from '../../../shared/room/presence';
import { ModalDialog } from '../panels/ModalDialog';
import { useModalDialog } from '../panels/use-modal-dialog';
import { reportViewport } from './presence-binding';
import { usePresence } from './presence-store';
import { SessionLogDialog } from './SessionLogDialog';

/**
 * Who else has this node selected: an outline in each one's colour and a name tag above the
 * node (not over its title). Subscribes to its own node's selectors only, a string, so it renders
 * again only when they change; names are rendered as text.
 */
export function RemoteSelectors({ id }: { id: string }) {
  const { t } = useTranslation();
  const value = usePresence((s) => s.selectors.get(id) ?? '');
  if (value === '') return null;
  const people = parseSelectors(value);
  const first = people[0];
  if (!first) return null;
  const names = people.map((p) => p.name).join(', ');
  return (
    <div
      className="remote-selection"
      style={{ ['--presence-color' as string]: first.color }}
      data-testid="remote-selection"
      data-names={names}
    >
      <span className="visually-hidden">{t('presence.selectedBy', { names })}</span>
      <span className="remote-selection__tags" aria-hidden="true">
        {people.slice(0, 3).map((p) => (
          <span key={`${p.color}${p.name}`} className="remote-selection__tag" style={{ background: p.color }}>
            {p.name}
          </span>
        ))}
        {people.length > 3 ? (
          <span className="remote-selection__tag remote-selection__more">+{people.length - 3}</span>
        ) : null}
      </span>
    </div>
  );
}

const distinct = (a: PresenceViewport, b: PresenceViewport) =>
  Math.abs(a.x - b.x) > 0.5 || Math.abs(a.y - b.y) > 0.5 || Math.abs(a.zoom - b.zoom) > 0.001;

/**
 * Inside the canvas: the facilitator's window reports its view (the centre in map coordinates
 * and the zoom, so a laptop and a projector of other sizes see the same middle); a window that
 * follows the facilitator moves with it, and stops following when its user moves the view.
 */
export function PresenceCanvas() {
  const flow = useReactFlow();
  const host = usePresence((s) => s.host);
  const following = usePresence((s) => s.following);
  const target = usePresence((s) => s.facilitatorViewport);
  const applied = useRef<PresenceViewport | null>(null);
  const zoom = useStore((s) => s.transform[2]);
  const domNode = useStore((s) => s.domNode);

  // The zoom as a CSS variable: others' name tags keep a legible size on a zoomed-out map.
  useEffect(() => {
    domNode?.style.setProperty('--flow-zoom', String(zoom));
  }, [domNode, zoom]);

  const centreOf = (viewport: Viewport): PresenceViewport | null => {
    const pane = document.querySelector('.react-flow');
    if (!pane) return null;
    const { width, height } = pane.getBoundingClientRect();
    return {
      x: (width / 2 - viewport.x) / viewport.zoom,
      y: (height / 2 - viewport.y) / viewport.zoom,
      zoom: viewport.zoom,
    };
  };

  useOnViewportChange({
    onChange: (viewport) => {
      if (host) {
        const centre = centreOf(viewport);
        if (centre) reportViewport(centre);
      }
    },
    onEnd: (viewport) => {
      if (host) {
        const centre = centreOf(viewport);
        if (centre) reportViewport(centre);
        return;
      }
      const state = usePresence.getState();
      const was = applied.current;
      const now = centreOf(viewport);
      // A move that is not the one this window made to follow: the user's own.
      if (state.following && was && now && distinct(was, now)) state.setFollowing(false, true);
    },
  });

  useEffect(() => {
    if (host || !following || !target) return;
    applied.current = target;
    void flow.setCenter(target.x, target.y, { zoom: target.zoom });
  }, [flow, host, following, target]);

  return null;
}

/**
 * While this window follows the facilitator, a small note on the canvas says so (with a way out);
 * when its user moved the view and so stopped following, it says that for a few seconds.
 */
export function FollowStatus() {
  const { t } = useTranslation();
  const following = usePresence((s) => s.following && s.inRoom);
  const stopped = usePresence((s) => s.followStopped);
  const setFollowing = usePresence((s) => s.setFollowing);
  useEffect(() => {
    if (!stopped) return;
    const timer = setTimeout(() => usePresence.setState({ followStopped: false }), 6000);
    return () => clearTimeout(timer);
  }, [stopped]);
  if (!following && !stopped) return null;
  return (
    <div className="follow-status" role="status" data-testid="follow-status">
      <span>{following ? t('presence.following') : t('presence.followStopped')}</span>
      {following ? (
        <button type="button" className="button" onClick={() => setFollowing(false)}>
          {t('presence.stopFollowing')}
        </button>
      ) : null}
    </div>
  );
}

/** Shown to everyone while the facilitator has paused editing (the server refuses changes then). */
export function FreezeBanner() {
  const { t } = useTranslation();
  const frozen = usePresence((s) => s.frozen && s.inRoom);
  const host = usePresence((s) => s.host);
  const setFreezeWanted = usePresence((s) => s.setFreezeWanted);
  if (!frozen) return null;
  return (
    <div className="freeze-banner" role="status" data-testid="freeze-banner">
      <span aria-hidden="true" className="freeze-banner__icon">
        ❚❚
      </span>
      <span>{host ? t('presence.frozenHost') : t('presence.frozenBanner')}</span>
      {host ? (
        <button type="button" className="button" onClick={() => setFreezeWanted(false)}>
          {t('presence.resume')}
        </button>
      ) : null}
    </div>
  );
}

/** Asks a participant's name once (on first joining a shared room), or when they choose to change it. */
export function NamePrompt() {
  const asking = usePresence((s) => s.asking);
  return asking ? <NameDialog /> : null;
}

function NameDialog() {
  const { t } = useTranslation();
  const current = usePresence((s) => s.name);
  const setName = usePresence((s) => s.setName);
  const setAsking = usePresence((s) => s.setAsking);
  const [value, setValue] = useState(current);
  const composing = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const dialog = useModalDialog(() => input.current?.focus());
  const fieldId = useId();
  return (
    <ModalDialog ref={dialog} name="name-dialog" className="name-dialog" onCancel={() => setAsking(false)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // An Enter that ends an IME composition chooses the characters, it does not save.
          if (composing.current) return;
          if (value.trim() === '') setAsking(false);
          else setName(value);
        }}
      >
        <header className="dialog__header">
          <h2 id="name-dialog-title" className="dialog__title">
            {t('presence.askTitle')}
          </h2>
          <p id="name-dialog-intro" className="dialog__intro">
            {t('presence.askIntro')}
          </p>
        </header>
        <div className="name-dialog__body">
          <label htmlFor={fieldId}>{t('presence.nameField')}</label>
          <input
            id={fieldId}
            ref={input}
            className="name-dialog__input"
            value={value}
            maxLength={80}
            autoComplete="name"
            onChange={(e) => setValue(e.target.value)}
            onCompositionStart={() => {
              composing.current = true;
            }}
            onCompositionEnd={() => {
              composing.current = false;
            }}
            data-testid="name-input"
          />
        </div>
        <footer className="dialog__actions">
          <button type="button" className="button" onClick={() => setAsking(false)}>
            {t('presence.skip')}
          </button>
          <button type="submit" className="button button--primary" data-testid="name-save">
            {t('presence.save')}
          </button>
        </footer>
      </form>
    </ModalDialog>
  );
}

/**
 * The toolbar's people button: how many are in the room, and a panel with the participant list
 * (names, colours, you, the facilitator, view-only), your name, following the facilitator, and
 * for the facilitator the freeze and the session log. Escape closes it and gives focus back.
 */
export function PresenceButton() {
  const { t } = useTranslation();
  const inRoom = usePresence((s) => s.inRoom);
  const participants = usePresence((s) => s.participants);
  const [open, setOpen] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const host = usePresence((s) => s.host);
  const count = participants.length;
  // The host alone in the room has no one to list: the toolbar keeps its room for the map's name.
  if (!inRoom || (host && count <= 1 && !open)) return null;
  return (
    <div className="presence">
      <button
        ref={button}
        type="button"
        className="button presence__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('presence.buttonLabel', { count })}
        title={t('presence.buttonLabel', { count })}
        onClick={() => setOpen(!open)}
        data-testid="presence-button"
      >
        <span className="presence__dots" aria-hidden="true">
          {participants.slice(0, 4).map((p) => (
            <span key={p.clientId} className="presence__dot" style={{ background: p.user.color }} />
          ))}
        </span>
        <span aria-hidden="true">{count}</span>
      </button>
      {open ? (
        <section
          ref={panel}
          id={panelId}
          className="presence__panel"
          aria-labelledby={`${panelId}-heading`}
          data-testid="presence-panel"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
              e.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <PresencePanel headingId={`${panelId}-heading`} onLog={() => setLogOpen(true)} />
        </section>
      ) : null}
      {logOpen ? <SessionLogDialog onClose={() => setLogOpen(false)} /> : null}
    </div>
  );
}

/** The people in the room and what this window may do there (the panel under the people button). */
export function PresencePanel({ headingId, onLog }: { headingId: string; onLog(): void }) {
  const { t } = useTranslation();
  const participants = usePresence((s) => s.participants);
  const host = usePresence((s) => s.host);
  // The name the others see: the one given, else the room's fallback (Facilitator, Guest) that
  // the list shows beside "you", never a dash that contradicts it.
  const name = usePresence((s) => s.name || s.participants.find((p) => p.self)?.user.name || '');
  const following = usePresence((s) => s.following);
  const followStopped = usePresence((s) => s.followStopped);
  const hasFacilitator = usePresence((s) => s.participants.some((p) => p.facilitator && !p.self));
  const freezeWanted = usePresence((s) => s.freezeWanted);
  const { setAsking, setFollowing, setFreezeWanted } = usePresence.getState();
  const followHint = useId();
  const freezeHint = useId();
  return (
    <>
      <h2 id={headingId} className="presence__heading">
        {t('presence.heading')}
      </h2>
      <ul className="presence__list" data-testid="participant-list">
        {participants.map((p) => (
          <li key={p.clientId} className="presence__person" data-testid="participant">
            <span className="presence__swatch" style={{ background: p.user.color }} aria-hidden="true" />
            <span className="presence__name">{p.user.name}</span>
            {p.self ? <span className="presence__badge">{t('presence.you')}</span> : null}
            {p.facilitator ? (
              <span className="presence__badge presence__badge--facilitator">
                {t('presence.facilitator')}
              </span>
            ) : null}
            {p.viewOnly ? <span className="presence__badge">{t('presence.viewOnly')}</span> : null}
          </li>
        ))}
      </ul>
      <div className="presence__row">
        <span>
          {t('presence.yourName')}
          <strong>{name || '—'}</strong>
        </span>
        <button type="button" className="button" onClick={() => setAsking(true)} data-testid="change-name">
          {t('presence.changeName')}
        </button>
      </div>
      {host ? (
        <>
          <label className="presence__toggle">
            <input
              type="checkbox"
              checked={freezeWanted}
              onChange={(e) => setFreezeWanted(e.target.checked)}
              aria-describedby={freezeHint}
              data-testid="freeze-toggle"
            />
            {t('presence.freeze')}
          </label>
          <p id={freezeHint} className="presence__hint">
            {t('presence.freezeHint')}
          </p>
          <button type="button" className="button" onClick={onLog} data-testid="session-log-button">
            {t('presence.log')}
          </button>
        </>
      ) : (
        <>
          <label className="presence__toggle">
            <input
              type="checkbox"
              checked={following}
              disabled={!hasFacilitator && !following}
              onChange={(e) => setFollowing(e.target.checked)}
              aria-describedby={followHint}
              data-testid="follow-toggle"
            />
            {t('presence.follow')}
          </label>
          <p id={followHint} className="presence__hint">
            {hasFacilitator ? t('presence.followHint') : t('presence.noFacilitator')}
          </p>
          {followStopped ? (
            <p className="presence__hint" role="status" data-testid="follow-stopped">
              {t('presence.followStopped')}
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
