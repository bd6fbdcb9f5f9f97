/**
 * "New brief from actor…" / "from tag…": pick one, and the brief is drafted
 * (overview, sections, every claim cited), saved and opened in one step.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldLetters } from '../../../shared/fold-letters';
import type { Actor, Brief, Tag } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery, useErrorNotice } from '../api/queries';
import { useNotices } from '../ui/notices';
import { moveFocusInList } from '../ui/list-keys';
import { ReturnFocus } from '../ui/ReturnFocus';

export type DraftKind = 'actor' | 'tag';

interface Choice {
  id: string;
  name: string;
  detail: string;
}

export function DraftPicker({
  kind,
  onClose,
  onDrafted,
}: {
  kind: DraftKind;
  onClose(): void;
  onDrafted(brief: Brief): void;
}) {
  const { t, i18n } = useTranslation(['briefs', 'actors', 'common']);
  const { error } = useNotices();
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const actors = useApiQuery('listActors', {}, { enabled: kind === 'actor' });
  const tags = useApiQuery('listTags', {}, { enabled: kind === 'tag' });
  const failed = kind === 'actor' ? actors.error : tags.error;
  useErrorNotice(failed);
  const choices = useMemo((): Choice[] | null => {
    if (failed) return [];
    let list: Array<Choice & { aliases: string[] }>;
    if (kind === 'actor') {
      if (!actors.data) return null;
      list = actors.data.map((a: Actor) => ({
        id: a.id,
        name: a.name,
        detail: t(`actors:kind.${a.kind}`).toLocaleLowerCase(i18n.language),
        aliases: a.aliases,
      }));
    } else {
      if (!tags.data) return null;
      const byId = new Map(tags.data.map((tag: Tag) => [tag.id, tag]));
      list = tags.data.map((tag) => ({
        id: tag.id,
        name: tag.name,
        detail: tag.parentId ? t('draft.inTag', { name: byId.get(tag.parentId)?.name ?? '…' }) : t('draft.tagDetail'),
        aliases: [] as string[],
      }));
    }
    return list
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ id, name, detail, aliases }) => ({
        id,
        name,
        detail: aliases.length ? `${detail} · ${aliases.join(', ')}` : detail,
      }));
  }, [kind, actors.data, tags.data, failed, t, i18n.language]);

  const shown = useMemo(() => {
    const f = foldLetters(filter.trim());
    return (choices ?? []).filter((c) => !f || foldLetters(`${c.name} ${c.detail}`).includes(f));
  }, [choices, filter]);

  const draft = async (choice: Choice) => {
    setBusy(true);
    try {
      onDrafted(await call('draftBrief', kind === 'actor' ? { actorId: choice.id } : { tagId: choice.id }));
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="draft-picker"
      role="dialog"
      aria-label={t(`draft.${kind}.title`)}
      onKeyDown={(e) => (e.key === 'Escape' ? onClose() : moveFocusInList(e, '.draft-choice', true))}
    >
      <ReturnFocus />
      <div className="draft-picker-head">
        <strong>{t(`draft.${kind}.title`)}</strong>
        <button type="button" className="icon-button" aria-label={t('common:close')} onClick={onClose}>
          ×
        </button>
      </div>
      <input
        className="draft-filter"
        aria-label={t(`draft.${kind}.find`)}
        placeholder={t(`draft.${kind}.findPlaceholder`)}
        value={filter}
        autoFocus
        onChange={(e) => setFilter(e.target.value)}
      />
      {choices === null ? (
        <p className="pane-hint">{t('loading')}</p>
      ) : shown.length === 0 ? (
        <p className="pane-hint">{choices.length === 0 ? t(`draft.${kind}.none`) : t('draft.noMatch')}</p>
      ) : (
        <ul className="draft-choices">
          {shown.map((c) => (
            <li key={c.id}>
              <button type="button" className="draft-choice" disabled={busy} onClick={() => void draft(c)}>
                <span className="draft-choice-name">{c.name}</span>
                <span className="draft-choice-detail">{c.detail}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
