/**
 * The reader's caret keys, from the shared shortcut table: every move has a
 * selecting twin that is the same keys with Shift, each pair is written
 * backward first, and `caretMove` reads a key press as the right move (and
 * leaves keys that are not caret keys, such as C or Shift+Delete, alone).
 */
import { describe, expect, it } from 'vitest';
import { keysFor, matchesAccelerator, shortcut, type ShortcutId } from '../../../shared/shortcuts';
import { caretMove } from '../../../renderer/src/reader/caret-keys';

const PAIRS: Array<[ShortcutId, ShortcutId]> = [
  ['caret-character', 'select-character'],
  ['caret-word', 'select-word'],
  ['caret-line', 'select-line'],
  ['caret-line-boundary', 'select-line-boundary'],
  ['caret-paragraph', 'select-paragraph'],
  ['caret-text-boundary', 'select-text-boundary'],
];

const press = (key: string, mods: { shift?: boolean; ctrl?: boolean; alt?: boolean; meta?: boolean } = {}) => ({
  key,
  shiftKey: Boolean(mods.shift),
  ctrlKey: Boolean(mods.ctrl),
  altKey: Boolean(mods.alt),
  metaKey: Boolean(mods.meta),
});

describe('caret keys in the shared table', () => {
  for (const platform of ['linux', 'win32', 'darwin']) {
    it(`selecting is the moving keys with Shift, backward first (${platform})`, () => {
      for (const [move, select] of PAIRS) {
        const moves = keysFor(move, platform);
        const selects = keysFor(select, platform);
        expect(moves, move).toHaveLength(2);
        expect(
          selects.map((k) =>
            k
              .split('+')
              .filter((p) => p !== 'Shift')
              .join('+'),
          ),
        ).toEqual(moves);
        expect(
          selects.every((k) => k.split('+').includes('Shift')),
          select,
        ).toBe(true);
        expect(moves[0]).toMatch(/(Left|Up|Home)$/);
        expect(moves[1]).toMatch(/(Right|Down|End)$/);
      }
    });
  }

  it('the caret keys are Reader keys and not menu accelerators (they act only where the focus is)', () => {
    for (const id of PAIRS.flat()) {
      expect(shortcut(id).area).toBe('Reader');
      expect('menu' in shortcut(id)).toBe(false);
    }
  });
});

describe('caretMove (Linux and Windows keys: the unit tests run as neither macOS)', () => {
  it('moves by character, word, line, paragraph and to the line and text boundaries', () => {
    expect(caretMove(press('ArrowRight'))).toEqual({
      move: { direction: 'forward', granularity: 'character' },
      extend: false,
    });
    expect(caretMove(press('ArrowLeft', { shift: true }))).toEqual({
      move: { direction: 'backward', granularity: 'character' },
      extend: true,
    });
    expect(caretMove(press('ArrowRight', { ctrl: true, shift: true }))).toEqual({
      move: { direction: 'forward', granularity: 'word' },
      extend: true,
    });
    expect(caretMove(press('ArrowUp'))).toEqual({
      move: { direction: 'backward', granularity: 'line' },
      extend: false,
    });
    expect(caretMove(press('ArrowDown', { ctrl: true }))).toEqual({
      move: { direction: 'forward', granularity: 'paragraph' },
      extend: false,
    });
    expect(caretMove(press('End', { shift: true }))).toEqual({
      move: { direction: 'forward', granularity: 'lineboundary' },
      extend: true,
    });
    expect(caretMove(press('Home', { ctrl: true }))).toEqual({ move: 'start', extend: false });
    expect(caretMove(press('End', { ctrl: true, shift: true }))).toEqual({ move: 'end', extend: true });
  });

  it('leaves other keys to their own handlers', () => {
    for (const p of [
      press('c'),
      press('h'),
      press('Delete', { shift: true }),
      press('ArrowRight', { alt: true }),
      press('PageDown'),
      press('Escape'),
      press('F6'),
    ])
      expect(caretMove(p), p.key).toBeNull();
  });

  it('macOS writes word moves with ⌥ and line ends with ⌘', () => {
    expect(keysFor('caret-word', 'darwin')).toEqual(['Alt+Left', 'Alt+Right']);
    expect(
      matchesAccelerator(
        press('ArrowRight', { meta: true, shift: true }),
        keysFor('select-line-boundary', 'darwin')[1]!,
      ),
    ).toBe(true);
  });
});
