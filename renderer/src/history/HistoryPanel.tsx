/**
 * Edit › History… (and its shortcut, and the toolbar's History button): every
 * action the undo history holds, newest first, with the point the notebook is
 * at marked and the undone actions shown as redoable; choosing one undoes or
 * redoes up to it in one go. Below, the notebook's snapshots (kept outside it):
 * take one, or restore one after confirming.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryTimeline, SnapshotInfo } from '../../../shared/api/history';
import type { ShortcutPlatform } from '../../../shared/shortcuts';
import { call } from '../api';
import { useApiEvent } from '../api/useApiEvent';
import { useNotices } from '../ui/notices';
import { formatLocale } from '../i18n';
import { PLATFORM } from '../ui/platform';
import { useOpenCommand } from '../help/useOpenCommand';
import '../styles/history.css';
import { ReturnFocus } from '../ui/ReturnFocus';

/** The time of today's entries, the date and time of older ones, in the interface's language. */
function when(iso: string): string {
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay
    ? d.toLocaleTimeString(formatLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : d.toLocaleString(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** "12 kB", written the interface language's way. */
function kilobytes(bytes: number): string {
  return new Intl.NumberFormat(formatLocale(), { style: 'unit', unit: 'kilobyte' }).format(Math.ceil(bytes / 1024));
}

/** Opens on the shortcut and on the menu command; `open`/`onOpenChange` let the toolbar open it too. */
export function HistoryPanel({
  open,
  onOpenChange,
  readOnly,
  platform = PLATFORM,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  readOnly: boolean;
  platform?: ShortcutPlatform;
}) {
  useOpenCommand('history', 'history', platform, () => onOpenChange(true));
  return open ? <HistoryDialog readOnly={readOnly} onClose={() => onOpenChange(false)} /> : null;
}

function HistoryDialog({ onClose, readOnly }: { onClose(): void; readOnly: boolean }) {
  const { t } = useTranslation(['history', 'common', 'enums']);
  const ref = useRef<HTMLDialogElement>(null);
  const { info, error } = useNotices();
  const [timeline, setTimeline] = useState<HistoryTimeline | null>(null);
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [t, s] = await Promise.all([call('listHistory', {}), call('listSnapshots', {})]);
      setTimeline(t);
      setSnapshots(s);
    } catch (err) {
      error(err, t('readFailed'));
    }
  }, [error, t]);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    void load();
  }, [load]);
  useApiEvent('notebook-changed', () => void load());

  const act = async (what: string, fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      error(err, what);
    } finally {
      setBusy(false);
      await load();
    }
  };
  const goTo = (index: number) =>
    act(t('goToFailed'), async () => {
      const t = await call('goToHistory', { index });
      setTimeline(t);
    });

  // Rows newest first: each action (the state after it), then the state before them all.
  const rows = timeline
    ? [
        ...timeline.entries.map((e, i) => ({ index: i + 1, label: e.label, at: e.at as string | undefined })).reverse(),
        { index: 0, label: t('before'), at: undefined },
      ]
    : [];

  /** ↑/↓/Home/End move between the rows (each is a button: Enter or Space goes there). */
  const onListKey = (e: ReactKeyboardEvent<HTMLOListElement>) => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.history-row')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      e.key === 'ArrowDown'
        ? at + 1
        : e.key === 'ArrowUp'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? -1
              : null;
    if (next === null) return;
    e.preventDefault();
    buttons.at(Math.max(Math.min(next, buttons.length - 1), next === -1 ? -1 : 0))?.focus();
  };

  return (
    <dialog
      ref={ref}
      className="modal history-dialog"
      aria-labelledby="history-title"
      onClose={onClose}
      onCancel={onClose}
      aria-busy={busy}
    >
      <ReturnFocus />
      <header className="history-head">
        <h2 id="history-title">{t('title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('common:close')}
          onClick={() => ref.current?.close()}
        >
          ×
        </button>
      </header>

      <section aria-labelledby="history-actions">
        <h3 id="history-actions">{t('actions')}</h3>
        {timeline === null ? (
          <p className="pane-hint">{t('common:loading')}</p>
        ) : timeline.entries.length === 0 ? (
          <p className="pane-hint">{t('empty')}</p>
        ) : (
          <>
            <p className="history-hint">{t('hint')}</p>
            <ol className="history-list" aria-label={t('actionsList')} onKeyDown={onListKey}>
              {rows.map((row) => {
                const current = row.index === timeline.current;
                const undone = row.index > timeline.current;
                return (
                  <li key={row.index}>
                    <button
                      type="button"
                      className={`history-row${current ? ' is-current' : ''}${undone ? ' is-undone' : ''}`}
                      aria-current={current ? 'step' : undefined}
                      // Not `disabled` while a jump runs: the focused row keeps the focus for the next key.
                      aria-disabled={busy || undefined}
                      disabled={readOnly}
                      data-index={row.index}
                      onClick={() => !current && !busy && void goTo(row.index)}
                    >
                      <span className="history-label">{row.label}</span>
                      {row.at && <time dateTime={row.at}>{when(row.at)}</time>}
                      <span className="history-state">{current ? t('now') : undone ? t('undone') : ''}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="history-snapshots" className="history-snapshots">
        <div className="history-snapshots-head">
          <h3 id="history-snapshots">{t('snapshots.title')}</h3>
          <button
            type="button"
            className="button"
            disabled={busy || readOnly}
            onClick={() =>
              void act(t('snapshots.takeFailed'), async () => {
                await call('takeSnapshot', {});
                info(t('snapshots.taken'));
              })
            }
          >
            {t('snapshots.take')}
          </button>
        </div>
        <p className="history-hint">{t('snapshots.hint')}</p>
        {snapshots === null ? null : snapshots.length === 0 ? (
          <p className="pane-hint">{t('snapshots.none')}</p>
        ) : (
          <ul className="snapshot-list" aria-label={t('snapshots.list')}>
            {snapshots.map((s) => (
              <li key={s.id} className="snapshot-row" data-snapshot-id={s.id}>
                <time dateTime={s.at}>{when(s.at)}</time>
                <span className="snapshot-reason">{t(`enums:snapshotReason.${s.reason}`)}</span>
                <span className="snapshot-size">{kilobytes(s.bytes)}</span>
                {confirming === s.id ? (
                  <span className="snapshot-confirm" role="group" aria-label={t('snapshots.confirmLabel')}>
                    {t('snapshots.confirm')}
                    <button
                      type="button"
                      className="button button-danger"
                      disabled={busy}
                      onClick={() =>
                        void act(t('snapshots.restoreFailed'), async () => {
                          setConfirming(null);
                          const { saved } = await call('restoreSnapshot', { id: s.id });
                          info(t('snapshots.restored', { at: when(saved.at) }));
                        })
                      }
                    >
                      {t('snapshots.restore')}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(null)}>
                      {t('common:cancel')}
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button"
                    disabled={busy || readOnly}
                    onClick={() => setConfirming(s.id)}
                  >
                    {t('snapshots.restoreAsk')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </dialog>
  );
}
