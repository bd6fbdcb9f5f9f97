/**
 * Removing a paragraph by hand (a leftover caption, a newsletter plug): the
 * context menu on a paragraph, or the shortcut with the cursor in it. The
 * paragraph goes to the source's "removed" list like what import removed, and
 * "Restore" there (or undo) puts it back.
 */
import { useCallback, useEffect, useState, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../shared/model';
import { isShortcut } from '../../../shared/shortcuts';
import { call } from '../api';
import { isEditableTarget } from '../annotations/keys';
import { ContextMenu, type MenuAt } from '../ui/ContextMenu';
import { closeOnUndo, useNotices } from '../ui/notices';
import { keyHint, PLATFORM } from '../ui/platform';
import { PARAGRAPH_SEPARATOR } from './paragraphs';

/** The paragraph element of the reader holding `node`, if any. */
function paragraphOf(container: HTMLElement | null, node: Node | null): HTMLElement | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  const p = el?.closest<HTMLElement>('p.para[data-start]') ?? null;
  return p && container?.contains(p) ? p : null;
}

/** The paragraph's number in the source text (what `removeParagraph` takes), from its offset. */
export function paragraphIndexAt(text: string, start: number): number {
  return text.slice(0, start).split(PARAGRAPH_SEPARATOR).length - 1;
}

export function useParagraphRemoval(source: Source, container: RefObject<HTMLElement | null>, readOnly: boolean) {
  const { t } = useTranslation(['reader', 'common', 'enums']);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const { error, info } = useNotices();

  const remove = useCallback(
    async (paragraph: HTMLElement) => {
      const paragraphIndex = paragraphIndexAt(source.text, Number(paragraph.dataset.start));
      try {
        await call('removeParagraph', { sourceId: source.id, paragraphIndex });
        info(t('paragraph.removed'), { closeOn: closeOnUndo });
      } catch (err) {
        error(err, t('paragraph.removeFailed'));
      }
    },
    [source.id, source.text, error, info, t],
  );

  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || isEditableTarget(e.target) || !isShortcut(e, 'remove-paragraph', PLATFORM)) return;
      const sel = window.getSelection();
      const p = paragraphOf(container.current, sel?.anchorNode ?? null);
      if (!p || paragraphOf(container.current, sel?.focusNode ?? null) !== p) return;
      e.preventDefault();
      void remove(p);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [readOnly, container, remove]);

  const onContextMenu = (e: ReactMouseEvent) => {
    const p = paragraphOf(container.current, e.target as Node);
    if (!p || readOnly) return;
    e.preventDefault();
    const selected = window.getSelection()?.toString() ?? '';
    setMenu({
      x: e.clientX,
      y: e.clientY,
      label: t('paragraph.menu'),
      actions: [
        ...(selected ? [{ label: t('paragraph.copy'), run: () => void navigator.clipboard.writeText(selected) }] : []),
        { label: t('paragraph.remove'), hint: keyHint('remove-paragraph'), danger: true, run: () => void remove(p) },
      ],
    });
  };

  return { onContextMenu, menu: menu && <ContextMenu menu={menu} onClose={() => setMenu(null)} /> };
}
