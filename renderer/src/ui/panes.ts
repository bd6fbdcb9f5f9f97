/**
 * F6 / Shift+F6 (and View › Next Pane / Previous Pane): the focus moves
 * between the window's panes — the toolbar, the source list, the reader, the
 * details; the actor registry and the actor; the briefs, the editor and the
 * claims — as in desktop mail and file apps. Each pane remembers the element
 * that last had the focus in it and gets it back; a pane never visited gets
 * its main control (its list, the reader's text, the editor) or else its
 * first control.
 */
import { useEffect, useRef } from 'react';
import { isShortcut } from '../../../shared/shortcuts';
import { useApiEvent } from '../api/useApiEvent';
import { PLATFORM } from './platform';

/** The panes of every view, whichever is showing; a pane is cycled to only while it is in the page and visible. */
export const PANE_SELECTOR = [
  '.toolbar',
  '.pane-sources',
  '.pane-reader',
  '.pane-inspector',
  '.actors-list-pane',
  '.actors-main',
  '.briefs-sidebar',
  '.briefs-main',
  '.claims-panel',
].join(', ');

/** A pane's main control, first match wins. */
const MAIN_CONTROL = [
  '.reader-text',
  '[role="listbox"][tabindex="0"]',
  '.ProseMirror[contenteditable="true"]',
  '[data-virtual-list] [tabindex="0"]',
].join(', ');

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

function visible(el: Element): boolean {
  return el.getClientRects().length > 0 && !el.closest('[hidden], [inert]');
}

/** The panes in the page, in document order (an inner pane counts as its own pane). */
export function panesIn(root: ParentNode = document): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(PANE_SELECTOR)).filter(visible);
}

function paneOf(panes: readonly HTMLElement[], el: Element | null): number {
  // The innermost pane holding the element: the last in document order that contains it.
  let found = -1;
  panes.forEach((p, i) => {
    if (el && p.contains(el)) found = i;
  });
  return found;
}

/** Where the focus goes in a pane: what last had it there, else its main control, else its first control, else the pane. */
function focusTargetIn(pane: HTMLElement, remembered: Element | undefined, panes: readonly HTMLElement[]): HTMLElement {
  const own = (el: Element | null | undefined): el is HTMLElement =>
    el instanceof HTMLElement && el.isConnected && visible(el) && panes[paneOf(panes, el)] === pane;
  if (own(remembered)) return remembered;
  const main = Array.from(pane.querySelectorAll(MAIN_CONTROL)).find(own);
  if (main) return main;
  const first = Array.from(pane.querySelectorAll(TABBABLE)).find(own);
  if (first) return first;
  if (!pane.hasAttribute('tabindex')) pane.tabIndex = -1;
  return pane;
}

/** Moves the focus to the next (or previous) pane; returns the element focused. */
export function cyclePane(
  direction: 1 | -1,
  memory: WeakMap<Element, Element>,
  root: Document = document,
): HTMLElement | null {
  // A modal dialog keeps the focus.
  if (root.querySelector('dialog[open]')) return null;
  const panes = panesIn(root);
  if (panes.length === 0) return null;
  const at = paneOf(panes, root.activeElement);
  const next = at < 0 ? (direction === 1 ? 0 : panes.length - 1) : (at + direction + panes.length) % panes.length;
  const pane = panes[next]!;
  const target = focusTargetIn(pane, memory.get(pane), panes);
  target.focus({ preventScroll: target === pane });
  return target;
}

/** Binds F6 / Shift+F6 and the View menu's commands; remembers the focus per pane. */
export function usePaneCycling(): void {
  const memory = useRef(new WeakMap<Element, Element>());
  // The desktop app's menu also answers the key: one press must move once.
  const lastKey = useRef(0);
  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      const el = e.target instanceof Element ? e.target : null;
      const panes = panesIn();
      const pane = panes[paneOf(panes, el)];
      if (pane && el) memory.current.set(pane, el);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const direction = isShortcut(e, 'next-pane', PLATFORM) ? 1 : isShortcut(e, 'previous-pane', PLATFORM) ? -1 : 0;
      if (!direction) return;
      e.preventDefault();
      lastKey.current = Date.now();
      cyclePane(direction, memory.current);
    };
    document.addEventListener('focusin', onFocusIn);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  useApiEvent('menu', (e) => {
    if (e.command !== 'next-pane' && e.command !== 'previous-pane') return;
    if (Date.now() - lastKey.current < 300) return;
    cyclePane(e.command === 'next-pane' ? 1 : -1, memory.current);
  });
}
