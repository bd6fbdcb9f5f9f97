/**
 * The shared shortcut table: key presses match accelerators the way the
 * renderer's handlers rely on, accelerators read per platform, and the
 * grouping the Keyboard Shortcuts dialog shows covers the whole table.
 */
import { describe, expect, it } from 'vitest';
import {
  formatAccelerator,
  isShortcut,
  keysFor,
  matchesAccelerator,
  SHORTCUT_AREAS,
  SHORTCUTS,
  shortcutsByArea,
  type KeyPress,
} from '../../../shared/shortcuts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('matchesAccelerator', () => {
  it('CmdOrCtrl takes Ctrl or ⌘, but not both and not with extra modifiers', () => {
    expect(matchesAccelerator(press('k', { ctrlKey: true }), 'CmdOrCtrl+K')).toBe(true);
    expect(matchesAccelerator(press('K', { metaKey: true }), 'CmdOrCtrl+K')).toBe(true);
    expect(matchesAccelerator(press('k'), 'CmdOrCtrl+K')).toBe(false);
    expect(matchesAccelerator(press('k', { ctrlKey: true, metaKey: true }), 'CmdOrCtrl+K')).toBe(false);
    expect(matchesAccelerator(press('k', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+K')).toBe(false);
    expect(matchesAccelerator(press('k', { ctrlKey: true, altKey: true }), 'CmdOrCtrl+K')).toBe(false);
  });

  it('Shift is exact for letters and named keys, ignored for symbols the layout shifts', () => {
    expect(matchesAccelerator(press('Z', { ctrlKey: true, shiftKey: true }), 'Shift+CmdOrCtrl+Z')).toBe(true);
    expect(matchesAccelerator(press('z', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+Z')).toBe(false);
    expect(matchesAccelerator(press('?', { shiftKey: true }), '?')).toBe(true);
    expect(matchesAccelerator(press('?'), '?')).toBe(true);
    expect(matchesAccelerator(press('?', { ctrlKey: true }), '?')).toBe(false);
    expect(matchesAccelerator(press('F1', { shiftKey: true }), 'F1')).toBe(false);
  });

  it('plain keys want no modifier, and Electron key names map to KeyboardEvent keys', () => {
    expect(matchesAccelerator(press('c'), 'C')).toBe(true);
    expect(matchesAccelerator(press('C', { shiftKey: true }), 'C')).toBe(false);
    expect(matchesAccelerator(press('c', { metaKey: true }), 'C')).toBe(false);
    expect(matchesAccelerator(press('ArrowUp'), 'Up')).toBe(true);
    expect(matchesAccelerator(press('Escape'), 'Escape')).toBe(true);
    expect(matchesAccelerator(press('+', { ctrlKey: true }), 'CmdOrCtrl+Plus')).toBe(true);
    expect(matchesAccelerator(press('y', { ctrlKey: true }), 'Ctrl+Y')).toBe(true);
    expect(matchesAccelerator(press('y', { metaKey: true }), 'Ctrl+Y')).toBe(false);
  });

  it('rejects an accelerator with an unknown modifier instead of matching silently', () => {
    expect(() => matchesAccelerator(press('a'), 'Hyper+A')).toThrow(/Unknown modifier/);
  });
});

describe('the table per platform', () => {
  it('redo is Ctrl+Y or Shift+Ctrl+Z on Linux/Windows, Shift+⌘Z (or Ctrl+Y) on macOS', () => {
    const shiftZ = press('z', { metaKey: true, shiftKey: true });
    expect(isShortcut(shiftZ, 'redo', 'darwin')).toBe(true);
    expect(isShortcut(press('y', { ctrlKey: true }), 'redo', 'linux')).toBe(true);
    expect(isShortcut(press('z', { ctrlKey: true }), 'redo', 'linux')).toBe(false);
    expect(isShortcut(press('z', { ctrlKey: true }), 'undo', 'linux')).toBe(true);
    expect(keysFor('redo', 'darwin')[0]).toBe('Shift+CmdOrCtrl+Z');
    expect(keysFor('redo', 'win32')[0]).toBe('CmdOrCtrl+Y');
  });

  it('every accelerator in the table parses, and ids are unique', () => {
    const ids = SHORTCUTS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SHORTCUTS) {
      for (const platform of ['darwin', 'win32', 'linux']) {
        for (const k of keysFor(s, platform))
          expect(() => formatAccelerator(k, platform), `${s.id} ${k}`).not.toThrow();
      }
    }
  });

  it('formats keys the platform way', () => {
    expect(formatAccelerator('CmdOrCtrl+Shift+I', 'darwin')).toBe('⇧⌘I');
    expect(formatAccelerator('CmdOrCtrl+Shift+I', 'linux')).toBe('Ctrl+Shift+I');
    expect(formatAccelerator('Alt+Shift+CmdOrCtrl+V', 'darwin')).toBe('⌥⇧⌘V');
    expect(formatAccelerator('Ctrl+Cmd+F', 'darwin')).toBe('⌃⌘F');
    expect(formatAccelerator('CmdOrCtrl+Plus', 'win32')).toBe('Ctrl++');
    expect(formatAccelerator('Up', 'linux')).toBe('↑');
    expect(formatAccelerator('C', 'linux')).toBe('C');
  });

  it('shortcutsByArea lists every entry that has keys on the platform, once, under its area', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const groups = shortcutsByArea(platform);
      const listed = groups.flatMap((g) => g.shortcuts.map((s) => s.id));
      const expected = SHORTCUTS.filter((s) => keysFor(s, platform).length > 0).map((s) => s.id);
      expect([...listed].sort()).toEqual([...expected].sort());
      expect(groups.map((g) => g.area)).toEqual(SHORTCUT_AREAS.filter((a) => groups.some((g) => g.area === a)));
    }
    expect(
      shortcutsByArea('linux')
        .flatMap((g) => g.shortcuts)
        .find((s) => s.id === 'hide'),
    ).toBeUndefined();
    expect(
      shortcutsByArea('darwin')
        .flatMap((g) => g.shortcuts)
        .find((s) => s.id === 'import-folder'),
    ).toBeUndefined();
  });
});

describe('detectPlatform (the renderer asks the browser)', () => {
  it('maps what browsers and Electron report to process.platform names', async () => {
    const { detectPlatform } = await import('../../../renderer/src/ui/platform');
    expect(detectPlatform({ platform: 'MacIntel' })).toBe('darwin');
    expect(detectPlatform({ platform: 'Win32' })).toBe('win32');
    expect(detectPlatform({ platform: 'Linux x86_64' })).toBe('linux');
    expect(detectPlatform({ platform: '', userAgentData: { platform: 'macOS' } })).toBe('darwin');
    expect(detectPlatform({ platform: 'darwin' })).toBe('darwin');
    expect(detectPlatform(undefined)).toBe('linux');
  });
});
