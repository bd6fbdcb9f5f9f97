/**
 * File › Shared Timeline… (and the Timeline button beside Sync): a shared
 * notebook's commits, newest first — who, when, what. Choosing one shows the
 * sources and briefs it changed; each can be viewed as it was (read only) and
 * restored, as a new undoable change. ↑/↓/Home/End move along the commits
 * (one tab stop: the list remembers the row last focused).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineCommit, TimelineState, TimelineTouch } from '../../../shared/api';
import { plainText, type JsonNode } from '../../../shared/brief-doc';
import { call } from '../api';
import { useApiQuery } from '../api/queries';
import { useApiEvent } from '../api/useApiEvent';
import { formatLocale } from '../i18n';
import { moveFocusInList, useRovingStop } from '../ui/list-keys';
import { useNotices } from '../ui/notices';
import { ReturnFocus } from '../ui/ReturnFocus';
import { useStatusLabel } from '../ui/status-label';
import '../styles/team.css';

const PAGE = 50;

const when = (iso: string) =>
  new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export function TimelinePanel({ shared, readOnly, onClose }: { shared: boolean; readOnly: boolean; onClose(): void }) {
  const { t } = useTranslation('team');
  const { error } = useNotices();
  const ref = useRef<HTMLDialogElement>(null);
  const [commits, setCommits] = useState<TimelineCommit[] | null>(null);
  const [more, setMore] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);

  const load = async (offset: number) => {
    try {
      const page = await call('listTimeline', { offset, limit: PAGE });
      setCommits((had) => [...(offset ? (had ?? []) : []), ...page.commits]);
      setMore(page.more);
    } catch (err) {
      error(err, t('timeline.failed'));
    }
  };
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    if (shared) void load(0);
    // Loaded once when the panel opens; "Show older" loads the next page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shared]);
  // A sync brings new commits (it reopens the notebook: an event without a change set).
  useApiEvent('notebook-changed', (e) => {
    if (shared && !e.changes) void load(0);
  });

  const list = commits ?? [];
  const roving = useRovingStop(
    list.map((c) => c.id),
    selected,
  );
  return (
    <dialog
      ref={ref}
      className="modal team-timeline"
      aria-labelledby="team-timeline-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <ReturnFocus />
      <header className="team-conflicts-head">
        <h2 id="team-timeline-title">{t('timeline.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('timeline.close')}
          onClick={() => ref.current?.close()}
        >
          ×
        </button>
      </header>
      {!shared ? (
        <p className="pane-hint">{t('timeline.notShared')}</p>
      ) : commits === null ? (
        <p className="pane-hint">{t('timeline.loading')}</p>
      ) : list.length === 0 ? (
        <p className="pane-hint">{t('timeline.empty')}</p>
      ) : (
        <>
          <p className="pane-hint">{t('timeline.intro')}</p>
          <div className="team-timeline-body">
            <div className="team-timeline-commits">
              <ol
                className="team-timeline-list"
                aria-label={t('timeline.list')}
                onKeyDown={(e) => moveFocusInList(e, 'button.team-timeline-row')}
                onFocus={roving.onFocus}
              >
                {list.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="team-timeline-row"
                      aria-pressed={selected === c.id}
                      data-roving-id={c.id}
                      tabIndex={c.id === roving.stop ? 0 : -1}
                      onClick={() => setSelected(c.id)}
                    >
                      <span className="team-timeline-summary">{c.summary}</span>
                      <span className="team-timeline-by">
                        {t('timeline.by', { who: c.author.name, when: when(c.at) })}
                      </span>
                    </button>
                  </li>
                ))}
              </ol>
              {more && (
                <button type="button" className="button" onClick={() => void load(list.length)}>
                  {t('timeline.more')}
                </button>
              )}
            </div>
            <section className="team-timeline-detail" aria-labelledby="team-timeline-detail-title">
              {selected ? (
                <CommitDetail key={selected} id={selected} readOnly={readOnly} />
              ) : (
                <p className="pane-hint" id="team-timeline-detail-title">
                  {t('timeline.chooseCommit')}
                </p>
              )}
            </section>
          </div>
        </>
      )}
    </dialog>
  );
}

/** One commit: who and when, the changes its message names, and the sources and briefs it touched. */
function CommitDetail({ id, readOnly }: { id: string; readOnly: boolean }) {
  const { t } = useTranslation('team');
  const detail = useApiQuery('getTimelineCommit', { commit: id });
  const [viewing, setViewing] = useState<{ touch: TimelineTouch; commit: string } | null>(null);
  if (!detail.data) return <p className="pane-hint">{t('timeline.loading')}</p>;
  const { commit, touched } = detail.data;
  return (
    <>
      <h3 id="team-timeline-detail-title" className="team-timeline-heading">
        {commit.summary}
      </h3>
      <p className="team-timeline-by">{t('timeline.by', { who: commit.author.name, when: when(commit.at) })}</p>
      {commit.changes.length > 0 && (
        <ul className="team-timeline-changes">
          {commit.changes.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      )}
      <h4 className="team-timeline-subhead">{t('timeline.touched')}</h4>
      {touched.length === 0 ? (
        <p className="pane-hint">{t('timeline.touchedNone')}</p>
      ) : (
        <ul className="team-timeline-touched">
          {touched.map((touch) => {
            // What was removed here is viewed as it was just before.
            const at = touch.change === 'removed' ? commit.parents[0] : commit.id;
            return (
              <li key={`${touch.kind}:${touch.id}`}>
                <span className="team-timeline-kind">{t(`timeline.kind.${touch.kind}`)}</span>{' '}
                <span className="team-timeline-title">{touch.title}</span>{' '}
                <span className="team-timeline-change">{t(`timeline.change.${touch.change}`)}</span>
                {at && (
                  <button type="button" className="button" onClick={() => setViewing({ touch, commit: at })}>
                    {touch.change === 'removed' ? t('timeline.viewBefore') : t('timeline.view')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {viewing && (
        <EarlierVersion
          key={`${viewing.commit}:${viewing.touch.kind}:${viewing.touch.id}`}
          commit={viewing.commit}
          kind={viewing.touch.kind}
          id={viewing.touch.id}
          readOnly={readOnly}
        />
      )}
    </>
  );
}

/** A source or brief as it was at a commit, read only, with Restore. */
function EarlierVersion({
  commit,
  kind,
  id,
  readOnly,
}: {
  commit: string;
  kind: TimelineTouch['kind'];
  id: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation('team');
  const { error, info } = useNotices();
  const state = useApiQuery('getTimelineState', { commit, kind, id });
  const at = useApiQuery('getTimelineCommit', { commit });
  const [busy, setBusy] = useState(false);
  if (state.error)
    return (
      <p className="pane-hint" role="alert">
        {state.error.message}
      </p>
    );
  if (!state.data || !at.data) return <p className="pane-hint">{t('timeline.loading')}</p>;
  const restore = async () => {
    setBusy(true);
    try {
      await call('restoreFromTimeline', { commit, kind, id });
      info(t('timeline.restored'));
    } catch (err) {
      error(err, t('timeline.restoreFailed'));
    } finally {
      setBusy(false);
    }
  };
  const title = state.data.kind === 'source' ? state.data.file.source.title : state.data.brief.title;
  return (
    <article className="team-timeline-earlier" aria-labelledby="team-timeline-earlier-title" aria-busy={busy}>
      <h4 id="team-timeline-earlier-title" className="team-timeline-subhead">
        {title}
      </h4>
      <p className="team-timeline-by">
        {t('timeline.earlier', { who: at.data.commit.author.name, when: when(at.data.commit.at) })}{' '}
        {t('timeline.readOnly')}
      </p>
      <div className="team-timeline-content" tabIndex={0} aria-label={title}>
        <EarlierContent state={state.data} />
      </div>
      <button
        type="button"
        className="button button-primary"
        disabled={busy || readOnly}
        onClick={() => void restore()}
      >
        {t('timeline.restore')}
      </button>
    </article>
  );
}

function EarlierContent({ state }: { state: TimelineState }) {
  const { t } = useTranslation(['team', 'enums']);
  const statusLabel = useStatusLabel();
  if (state.kind === 'brief') {
    const blocks = (state.brief.doc.content ?? []) as JsonNode[];
    return (
      <>
        {blocks.map((block, i) => (
          <p key={i}>{plainText(block)}</p>
        ))}
      </>
    );
  }
  const { source, annotations } = state.file;
  const lang = source.language === 'und' ? undefined : source.language;
  return (
    <>
      <div lang={lang}>
        {source.text.split(/\n{2,}/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <h5 className="team-timeline-subhead">{t('timeline.annotations', { count: annotations.length })}</h5>
      <ul className="team-timeline-annotations">
        {annotations.map((a) => (
          <li key={a.id}>
            <q lang={lang}>{a.target.exact}</q> — {t(`enums:annotationKind.${a.kind}`)}, {statusLabel(a.status)}
          </li>
        ))}
      </ul>
    </>
  );
}
