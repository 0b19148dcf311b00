import { useCallback, useRef, useState } from 'react';

export interface Notice {
  id: number;
  message: string;
}

/** Short messages (a refused link, a failed save) that appear and fade without a modal dialog. */
export function useNotices(durationMs = 5000) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const notify = useCallback(
    (message: string) => {
      const id = next.current++;
      setNotices((list) => [...list.slice(-2), { id, message }]);
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
