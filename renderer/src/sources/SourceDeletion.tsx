/**
 * Deleting a source: a confirm that names it and counts what goes with it
 * (its claims, highlights and notes), then `deleteSource`; undo brings it all
 * back. The source list (context menu, Delete key) and the source details ask
 * through `useSourceDeletion().ask(source)`; `SourceDeletionProvider` shows
 * the confirm and reports the outcome.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Annotation } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery } from '../api/queries';
import { closeOnUndo, useNotices } from '../ui/notices';
import { keyHint } from '../ui/platform';
import '../styles/sources.css';
import { ReturnFocus } from '../ui/ReturnFocus';

interface Named {
  id: string;
  title: string;
}

const DeletionContext = createContext<{ ask(source: Named): void } | null>(null);

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "3 claims, 1 highlight and 2 notes", or null when there are none. */
export function annotationCounts(annotations: readonly Pick<Annotation, 'kind'>[]): string | null {
  const count = (kind: Annotation['kind']) => annotations.filter((a) => a.kind === kind).length;
  const parts = [
    [count('claim'), 'claim'],
    [count('highlight'), 'highlight'],
    [count('note'), 'note'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, word]) => plural(n as number, word as string));
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function ConfirmDelete({ source, onCancel, onConfirm }: { source: Named; onCancel(): void; onConfirm(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const details = useApiQuery('getSource', { id: source.id });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const counts = details.data ? annotationCounts(details.data.annotations) : undefined;
  const title = source.title || 'Untitled';
  return (
    <dialog
      ref={ref}
      className="modal confirm-dialog"
      role="alertdialog"
      aria-labelledby="delete-source-title"
      aria-describedby="delete-source-what"
      onClose={onCancel}
    >
      <ReturnFocus />
      <h2 id="delete-source-title">Delete “{title}”?</h2>
      <p id="delete-source-what">
        {counts === undefined
          ? details.error
            ? 'Its file cannot be read, so its annotations cannot be counted. It leaves the list; the file stays in the notebook folder, untouched.'
            : 'Counting its annotations…'
          : counts === null
            ? 'It has no claims, highlights or notes.'
            : `Its ${counts} will be deleted with it, with their links to other claims.`}
      </p>
      <p className="muted">
        Briefs that cite its claims will show “source removed” there. Undo ({keyHint('undo')}) brings it all back.
      </p>
      <div className="confirm-actions">
        <button type="button" className="button" onClick={() => ref.current?.close()} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={counts === undefined && !details.error}
          onClick={onConfirm}
        >
          Delete source
        </button>
      </div>
    </dialog>
  );
}

export function SourceDeletionProvider({
  children,
  onDeleted,
}: {
  children: ReactNode;
  /** After a delete: e.g. select the next source when the deleted one was open. */
  onDeleted(id: string): void;
}) {
  const [asking, setAsking] = useState<Named | null>(null);
  const { error, info } = useNotices();
  const confirm = useCallback(
    async (source: Named) => {
      setAsking(null);
      try {
        const result = await call('deleteSource', { id: source.id });
        onDeleted(source.id);
        const what = result.annotations ? ` with ${plural(result.annotations, 'annotation')}` : '';
        info(`Deleted “${result.title || 'Untitled'}”${what}. Undo (${keyHint('undo')}) brings it back.`, {
          closeOn: closeOnUndo,
        });
      } catch (err) {
        error(err, 'The source was not deleted');
      }
    },
    [error, info, onDeleted],
  );
  const value = useMemo(() => ({ ask: setAsking }), []);
  return (
    <DeletionContext.Provider value={value}>
      {children}
      {asking && (
        <ConfirmDelete
          key={asking.id}
          source={asking}
          onCancel={() => setAsking(null)}
          onConfirm={() => void confirm(asking)}
        />
      )}
    </DeletionContext.Provider>
  );
}

/** Asks to delete a source (the confirm names it and what goes with it). */
export function useSourceDeletion(): { ask(source: Named): void } {
  const ctx = useContext(DeletionContext);
  if (!ctx) throw new Error('useSourceDeletion must be used inside <SourceDeletionProvider>');
  return ctx;
}
