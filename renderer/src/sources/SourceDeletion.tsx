/**
 * Deleting a source: a confirm that names it and counts what goes with it
 * (its claims, highlights and notes), then `deleteSource`; undo brings it all
 * back. The source list (context menu, Delete key) and the source details ask
 * through `useSourceDeletion().ask(source)`; `SourceDeletionProvider` shows
 * the confirm and reports the outcome.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_KINDS } from '../../../shared/enums';
import type { Annotation } from '../../../shared/model';
import { call } from '../api';
import { formatLocale } from '../i18n';
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

/** "3 claims, 1 highlight and 2 notes" (in the interface's language), or null when there are none. */
export function annotationCounts(annotations: readonly Pick<Annotation, 'kind'>[]): string | null {
  const parts = ANNOTATION_KINDS.map((kind) => [kind, annotations.filter((a) => a.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, count]) => i18next.t(`sources:delete.count.${kind}`, { count }));
  if (parts.length === 0) return null;
  return new Intl.ListFormat(formatLocale(), { type: 'conjunction' }).format(parts);
}

function ConfirmDelete({ source, onCancel, onConfirm }: { source: Named; onCancel(): void; onConfirm(): void }) {
  const { t } = useTranslation(['sources', 'common', 'enums']);
  const ref = useRef<HTMLDialogElement>(null);
  const details = useApiQuery('getSource', { id: source.id });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const counts = details.data ? annotationCounts(details.data.annotations) : undefined;
  const title = source.title || t('common:untitled');
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
      <h2 id="delete-source-title">{t('delete.title', { title })}</h2>
      <p id="delete-source-what">
        {counts === undefined
          ? details.error
            ? t('delete.unreadable')
            : t('delete.counting')
          : counts === null
            ? t('delete.none')
            : t('delete.what', { counts })}
      </p>
      <p className="muted">{t('delete.briefs', { shortcut: keyHint('undo') })}</p>
      <div className="confirm-actions">
        <button type="button" className="button" onClick={() => ref.current?.close()} autoFocus>
          {t('common:cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={counts === undefined && !details.error}
          onClick={onConfirm}
        >
          {t('delete.confirm')}
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
  const { t } = useTranslation(['sources', 'common', 'enums']);
  const { error, info } = useNotices();
  const confirm = useCallback(
    async (source: Named) => {
      setAsking(null);
      try {
        const result = await call('deleteSource', { id: source.id });
        onDeleted(source.id);
        const title = result.title || t('common:untitled');
        const shortcut = keyHint('undo');
        info(
          result.annotations
            ? t('delete.doneWith', { title, count: result.annotations, shortcut })
            : t('delete.done', { title, shortcut }),
          { closeOn: closeOnUndo },
        );
      } catch (err) {
        error(err, t('delete.failed'));
      }
    },
    [error, info, onDeleted, t],
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
