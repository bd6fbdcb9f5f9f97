/**
 * The reader's caret keys (the shared shortcut table's caret-* and select-*
 * entries) read as moves of the selection: which direction, how far, and
 * whether Shift extends the selection.
 */
import { isShortcut, type KeyPress, type ShortcutId } from '../../../shared/shortcuts';
import { PLATFORM } from '../ui/platform';

type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'paragraph';
export type Move = { direction: 'forward' | 'backward'; granularity: Granularity } | 'start' | 'end';

/** The shared table's caret keys and what each does (the Shift variants extend the selection). */
const MOVES: ReadonlyArray<readonly [ShortcutId, ShortcutId, Move, Move]> = [
  ['caret-character', 'select-character', cmd('backward', 'character'), cmd('forward', 'character')],
  ['caret-word', 'select-word', cmd('backward', 'word'), cmd('forward', 'word')],
  ['caret-line', 'select-line', cmd('backward', 'line'), cmd('forward', 'line')],
  ['caret-line-boundary', 'select-line-boundary', cmd('backward', 'lineboundary'), cmd('forward', 'lineboundary')],
  ['caret-paragraph', 'select-paragraph', cmd('backward', 'paragraph'), cmd('forward', 'paragraph')],
  ['caret-text-boundary', 'select-text-boundary', 'start', 'end'],
];

function cmd(direction: 'forward' | 'backward', granularity: Granularity): Move {
  return { direction, granularity };
}

/** Which caret move a key press is (the keys of each shortcut come in pairs, backward first), if any. */
export function caretMove(e: KeyPress): { move: Move; extend: boolean } | null {
  for (const [moveId, selectId, back, forward] of MOVES) {
    for (const [id, extend] of [
      [moveId, false],
      [selectId, true],
    ] as const) {
      if (!isShortcut(e, id, PLATFORM)) continue;
      const backward = e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'Home';
      return { move: backward ? back : forward, extend };
    }
  }
  return null;
}
