/**
 * Undo / redo of notebook changes from the keyboard (Ctrl/Cmd+Z,
 * Shift+Ctrl/Cmd+Z, Ctrl+Y) and the Edit menu. Text fields and the note
 * editor keep their own text undo: keys pressed there are left alone, and a
 * menu command while one has focus is passed on to it. The log lives in
 * main, so it survives a reload; the panes refresh on `notebook-changed`.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useApiEvent } from '../api/useApiEvent';
import { useNotices } from '../ui/notices';
import { historyKey, isEditableTarget } from './keys';

export function useUndoRedo(): { undo(): Promise<void>; redo(): Promise<void> } {
  const { t } = useTranslation('annotations');
  const { info, error } = useNotices();
  // Presses in quick succession run one after another, none is lost.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const run = useCallback(
    (which: 'undo' | 'redo') => {
      const next = queue.current.then(async () => {
        try {
          const step = await call(which, {});
          if (step.label) info(t(`history.${which}.done`, { label: step.label }));
          else info(t(`history.${which}.nothing`));
        } catch (err) {
          error(err, t(`history.${which}.failed`));
        }
      });
      queue.current = next;
      return next;
    },
    [info, error, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const which = historyKey(e);
      if (!which || e.defaultPrevented || isEditableTarget(e.target)) return;
      e.preventDefault();
      void run(which);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  useApiEvent('menu', (event) => {
    if (event.command !== 'undo' && event.command !== 'redo') return;
    if (isEditableTarget(document.activeElement)) {
      // The focused field's own undo (inputs; ProseMirror listens for the history input events).
      document.execCommand(event.command);
      return;
    }
    void run(event.command);
  });

  return { undo: useCallback(() => run('undo'), [run]), redo: useCallback(() => run('redo'), [run]) };
}
