/** Keyboard helpers shared by the annotation UI. */

/** True when a key event's target edits text itself (inputs, selects, the note editor): it keeps its own keys and text undo. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || !(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return target instanceof HTMLElement && target.isContentEditable;
}

export type HistoryKey = 'undo' | 'redo' | null;

/** Which history command a key press means: Ctrl/Cmd+Z undo; Shift+Ctrl/Cmd+Z or Ctrl+Y redo. */
export function historyKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): HistoryKey {
  if (e.altKey || !(e.ctrlKey || e.metaKey)) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
  return null;
}
