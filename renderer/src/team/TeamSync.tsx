/**
 * Team notebooks over git in the toolbar (docs/team.md): a Sync button that
 * says what it did, a Timeline button (also File › Shared Timeline…) opening
 * the shared timeline, and — when a merge kept conflicts — a button opening the
 * Conflicts panel, each conflict's two values side by side, each named by who
 * made it ("Bob's value"), the one the notebook keeps now marked, and "yours"
 * only on the value the person looking made (shared/team/conflict-sides.ts).
 * Shown only for a notebook that is shared. An automatic sync that failed is
 * told here once per run of failures.
 */
import { useRef, useState, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../shared/team/conflicts';
import { conflictPlace } from '../../../shared/team/conflict-place';
import { conflictSides, possessiveContext, type ConflictSideView } from '../../../shared/team/conflict-sides';
import { call } from '../api';
import { useApiQuery } from '../api/queries';
import { useApiEvent } from '../api/useApiEvent';
import { useNotices } from '../ui/notices';
import { useSettings } from '../settings/useSettings';
import { TimelinePanel } from './TimelinePanel';
import '../styles/team.css';

export function TeamSync({ disabled }: { disabled: boolean }) {
  const { t, i18n } = useTranslation('team');
  const { error, info } = useNotices();
  const status = useApiQuery('getTeamStatus', {});
  const [syncing, setSyncing] = useState(false);
  const [panel, setPanel] = useState(false);
  // An automatic sync ended: the status follows; a failure is told once per run of them (not every few minutes).
  useApiEvent('auto-sync', (e) => {
    void status.refetch();
    if (e.error?.first) error(e.error.message, t('autoSync.failed'));
  });
  const [timeline, setTimeline] = useState(false);
  useApiEvent('menu', (e) => {
    if (e.command === 'timeline') setTimeline(true);
  });
  const timelinePanel = timeline && (
    <TimelinePanel shared={Boolean(status.data?.shared)} readOnly={disabled} onClose={() => setTimeline(false)} />
  );
  if (!status.data?.shared) return timelinePanel || null;
  const when = status.data.lastSyncAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(
        new Date(status.data.lastSyncAt),
      )
    : undefined;
  const sync = async () => {
    setSyncing(true);
    try {
      const r = await call('syncNotebook', {});
      info(t(`sync.done.${r.state}`));
    } catch (err) {
      error(err, t('sync.failed'));
    } finally {
      setSyncing(false);
      void status.refetch();
    }
  };
  return (
    <>
      {status.data.conflicts > 0 && (
        <button type="button" className="button team-conflicts-button" onClick={() => setPanel(true)}>
          {t('conflicts.button', { count: status.data.conflicts })}
        </button>
      )}
      <button type="button" className="button" onClick={() => setTimeline(true)} title={t('timeline.buttonTitle')}>
        {t('timeline.button')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => void sync()}
        disabled={disabled || syncing}
        aria-busy={syncing}
        title={when ? t('sync.title', { when }) : t('sync.titleNever')}
      >
        {syncing ? t('sync.syncing') : t('sync.button')}
      </button>
      {panel && <ConflictsPanel onClose={() => setPanel(false)} />}
      {timelinePanel}
    </>
  );
}

/** A value as a person reads it: text as it is, anything else as JSON. */
function shown(value: unknown, absent: string): string {
  if (value === undefined) return absent;
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1);
}

export function ConflictsPanel({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation('team');
  const { error } = useNotices();
  const ref = useRef<HTMLDialogElement>(null);
  const conflicts = useApiQuery('listConflicts', {});
  const [busy, setBusy] = useState(false);
  const { settings } = useSettings();
  const me = { name: settings.authorName, email: settings.authorEmail };
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const take = async (c: Conflict, side: 'ours' | 'theirs') => {
    setBusy(true);
    try {
      await call('resolveConflict', { id: c.id, take: side });
    } catch (err) {
      error(err, t('conflicts.failed'));
    } finally {
      setBusy(false);
      void conflicts.refetch();
    }
  };
  const list = conflicts.data ?? [];
  return (
    <dialog
      ref={ref}
      className="modal team-conflicts"
      aria-labelledby="team-conflicts-title"
      onClose={onClose}
      onCancel={onClose}
      aria-busy={busy}
    >
      <div className="team-conflicts-head">
        <h2 id="team-conflicts-title">{t('conflicts.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('conflicts.close')}
          onClick={() => ref.current?.close()}
        >
          ×
        </button>
      </div>
      <p className="pane-hint">{list.length ? t('conflicts.intro') : t('conflicts.none')}</p>
      <ul className="team-conflict-list" aria-label={t('conflicts.list')}>
        {list.map((c) => (
          <li key={c.id} className="team-conflict">
            <h3 className="team-conflict-label">{conflictPlace(c, i18n).join(' › ')}</h3>
            <div className="team-conflict-sides">
              {conflictSides(c, me).map((view) => (
                <ConflictSide
                  key={view.side}
                  view={view}
                  value={c[view.side]}
                  by={view.side === 'ours' ? c.oursBy : c.theirsBy}
                  busy={busy}
                  onTake={() => void take(c, view.side)}
                />
              ))}
            </div>
          </li>
        ))}
      </ul>
    </dialog>
  );
}

/** One side of a conflict: who made it, whether the notebook keeps it now, its value, the button taking it. */
function ConflictSide(props: {
  view: ConflictSideView;
  value: unknown;
  by: string | undefined;
  busy: boolean;
  onTake(): void;
}) {
  const { t } = useTranslation('team');
  const { view, by } = props;
  const who = view.author?.name;
  const context = who ? possessiveContext(who) : undefined;
  const kept = view.side === 'ours';
  const heading = who
    ? t('conflicts.valueOf', { who, context })
    : kept
      ? t('conflicts.keptNow')
      : t('conflicts.otherValue');
  const action = view.yours
    ? kept
      ? t('conflicts.keepYours')
      : t('conflicts.takeYours')
    : who
      ? kept
        ? t('conflicts.keep', { who, context })
        : t('conflicts.take', { who, context })
      : kept
        ? t('conflicts.keepNeutral')
        : t('conflicts.takeNeutral');
  return (
    <section className="team-conflict-side" data-side={view.side}>
      <h4>
        {heading}
        {who && kept && (
          <>
            {' '}
            <span className="team-conflict-tag">{t('conflicts.shownNow')}</span>
          </>
        )}
        {view.yours && (
          <>
            {' '}
            <span className="team-conflict-tag">{t('conflicts.yours')}</span>
          </>
        )}
      </h4>
      {by && <p className="team-conflict-by">{by}</p>}
      <pre className="team-conflict-value">{shown(props.value, t('conflicts.absent'))}</pre>
      <button type="button" className="button" disabled={props.busy} onClick={props.onTake}>
        {action}
      </button>
    </section>
  );
}
