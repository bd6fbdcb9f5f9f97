/**
 * Readable messages for the person (toasts). Errors stay until dismissed;
 * information closes itself after a few seconds, but not while the pointer
 * is over it or the keyboard focus is in it (the countdown starts again when
 * they leave). A notice may carry one action (Undo) and close itself when a
 * change makes it stale (the step it offers to undo was undone with Ctrl+Z).
 * Any component reports through `useNotices()`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotebookChangedEvent } from '../../../shared/api';
import { errorMessage } from '../api';
import { useApiEvent } from '../api/useApiEvent';

export interface NoticeOptions {
  /** One button on the notice (e.g. Undo); using it closes the notice. */
  action?: { label: string; run(): void };
  /** Closes the notice when a change says it no longer applies (e.g. its step was undone). */
  closeOn?: (event: NotebookChangedEvent) => boolean;
}

export interface Notice extends NoticeOptions {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

interface NoticesApi {
  notices: Notice[];
  error(err: unknown, context?: string): void;
  info(message: string, options?: NoticeOptions): void;
  dismiss(id: number): void;
}

/** `closeOn` for a notice about a step that Ctrl+Z can take back ("Deleted the claim"): it goes with the next undo. */
export const closeOnUndo = (event: NotebookChangedEvent): boolean => event.reason === 'undo';

const NoticesContext = createContext<NoticesApi | null>(null);

/** How long information stays (while not hovered or focused); one with an action a little longer. */
export const INFO_MS = 5000;
export const ACTION_MS = 10000;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const push = useCallback((notice: Omit<Notice, 'id'>) => {
    const id = next.current++;
    // The same message twice in a row is shown once.
    setNotices((list) =>
      list.some((n) => n.message === notice.message) ? list : [...list.slice(-4), { ...notice, id }],
    );
  }, []);
  useApiEvent('notebook-changed', (event) =>
    setNotices((list) => (list.some((n) => n.closeOn?.(event)) ? list.filter((n) => !n.closeOn?.(event)) : list)),
  );
  // Stable functions, so effects that report errors do not re-run whenever a notice comes or goes.
  const info = useCallback(
    (message: string, options?: NoticeOptions) => push({ kind: 'info', message, ...options }),
    [push],
  );
  const error = useCallback(
    (err: unknown, context?: string) =>
      push({ kind: 'error', message: context ? `${context}: ${errorMessage(err)}` : errorMessage(err) }),
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
  // Always there, even empty: a screen reader announces what is added to a live region it already knows
  // (information politely; an error, role="alert", at once).
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} onClose={() => dismiss(n.id)} />
      ))}
    </div>
  );
}

/** One notice; information counts down while neither hovered nor focused. */
function NoticeItem({ notice, onClose }: { notice: Notice; onClose(): void }) {
  const { t } = useTranslation(['ui', 'common', 'enums']);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const close = useRef(onClose);
  close.current = onClose;
  const lasts = notice.kind === 'info' ? (notice.action ? ACTION_MS : INFO_MS) : null;
  const held = hovered || focused;
  useEffect(() => {
    if (lasts === null || held) return;
    const timer = setTimeout(() => close.current(), lasts);
    return () => clearTimeout(timer);
  }, [lasts, held]);
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <span className="notice-text">{notice.message}</span>
      {notice.action && (
        <button
          type="button"
          className="link-button notice-action"
          onClick={() => {
            onClose();
            notice.action!.run();
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label={t('notice.dismiss')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
