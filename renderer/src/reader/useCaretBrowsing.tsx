/**
 * Caret browsing in the reader: the text is one Tab stop; the arrow keys move
 * a visible caret through it and Shift with them extends a selection, as in a
 * word processor — without making the text editable. The caret is the DOM
 * selection itself (collapsed), moved with `Selection.modify` and kept inside
 * the reader's paragraphs, so everything that already works from a mouse
 * selection (the popover, C / H / N, removing the paragraph under the cursor)
 * works from the keyboard too. Browsers draw no caret in text that is not
 * editable, so this one draws its own.
 */
import { useCallback, useEffect, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { caretMove, type Move } from './caret-keys';
import '../styles/keyboard.css';

const PARA = 'p.para[data-start]';

function paragraphs(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(PARA));
}

/** True when a node is inside one of the reader's paragraphs (a caret may only be there). */
function inText(container: HTMLElement, node: Node | null): boolean {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  const p = el?.closest(PARA);
  return Boolean(p && container.contains(p));
}

/** A paragraph's text node and its length (paragraphs hold exactly one). */
function textOf(p: HTMLElement): [Node, number] {
  const node = p.firstChild ?? p;
  return [node, node.nodeType === Node.TEXT_NODE ? (node as Text).length : 0];
}

/** Where the caret starts when the text gets focus without one: the first paragraph in view. */
function firstVisibleParagraph(container: HTMLElement): HTMLElement | undefined {
  const all = paragraphs(container);
  const pane = container.closest<HTMLElement>('.pane');
  const top = pane ? pane.getBoundingClientRect().top : 0;
  return all.find((p) => p.getBoundingClientRect().bottom > top + 1) ?? all[0];
}

/** The caret's box on screen (a collapsed range has one zero-width rect), or null. */
function caretRect(sel: Selection): DOMRect | null {
  if (!sel.focusNode) return null;
  const r = document.createRange();
  r.setStart(sel.focusNode, sel.focusOffset);
  const rects = r.getClientRects();
  if (rects.length > 0) return rects[rects.length - 1]!;
  const el = sel.focusNode instanceof Element ? sel.focusNode : sel.focusNode.parentElement;
  const box = el?.getBoundingClientRect();
  return box ? new DOMRect(box.left, box.top, 0, Math.min(box.height, 24)) : null;
}

/** Scrolls the reader's pane just enough that the caret is in view. */
function keepInView(container: HTMLElement, rect: DOMRect) {
  const pane = container.closest<HTMLElement>('.pane');
  if (!pane) return;
  const box = pane.getBoundingClientRect();
  const margin = 24;
  if (rect.top < box.top + margin) pane.scrollTop -= box.top + margin - rect.top;
  else if (rect.bottom > box.bottom - margin) pane.scrollTop += rect.bottom - (box.bottom - margin);
}

function moveSelection(container: HTMLElement, sel: Selection, move: Move, extend: boolean) {
  const before = {
    anchor: sel.anchorNode,
    anchorOffset: sel.anchorOffset,
    focus: sel.focusNode,
    focusOffset: sel.focusOffset,
  };
  if (move === 'start' || move === 'end') {
    const all = paragraphs(container);
    const p = move === 'start' ? all[0] : all.at(-1);
    if (!p) return;
    const [node, length] = textOf(p);
    const offset = move === 'start' ? 0 : length;
    if (extend && before.anchor) sel.setBaseAndExtent(before.anchor, before.anchorOffset, node, offset);
    else sel.collapse(node, offset);
    return;
  }
  // A collapsing move starts from the selection's edge in its direction, as text fields do.
  if (!extend && !sel.isCollapsed && move.granularity === 'character') {
    if (move.direction === 'forward') sel.collapseToEnd();
    else sel.collapseToStart();
    return;
  }
  sel.modify(extend ? 'extend' : 'move', move.direction, move.granularity);
  // Never out of the reader's text (into its header, a panel or the next pane).
  if (!inText(container, sel.focusNode) || !inText(container, sel.anchorNode)) {
    if (before.anchor && before.focus)
      sel.setBaseAndExtent(before.anchor, before.anchorOffset, before.focus, before.focusOffset);
  }
}

/** Moves the focus into the open source's text (Enter in the source list); false when none is open. */
export function focusReaderText(): boolean {
  const text = document.querySelector<HTMLElement>('.reader-text[tabindex]');
  text?.focus();
  return Boolean(text);
}

export interface CaretBrowsing {
  /** Spread on the element holding the reader's paragraphs. */
  textProps: {
    tabIndex: 0;
    role: 'document';
    'aria-label': string;
    onKeyDown(e: KeyboardEvent<HTMLElement>): void;
    onFocus(): void;
    onBlur(): void;
  };
  /** The drawn caret (null while the text has no focus or a selection is not collapsed). */
  caret: ReactNode;
}

export function useCaretBrowsing(container: RefObject<HTMLElement | null>): CaretBrowsing {
  const { t } = useTranslation('keyboard');
  const [focused, setFocused] = useState(false);
  const [rect, setRect] = useState<DOMRect | null>(null);

  const update = useCallback(() => {
    const el = container.current;
    const sel = window.getSelection();
    if (!el || !sel || !sel.isCollapsed || !inText(el, sel.focusNode)) return setRect(null);
    setRect(caretRect(sel));
  }, [container]);

  // The caret follows the selection (a click in the text, a key) and the pane's scrolling while focused.
  useEffect(() => {
    if (!focused) return setRect(null);
    update();
    const pane = container.current?.closest('.pane');
    document.addEventListener('selectionchange', update);
    pane?.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    // The text reflows under the caret (a web font arriving, the pane resized).
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    if (container.current) resized?.observe(container.current);
    void document.fonts?.ready.then(update);
    return () => {
      resized?.disconnect();
      document.removeEventListener('selectionchange', update);
      pane?.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [focused, update, container]);

  const onFocus = useCallback(() => {
    setFocused(true);
    const el = container.current;
    const sel = window.getSelection();
    if (!el || !sel || inText(el, sel.focusNode)) return;
    const p = firstVisibleParagraph(el);
    if (p) sel.collapse(textOf(p)[0], 0);
  }, [container]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const el = container.current;
      const sel = window.getSelection();
      const step = caretMove(e);
      if (!el || !sel || !step) return;
      e.preventDefault();
      if (!inText(el, sel.focusNode)) onFocus();
      moveSelection(el, sel, step.move, step.extend);
      const r = caretRect(sel);
      if (r) keepInView(el, r);
    },
    [container, onFocus],
  );

  return {
    textProps: {
      tabIndex: 0,
      role: 'document',
      'aria-label': t('reader.textLabel'),
      onKeyDown,
      onFocus,
      onBlur: () => setFocused(false),
    },
    caret:
      focused && rect ? (
        <span
          // A new element at each place: the blink starts over, so the caret shows solid right after a move.
          key={`${rect.left}:${rect.top}`}
          className="reader-caret"
          aria-hidden="true"
          data-testid="reader-caret"
          style={{ left: rect.left, top: rect.top, height: rect.height || 20 }}
        />
      ) : null,
  };
}
