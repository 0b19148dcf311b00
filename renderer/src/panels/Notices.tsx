import { useCallback, useRef, useState } from 'react';

/** A button a notice may carry (Undo after a delete): its words, its accessible name and what it does. */
export interface NoticeAction {
  label: string;
  ariaLabel?: string;
  run: () => void;
}

export interface Notice {
  id: number;
  message: string;
  action?: NoticeAction;
  /** What the notice is about ("link-refused"): a newer one of the same kind replaces it. */
  kind?: string;
}

/** What a notice may carry besides its words. */
export interface NoticeOptions {
  /** A button (Undo after a delete). */
  action?: NoticeAction;
  /** What the notice is about ("link-refused"): a newer one of the same kind replaces it. */
  kind?: string;
}

/** How much longer a notice with a button stays: time to read it and reach for the button. */
const ACTION_DURATION_FACTOR = 2;

/** Short messages (a refused link, a failed save) that appear and fade without a modal dialog. */
export function useNotices(durationMs = 5000) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (message: string, options: NoticeOptions = {}) => {
      const { action, kind } = options;
      const id = next.current++;
      // The same message again, or another of the same kind (a second refused link), replaces the
      // first instead of stacking.
      const replaced = (n: Notice) => n.message === message || (kind !== undefined && n.kind === kind);
      setNotices((list) => [...list.filter((n) => !replaced(n)).slice(-2), { id, message, kind, action }]);
      setTimeout(() => dismiss(id), action ? durationMs * ACTION_DURATION_FACTOR : durationMs);
    },
    [durationMs, dismiss],
  );
  return { notices, notify, dismiss };
}

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss?: (id: number) => void }) {
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <p key={n.id} className="notice" data-testid="notice">
          {n.message}
          {n.action ? (
            <button
              type="button"
              className="notice__action"
              data-testid="notice-action"
              aria-label={n.action.ariaLabel}
              onClick={() => {
                n.action?.run();
                onDismiss?.(n.id);
              }}
            >
              {n.action.label}
            </button>
          ) : null}
        </p>
      ))}
    </div>
  );
}
