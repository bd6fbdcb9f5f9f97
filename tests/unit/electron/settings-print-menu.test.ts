/**
 * File › Settings… (the app menu's Preferences… on macOS) and File › Print…:
 * where they sit, their keys from the shared shortcut table, and what they
 * do — Settings asks the renderer for its dialog, Print has main print the
 * window.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../main/electron/menu';
import { MENU_COMMANDS, MenuCommand } from '../../../shared/enums';
import { isShortcut, keysFor } from '../../../shared/shortcuts';

function build(platform: NodeJS.Platform) {
  const calls: string[] = [];
  const actions = new Proxy({} as MenuActions, {
    get: (_target, name) => (arg?: unknown) => calls.push(arg === undefined ? String(name) : `${String(name)}:${arg}`),
  });
  const menu = buildMenuTemplate({ platform, isDev: false, appName: 'Dossier', recent: [], actions });
  return { menu, calls };
}
const sub = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();
/** Where an item with this id sits: [top-level menu index, item]. */
function locate(menu: MenuItemConstructorOptions[], id: string): [number, MenuItemConstructorOptions] | undefined {
  for (const [i, top] of menu.entries()) {
    const item = sub(top).find((entry) => entry.id === id);
    if (item) return [i, item];
  }
  return undefined;
}

describe('Settings in the menu', () => {
  it('is a menu command the renderer may receive', () => {
    expect(MENU_COMMANDS).toContain('settings');
    expect(MenuCommand.parse('settings')).toBe('settings');
  });

  for (const platform of ['linux', 'win32'] as const) {
    it(`is File › Settings… with Ctrl+, on ${platform}, and asks the renderer for its dialog`, () => {
      const { menu, calls } = build(platform);
      const [where, item] = locate(menu, 'settings') ?? [];
      expect(where).toBe(0);
      expect(item?.label).toBe('Settings…');
      expect(item?.accelerator).toBe('CmdOrCtrl+,');
      click(item);
      expect(calls).toEqual(['sendToRenderer:settings']);
    });
  }

  it('is Preferences… (⌘,) in the application menu on macOS, not in File', () => {
    const { menu, calls } = build('darwin');
    const [where, item] = locate(menu, 'settings') ?? [];
    expect(menu[where!]?.label).toBe('Dossier');
    expect(item?.label).toBe('Preferences…');
    expect(item?.accelerator).toBe('CmdOrCtrl+,');
    expect(sub(menu.find((m) => m.label === 'File')).some((i) => i.id === 'settings')).toBe(false);
    click(item);
    expect(calls).toEqual(['sendToRenderer:settings']);
  });

  it('its key, pressed in the page, is the settings shortcut (Ctrl+, and ⌘,)', () => {
    const press = { key: ',', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false };
    expect(isShortcut(press, 'settings', 'linux')).toBe(true);
    expect(isShortcut({ ...press, ctrlKey: false, metaKey: true }, 'settings', 'darwin')).toBe(true);
    expect(isShortcut({ ...press, key: '.' }, 'settings', 'linux')).toBe(false);
  });
});

describe('Print in the menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`is File › Print… with ${keysFor('print', platform)[0]} on ${platform}, and prints from main`, () => {
      const { menu, calls } = build(platform);
      const [where, item] = locate(menu, 'print') ?? [];
      expect(menu[where!]?.label).toBe('File');
      expect(item?.label).toBe('Print…');
      expect(item?.accelerator).toBe('CmdOrCtrl+P');
      click(item);
      // Not a renderer command: main prints the window (webContents.print()).
      expect(calls).toEqual(['print']);
    });
  }
});
