/**
 * "New brief from actor…" / "from tag…": pick one, and the brief is drafted
 * (overview, sections, every claim cited), saved and opened in one step.
 */
import { useMemo, useState } from 'react';
import { foldLetters } from '../../../shared/fold-letters';
import type { Actor, Brief, Tag } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery, useErrorNotice } from '../api/queries';
import { useNotices } from '../ui/notices';
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
      list = actors.data.map((a: Actor) => ({ id: a.id, name: a.name, detail: a.kind, aliases: a.aliases }));
    } else {
      if (!tags.data) return null;
      const byId = new Map(tags.data.map((t: Tag) => [t.id, t]));
      list = tags.data.map((t) => ({
        id: t.id,
        name: t.name,
        detail: t.parentId ? `in ${byId.get(t.parentId)?.name ?? '…'}` : 'tag',
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
  }, [kind, actors.data, tags.data, failed]);

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

  const noun = kind === 'actor' ? 'actor' : 'tag';
  return (
    <div
      className="draft-picker"
      role="dialog"
      aria-label={`New brief from ${noun}`}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <ReturnFocus />
      <div className="draft-picker-head">
        <strong>New brief from {noun}</strong>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <input
        className="draft-filter"
        aria-label={`Find ${noun}`}
        placeholder={`Find ${noun}…`}
        value={filter}
        autoFocus
        onChange={(e) => setFilter(e.target.value)}
      />
      {choices === null ? (
        <p className="pane-hint">Loading…</p>
      ) : shown.length === 0 ? (
        <p className="pane-hint">
          {choices.length === 0
            ? `This notebook has no ${noun}s yet: link claims to ${noun}s first.`
            : 'Nothing matches.'}
        </p>
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
