// @vitest-environment jsdom
/**
 * Help › Keyboard Shortcuts in the renderer (React in jsdom): the dialog
 * lists every entry of the shared table that has keys on the platform, with
 * the keys written the platform's way, and it opens on `?`, F1 and the
 * menu's 'shortcuts' command, but not while the person types in a field.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import { formatAccelerator, keysFor, SHORTCUTS } from '../../../shared/shortcuts';

const listeners = new Set<(event: ApiEvent) => void>();
let root: Root;
let host: HTMLElement;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
  // The renderer reaches main through window.dossier; only its events matter here.
  (window as unknown as { dossier: unknown }).dossier = {
    onEvent(listener: (event: ApiEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
});

// The page's translator, as the window starts it (jsdom's browser prefers English).
await import('../../../renderer/src/i18n');
const { KeyboardShortcuts, ShortcutsDialog } = await import('../../../renderer/src/help/KeyboardShortcuts');

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  document.body.innerHTML = '';
});

const dialog = () => document.querySelector('dialog.shortcuts-dialog');
function press(key: string, target: EventTarget = document.body, mods: KeyboardEventInit = {}) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }));
  });
}

describe('ShortcutsDialog', () => {
  for (const platform of ['linux', 'win32', 'darwin']) {
    it(`lists every shortcut of the table that exists on ${platform}, with its keys`, () => {
      act(() => root.render(createElement(ShortcutsDialog, { platform, onClose: () => undefined })));
      const rows = [...document.querySelectorAll<HTMLElement>('[data-shortcut-id]')];
      const shown = Object.fromEntries(
        rows.map((r) => [r.dataset.shortcutId, [...r.querySelectorAll('kbd')].map((k) => k.textContent)]),
      );
      const expected = Object.fromEntries(
        SHORTCUTS.filter((s) => keysFor(s, platform).length > 0).map((s) => [
          s.id,
          keysFor(s, platform).map((k) => formatAccelerator(k, platform)),
        ]),
      );
      expect(shown).toEqual(expected);
      for (const row of rows) {
        const entry = SHORTCUTS.find((s) => s.id === row.dataset.shortcutId)!;
        expect(row.querySelector('dt')?.textContent).toBe(entry.label);
        expect(row.closest('section')?.querySelector('h3')?.textContent).toBe(entry.area);
      }
    });
  }

  it('writes ⌘ on macOS and Ctrl elsewhere', () => {
    act(() => root.render(createElement(ShortcutsDialog, { platform: 'darwin', onClose: () => undefined })));
    expect(document.querySelector('[data-shortcut-id="find"] kbd')?.textContent).toBe('⌘K');
    act(() => root.render(createElement(ShortcutsDialog, { platform: 'linux', onClose: () => undefined })));
    expect(document.querySelector('[data-shortcut-id="find"] kbd')?.textContent).toBe('Ctrl+K');
  });
});

describe('KeyboardShortcuts', () => {
  beforeEach(() => {
    act(() => root.render(createElement(KeyboardShortcuts, { platform: 'linux' })));
  });

  it('opens on ? and on F1, and closes with its Close button', () => {
    expect(dialog()).toBeNull();
    press('?', document.body, { shiftKey: true });
    expect(dialog()?.hasAttribute('open')).toBe(true);
    act(() => document.querySelector<HTMLButtonElement>('dialog button[aria-label="Close"]')!.click());
    expect(dialog()).toBeNull();
    press('F1');
    expect(dialog()).not.toBeNull();
  });

  it('leaves ? to a text field that has the focus', () => {
    const input = document.createElement('input');
    document.body.append(input);
    press('?', input, { shiftKey: true });
    expect(dialog()).toBeNull();
    press('?', document.body, { ctrlKey: true });
    expect(dialog()).toBeNull();
  });

  it('opens on the menu command from main (Help › Keyboard Shortcuts)', () => {
    act(() => {
      for (const l of listeners) l({ type: 'menu', command: 'search' });
    });
    expect(dialog()).toBeNull();
    act(() => {
      for (const l of listeners) l({ type: 'menu', command: 'shortcuts' });
    });
    expect(dialog()).not.toBeNull();
  });
});
