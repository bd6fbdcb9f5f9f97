/** Keyboard helpers shared by the annotation UI. */
import { isShortcut, type KeyPress, type ShortcutPlatform } from '../../../shared/shortcuts';
import { PLATFORM } from '../ui/platform';

/** True when a key event's target edits text itself (inputs, selects, the note editor): it keeps its own keys and text undo. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || !(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return target instanceof HTMLElement && target.isContentEditable;
}

export type HistoryKey = 'undo' | 'redo' | null;

/** Which history command a key press means, by the shared shortcut table (Undo, Redo). */
export function historyKey(e: KeyPress, platform: ShortcutPlatform = PLATFORM): HistoryKey {
  if (isShortcut(e, 'undo', platform)) return 'undo';
  if (isShortcut(e, 'redo', platform)) return 'redo';
  return null;
}
