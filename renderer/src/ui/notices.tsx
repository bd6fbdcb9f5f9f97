/**
 * Readable messages for the person: errors stay until dismissed, information
 * fades after a few seconds. Any component reports through `useNotices()`.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../api';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

interface NoticesApi {
  notices: Notice[];
  error(err: unknown, context?: string): void;
  info(message: string): void;
  dismiss(id: number): void;
}

const NoticesContext = createContext<NoticesApi | null>(null);

const INFO_MS = 6000;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const push = useCallback(
    (kind: Notice['kind'], message: string) => {
      const id = next.current++;
      // The same message twice in a row is shown once.
      setNotices((list) =>
        list.some((n) => n.message === message) ? list : [...list.slice(-4), { id, kind, message }],
      );
      if (kind === 'info') setTimeout(() => dismiss(id), INFO_MS);
    },
    [dismiss],
  );
  // Stable functions, so effects that report errors do not re-run whenever a notice comes or goes.
  const info = useCallback((message: string) => push('info', message), [push]);
  const error = useCallback(
    (err: unknown, context?: string) => push('error', context ? `${context}: ${errorMessage(err)}` : errorMessage(err)),
    [push],
  );
  const value = useMemo<NoticesApi>(() => ({ notices, dismiss, info, error }), [notices, dismiss, info, error]);
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export function useNotices(): NoticesApi {
  const ctx = useContext(NoticesContext);
  if (!ctx) throw new Error('useNotices must be used inside <NoticesProvider>.');
  return ctx;
}

export function NoticeStack() {
  const { notices, dismiss } = useNotices();
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="notice-text">{n.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
