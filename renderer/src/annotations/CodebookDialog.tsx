/**
 * The codebook: the notebook's hierarchical tags (rename, colour, parent,
 * merge into another tag, delete — merge and delete first say how much they
 * touch), its list of statuses, and the statuses' fact-check ratings
 * (FactCheckSection). Every change is one undoable step in main.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../shared/model';
import { call } from '../api';
import { useNotices } from '../ui/notices';
import { FactCheckSection } from './FactCheckSection';
import { tagTree, usageText } from './logic';
import { safeColour } from './highlight-css';
import { ReturnFocus } from '../ui/ReturnFocus';

interface Props {
  tags: Tag[];
  statuses: string[];
  readOnly?: boolean;
  onClose(): void;
}

type Confirm = { kind: 'merge'; from: Tag; into: Tag; message: string } | { kind: 'delete'; tag: Tag; message: string };

/** A colour the colour input can show (#rrggbb). */
function hexColour(c: string): string {
  const v = safeColour(c, '#888888');
  if (/^#[0-9a-f]{6}$/i.test(v)) return v;
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${[...v.slice(1)].map((x) => x + x).join('')}`;
  return '#888888';
}

/** Tags that may become `tag`'s parent: not itself and none of its descendants. */
function possibleParents(tag: Tag, tags: readonly Tag[]): Tag[] {
  const blocked = new Set([tag.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tags) {
      if (t.parentId && blocked.has(t.parentId) && !blocked.has(t.id)) {
        blocked.add(t.id);
        grew = true;
      }
    }
  }
  return tags.filter((t) => !blocked.has(t.id));
}

export function CodebookDialog({ tags, statuses, readOnly = false, onClose }: Props) {
  const { t } = useTranslation(['annotations', 'common']);
  const { error } = useNotices();
  const ref = useRef<HTMLDialogElement>(null);
  const tree = useMemo(() => tagTree(tags), [tags]);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [mergeTarget, setMergeTarget] = useState<Record<string, string>>({});
  const [newTag, setNewTag] = useState('');
  const [statusDraft, setStatusDraft] = useState<string[]>(statuses);
  const [newStatus, setNewStatus] = useState('');

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => setStatusDraft(statuses), [statuses]);

  const run = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      error(err, what);
    }
  };

  const askMerge = (from: Tag) =>
    run(t('codebook.prepareMergeFailed'), async () => {
      const into = tags.find((x) => x.id === mergeTarget[from.id]);
      if (!into) return;
      const usage = await call('tagUsage', { id: from.id });
      setConfirm({
        kind: 'merge',
        from,
        into,
        message: t('codebook.confirmMerge', { from: from.name, into: into.name, usage: usageText(t, usage) }),
      });
    });
  const askDelete = (tag: Tag) =>
    run(t('codebook.prepareDeleteFailed'), async () => {
      const usage = await call('tagUsage', { id: tag.id });
      const children = tags.filter((x) => x.parentId === tag.id).length;
      const message = t('codebook.confirmDelete', { name: tag.name, usage: usageText(t, usage) });
      setConfirm({
        kind: 'delete',
        tag,
        message: children > 0 ? `${message} ${t('codebook.subTagsMoveUp', { count: children })}` : message,
      });
    });
  const doConfirm = () =>
    run(t('codebook.changeFailed'), async () => {
      if (!confirm) return;
      if (confirm.kind === 'merge') await call('mergeTags', { fromId: confirm.from.id, intoId: confirm.into.id });
      else await call('deleteTag', { id: confirm.tag.id });
      setConfirm(null);
    });

  const statusesChanged = JSON.stringify(statusDraft) !== JSON.stringify(statuses);

  return (
    <dialog ref={ref} className="codebook" aria-label={t('codebook.title')} onClose={onClose} onCancel={onClose}>
      <ReturnFocus />
      <header className="codebook-head">
        <h2>{t('codebook.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('common:close')}
          onClick={() => ref.current?.close()}
        >
          ×
        </button>
      </header>

      <section aria-label={t('codebook.tags')}>
        <h3>{t('codebook.tags')}</h3>
        {tree.length === 0 && <p className="muted">{t('codebook.noTags')}</p>}
        <ul className="codebook-tags">
          {tree.map(({ tag, depth }) => (
            <li
              key={tag.id}
              className="codebook-tag"
              style={{ paddingLeft: `${depth * 1.25}rem` }}
              data-tag-id={tag.id}
            >
              <input
                type="color"
                aria-label={t('codebook.colourOf', { name: tag.name })}
                value={hexColour(tag.color)}
                disabled={readOnly}
                onChange={(e) =>
                  void run(t('codebook.colourFailed'), () => call('updateTag', { id: tag.id, color: e.target.value }))
                }
              />
              <input
                type="text"
                className="codebook-name"
                aria-label={t('codebook.nameOf', { name: tag.name })}
                defaultValue={tag.name}
                key={tag.name}
                disabled={readOnly}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.currentTarget.blur();
                }}
                onBlur={(e) => {
                  const name = e.target.value.trim();
                  if (name && name !== tag.name)
                    void run(t('codebook.renameFailed'), () => call('updateTag', { id: tag.id, name }));
                  else e.target.value = tag.name;
                }}
              />
              <select
                aria-label={t('codebook.parentOf', { name: tag.name })}
                value={tag.parentId ?? ''}
                disabled={readOnly}
                onChange={(e) =>
                  void run(t('codebook.moveFailed'), () =>
                    call('updateTag', { id: tag.id, parentId: e.target.value || null }),
                  )
                }
              >
                <option value="">{t('codebook.topLevel')}</option>
                {possibleParents(tag, tags).map((p) => (
                  <option key={p.id} value={p.id}>
                    {t('codebook.under', { name: p.name })}
                  </option>
                ))}
              </select>
              <select
                aria-label={t('codebook.mergeInto', { name: tag.name })}
                value={mergeTarget[tag.id] ?? ''}
                disabled={readOnly}
                onChange={(e) => setMergeTarget((m) => ({ ...m, [tag.id]: e.target.value }))}
              >
                <option value="">{t('codebook.mergeIntoPlaceholder')}</option>
                {tags
                  .filter((x) => x.id !== tag.id)
                  .map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
              </select>
              <button type="button" disabled={readOnly || !mergeTarget[tag.id]} onClick={() => void askMerge(tag)}>
                {t('codebook.mergeButton')}
              </button>
              <button type="button" className="danger" disabled={readOnly} onClick={() => void askDelete(tag)}>
                {t('codebook.deleteButton')}
              </button>
            </li>
          ))}
        </ul>
        {confirm && (
          <div className="codebook-confirm" role="alertdialog" aria-label={t('codebook.confirm')}>
            <p>{confirm.message}</p>
            <button type="button" className="primary" onClick={() => void doConfirm()}>
              {confirm.kind === 'merge' ? t('codebook.merge') : t('common:delete')}
            </button>
            <button type="button" onClick={() => setConfirm(null)}>
              {t('common:cancel')}
            </button>
          </div>
        )}
        {!readOnly && (
          <form
            className="codebook-new"
            onSubmit={(e) => {
              e.preventDefault();
              const name = newTag.trim();
              if (name)
                void run(t('tags.createFailed'), async () => {
                  await call('createTag', { name });
                  setNewTag('');
                });
            }}
          >
            <input
              type="text"
              aria-label={t('codebook.newTagName')}
              placeholder={t('codebook.newTag')}
              value={newTag}
              onChange={(e) => setNewTag(e.target.value)}
            />
            <button type="submit">{t('codebook.addTag')}</button>
          </form>
        )}
      </section>

      <section aria-label={t('codebook.statuses')}>
        <h3>{t('codebook.statuses')}</h3>
        <p className="muted">{t('codebook.firstStatus')}</p>
        <ol className="codebook-statuses">
          {statusDraft.map((s, i) => (
            <li key={`${i}-${s}`}>
              <input
                type="text"
                aria-label={t('codebook.statusN', { n: i + 1 })}
                defaultValue={s}
                disabled={readOnly}
                onBlur={(e) => {
                  const v = e.target.value.trim();
                  if (v && v !== s) setStatusDraft((d) => d.map((x, j) => (j === i ? v : x)));
                }}
              />
              <button
                type="button"
                aria-label={t('codebook.moveUp', { status: s })}
                disabled={readOnly || i === 0}
                onClick={() => setStatusDraft((d) => [...d.slice(0, i - 1), d[i]!, d[i - 1]!, ...d.slice(i + 1)])}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('codebook.removeStatus', { status: s })}
                disabled={readOnly || statusDraft.length <= 1}
                onClick={() => setStatusDraft((d) => d.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
        {!readOnly && (
          <div className="codebook-new">
            <input
              type="text"
              aria-label={t('codebook.newStatusName')}
              placeholder={t('codebook.newStatus')}
              value={newStatus}
              onChange={(e) => setNewStatus(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && newStatus.trim()) {
                  e.preventDefault();
                  setStatusDraft((d) => (d.includes(newStatus.trim()) ? d : [...d, newStatus.trim()]));
                  setNewStatus('');
                }
              }}
            />
            <button
              type="button"
              disabled={!newStatus.trim()}
              onClick={() => {
                setStatusDraft((d) => (d.includes(newStatus.trim()) ? d : [...d, newStatus.trim()]));
                setNewStatus('');
              }}
            >
              {t('codebook.addStatus')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={!statusesChanged}
              onClick={() =>
                void run(t('codebook.statusesFailed'), () => call('setStatuses', { statuses: statusDraft }))
              }
            >
              {t('codebook.saveStatuses')}
            </button>
          </div>
        )}
      </section>

      <FactCheckSection statuses={statuses} readOnly={readOnly} />
    </dialog>
  );
}
