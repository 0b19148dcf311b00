import { useCallback, useRef, useState } from 'react';

export interface Notice {
  id: number;
  message: string;
  /** What the notice is about ("link-refused"): a newer one of the same kind replaces it. */
  kind?: string;
}

/** Short messages (a refused link, a failed save) that appear and fade without a modal dialog. */
export function useNotices(durationMs = 5000) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const notify = useCallback(
    (message: string, kind?: string) => {
      const id = next.current++;
      // The same message again, or another of the same kind (a second refused link), replaces the
      // first instead of stacking.
      const replaced = (n: Notice) => n.message === message || (kind !== undefined && n.kind === kind);
      setNotices((list) => [...list.filter((n) => !replaced(n)).slice(-2), { id, message, kind }]);
      setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), durationMs);
    },
    [durationMs],
  );
  return { notices, notify };
}

export function Notices({ notices }: { notices: Notice[] }) {
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <p key={n.id} className="notice" data-testid="notice">
          {n.message}
        </p>
      ))}
    </div>
  );
}
