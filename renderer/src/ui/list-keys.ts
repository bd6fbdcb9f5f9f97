/**
 * Arrow keys for a short list of buttons that is not a VirtualList (those
 * have `keys`): ↓/↑ move the focus to the next / previous item, Home/End to
 * the first / last. With `fromField` (a filter field above the list), ↓ in
 * the field goes to the first item and ↑ on the first item back to the field.
 * Enter then activates the focused button as always. Put on the element
 * holding the items (and the field).
 */
import { useState, type FocusEvent, type KeyboardEvent } from 'react';

const FIELD = 'input:not([type="checkbox"]):not([type="radio"]), textarea';

export function moveFocusInList(e: KeyboardEvent<HTMLElement>, itemSelector: string, fromField = false): void {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
  const box = e.currentTarget;
  const target = e.target as HTMLElement;
  const items = Array.from(box.querySelectorAll<HTMLElement>(itemSelector)).filter((el) => !el.matches(':disabled'));
  if (items.length === 0) return;
  const at = items.findIndex((el) => el === target || el.contains(target));
  let to: number | undefined;
  if (at < 0) {
    if (!fromField || e.key !== 'ArrowDown' || !target.matches(FIELD)) return;
    to = 0;
  } else {
    to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to === undefined) return;
  }
  e.preventDefault();
  if (to < 0) {
    if (fromField) box.querySelector<HTMLElement>(FIELD)?.focus();
  } else items[Math.min(to, items.length - 1)]!.focus();
}

/**
 * The one item of a short list that Tab reaches (a roving tab stop, as VirtualList keeps for long ones): the
 * item focused last, else `preferred` (the selected one), else the first. Put `onFocus` on the element holding
 * the items, `data-roving-id` on each item, and tabIndex 0 on the stop's controls, -1 on every other item's:
 * Tab then enters the list once and leaves it, the arrows (`moveFocusInList`) move within.
 */
export function useRovingStop(
  ids: readonly string[],
  preferred?: string | null,
): { stop: string | undefined; onFocus(e: FocusEvent<HTMLElement>): void } {
  const [focused, setFocused] = useState<string | null>(null);
  const stop = [focused, preferred].find((id): id is string => !!id && ids.includes(id)) ?? ids[0];
  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const id = (e.target as Element).closest('[data-roving-id]')?.getAttribute('data-roving-id');
    if (id) setFocused(id);
  };
  return { stop, onFocus };
}
