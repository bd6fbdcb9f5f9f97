/**
 * "New brief from actor…" / "from tag…": pick one, and the brief is drafted
 * (overview, sections, every claim cited), saved and opened in one step.
 */
import { useEffect, useMemo, useState } from 'react';
import { foldLetters } from '../../../shared/fold-letters';
import type { Actor, Brief, Tag } from '../../../shared/model';
import { call } from '../api';
import { useNotices } from '../app/notices';

export type DraftKind = 'actor' | 'tag';

interface Choice {
  id: string;
  name: string;
  detail: string;
}

export function DraftPicker({ kind, onClose, onDrafted }: { kind: DraftKind; onClose(): void; onDrafted(brief: Brief): void }) {
  const { error } = useNotices();
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stale = false;
    const load = kind === 'actor' ? call('listActors', {}).then((actors: Actor[]) => actors.map((a) => ({ id: a.id, name: a.name, detail: a.kind, aliases: a.aliases })))
      : call('listTags', {}).then((tags: Tag[]) => {
          const byId = new Map(tags.map((t) => [t.id, t]));
          return tags.map((t) => ({ id: t.id, name: t.name, detail: t.parentId ? `in ${byId.get(t.parentId)?.name ?? '…'}` : 'tag', aliases: [] as string[] }));
        });
    load.then(
      (list) => !stale && setChoices(list.sort((a, b) => a.name.localeCompare(b.name)).map(({ id, name, detail, aliases }) => ({ id, name, detail: aliases.length ? `${detail} · ${aliases.join(', ')}` : detail }))),
      (err: unknown) => {
        if (!stale) {
          error(err);
          setChoices([]);
        }
      },
    );
    return () => {
      stale = true;
    };
  }, [kind, error]);

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
    <div className="draft-picker" role="dialog" aria-label={`New brief from ${noun}`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="draft-picker-head">
        <strong>New brief from {noun}</strong>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <input className="draft-filter" aria-label={`Find ${noun}`} placeholder={`Find ${noun}…`} value={filter} autoFocus onChange={(e) => setFilter(e.target.value)} />
      {choices === null ? (
        <p className="pane-hint">Loading…</p>
      ) : shown.length === 0 ? (
        <p className="pane-hint">{choices.length === 0 ? `This notebook has no ${noun}s yet: link claims to ${noun}s first.` : 'Nothing matches.'}</p>
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
